// The instructors' page (src/components/AnchorIndex.astro): in the sidebar, its index lists every manifest entry, filters by keyboard, and copies links.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { readManifest } from '../../src/anchors/published-anchors.ts';
import { DIST, builtHtml } from './site.ts';

const MANIFEST = readManifest(join(import.meta.dirname, '../../content/anchors.json'));
const PATH = '/instructores/';

test('the index lists every page and every anchor of content/anchors.json', () => {
  const html = builtHtml(PATH);
  const rows = new Set(html.querySelectorAll('[data-anchor-row]').map((row) => row.getAttribute('data-href')));
  const aliases = new Set(html.querySelectorAll('[data-alias]').map((code) => code.getAttribute('data-alias')));
  const missing: string[] = [];
  for (const [page, ids] of Object.entries(MANIFEST)) {
    if (!rows.has(page)) missing.push(page);
    for (const [id, kind] of Object.entries(ids)) {
      if (!(kind === 'alias' ? aliases : rows).has(`${page}#${id}`)) missing.push(`${page}#${id} (${kind})`);
    }
  }
  expect(missing).toEqual([]);
  expect(rows.size, 'no row that the manifest does not know').toBe(
    Object.values(MANIFEST).reduce((n, ids) => n + 1 + Object.values(ids).filter((kind) => kind !== 'alias').length, 0),
  );
});

test('the index is left out of the site search, so that results point to the lessons', () => {
  expect(builtHtml(PATH).querySelector('[data-anchor-index]')?.hasAttribute('data-pagefind-ignore')).toBe(true);
});

test('the guide is in the sidebar', async ({ page }) => {
  await page.goto('/modulo-01/');
  await expect(page.locator('#starlight__sidebar a[href="/instructores/"]')).toHaveCount(1);
});

test('each lesson unfolds from the keyboard', async ({ page }) => {
  await page.goto(PATH);
  const lesson = page.locator('[data-anchor-page]').first();
  await expect(lesson.locator('[data-anchor-row]').first()).toBeHidden();
  await lesson.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(lesson.locator('[data-anchor-row]').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(lesson.locator('[data-anchor-row] a').first()).toBeFocused();
});

test('the filter narrows the index as you type, accents ignored, and says how many links are left', async ({
  page,
}) => {
  await page.goto(PATH);
  const rows = page.locator('[data-anchor-row]');
  const total = await rows.count();
  const lessons = await page.locator('[data-anchor-page]').count();
  const status = page.locator('[data-anchor-count]');
  await expect(status).toHaveText(`${total} enlaces`);
  const filter = page.getByLabel('Filtrar el índice');
  await filter.focus();
  await page.keyboard.type('figura');
  const figures = await page.locator('[data-anchor-row]:visible').count();
  expect(figures).toBeGreaterThan(0);
  expect(figures).toBeLessThan(total);
  await expect(status).toHaveText(figures === 1 ? '1 enlace' : `${figures} enlaces`);
  // Words match at their start: a question about «configuración» does not come up for «figura».
  for (const kind of await page.locator('[data-anchor-row]:visible .anchor-index__kind').allTextContents())
    expect(kind).toBe('Figura');
  await filter.fill('configuracion');
  await expect(
    page.locator('[data-anchor-row]:visible .anchor-index__kind', { hasText: 'Pregunta' }).first(),
  ).toBeVisible();
  // «maquina» finds «Máquinas virtuales».
  await filter.fill('maquina');
  await expect(page.locator('[data-anchor-row]:visible').first()).toBeVisible();
  await filter.fill('zzz-nada');
  await expect(status).toHaveText('0 enlaces');
  await expect(page.locator('[data-anchor-page]:visible')).toHaveCount(0);
  // Emptied, the index is whole again, each lesson folded as it was.
  await filter.fill('');
  await expect(status).toHaveText(`${total} enlaces`);
  await expect(page.locator('[data-anchor-page]:visible')).toHaveCount(lessons);
  await expect(page.locator('[data-anchor-page][open]')).toHaveCount(0);
});

test("a row's button copies the absolute URL of its anchor", async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PATH);
  await page.getByLabel('Filtrar el índice').fill('figura');
  const row = page.locator('[data-anchor-row][data-href*="#figura-"]').first();
  const href = await row.getAttribute('data-href');
  await row.getByRole('button', { name: /^Copiar enlace a «Figura/ }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${href}`);
});

test('the PDF has the named destinations the guide promises: one per lesson and one per section', async () => {
  const pdf = await PDFDocument.load(readFileSync(join(DIST, 'modulo-01/curso-bigdata-modulo-01.pdf')), {
    updateMetadata: false,
  });
  const names = new Set(
    pdf.catalog
      .lookup(PDFName.of('Dests'), PDFDict)
      .keys()
      .map((key) => key.decodeText()),
  );
  const missing: string[] = [];
  let lessons = 0;
  for (const [page, ids] of Object.entries(MANIFEST)) {
    const slug = /^\/modulo-01\/([^/]+)\/$/.exec(page)?.[1];
    if (!slug) continue;
    lessons++;
    if (!names.has(slug)) missing.push(slug);
    for (const [id, kind] of Object.entries(ids))
      if (kind === 'heading' && !names.has(`${slug}--${id}`)) missing.push(`${slug}--${id}`);
  }
  expect(lessons).toBeGreaterThan(5);
  expect(missing, 'destinations the guide promises but the PDF lacks').toEqual([]);
  expect(builtHtml(PATH).querySelector('.sl-markdown-content')!.toString()).toContain(
    '#nameddest=docker-engine--api-rest',
  );
});
