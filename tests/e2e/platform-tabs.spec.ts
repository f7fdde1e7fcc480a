// Platform tabs (src/components/PlatformTabs.astro): Linux · macOS · Windows on every page that has them, the
// reader's choice remembered across pages, usable by keyboard, and all three printed.
import { expect, test } from '@playwright/test';
import { PAGES, builtHtml } from './site.ts';

const WITH_TABS = PAGES.map(({ path }) => path).filter((path) =>
  builtHtml(path).querySelector('.platform-tabs starlight-tabs'),
);
const LESSONS = WITH_TABS.filter((path) => !path.endsWith('/imprimir/'));

test('the setup lesson and at least two other lessons have platform tabs', () => {
  expect(LESSONS).toContain('/modulo-01/instalacion/');
  expect(LESSONS.length).toBeGreaterThanOrEqual(3);
});

for (const path of WITH_TABS) {
  test(`${path}: every set of platform tabs is Linux · macOS · Windows, each tab with its panel`, async ({ page }) => {
    await page.goto(path);
    const sets = await page.locator('.platform-tabs starlight-tabs').evaluateAll((sets) =>
      sets.map((set) => ({
        labels: [...set.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim()),
        panels: set.querySelectorAll('[role="tabpanel"]').length,
      })),
    );
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) expect(set).toEqual({ labels: ['Linux', 'macOS', 'Windows'], panels: 3 });
  });
}

test('the reader chooses Windows once, by keyboard, and the next page opens on Windows', async ({ page }) => {
  const [first, second] = LESSONS;
  await page.goto(first);
  const tabs = page.locator('.platform-tabs').first().getByRole('tab');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.platform-tabs').first().getByRole('tabpanel')).toContainText('Windows');
  await page.goto(second);
  const selected = page.locator('.platform-tabs').first().locator('[role="tab"][aria-selected="true"]');
  await expect(selected).toHaveText('Windows');
});

test('on paper every platform is printed, under its name, without the tab bar', async ({ page }) => {
  await page.goto('/modulo-01/instalacion/');
  await page.emulateMedia({ media: 'print' });
  const set = page.locator('.platform-tabs').first();
  await expect(set.getByRole('tablist')).toBeHidden();
  const labels = set.locator('.platform-tab-label');
  await expect(labels).toHaveText(['Linux', 'macOS', 'Windows']);
  for (const label of await labels.all()) await expect(label).toBeVisible();
});
