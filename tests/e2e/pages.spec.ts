// Every page of the built site, in Chromium: links and anchors, a clean load, rendered diagrams, and axe in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceOf } from '../../src/integrations/site-links.ts';
import { builtHtml, DIST, allowForLongPage, openInTheme, PAGE_BY_PATH, PAGES } from './site.ts';
import { existsSync, statSync } from 'node:fs';

const DOCS = join(import.meta.dirname, '../../content/docs');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The source files whose ```mermaid fences a page shows: its own; for a module's print page, those of the lessons
 * it holds as chapters (print.spec.ts checks that these are exactly the module's lessons, in sidebar order).
 */
function sourcesOf(path: string): string[] {
  const chapters = builtHtml(path).querySelectorAll('[data-chapter-source]');
  if (chapters.length === 0) return [sourceOf(DOCS, path)].filter((file) => file !== undefined);
  return chapters.map((chapter) => {
    const id = chapter.getAttribute('data-chapter-source')!;
    const file = sourceOf(DOCS, `/${id}/`);
    if (!file) throw new Error(`${path}: chapter ${id} has no source file in ${DOCS}`);
    return file;
  });
}

test('the crawl finds the home page, the module and its lessons', () => {
  const paths = PAGES.map((p) => p.path);
  expect(paths).toContain('/');
  expect(paths).toContain('/modulo-01/');
  expect(paths).toContain('/modulo-01/docker-engine/');
});

for (const width of [320, 390]) {
  test(`on a phone ${width} px wide, the site title is whole, beside the search and menu buttons`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/modulo-01/');
    const title = page.locator('.site-title');
    await expect(title).toHaveText('Big Data con Hadoop y Spark');
    // Starlight clips a long title («Big Data con Hadoop y Spa»): neither the text nor its wrapper may overflow.
    const clipped = await title.evaluate(
      (link) =>
        [link.querySelector('span')!, link, link.parentElement!].filter(
          (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
        ).length,
    );
    expect(clipped).toBe(0);
    const header = (await page.locator('header.header').boundingBox())!;
    const box = (await title.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y);
    expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
    for (const button of ['button[data-open-modal]', 'button.sl-menu-button']) {
      const other = (await page.locator(button).boundingBox())!;
      expect(box.x + box.width, `the title ends before ${button}`).toBeLessThanOrEqual(other.x);
    }
  });
}

for (const { path } of PAGES) {
  test.describe(path, () => {
    test('every internal link and anchor resolves', async ({ page, baseURL }) => {
      await page.goto(path);
      const hrefs = await page
        .locator('a')
        .evaluateAll((as) =>
          as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')).filter((h): h is string => !!h),
        );
      const ownIds = new Set(await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id)));
      const problems: string[] = [];
      for (const href of hrefs) {
        const url = new URL(href, `${baseURL}${path}`);
        if (url.origin !== new URL(baseURL!).origin) continue;
        const targetPath = decodeURIComponent(url.pathname);
        const id = decodeURIComponent(url.hash.slice(1));
        const target = PAGE_BY_PATH.get(targetPath);
        if (!target) {
          const file = join(DIST, targetPath);
          if (!id && existsSync(file) && statSync(file).isFile()) continue;
          problems.push(`${href} → no page ${targetPath}`);
        } else if (id && !(targetPath === path ? ownIds : target.ids).has(id)) {
          problems.push(`${href} → no #${id} in ${targetPath}`);
        }
      }
      expect(problems, `broken links on ${path}`).toEqual([]);
    });

    test('loads with no console error, no failed request and no request to another host', async ({ page, baseURL }) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
          problems.push(`request to another host: ${req.url()}`);
      });
      page.on('requestfailed', (req) => problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`));
      page.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()}: ${res.url()}`));
      await page.goto(path, { waitUntil: 'networkidle' });
      expect(problems).toEqual([]);
    });

    test('every mermaid block became an inline SVG figure and no Mermaid source is left', async ({ page }) => {
      await page.goto(path);
      const fences = sourcesOf(path)
        .map((file) => (readFileSync(file, 'utf8').match(/^```mermaid\b/gm) ?? []).length)
        .reduce((a, b) => a + b, 0);
      const figures = page.locator('figure.diagram');
      await expect(figures).toHaveCount(fences);
      for (const figure of await figures.all()) {
        // One SVG for both themes (themed-svg.ts): a figure whose renders could not be merged would carry two.
        await expect(figure.locator('.diagram__render[data-render="both"] > svg')).toHaveCount(1);
        await expect(figure.locator('.diagram__canvas svg:not(svg svg)')).toHaveCount(1);
        const svg = figure.locator('.diagram__render svg:visible');
        await expect(svg).toHaveCount(1);
        await expect(svg).toHaveAccessibleName(/\S/);
        await expect(figure.locator('figcaption')).toHaveText(/^Figura \d+\. \S/);
      }
      // SVG attributes keep their names (marker-end, not the JSX-style markerEnd that browsers ignore).
      const jsxNamed = await page
        .locator('figure.diagram svg *')
        .evaluateAll((els) =>
          els
            .flatMap((el) => [...el.attributes].map((a) => a.name))
            .filter((name) => /^(markerend|strokewidth|textanchor|dominantbaseline)$/i.test(name)),
        );
      expect(jsxNamed).toEqual([]);
      await expect(page.locator('pre code.language-mermaid, pre[data-language="mermaid"]')).toHaveCount(0);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/accTitle:|accDescr:|^\s*(flowchart|graph|sequenceDiagram|stateDiagram)/m);
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`axe finds no WCAG 2.1 AA violation in the ${theme} theme`, async ({ page }) => {
        allowForLongPage(path);
        await openInTheme(page, path, theme);
        // Expressive Code makes code blocks that scroll focusable from an idle callback: on a long page, let it finish.
        await expect
          .poll(
            () =>
              page
                .locator('.expressive-code pre')
                .evaluateAll(
                  (pres) =>
                    pres.filter((pre) => pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex')).length,
                ),
            { message: 'scrolling code blocks without tabindex', timeout: 20_000 },
          )
          .toBe(0);
        const axe = new AxeBuilder({ page }).withTags(WCAG_21_AA);
        // The print page repeats every lesson (audited on its own page, in both themes): there axe checks the
        // cover, the contents and the chapter titles; on the whole page it ran past 3 minutes on a busy machine.
        // The rewritten ids inside the chapters are checked by the diagram test (accessible names) and print.spec.
        if (path.endsWith('/imprimir/')) axe.exclude('.print-chapter > :not(.print-chapter__title)');
        const { violations } = await axe.analyze();
        const summary = violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
        expect(summary).toEqual([]);
      });
    }
  });
}
