// Printing: every page in print emulation (only content, light colours, wrapped code, answers, its address), and the module print page.
import { expect, test, type Page } from '@playwright/test';
import { builtHtml, allowForLongPage, openInTheme, PAGE_BY_PATH, PAGES } from './site.ts';

/** What a reader must never see on paper. */
const SCREEN_ONLY = [
  '.page > header',
  'nav.sidebar',
  '.right-sidebar-container',
  'mobile-starlight-toc',
  'site-search',
  'starlight-theme-select',
  '.pagination-links',
  '.sl-anchor-link',
  '.expressive-code .copy',
  '.no-print',
];

const visibleCount = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function printInDarkTheme(page: Page, path: string) {
  // Narrow, so that any code line that does not wrap overflows its block.
  await page.setViewportSize({ width: 480, height: 900 });
  await openInTheme(page, path, 'dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
}

test('on screen, a lesson shows the header, sidebars and copy buttons that print must hide', async ({ page }) => {
  await page.goto('/modulo-01/docker-engine/');
  for (const selector of ['.page > header', 'nav.sidebar', '.right-sidebar-container', '.expressive-code .copy']) {
    expect(await visibleCount(page, selector), selector).toBeGreaterThan(0);
  }
});

for (const { path } of PAGES.filter((p) => p.path.endsWith('/'))) {
  test(`${path} printed in the dark theme: only the content, in light colours, with its address`, async ({ page }) => {
    allowForLongPage(path);
    await printInDarkTheme(page, path);
    for (const selector of SCREEN_ONLY) expect(await visibleCount(page, selector), `${selector} on paper`).toBe(0);

    // The print-only line gives the page's public address, the canonical URL the build wrote; without one
    // (SITE_URL unset) it gives the page's path, and the print page's cover names no address.
    const canonical = await page.evaluate(
      () => document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    );
    expect(canonical !== null, 'a canonical address exactly when SITE_URL is set').toBe(!!process.env.SITE_URL);
    const source = page.locator('.print-source');
    const escape = (text: string) => text.replace(/[.?]/g, '\\$&');
    if (path.endsWith('/imprimir/')) await expect(page.locator('.print-cover__online')).toHaveCount(canonical ? 1 : 0);
    else if (canonical) await expect(source).toHaveText(new RegExp(`en línea: ${escape(canonical)}$`));
    else await expect(source).toHaveText(new RegExp(` · ${escape(path)}$`));

    const colours = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('.sl-markdown-content') ?? document.body).color,
    }));
    expect(luminance(colours.background), `background ${colours.background}`).toBeGreaterThan(0.9);
    expect(luminance(colours.text), `text ${colours.text}`).toBeLessThan(0.1);

    // Code tokens take the light theme's colour (Expressive Code's --1), not the dark one (--0).
    const tokens = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.expressive-code .ec-line span[style*="--1:#"]')]
        .map((span) => ({ span, hex: /--1:#([0-9a-f]{6})\b/i.exec(span.getAttribute('style')!)?.[1] }))
        .filter(({ hex }) => hex !== undefined)
        .slice(0, 50)
        .map(({ span, hex }) => ({
          actual: getComputedStyle(span).color,
          expected: `rgb(${[0, 2, 4].map((i) => parseInt(hex!.slice(i, i + 2), 16)).join(', ')})`,
        })),
    );
    for (const { actual, expected } of tokens) expect(actual).toBe(expected);

    // Diagrams print their light render; self-check answers are open; code wraps instead of overflowing.
    expect(await visibleCount(page, '.diagram__render--dark')).toBe(0);
    expect(await visibleCount(page, '.diagram__render')).toBe(await page.locator('figure.diagram').count());
    const answers = page.locator('.self-check__explanation');
    expect(await visibleCount(page, '.self-check__explanation')).toBe(await answers.count());
    const overflowing = await page
      .locator('.expressive-code pre')
      .evaluateAll((pres) =>
        pres.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).map((pre) => pre.textContent!.slice(0, 80)),
      );
    expect(overflowing).toEqual([]);

    // Figures and code blocks are never split; headings stay with what follows.
    const breaks = await page.evaluate(() => ({
      blocks: [...document.querySelectorAll('figure.diagram, .expressive-code')].map(
        (el) => getComputedStyle(el).breakInside,
      ),
      headings: [...document.querySelectorAll('.sl-markdown-content :is(h2, h3)')].map(
        (el) => getComputedStyle(el).breakAfter,
      ),
    }));
    expect(new Set(breaks.blocks)).toEqual(new Set(breaks.blocks.length ? ['avoid'] : []));
    expect(new Set(breaks.headings)).toEqual(new Set(breaks.headings.length ? ['avoid'] : []));
  });
}

