// The theme switch: on a phone's home page (no menu to hold it) it is in the header, and its Spanish options fit.
import { expect, test } from '@playwright/test';

test('on a 390 px phone the home page has a theme switch that works', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const select = page.locator('header starlight-theme-select select').filter({ visible: true });
  await expect(select).toHaveCount(1);
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // The switch does not push the title or the search button out of the header.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const [name, width] of [
  ['phone menu', 390],
  ['desktop header', 1280],
] as const) {
  test(`the theme switch shows each option whole (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/modulo-01/');
    if (width < 800) await page.locator('button[popovertarget="starlight__sidebar"]').click();
    const select = page.locator('starlight-theme-select select').filter({ visible: true }).first();
    for (const value of ['auto', 'dark', 'light']) {
      await select.selectOption(value);
      // The option's text, in the select's font, against the room the select leaves for it.
      const { text, room } = await select.evaluate((el: HTMLSelectElement) => {
        const style = getComputedStyle(el);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: context.measureText(el.selectedOptions[0].text).width, room };
      });
      expect(text, `«${value}» needs ${text.toFixed(0)} px, has ${room.toFixed(0)}`).toBeLessThanOrEqual(room);
    }
  });
}
