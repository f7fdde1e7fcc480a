// Prefixes every id inside an SVG string (and the references to it), so several SVGs can share one page.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function namespaceSvgIds(svg: string, prefix: string): string {
  const ids = [...new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))].filter(
    (id) => !id.startsWith(`${prefix}-`) && id !== prefix,
  );
  let result = svg;
  for (const id of ids) {
    const name = escape(id);
    const renamed = `${prefix}-${id}`;
    result = result
      .replace(new RegExp(`(\\sid=")${name}(")`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`(url\\(#)${name}(\\))`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`((?:xlink:)?href="#)${name}(")`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`(aria-(?:labelledby|describedby)="(?:[^"]*\\s)?)${name}(?=[\\s"])`, 'g'), `$1${renamed}`);
  }
  return result;
}
