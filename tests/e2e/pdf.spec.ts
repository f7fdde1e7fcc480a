// The module PDF the build wrote, read back with pdf.js: bookmarks, contents, page numbers, text, links, tags, vectors.
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { builtHtml, DIST } from './site.ts';

const PDF_PATH = '/modulo-01/curso-bigdata-modulo-01.pdf';
const PRINT = '/modulo-01/imprimir/';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** For finding a title in the text, where a line may wrap inside it (at a hyphen, say). */
const letters = (text: string) => text.replace(/\s+/g, '');
const COURSE = 'Big Data con Hadoop y Spark';
const moduleTitle = () => squash(builtHtml(PRINT).querySelector('h1#_top')!.textContent);

interface Outline {
  title: string;
  dest: string | unknown[] | null;
  items: Outline[];
}

let doc: PDFDocumentProxy;
let pageTexts: string[];

test.beforeAll(async () => {
  const file = join(DIST, PDF_PATH);
  expect(existsSync(file), `${file} exists`).toBe(true);
  doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  pageTexts = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pageTexts.push(squash(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('')));
  }
});

test.afterAll(() => doc?.destroy());

/** The chapters as the built print page has them: heading text and the h2 titles inside. */
function chapters() {
  return builtHtml(PRINT)
    .querySelectorAll('section.print-chapter')
    .map((section) => ({
      title: squash(section.querySelector('h1')!.textContent),
      sections: section.querySelectorAll('h2').map((h) => squash(h.textContent)),
    }));
}

async function pageOf(dest: Outline['dest']): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  return (await doc.getPageIndex(explicit![0] as never)) + 1;
}

test('the home page and the module introduction link to the PDF', () => {
  for (const path of ['/', '/modulo-01/']) {
    expect(builtHtml(path).querySelectorAll(`a[href="${PDF_PATH}"]`).length, path).toBeGreaterThan(0);
  }
});

test('has a bookmark for every chapter, in order, holding one for each of its sections', async () => {
  const outline = (await doc.getOutline()) as Outline[];
  const expected = chapters();
  expect(expected.length).toBeGreaterThan(2);
  const chapterMarks = outline.filter((item) => item.title.startsWith('Capítulo '));
  expect(chapterMarks.map((item) => item.title)).toEqual(expected.map((c) => c.title));
  chapterMarks.forEach((mark, i) =>
    expect(
      mark.items.map((item) => item.title),
      mark.title,
    ).toEqual(expected[i].sections),
  );
});

test('has a sane page count, with a cover, the contents and then the chapters', async () => {
  const count = chapters().length;
  expect(doc.numPages).toBeGreaterThanOrEqual(count + 2);
  expect(doc.numPages).toBeLessThanOrEqual(count * 25);
  expect(pageTexts[0]).toContain(COURSE);
  expect(pageTexts[1]).toContain('Índice');
});

test('the contents give the page each chapter starts on', async () => {
  const outline = (await doc.getOutline()) as Outline[];
  const contents = pageTexts.slice(1, 4).join(' ');
  for (const mark of outline.filter((item) => item.title.startsWith('Capítulo '))) {
    const page = await pageOf(mark.dest);
    expect(contents, mark.title).toContain(`${mark.title} ${page}`);
    expect(letters(pageTexts[page - 1]), `page ${page}`).toContain(letters(mark.title));
  }
});

test('every page has the running header and «Página N de M»', () => {
  pageTexts.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(COURSE);
    expect(text, `page ${i + 1}`).toContain(moduleTitle());
    expect(text, `page ${i + 1}`).toContain(`Página ${i + 1} de ${doc.numPages}`);
  });
});

test('holds the text of every lesson and no Mermaid source', () => {
  const all = pageTexts.join(' ');
  for (const { title } of chapters()) expect(letters(all)).toContain(letters(title));
  expect(all).not.toMatch(/accTitle|accDescr|sequenceDiagram|stateDiagram|%%\{|\b(flowchart|graph) (TB|TD|BT|RL|LR)\b/);
});

// Lessons teach `curl http://localhost/…` and link to the Spark UI on the student's machine (http://localhost:8080/):
// those links are the lessons' own. Any other link to localhost would be one the printing made. Built with a
// public address (SITE_URL), links to pages outside the PDF go there; without one (this build, when SITE_URL is
// unset), they are text with their path, and no placeholder address appears anywhere.
test('its links go inside the PDF, to the public site if there is one, or to addresses a lesson wrote', async () => {
  const canonical = builtHtml('/').querySelector('link[rel="canonical"]')?.getAttribute('href');
  const siteOrigin = canonical ? new URL(canonical).origin : undefined;
  expect(siteOrigin, 'a canonical address exactly when SITE_URL is set').toBe(
    process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : undefined,
  );
  const written = new Set(
    builtHtml(PRINT)
      .querySelectorAll('a[href^="http"]')
      .map((a) => new URL(a.getAttribute('href')!).href),
  );
  const urls: string[] = [];
  let internal = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    for (const annotation of await (await doc.getPage(n)).getAnnotations()) {
      if (annotation.subtype !== 'Link') continue;
      if (annotation.url) urls.push(annotation.url);
      else if (annotation.dest) {
        internal++;
        const dest = typeof annotation.dest === 'string' ? await doc.getDestination(annotation.dest) : annotation.dest;
        expect(dest, `page ${n}: link to #${annotation.dest} leads somewhere`).not.toBeNull();
      }
    }
  }
  expect(internal, 'links inside the PDF (contents, cross-references)').toBeGreaterThan(chapters().length);
  const toSite = (url: string) => siteOrigin !== undefined && url.startsWith(`${siteOrigin}/`);
  if (siteOrigin) expect(urls.some(toSite), `a link to ${siteOrigin}`).toBe(true);
  else expect(pageTexts.join(' '), 'a page outside the PDF named by its path').toMatch(/\(\/modulo-01\/[\w./-]+\)/);
  const notWritten = urls.filter((url) => !toSite(url) && !written.has(new URL(url).href));
  // A page of the site printed from a local server (http://127.0.0.1:4322/modulo-01/…) or a file:// URL lands here.
  expect(notWritten, 'links that are neither to the public site nor written so in a lesson').toEqual([]);
  expect(pageTexts.join(' ')).not.toMatch(/\.invalid|example\.org/);
});

test('is a tagged PDF with the course title', async () => {
  expect((await doc.getMarkInfo())?.Marked).toBe(true);
  expect(await (await doc.getPage(2)).getStructTree()).not.toBeNull();
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
  expect(info.Title).toBe(`${COURSE} — ${moduleTitle()}`);
});

test('draws its diagrams as vectors: no page holds a raster image', async () => {
  const images = [OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject];
  const rasters: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray } = await (await doc.getPage(n)).getOperatorList();
    if (fnArray.some((fn) => images.includes(fn))) rasters.push(n);
  }
  expect(rasters).toEqual([]);
});
