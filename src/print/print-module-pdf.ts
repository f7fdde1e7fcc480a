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
  /** Public URL of the site: the PDF's links to other pages point there. */
  siteUrl: string;
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
  const origin = new URL(options.siteUrl).origin;
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
    // destinations and written into the contents; pass 2 prints it. The numbers take room kept for them
    // beforehand, so the layout cannot move: pass 2 is checked against its own destinations.
    const targets: string[] = await page
      .locator('[data-toc-target]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-toc-target')!));
    const firstPass = await page.pdf(pdfOptions);
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