test('printed, an external link shows its address after its text; an internal one does not', async ({ page }) => {
  await printInDarkTheme(page, '/modulo-01/docker-engine/');
  const after = await page.evaluate(() => {
    const content = document.querySelector('.sl-markdown-content')!;
    content.insertAdjacentHTML(
      'beforeend',
      '<p><a id="ext" href="https://docs.docker.com/engine/">Docker</a> <a id="int" href="/modulo-01/">m</a></p>',
    );
    const pseudo = (id: string) => getComputedStyle(document.getElementById(id)!, '::after').content;
    return { external: pseudo('ext'), internal: pseudo('int') };
  });
  expect(after.external).toBe('" (https://docs.docker.com/engine/)"');
  expect(after.internal).toBe('none');
});

test.describe('the module print page', () => {
  const PRINT = '/modulo-01/imprimir/';

  test('holds every page of the module, in the order of the sidebar, each numbered and starting a new page', async ({
    page,
  }) => {
    await page.goto('/modulo-01/');
    const sidebar = await page
      .locator('nav.sidebar a[href^="/modulo-01/"]')
      .evaluateAll((as) => as.map((a) => ({ path: a.getAttribute('href')!, label: a.textContent!.trim() })));
    expect(sidebar.length).toBeGreaterThan(2);

    await page.goto(PRINT);
    const chapters = await page.locator('section.print-chapter').evaluateAll((sections) =>
      sections.map((s) => ({
        path: `/${s.getAttribute('data-chapter-source')}/`,
        title: s.querySelector('h1')!.textContent!.trim(),
      })),
    );
    expect(chapters.map((c) => c.path)).toEqual(sidebar.map((s) => s.path));
    expect(chapters.map((c) => c.title)).toEqual(sidebar.map((s, i) => `Capítulo ${i + 1}. ${s.label}`));
    // The contents list them all, and link to them.
    const toc = await page.locator('.print-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const ids = await page.locator('section.print-chapter > h1').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
    expect(toc).toEqual(ids);

    await page.emulateMedia({ media: 'print' });
    const breaks = await page
      .locator('section.print-chapter, .print-toc')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(new Set(breaks)).toEqual(new Set(['page']));
  });

  test('each chapter is its lesson: every id of the lesson is there, prefixed with the lesson slug', async () => {
    const print = builtHtml(PRINT);
    const printIds = new Set(print.querySelectorAll('[id]').map((el) => el.id));
    for (const section of print.querySelectorAll('section.print-chapter')) {
      const lessonPath = `/${section.getAttribute('data-chapter-source')}/`;
      const prefix = section.querySelector('h1')!.id;
      const lesson = builtHtml(lessonPath).querySelector('.sl-markdown-content')!;
      // Starlight numbers its tabs across the page (`tab-0-1`, `tab-panel-0-1`): in the print page the numbers
      // continue from chapter to chapter, so those ids are compared by count, not by name.
      const isTabId = (id: string) => /^tab(-panel)?-\d+-\d+$/.test(id);
      const lessonIds = lesson
        .querySelectorAll('[id]')
        .map((el) => el.id)
        .filter((id) => !isTabId(id));
      expect(
        section.querySelectorAll('[id]').filter((el) => isTabId(el.id.slice(prefix.length + 2))).length,
        `${lessonPath}: its platform tabs in ${PRINT}`,
      ).toBe(lesson.querySelectorAll('[id]').filter((el) => isTabId(el.id)).length);
      expect(lessonIds.length, `${lessonPath} has ids`).toBeGreaterThan(0);
      expect(
        lessonIds.filter((id) => !printIds.has(`${prefix}--${id}`)),
        `${lessonPath} in ${PRINT}`,
      ).toEqual([]);
      expect(section.querySelectorAll('figure.diagram').length).toBe(lesson.querySelectorAll('figure.diagram').length);
    }
  });

  test('its ids are unique and no link leaves it, except to other sites and downloads', async ({ page, baseURL }) => {
    await page.goto(PRINT);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);

    const hrefs = await page
      .locator('section.print-chapter a[href], section.print-chapter svg a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')!));
    expect(hrefs.filter((href) => href.startsWith('#')).length).toBeGreaterThan(0);
    const leaving = hrefs.filter((href) => {
      const url = new URL(href, `${baseURL}${PRINT}`);
      if (url.origin !== new URL(baseURL!).origin) return false; // another site
      if (url.pathname === PRINT) return false; // this page (its anchors are checked by pages.spec.ts)
      return PAGE_BY_PATH.has(decodeURIComponent(url.pathname)); // a page of the site (a download is not)
    });
    expect(leaving).toEqual([]);
  });
});
