// What three lessons cost to load, from the network: gzip bytes of the JavaScript fetched on load, of the HTML
// document and of the render-blocking CSS, each within its budget; and no search code until search is opened.
import { expect, test, type Page, type Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { PAGE_BY_PATH } from './site.ts';

type Kind = 'js' | 'html' | 'css';
const KIND_NAME: Record<Kind, string> = {
  js: 'JavaScript fetched on load',
  html: 'HTML document',
  css: 'render-blocking CSS',
};

/**
 * Budgets in gzip bytes (node:zlib, level 9, of each body: the same whatever encoding the server chose), ≈ 5 % over
 * what was measured on 2026-12-04, with search loaded on demand and one SVG per figure (themed-svg.ts, without
 * Mermaid's unused symbols and rules, coordinates to 0.01 px):
 *   docker-engine  JS 12 784 B (8 files) · HTML 22 033 B · CSS 13 466 B
 *   contenedores   JS 12 784 B (8 files) · HTML 37 362 B · CSS 13 466 B
 *   arquitectura   JS 12 784 B (8 files) · HTML 32 976 B · CSS 13 466 B
 * (Before, with Starlight fetching Pagefind's UI at idle on every page: JS 38 751 B in 9 files, 26 423 B of them
 * ui-core; with a light and a dark SVG per figure: HTML 32 402 B, 50 196 B and 41 445 B.) A change that makes a page
 * heavier fails here: look at what it adds before raising a budget, and when you raise one, give the new measurement
 * here. The test prints what it measured.
 */
const BUDGETS: Record<string, Record<Kind, number>> = {
  '/modulo-01/docker-engine/': { js: 13_400, html: 23_100, css: 14_100 },
  '/modulo-01/contenedores/': { js: 13_400, html: 39_200, css: 14_100 },
  '/modulo-01/arquitectura/': { js: 13_400, html: 34_600, css: 14_100 },
};

/** Pagefind's UI and its runtime: the UI's chunk (ui-core), pagefind.js, its WebAssembly and index files. */
const SEARCH_CODE = /ui-core|pagefind-ui|\/pagefind\/|\.pf_/;

/** How long to stay after `networkidle`: what Starlight and our scripts start from idle callbacks comes by then. */
const IDLE_MS = 3000;

const gzipBytes = (body: Buffer) => gzipSync(body, { level: 9 }).length;

interface Fetched {
  url: string;
  kind: Kind | undefined;
  bytes: number;
}

/** Records the responses of `page` from now until the returned function is called, which gives them measured. */
function recordResponses(page: Page) {
  const pending: Promise<Fetched>[] = [];
  const listener = (response: Response) => pending.push(measure(response));
  page.on('response', listener);
  return async () => {
    page.off('response', listener);
    return Promise.all(pending);
  };
}

async function measure(response: Response): Promise<Fetched> {
  const url = response.url();
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  const kind: Kind | undefined =
    type === 'document' && response.request().isNavigationRequest()
      ? 'html'
      : type === 'script' || /javascript/.test(contentType)
        ? 'js'
        : type === 'stylesheet'
          ? 'css'
          : undefined;
  const bytes = kind && response.status() === 200 ? gzipBytes(await response.body()) : 0;
  return { url, kind, bytes };
}

/** The stylesheets that block rendering: linked in <head> for a medium that applies (not print). */
const renderBlockingCss = (page: Page) =>
  page.evaluate(() =>
    [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      .filter((link) => matchMedia(link.media || 'all').matches)
      .map((link) => link.href),
  );

for (const [path, budget] of Object.entries(BUDGETS)) {
  test(`${path} loads within its byte budget, with no search code until search is opened`, async ({ page }) => {
    expect(PAGE_BY_PATH.has(path), `${path} is a page of the built site`).toBe(true);
    const responses = recordResponses(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(IDLE_MS);
    const onLoad = await responses();
    const blocking = new Set(await renderBlockingCss(page));

    const total = (files: Fetched[]) => files.reduce((sum, f) => sum + f.bytes, 0);
    const js = onLoad.filter((f) => f.kind === 'js');
    const measured: Record<Kind, number> = {
      js: total(js),
      html: total(onLoad.filter((f) => f.kind === 'html')),
      css: total(onLoad.filter((f) => f.kind === 'css' && blocking.has(f.url))),
    };
    console.log(
      `${path}: JS ${measured.js} B gzip in ${js.length} files, HTML ${measured.html} B, CSS ${measured.css} B\n` +
        js.map((f) => `  ${f.bytes} B ${new URL(f.url).pathname}`).join('\n'),
    );
    expect(measured.html, `${path}: no HTML document measured`).toBeGreaterThan(0);
    for (const kind of Object.keys(KIND_NAME) as Kind[]) {
      expect
        .soft(
          measured[kind],
          `${path}: ${KIND_NAME[kind]} is ${measured[kind]} B gzip, over its budget of ${budget[kind]} B`,
        )
        .toBeLessThanOrEqual(budget[kind]);
    }

    expect(
      onLoad.map((f) => f.url).filter((url) => SEARCH_CODE.test(url)),
      `${path}: search code fetched before search was opened`,
    ).toEqual([]);

    const whenOpened = recordResponses(page);
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Buscar' })).toBeVisible();
    await page.keyboard.type('volumen');
    await expect(page.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 20_000 });
    const searchUrls = (await whenOpened()).map((f) => f.url).filter((url) => SEARCH_CODE.test(url));
    expect(
      searchUrls.some((url) => /ui-core/.test(url)),
      `${path}: Pagefind's UI fetched on opening`,
    ).toBe(true);
    expect(
      searchUrls.some((url) => /\/pagefind\/pagefind\.js$/.test(url)),
      `${path}: and its runtime`,
    ).toBe(true);
  });
}
