// Diagram figures: one SVG themed for both, print, zoom by keyboard, the live editor, and no Mermaid JavaScript until it is asked for.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PAGES, builtHtml } from './site.ts';

const withDiagrams = PAGES.filter((p) => builtHtml(p.path).querySelector('figure.diagram')).map((p) => p.path);
const PAGE = withDiagrams.includes('/modulo-01/docker-engine/') ? '/modulo-01/docker-engine/' : withDiagrams[0];

async function scripts(page: Page, during: () => Promise<unknown>): Promise<string[]> {
  const urls: string[] = [];
  const listener = (req: { resourceType(): string; url(): string }) =>
    req.resourceType() === 'script' && urls.push(req.url());
  page.on('request', listener);
  await during();
  page.off('request', listener);
  return urls;
}

test('several pages have diagrams', () => {
  expect(withDiagrams.length).toBeGreaterThan(3);
});

/** The colours of every shape and label of a figure's SVG, as the browser paints them. */
const colours = (figure: Locator) =>
  figure
    .locator('.diagram__render > svg')
    .evaluate((svg) =>
      [...svg.querySelectorAll('rect, path, polygon, circle, line, text, tspan, span')]
        .map((el) => `${getComputedStyle(el).fill} ${getComputedStyle(el).stroke} ${getComputedStyle(el).color}`)
        .join('|'),
    );

test('each figure is one SVG that takes the colours of each theme', async ({ page }) => {
  await page.goto(PAGE);
  const figure = page.locator('figure.diagram').first();
  await expect(figure.locator('.diagram__render > svg')).toHaveCount(1);
  const light = await colours(figure);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  const dark = await colours(figure);
  expect(dark).not.toEqual(light);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  expect(await colours(figure)).toEqual(light);
});

test('print always uses the light colours, even in the dark theme', async ({ page }) => {
  await page.goto(PAGE);
  const light = await colours(page.locator('figure.diagram').first());
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(PAGE);
  await page.emulateMedia({ media: 'print' });
  const figure = page.locator('figure.diagram').first();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await colours(figure)).toEqual(light);
  await expect(figure.locator('.diagram__actions')).toBeHidden();
  expect(await figure.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
});

test('no Mermaid JavaScript is downloaded until the editor is opened', async ({ page }) => {
  const onLoad = await scripts(page, () => page.goto(PAGE, { waitUntil: 'networkidle' }));
  expect(onLoad.filter((url) => /mermaid/i.test(url))).toEqual([]);
  const onEdit = await scripts(page, async () => {
    await page.locator('[data-diagram-edit]').first().click();
    await expect(page.locator('.diagram-editor__preview svg')).toBeVisible({ timeout: 20_000 });
  });
  expect(onEdit.some((url) => /mermaid/i.test(url))).toBe(true);
  const origin = new URL(page.url()).origin;
  expect(onEdit.every((url) => url.startsWith(origin))).toBe(true);
});

test('zoom opens by keyboard, zooms with +, and Esc closes it returning focus', async ({ page }) => {
  await page.goto(PAGE);
  const zoom = page.locator('[data-diagram-zoom]').first();
  await zoom.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog.diagram-zoom');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('svg')).toBeVisible();
  const stage = dialog.locator('.diagram-zoom__stage');
  await expect(dialog.locator('.diagram-zoom__viewport')).toBeFocused();
  const before = await stage.evaluate((el) => getComputedStyle(el).transform);
  await page.keyboard.press('+');
  await expect.poll(() => stage.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(zoom).toBeFocused();
});

test('the editor re-renders an edited diagram and shows errors inline without breaking the page', async ({ page }) => {
  await page.goto(PAGE);
  await page.locator('[data-diagram-edit]').first().click();
  const editor = page.locator('dialog.diagram-editor');
  const source = editor.locator('textarea');
  const preview = editor.locator('.diagram-editor__preview');
  await expect(preview.locator('svg')).toBeVisible({ timeout: 20_000 });
  const original = await source.inputValue();
  expect(original).toMatch(/accTitle/);

  await source.fill('flowchart LR\n  A[Nodo editado] --> B[Otro nodo]');
  await expect(preview).toContainText('Nodo editado');
  await expect(editor.locator('.diagram-editor__status')).not.toHaveClass(/is-error/);

  await source.fill('flowchart LR\n  A --> -->');
  await expect(editor.locator('.diagram-editor__status.is-error')).toContainText(/Parse error|error/i);
  await expect(preview).toContainText('Nodo editado'); // the last good render stays

  await editor.getByRole('button', { name: 'Restablecer' }).click();
  await expect(source).toHaveValue(original);
  await editor.getByRole('button', { name: 'Cerrar' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.locator('figure.diagram').first()).toBeVisible();
});
