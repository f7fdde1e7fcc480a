// Astro integration: once the site is built, prints each module's print page to its PDF, next to the module's pages.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface ModulePdfOptions {
  /** Public address of the site; undefined: the PDF links no page outside it. */
  siteUrl: string | undefined;
  courseTitle: string;
}

/** List it before check-site-links: build-done hooks run in order, and the link check must find the PDFs. */
export default function buildModulePdfs(options: ModulePdfOptions): AstroIntegration {
  return {
    name: 'build-module-pdfs',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Loaded here, not with the config: the dev server never needs Chromium or pdf.js for this.
        const { builtPrintModules, printModulePdfs } = await import('../print/print-module-pdf.ts');
        const distDir = fileURLToPath(dir);
        const modules = builtPrintModules(distDir);
        if (modules.length === 0) {
          logger.info('No module print page was built: no PDF to make.');
          return;
        }
        if (!options.siteUrl)
          logger.info(
            'Sin SITE_URL: el PDF no enlaza páginas de fuera de él (las nombra por su ruta). Para publicar el sitio: SITE_URL=https://… npm run build',
          );
        for (const pdf of await printModulePdfs(modules, { distDir, ...options })) {
          const mb = (pdf.bytes / 1024 / 1024).toFixed(1);
          logger.info(`${pdf.file}: ${pdf.pages} pages, ${mb} MB, in ${pdf.seconds.toFixed(1)} s`);
        }
      },
    },
  };
}
