// Prints a module's print page from a built site (dist/) to an A4 PDF with Chromium: bookmarks, page numbers, running header.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-browser.mjs';
import { modulePdfPath, printPagePath } from './module-chapters.ts';
import { fixOutlineTitles } from './fix-outline-titles.ts';
import { pdfPageOfDestinations } from './pdf-destinations.ts';

export interface PrintOptions {
  /** The built site. */
  distDir: string;
  /** Public URL of the site: the PDF's links to other pages point there. Undefined: they become their path, as text. */
  siteUrl: string | undefined;
  /** Shown in the running header with the module title. */
  courseTitle: string;
}

export interface PrintedPdf {
  module: string;
  file: string;
  pages: number;
  bytes: number;
  seconds: number;
}

/** Modules whose print page was built: `dist/<module>/imprimir/index.html`. */
export function builtPrintModules(distDir: string): string[] {
  return readdirSync(distDir)
    .filter((name) => existsSync(join(distDir, name, 'imprimir', 'index.html')))
    .sort();
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The origin the print page is served from when the site has no public address: a reserved name (RFC 6761) that
 * no link in the PDF keeps (unlinkOtherPages).
 */
const NO_SITE_ORIGIN = 'https://sitio-del-curso.invalid';

/**
 * Without a public address, a link to a page outside the PDF would lead nowhere: it becomes its text followed by
 * its path, «Docker Engine (/modulo-01/docker-engine/)»; in a diagram, its label alone. Links inside the PDF and to
 * other hosts stay.
 */
function unlinkOtherPages() {
  const toOtherPage = (url: URL) => url.origin === location.origin && !(url.pathname === location.pathname && url.hash);
  for (const a of document.querySelectorAll('a[href]')) {
    if (!(a instanceof HTMLAnchorElement)) continue;
    const url = new URL(a.href, location.href);
    if (!toOtherPage(url)) continue;
    const text = a.textContent?.trim() ?? '';
    const path = decodeURI(url.pathname + url.hash);
    const span = document.createElement('span');
    span.className = 'print-unlinked';
    span.append(...a.childNodes, text === path || text === url.href ? '' : ` (${path})`);
    a.replaceWith(span);
  }
  for (const a of document.querySelectorAll('svg a')) {
    const href = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
    if (!toOtherPage(new URL(href, location.href))) continue;
    a.removeAttribute('href');
    a.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
  }
}

const TEMPLATE_STYLE = 'font: 8pt "Liberation Sans", Arial, sans-serif; color: #555; width: 100%; margin: 0 16mm;';

/**
 * Serves the built site to the browser under the public site's own origin, straight from dist/ (request
 * interception, no server): links to other pages therefore come out in the PDF as links to the public site,
 * and nothing can point to localhost. Any request for a missing file or to another host fails the print.
 */
async function serveDist(context: BrowserContext, distDir: string, origin: string, problems: string[]) {
  const root = resolve(distDir);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      problems.push(`request to another host: ${url.href}`);
      return route.abort('blockedbyclient');
    }
    const path = decodeURIComponent(url.pathname);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      problems.push(`missing file in ${distDir}: ${path}`);
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    return route.fulfill({ path: file });
  });
}

async function printModule(browser: Browser, module: string, options: PrintOptions): Promise<PrintedPdf> {
  const started = performance.now();
  const origin = options.siteUrl ? new URL(options.siteUrl).origin : NO_SITE_ORIGIN;
  const problems: string[] = [];
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    await context.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    await serveDist(context, options.distDir, origin, problems);
    const page = await context.newPage();
    // The print page holds the whole module: on a busy 2-core machine loading it took over 30 s.
    page.setDefaultTimeout(300_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
    await page.goto(`${origin}${printPagePath(module)}`, { waitUntil: 'load', timeout: 300_000 });
    await page.evaluate(() => document.fonts.ready);
    // Chromium makes a PDF destination only for the target of a link with an `href` attribute; Mermaid's SVG links
    // have `xlink:href`, so the sections they point to would get none and the links would lead nowhere.
    await page.evaluate(() => {
      for (const a of document.querySelectorAll('svg a')) {
        const href = a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
        if (href !== null && !a.hasAttribute('href')) a.setAttribute('href', href);
      }
    });
    if (!options.siteUrl) await page.evaluate(unlinkOtherPages);
    const moduleTitle = (await page.locator('h1#_top').innerText()).trim();
    // The PDF's title (its metadata) is the document's.
    await page.evaluate((title) => (document.title = title), `${options.courseTitle} — ${moduleTitle}`);

    const pdfOptions = {
      format: 'A4',
      outline: true,
      tagged: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style='${TEMPLATE_STYLE} display: flex; justify-content: space-between;'><span>${escapeHtml(options.courseTitle)}</span><span>${escapeHtml(moduleTitle)}</span></div>`,
      footerTemplate: `<div style='${TEMPLATE_STYLE} text-align: center;'>Página <span class="pageNumber"></span> de <span class="totalPages"></span></div>`,
      margin: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
    } as const;

    // Pass 1 lays the module out; the page each contents entry points to is then read from the PDF's named
    // destinations (made for in-page links, tagged or not) and written into the contents; pass 2 prints it.
    // The numbers take room kept for them beforehand and pass 1 has the same page size and margins, so the
    // layout cannot move: pass 2 is checked against its own destinations. Pass 1 skips tags, bookmarks and
    // header, the slow part of printing.
    const targets: string[] = await page
      .locator('[data-toc-target]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-toc-target')!));
    const firstPass = await page.pdf({ ...pdfOptions, outline: false, tagged: false, displayHeaderFooter: false });
    const { pageOf } = await pdfPageOfDestinations(firstPass, targets);
    await page.evaluate((numbers) => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-toc-target]')) {
        el.textContent = String(numbers[el.dataset.tocTarget!]);
      }
    }, pageOf);
    const headings = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').allTextContents();
    const { pdf } = await fixOutlineTitles(await page.pdf(pdfOptions), headings);
    const check = await pdfPageOfDestinations(pdf, targets);
    const moved = targets.filter((id) => check.pageOf[id] !== pageOf[id]);
    if (moved.length > 0) throw new Error(`page numbers of the contents moved between passes: ${moved.join(', ')}`);
    if (problems.length > 0) throw new Error(problems.join('\n'));

    const file = join(options.distDir, modulePdfPath(module));
    await writeFile(file, pdf);
    return {
      module,
      file: relative(process.cwd(), file),
      pages: check.pages,
      bytes: pdf.length,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PDF of ${module} (${printPagePath(module)}) failed: ${reason}`, { cause: error });
  } finally {
    await context.close();
  }
}

/** Prints every given module's print page to `dist/<module>/curso-bigdata-<module>.pdf`. */
export async function printModulePdfs(modules: string[], options: PrintOptions): Promise<PrintedPdf[]> {
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  try {
    const printed: PrintedPdf[] = [];
    for (const module of modules) printed.push(await printModule(browser, module, options));
    return printed;
  } finally {
    await browser.close();
  }
}
