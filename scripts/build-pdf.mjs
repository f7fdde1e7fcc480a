// Prints the module PDFs again from an existing dist/ (`npm run pdf`), without rebuilding; `npm run build` makes them too.
import { courseTitle, siteUrl } from '../src/course.config.mjs';
import { builtPrintModules, printModulePdfs } from '../src/print/print-module-pdf.ts';

const distDir = 'dist';
const modules = builtPrintModules(distDir);
if (modules.length === 0) throw new Error('dist/ holds no module print page (dist/<module>/imprimir/): run `npm run build` first.');
for (const pdf of await printModulePdfs(modules, { distDir, siteUrl, courseTitle })) {
  console.log(`${pdf.file}: ${pdf.pages} pages, ${(pdf.bytes / 1024 / 1024).toFixed(1)} MB, in ${pdf.seconds.toFixed(1)} s`);
}
