// Prints a tiny built site (tests/fixtures/print-dist: a module print page and one other page) with Chromium and reads the PDF back.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { builtPrintModules, printModulePdfs } from '../../src/print/print-module-pdf.ts';
import { site } from './print-dist.ts';

const SITE = 'https://curso.example.org';

async function read(file: string) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  const links: string[] = [];
  const destinations: Record<string, number | null> = {};
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(
      (await page.getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    for (const a of await page.getAnnotations()) {
      if (a.url) links.push(a.url);
      else if (typeof a.dest === 'string') {
        const dest = await doc.getDestination(a.dest);
        destinations[a.dest] = dest ? (await doc.getPageIndex(dest[0])) + 1 : null;
      }
    }
  }
  const outline = ((await doc.getOutline()) ?? []).flatMap((item) => [
    item.title,
    ...item.items.map((child) => child.title),
  ]);
  await doc.destroy();
  return { pages, links, destinations, outline };
}

describe('printModulePdfs', { concurrency: 1 }, () => {
  test('finds the modules whose print page was built', () => {
    assert.deepEqual(builtPrintModules(site()), ['modulo-x']);
  });

  test('writes the PDF next to the module: page numbers in the contents, header, footer, bookmarks, public links', async () => {
    const dist = site();
    const [pdf] = await printModulePdfs(['modulo-x'], { distDir: dist, siteUrl: SITE, courseTitle: 'Curso de prueba' });
    const file = join(dist, 'modulo-x/curso-bigdata-modulo-x.pdf');
    assert.ok(existsSync(file));
    assert.equal(pdf.pages, 3);
    const { pages, links, destinations, outline } = await read(file);
    assert.match(pages[0], /Capítulo 1\. Uno 2 .*Capítulo 2\. Dos 3/, 'the contents give each chapter its page');
    pages.forEach((text, i) => {
      assert.match(text, /Curso de prueba/, `running header on page ${i + 1}`);
      assert.match(text, /Módulo X: Prueba/, `running header on page ${i + 1}`);
      assert.match(text, new RegExp(`Página ${i + 1} de 3`), `footer on page ${i + 1}`);
    });
    assert.ok(
      outline.includes('Capítulo 2. Un título que se parte en varias líneas'),
      `bookmark titles keep their spaces: ${outline}`,
    );
    assert.deepEqual(
      destinations,
      { a: 2, b: 3, 'b--paso': 3 },
      'in-document links, from the contents and from an SVG, lead to their page',
    );
    assert.deepEqual(links.sort(), [
      'https://curso.example.org/modulo-x/imprimir/ficha.txt',
      'https://curso.example.org/modulo-x/otra/',
      'https://docs.docker.com/',
    ]);
  });

  test('without a public address, links to pages outside the PDF become their text and path; the rest stay', async () => {
    const dist = site();
    await printModulePdfs(['modulo-x'], { distDir: dist, siteUrl: undefined, courseTitle: 'Curso de prueba' });
    const { pages, links, destinations } = await read(join(dist, 'modulo-x/curso-bigdata-modulo-x.pdf'));
    assert.deepEqual(links, ['https://docs.docker.com/'], 'only the link to another host is a link');
    assert.deepEqual(destinations, { a: 2, b: 3, 'b--paso': 3 }, 'links inside the PDF still lead to their page');
    const text = pages.join(' ');
    assert.match(text, /otra página \(\/modulo-x\/otra\/\)/);
    assert.match(text, /una descarga \(\/modulo-x\/imprimir\/ficha\.txt\)/);
    assert.doesNotMatch(text, /invalid|example/);
  });

  test('fails, naming it, when the page asks another host for something', async () => {
    const dist = site('<link rel="stylesheet" href="https://cdn.example.net/x.css">');
    await assert.rejects(
      printModulePdfs(['modulo-x'], { distDir: dist, siteUrl: SITE, courseTitle: 'C' }),
      /PDF of modulo-x \(\/modulo-x\/imprimir\/\) failed: request to another host: https:\/\/cdn\.example\.net\/x\.css/,
    );
  });

  test('fails, naming it, when the page needs a file the build did not write', async () => {
    const dist = site('<script src="/_astro/missing.js"></script>');
    await assert.rejects(
      printModulePdfs(['modulo-x'], { distDir: dist, siteUrl: SITE, courseTitle: 'C' }),
      /missing file in .*: \/_astro\/missing\.js/,
    );
    assert.ok(!existsSync(join(dist, 'modulo-x/curso-bigdata-modulo-x.pdf')), 'no PDF is written');
  });
});
