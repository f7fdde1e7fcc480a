// Published anchors: the manifest matches the build, every entry lands on its target clear of the sticky header, and every id is lowercase ASCII.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { compareAnchors, explainDiff, readBuiltAnchors, readManifest } from '../../src/anchors/published-anchors.ts';
import { DIST, PAGES, builtHtml } from './site.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const MANIFEST = readManifest(join(CONTENT, 'anchors.json'));

/** Ids that Starlight's own layout sets (not ours to rename): the page title and its navigation regions. */
const STARLIGHT_IDS = [
  '_top',
  'starlight__sidebar',
  'starlight__search',
  'starlight__on-this-page',
  'starlight__on-this-page--mobile',
  'starlight__mobile-toc',
];
const ASCII_ID = /^[a-z0-9-]+$/;
const badIds = (ids: string[]) => ids.filter((id) => !ASCII_ID.test(id) && !STARLIGHT_IDS.includes(id));

test('content/anchors.json lists exactly the public anchors of the build', () => {
  const diff = compareAnchors(MANIFEST, readBuiltAnchors(DIST, join(CONTENT, 'docs')));
  expect(explainDiff(diff), 'run `npm run anchors:check` for the same report').toBe('');
});

test('the manifest is not empty: it covers headings, figures, files and questions', () => {
  const kinds = new Set(Object.values(MANIFEST).flatMap((ids) => Object.values(ids)));
  for (const kind of ['heading', 'figure', 'file', 'question'])
    expect(kinds, `some anchor of kind ${kind}`).toContain(kind);
});

/** Goes to each `#id` in turn in the loaded page (as a reader following a link) and reports what is wrong with where it landed. */
function landAll(page: Page, ids: string[]) {
  return page.evaluate((ids) => {
    const problems: string[] = [];
    for (const id of ids) {
      const targets = document.querySelectorAll(`[id="${id}"]`);
      if (targets.length !== 1) {
        problems.push(`#${id}: ${targets.length} elements`);
        continue;
      }
      location.hash = id;
      const target = targets[0] as HTMLElement;
      // What the reader must see: the heading (with its wrapper) for a heading or an alias inside one, else the target.
      const owner = target.closest('.sl-heading-wrapper') ?? target;
      const box = (target.classList.contains('heading-alias') ? target.parentElement! : target).getBoundingClientRect();
      if (document.querySelector(':target') !== target) problems.push(`#${id}: not the :target`);
      if (box.top < 0 || box.top > innerHeight) problems.push(`#${id}: out of view at y=${Math.round(box.top)}`);
      // Not under the sticky header (or the mobile table of contents): the point just inside its top edge is the target's.
      const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 24), box.top + 2);
      if (!hit || !owner.contains(hit)) {
        problems.push(
          `#${id}: covered by ${hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing'} at y=${Math.round(box.top)}`,
        );
      }
      const animation = getComputedStyle(owner).animationName;
      if (animation !== 'course-target-flash') problems.push(`#${id}: not highlighted (animation ${animation})`);
    }
    return problems;
  }, ids);
}

for (const [path, ids] of Object.entries(MANIFEST)) {
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'mobile', width: 390, height: 844 },
  ]) {
    test(`${path}: every published anchor exists and lands in view, highlighted (${viewport.name})`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto(path);
      expect(await landAll(page, Object.keys(ids))).toEqual([]);
    });
  }
}

test('an alias (the empty anchor remark-heading-ids puts in a renamed heading) lands on its heading, highlighted', async ({
  page,
}) => {
  const path = Object.keys(MANIFEST).find(
    (p) => Object.values(MANIFEST[p]).filter((kind) => kind === 'heading').length > 3,
  )!;
  await page.goto(path);
  // The site has no renamed section yet: give the last heading an alias, as the plugin writes it (see its unit test).
  await page
    .locator('.sl-heading-wrapper > h2')
    .last()
    .evaluate((h2) => h2.insertAdjacentHTML('afterbegin', '<span id="alias-de-prueba" class="heading-alias"></span>'));
  expect(await landAll(page, ['alias-de-prueba'])).toEqual([]);
});

test('with reduced motion, a target is outlined instead of animated', async ({ page }) => {
  const [path, ids] = Object.entries(MANIFEST).find(([, ids]) => Object.values(ids).includes('figure'))!;
  const figure = Object.keys(ids).find((id) => ids[id] === 'figure')!;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${path}#${figure}`);
  const target = page.locator(`[id="${figure}"]`);
  await expect(target).toHaveCSS('animation-name', 'none');
  await expect(target).toHaveCSS('outline-style', 'solid');
  expect(await landAll(page, [figure]), 'the same target, animated, without the preference').toEqual([
    `#${figure}: not highlighted (animation none)`,
  ]);
});

for (const { path } of PAGES) {
  test(`${path}: every id is lowercase ASCII (Starlight's own ids aside), in the HTML and after scripts run`, async ({
    page,
  }) => {
    const built = builtHtml(path)
      .querySelectorAll('[id]')
      .map((el) => el.id);
    expect(badIds(built), 'ids in the built HTML').toEqual([]);
    await page.goto(path);
    const live = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
    expect(badIds(live), 'ids in the page after its scripts ran').toEqual([]);
  });
}
