// Measures a rendered diagram at its natural size in a headless Chromium: its width and its smallest label.
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-browser.mjs';
import { smallestLabel } from './diagram-label-size.ts';

export interface DiagramSize {
  /** Natural width of the SVG (its viewBox), in CSS pixels. */
  width: number;
  /** Size of the smallest label at that width, in CSS pixels, and its text. */
  label: { px: number; text: string };
}

// As mermaid-isomorphic does, one browser serves the measures under way and is closed when none is left,
// so that it never keeps the build's process alive.
let session: Promise<{ browser: Browser; page: Page }> | undefined;
let active = 0;
let queue: Promise<unknown> = Promise.resolve();

function getPage(): Promise<{ browser: Browser; page: Page }> {
  session ??= chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS }).then(async (browser) => {
    // Wide enough that no diagram is scaled down to fit: each is measured at the size Mermaid gave it.
    const page = await browser.newPage({ viewport: { width: 4000, height: 1000 } });
    return { browser, page };
  });
  return session;
}

/** The natural width of a Mermaid SVG, from its viewBox. */
export function svgWidth(svg: string): number {
  const viewBox = /<svg\b[^>]*\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
  if (!viewBox) throw new Error('The rendered SVG has no viewBox');
  return Number(viewBox[1]);
}

/** Measures one SVG; calls are queued on a single page. */
export function measureDiagram(svg: string): Promise<DiagramSize> {
  active++;
  const run = queue.then(async () => {
    const { page } = await getPage();
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const label = await page.locator('svg').first().evaluate(smallestLabel);
    if (!label) throw new Error('The rendered diagram has no text');
    return { width: svgWidth(svg), label };
  });
  const done = run.finally(async () => {
    if (--active > 0 || !session) return;
    const closing = session;
    session = undefined;
    await (await closing).browser.close();
  });
  queue = done.catch(() => undefined);
  return done;
}
