// Measures the smallest label of a rendered diagram as the reader sees it: font size × the SVG's scale on screen.
// Shared by the build (which measures each render at its natural size) and the phone-legibility test (which
// measures the figures on the built pages). It runs inside the browser, so it must stay self-contained.

/** The smallest label a reader must read without zooming, in CSS pixels (issue 13: 12 px at 390 px wide). */
export const MIN_LABEL_PX = 12;

/**
 * Width of a figure's drawing area on a 390 px phone, in CSS pixels: the page less 0.5rem each side, since on a
 * phone a figure spans the page's margins (course.css). The phone-layout test measures the real pages.
 */
export const PHONE_CANVAS_PX = 374;

/** The size a label of `px` pixels in a drawing `width` pixels wide renders at on a 390 px phone. */
export function labelOnPhone(width: number, px: number): number {
  return px * Math.min(1, PHONE_CANVAS_PX / width);
}

/** The widest drawing whose smallest label of `px` pixels still measures MIN_LABEL_PX on a phone. */
export function widestForPhone(px: number): number {
  return Math.floor((PHONE_CANVAS_PX * px) / MIN_LABEL_PX);
}

export interface LabelSize {
  /** Effective size of the smallest label, in CSS pixels on screen. */
  px: number;
  /** Its text, to name it in an error. */
  text: string;
}

/**
 * The smallest label of an SVG, in CSS pixels on screen. Counts every element that holds text of its own,
 * SVG text or HTML inside a foreignObject, that is rendered (not display: none, not empty).
 */
export function smallestLabel(svg: SVGSVGElement): LabelSize | null {
  let smallest: LabelSize | null = null;
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const element = node.parentElement;
    if (!text || !element || element.closest('style, title, desc, defs, marker')) continue;
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    // The nearest SVG graphics element (the foreignObject for HTML labels) gives the scale to the screen.
    let graphic: Element | null = element;
    while (graphic && !(graphic instanceof SVGGraphicsElement)) graphic = graphic.parentElement;
    const matrix = (graphic as SVGGraphicsElement | null)?.getScreenCTM();
    if (!matrix) continue;
    const px = parseFloat(style.fontSize) * Math.hypot(matrix.a, matrix.b);
    if (!smallest || px < smallest.px) smallest = { px, text };
  }
  return smallest;
}
