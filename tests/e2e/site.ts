// The pages of the built site, found by crawling dist/ from the home page and, when the site has a public address
// (SITE_URL: no sitemap without one), the sitemap (never a hard-coded list).
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { readSite, type SitePage } from '../../src/integrations/site-links.ts';

export const DIST = join(import.meta.dirname, '../../dist');

function sitemapPaths(): string[] {
  const file = join(DIST, 'sitemap-0.xml');
  if (!process.env.SITE_URL) {
    if (existsSync(file)) throw new Error('dist/sitemap-0.xml exists although SITE_URL is unset: rebuild.');
    return [];
  }
  if (!existsSync(file)) throw new Error('dist/sitemap-0.xml is missing: run `npm run build` first.');
  return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** Every page reachable from `/` by internal links, plus every page in the sitemap. */
export function crawl(): SitePage[] {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is empty: run `npm run build` first.');
  const all = readSite(DIST);
  const queue = ['/', ...sitemapPaths()];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const page = all.get(path);
    if (!page) throw new Error(`crawl: ${path} is linked or in the sitemap but was not built`);
    seen.add(path);
    for (const href of page.links) {
      const target = new URL(href, `http://site${path}`).pathname;
      if (all.has(target) && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen].sort().map((path) => all.get(path)!);
}

export const PAGES = crawl();
export const PAGE_BY_PATH = new Map(PAGES.map((page) => [page.path, page]));

/** The raw HTML of a built page, for checks that read the source rather than the DOM. */
export function builtHtml(path: string) {
  return parse(readFileSync(join(DIST, path === '/' ? 'index.html' : `${path}index.html`), 'utf8'));
}

/** Opens a page in Starlight's light or dark theme (as chosen with its theme switch). */
export async function openInTheme(page: Page, path: string, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Whether a page is long: the module print page, which holds every lesson (≈ 20,000 elements). */
export function isLongPage(path: string): boolean {
  return builtHtml(path).querySelectorAll('*').length > 3000;
}

/**
 * Time for one test of a long page: axe and the copy-button check took 3 min each on the print page of 13
 * chapters on a shared 2-core machine at load average 15–20 (a lesson: seconds).
 */
export const LONG_PAGE_TIMEOUT = 10 * 60_000;

/** Gives the running test the time a long page needs. */
export function allowForLongPage(path: string) {
  if (isLongPage(path)) test.setTimeout(LONG_PAGE_TIMEOUT);
}
