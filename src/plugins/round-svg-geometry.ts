// Writes a rendered SVG's coordinates to a hundredth of a pixel: Mermaid writes them as computed
// (`-1.1714553645825241e-14`, `86.921875`), about a fifth of a diagram's bytes. Widths and heights round up, so that
// a label's box (a foreignObject as wide as its text) never becomes narrower than its text and wraps it; the viewBox,
// which sets the figure's size, is left as it is.
const GEOMETRY = /\s(d|points|transform|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|dx|dy|width|height)="([^"]*)"/g;
const NUMBER = /-?(?:\d+\.\d+|\.\d+|\d+)(?:e[-+]?\d+)?/gi;

export function roundSvgGeometry(svg: string): string {
  return svg.replace(GEOMETRY, (attribute, name: string, value: string) => {
    const round = name === 'width' || name === 'height' ? Math.ceil : Math.round;
    const rounded = value.replace(NUMBER, (number) => {
      const n = round(Number(number) * 100) / 100;
      return String(Object.is(n, -0) ? 0 : n);
    });
    return ` ${name}="${rounded}"`;
  });
}
