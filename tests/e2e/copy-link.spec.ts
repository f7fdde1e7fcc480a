// «Copiar enlace» (src/components/CopyLinks.astro): one button per heading, figure, file and question; it copies the absolute URL with the anchor, by mouse or keyboard, and says so.
import { expect, test, type Page } from '@playwright/test';
import { PAGES, builtHtml } from './site.ts';

/** The elements that get a button, and the accessible name it must have. */
const TARGETS = [
  {
    kind: 'heading',
    selector: '.sl-markdown-content .sl-heading-wrapper > :first-child[id]',
    name: /^Copiar enlace a la sección «.+»$/,
  },
  { kind: 'figure', selector: 'figure.diagram[id]', name: /^Copiar enlace a la figura \d+$/ },
  { kind: 'file', selector: '.file-snippet[id]', name: /^Copiar enlace al archivo \S+$/ },
  { kind: 'question', selector: 'li.self-check__item[id]', name: /^Copiar enlace a la pregunta \d+$/ },
];

/** The button that belongs to a target: beside a heading, inside the other three. */
const buttonOf = (page: Page, kind: string, id: string) =>
  kind === 'heading'
    ? page.locator(`.sl-heading-wrapper:has(> [id="${id}"]) > button.copy-link`)
    : page.locator(`[id="${id}"] button.copy-link`);

const sample = PAGES.find(({ path }) => TARGETS.every(({ selector }) => builtHtml(path).querySelector(selector)));

test('some page has all four kinds of target, to test the buttons on', () => {
  expect(sample, 'a page with a heading, a figure, a file block and a self-check').toBeDefined();
});

for (const { path } of PAGES) {
  test(`${path}: every target has exactly one «Copiar enlace» button, and headings keep no second link`, async ({
    page,
  }) => {
    await page.goto(path);
    // One pass in the page (the print page has hundreds of targets): each target's buttons and their text.
    const found = await page.evaluate(
      (targets) =>
        targets.flatMap(({ kind, selector }) =>
          [...document.querySelectorAll<HTMLElement>(selector)].map((target) => {
            const buttons =
              kind === 'heading'
                ? [...target.parentElement!.querySelectorAll(':scope > button.copy-link')]
                : [...target.querySelectorAll('button.copy-link')];
            return {
              kind,
              id: target.id,
              count: buttons.length,
              text: buttons[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
            };
          }),
        ),
      TARGETS.map(({ kind, selector }) => ({ kind, selector })),
    );
    const problems = found.flatMap(({ kind, id, count, text }) => {
      if (count !== 1) return [`${kind} #${id}: ${count} buttons`];
      return TARGETS.find((t) => t.kind === kind)!.name.test(text) ? [] : [`${kind} #${id}: named «${text}»`];
    });
    expect(problems).toEqual([]);
    // The accessible name as assistive technology computes it, for the first target of each kind.
    for (const { kind, name } of TARGETS) {
      const first = found.find((f) => f.kind === kind);
      if (first) await expect(buttonOf(page, kind, first.id), `${kind} #${first.id}`).toHaveAccessibleName(name);
    }
    // Starlight's heading links stay in the page (they give the PDF its destinations) but hidden: one control per heading.
    const links = page.locator('.sl-markdown-content .sl-heading-wrapper > a.sl-anchor-link');
    await expect(links.filter({ visible: true }), "Starlight's heading links are replaced, not doubled").toHaveCount(0);
    expect(await links.evaluateAll((as) => as.every((a) => (a as HTMLElement).hidden))).toBe(true);
    await expect(page.locator('.sl-markdown-content button.copy-link:not(.no-print)')).toHaveCount(0);
  });
}

test.describe('on a page with every kind of target', () => {
  test.skip(!sample, 'no page with all four kinds');
  const path = sample?.path ?? '/';

  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  for (const { kind, selector } of TARGETS) {
    test(`the ${kind} button copies the page URL with its anchor and announces it`, async ({ page, baseURL }) => {
      await page.goto(path);
      const id = await page.locator(selector).first().getAttribute('id');
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await buttonOf(page, kind, id!).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}#${id}`);
      await expect(page.getByRole('status').filter({ hasText: 'Enlace copiado' })).toHaveText(
        'Enlace copiado al portapapeles.',
      );
    });
  }

  test('works from the keyboard: Tab reaches a heading button, which shows itself, and Enter or Space copies', async ({
    page,
    baseURL,
  }) => {
    await page.goto(`${path}?desde=clase`);
    const heading = page.locator(TARGETS[0].selector).first();
    const id = await heading.getAttribute('id');
    const button = buttonOf(page, 'heading', id!);
    // Tab from the element just before the button: the heading's own button is the next stop.
    await heading.evaluate((el) => {
      el.tabIndex = -1;
      el.focus();
    });
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await expect(button).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    // The query string of the page being read is not part of the link.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}#${id}`);
    const file = await page.locator('.file-snippet[id]').first().getAttribute('id');
    await buttonOf(page, 'file', file!).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}#${file}`);
  });

  test('the buttons are not printed', async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('button.copy-link').first()).toBeAttached();
    await page.emulateMedia({ media: 'print' });
    for (const button of await page.locator('button.copy-link').all()) await expect(button).toBeHidden();
  });

  test("without JavaScript there are no dead buttons, and headings keep Starlight's plain links", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator('button.copy-link')).toHaveCount(0);
    await expect(page.locator('.sl-markdown-content a.sl-anchor-link').first()).toBeVisible();
    await context.close();
  });
});
