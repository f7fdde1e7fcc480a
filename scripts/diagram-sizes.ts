// Renders every diagram of the given lessons as the build does and reports, per figure, how big its smallest
// label is on a 390 px phone; writes a phone-sized PNG of each (light and dark) into node_modules/.cache/diagrams/.
// Usage: npm run diagrams -- content/docs/modulo-01/redes.mdx [more lessons]
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chromium } from 'playwright';
import { createMermaidRenderer } from 'mermaid-isomorphic';
import { CHROMIUM_ARGS, requireChromium } from './find-browser.mjs';
import { parseFenceMeta } from '../lesson-model/fence-meta.ts';
import { renderableSource } from '../src/plugins/diagram-source.ts';
import { labelOnPhone, MIN_LABEL_PX, PHONE_CANVAS_PX, widestForPhone } from '../src/plugins/diagram-label-size.ts';
import { MERMAID_CONFIG, THEMES } from '../src/plugins/mermaid-config.ts';
import { measureDiagram } from '../src/plugins/measure-diagram.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: npm run diagrams -- content/docs/modulo-01/<lección>.mdx [más lecciones]');
  process.exit(2);
}
const out = join(import.meta.dirname, '../node_modules/.cache/diagrams');
await mkdir(out, { recursive: true });
const render = createMermaidRenderer({ launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS } });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: PHONE_CANVAS_PX, height: 800 }, deviceScaleFactor: 2 });
let failures = 0;
try {
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const fences = [...text.matchAll(/^```mermaid([^\n]*)\n([\s\S]*?)\n```$/gm)];
    for (const [n, fence] of fences.entries()) {
      const meta = parseFenceMeta(fence[1]);
      const line = text.slice(0, fence.index).split('\n').length;
      const name = `${basename(file, '.mdx')}-${n + 1}`;
      for (const theme of THEMES) {
        const [result] = await render([renderableSource(fence[2], theme)], {
          prefix: `m${n}${theme}`,
          mermaidConfig: MERMAID_CONFIG[theme],
        });
        if (result.status === 'rejected') {
          console.log(`${file}:${line}: figura ${n + 1}: Mermaid no la puede dibujar: ${result.reason}`);
          failures++;
          break;
        }
        const svg = result.value.svg;
        const background = theme === 'dark' ? '#17181c' : '#ffffff';
        await page.setContent(`<body style="margin:0;background:${background}">${svg}</body>`);
        await page.addStyleTag({ content: 'svg { display: block; max-width: 100%; height: auto; }' });
        await page.screenshot({ path: join(out, `${name}-${theme}.png`), fullPage: true });
        if (theme !== 'light') continue;
        // Measured as the build measures it, at its natural size, then scaled to the phone's drawing width.
        const { width, label } = await measureDiagram(svg);
        const phone = labelOnPhone(width, label.px);
        const ok = phone >= MIN_LABEL_PX || meta.wide !== undefined;
        if (!ok) failures++;
        console.log(
          `${file}:${line}: figura ${n + 1} (${meta.id ?? meta.caption}): ${Math.round(width)} px de ancho, ` +
            `etiqueta más pequeña «${label.text.slice(0, 40)}» a ${phone.toFixed(1)} px en el móvil ` +
            `(caben ${widestForPhone(label.px)} px) ${ok ? 'OK' : 'DEMASIADO PEQUEÑA'}` +
            (meta.wide !== undefined ? ' [wide: se desplaza]' : ''),
        );
      }
    }
  }
  console.log(`Vistas previas a ${PHONE_CANVAS_PX} px: ${out}`);
} finally {
  await browser.close();
}
process.exit(failures > 0 ? 1 : 0);
