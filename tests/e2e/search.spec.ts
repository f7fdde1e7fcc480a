// Search, whose Pagefind UI is fetched on opening (src/components/overrides/Search.astro): it opens at once by click,
// `/`, Ctrl+K and ⌘K; what is typed before the UI arrives is kept; a result is reached by keyboard; axe passes with
// the dialog open. page-budget.spec.ts checks that nothing of it is fetched before.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openInTheme } from './site.ts';

const PAGE = '/modulo-01/docker-engine/';
const UI_CORE = /\/_astro\/ui-core\.[^/]*\.js$/;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Buscar' });
/** The search field: the stand-in until Pagefind's UI is there, then Pagefind's own. */
const field = (page: Page) => dialog(page).getByRole('textbox', { name: 'Buscar' });
const results = (page: Page) => dialog(page).locator('.pagefind-ui__result');

/** Holds Pagefind's UI back until `release()`, as a slow network would. */
async function holdSearchUI(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(UI_CORE, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const ways: Record<string, (page: Page) => Promise<void>> = {
  'a click on the button': (page) => page.locator('button[data-open-modal]').click(),
  '/': (page) => page.keyboard.press('/'),
  'Ctrl+K': (page) => page.keyboard.press('Control+k'),
  '⌘K': (page) => page.keyboard.press('Meta+k'),
};

for (const [way, open] of Object.entries(ways)) {
  test(`${way} opens search at once, and it finds «volumen»`, async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('button[data-open-modal]')).toBeEnabled();
    await open(page);
    await expect(dialog(page)).toBeVisible();
    await expect(field(page)).toBeFocused();
    await expect(field(page)).toHaveValue('');
    await page.keyboard.type('volumen');
    await expect(results(page).first()).toBeVisible({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
  });
}

test('/ typed in a text field stays there and does not open search', async ({ page }) => {
  await page.goto('/instructores/');
  const filter = page.locator('#anchor-index-filter');
  await filter.fill('');
  await filter.pressSequentially('a/b');
  await expect(filter).toHaveValue('a/b');
  await expect(dialog(page)).toBeHidden();
});

test('/ in an open figure zoom does not open search over it', async ({ page }) => {
  await page.goto('/modulo-01/docker-engine/');
  await page.locator('figure.diagram [data-diagram-zoom]').first().click();
  const zoom = page.locator('dialog.diagram-zoom');
  await expect(zoom).toBeVisible();
  await page.keyboard.press('/');
  await expect(dialog(page)).toBeHidden();
  await expect(zoom).toBeVisible();
});

test('what is typed before Pagefind’s UI has arrived is searched when it does, in the same place', async ({ page }) => {
  const release = await holdSearchUI(page);
  await page.goto(PAGE);
  await page.keyboard.press('Control+k');
  await expect(dialog(page)).toBeVisible();
  await expect(field(page)).toBeFocused();
  const standIn = (await field(page).boundingBox())!;
  await page.keyboard.type('volu');
  release();
  await expect(dialog(page).locator('.pagefind-ui__search-clear')).toBeAttached();
  await page.keyboard.type('men');
  await expect(field(page)).toHaveCount(1);
  await expect(field(page)).toHaveValue('volumen');
  await expect(field(page)).toBeFocused();
  await expect(results(page).first()).toBeVisible({ timeout: 20_000 });
  await expect(dialog(page).locator('.pagefind-ui__message')).toContainText('volumen');
  const real = (await field(page).boundingBox())!;
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(real[key] - standIn[key]), `the search field's ${key} is where the stand-in's was`).toBeLessThan(1);
  }
});

test('a result is reached and followed by keyboard', async ({ page }) => {
  await page.goto(PAGE);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('volumen');
  await expect(results(page).first()).toBeVisible({ timeout: 20_000 });
  const onResult = () => page.evaluate(() => document.activeElement?.matches('.pagefind-ui__result-link') ?? false);
  for (let i = 0; i < 5 && !(await onResult()); i++) await page.keyboard.press('Tab');
  expect(await onResult(), 'Tab reaches the first result').toBe(true);
  const href = await page.evaluate(() => document.activeElement!.getAttribute('href')!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new URL(href, page.url()).href);
  await expect(dialog(page)).toBeHidden();
});

for (const width of [1280, 390]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG 2.1 AA violation in open search, ${width} px, ${theme} theme`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const release = await holdSearchUI(page);
      await openInTheme(page, PAGE, theme);
      await page.locator('button[data-open-modal]').click();
      await expect(field(page)).toBeFocused();
      const audit = async () => {
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      };
      expect(await audit(), 'with the stand-in field').toEqual([]);
      await page.keyboard.type('volumen');
      release();
      await expect(results(page).first()).toBeVisible({ timeout: 20_000 });
      expect(await audit(), 'with results').toEqual([]);
    });
  }
}
