// Every page on a 390 px phone (and its figures at 1280 px): each figure's smallest label measures 12 px or more
// and the figure stays within the page or scrolls in a frame with a cue; no table is cut, code in tables wraps;
// no code block is cut and its copy button covers no text; the page itself never scrolls sideways.
import { expect, test, type Page } from '@playwright/test';
import { MIN_LABEL_PX, smallestLabel } from '../../src/plugins/diagram-label-size.ts';
import { allowForLongPage, PAGES } from './site.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Makes the build's label measure available in the page. */
async function loadMeasure(page: Page) {
  await page.addScriptTag({ content: `window.smallestLabel = ${smallestLabel.toString()};` });
}

/** Problems with the figures of the page: labels below the minimum, figures past the page, scrolling without cue. */
function figureProblems(minLabel: number): string[] {
  const measure = (window as unknown as { smallestLabel: typeof smallestLabel }).smallestLabel;
  const problems: string[] = [];
  const hasCue = (el: Element) => getComputedStyle(el).backgroundImage.includes('radial-gradient');
  for (const figure of document.querySelectorAll<HTMLElement>('figure.diagram')) {
    const name = `figure #${figure.id} «${figure.querySelector('figcaption')?.textContent?.trim()}»`;
    const svg = [...figure.querySelectorAll<SVGSVGElement>('.diagram__render svg')].find(
      (s) => s.getClientRects().length > 0,
    );
    if (!svg) {
      problems.push(`${name}: no render is shown`);
      continue;
    }
    const label = measure(svg);
    if (!label || label.px < minLabel - 0.01)
      problems.push(`${name}: its smallest label «${label?.text}» renders at ${label?.px.toFixed(1)} px`);
    const box = figure.getBoundingClientRect();
    if (box.left < -1 || box.right > innerWidth + 1)
      problems.push(`${name}: it spans ${Math.round(box.left)}–${Math.round(box.right)} px of a ${innerWidth} px page`);
    const canvas = figure.querySelector<HTMLElement>('.diagram__canvas')!;
    if (canvas.scrollWidth > canvas.clientWidth + 1) {
      if (!figure.classList.contains('diagram--wide')) problems.push(`${name}: it overflows but is not marked wide`);
      else if (!hasCue(canvas)) problems.push(`${name}: it scrolls sideways without a visible cue`);
      else if (!figure.querySelector('[data-diagram-zoom]')?.checkVisibility())
        problems.push(`${name}: it scrolls sideways but «Ampliar» is not offered`);
    }
  }
  return problems;
}

/** Problems with tables and code blocks: cut, scrolling without cue, code in cells that does not wrap, covered text. */
function tableAndCodeProblems(): string[] {
  const problems: string[] = [];
  const hasCue = (el: Element) => getComputedStyle(el).backgroundImage.includes('radial-gradient');
  const shown = (el: Element) => el.getClientRects().length > 0;
  const snippet = (text: string | null) => JSON.stringify((text ?? '').trim().slice(0, 50));
  document.querySelectorAll('.sl-markdown-content table').forEach((table, i) => {
    if (!shown(table)) return;
    const name = `table ${i + 1} (${snippet(table.querySelector('th, td')?.textContent ?? '')})`;
    const box = table.getBoundingClientRect();
    if (box.left < -1 || box.right > innerWidth + 1) problems.push(`${name}: it is cut at the page's edge`);
    if (table.scrollWidth > table.clientWidth + 1 && !hasCue(table))
      problems.push(`${name}: it scrolls sideways without a visible cue`);
    for (const code of table.querySelectorAll('td code'))
      if (getComputedStyle(code).overflowWrap !== 'anywhere')
        problems.push(`${name}: ${snippet(code.textContent)} does not wrap`);
  });
  document.querySelectorAll<HTMLElement>('.expressive-code').forEach((block, i) => {
    if (!shown(block)) return;
    const pre = block.querySelector('pre')!;
    const name = `code block ${i + 1} (${snippet(pre.textContent)})`;
    const box = block.getBoundingClientRect();
    if (box.left < -1 || box.right > innerWidth + 1) problems.push(`${name}: it is cut at the page's edge`);
    if (pre.scrollWidth > pre.clientWidth + 1 && !hasCue(pre))
      problems.push(`${name}: it scrolls sideways without a visible cue`);
    const button = block.querySelector('.copy button');
    if (!button || !shown(button) || getComputedStyle(button).opacity === '0') return;
    const b = button.getBoundingClientRect();
    const visible = pre.getBoundingClientRect();
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    // Word by word: a space that pre-wrap hangs at a line's end may lie under the button, and that is no text.
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent!.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        for (const r of range.getClientRects()) {
          const overlapX = Math.min(r.right, b.right, visible.right) - Math.max(r.left, b.left);
          const overlapY = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
          if (overlapX > 1 && overlapY > 1) {
            problems.push(`${name}: the copy button covers ${snippet(word[0])} in ${snippet(node.textContent)}`);
            return;
          }
        }
      }
    }
  });
  if (document.documentElement.scrollWidth > innerWidth + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
  return problems;
}

test.describe('on a 390 px phone', () => {
  test.use(PHONE);
  for (const { path } of PAGES) {
    test(`${path}: figures legible, no table or code cut, no text under a copy button`, async ({ page }) => {
      allowForLongPage(path);
      await page.goto(path);
      await loadMeasure(page);
      const problems = [
        ...(await page.evaluate(figureProblems, MIN_LABEL_PX)),
        ...(await page.evaluate(tableAndCodeProblems)),
      ];
      expect(problems, `${path} at 390 px`).toEqual([]);
    });
  }
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  for (const { path } of PAGES) {
    test(`${path}: figures legible and within the page`, async ({ page }) => {
      allowForLongPage(path);
      await page.goto(path);
      await loadMeasure(page);
      expect(await page.evaluate(figureProblems, MIN_LABEL_PX), `${path} at 1280 px`).toEqual([]);
    });
  }
});
