// Prefixes every id inside an SVG string (and the references to it), so several SVGs can share one page, and folds them to lowercase ASCII.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `fig1-dark-0_flowchart-v2-pointEnd` → `fig1-dark-0-flowchart-v2-pointend`: the site's ids are /^[a-z0-9-]+$/. */
const asciiId = (id: string) => id.toLowerCase().replace(/[^a-z0-9-]/g, '-');

export function namespaceSvgIds(svg: string, prefix: string): string {
  const ids = [...new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))];
  const taken = new Set(ids);
  let result = svg;
  for (const id of ids) {
    const prefixed = id.startsWith(`${prefix}-`) || id === prefix ? id : `${prefix}-${id}`;
    let renamed = asciiId(prefixed);
    if (renamed === id) continue;
    // Folding case can make two ids one (`a` and `A`): number the later one.
    for (let n = 2; taken.has(renamed); n++) renamed = `${asciiId(prefixed)}-${n}`;
    taken.add(renamed);
    const name = escape(id);
    result = result
      .replace(new RegExp(`(\\sid=")${name}(")`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`(url\\(#)${name}(\\))`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`((?:xlink:)?href="#)${name}(")`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`(aria-(?:labelledby|describedby)="(?:[^"]*\\s)?)${name}(?=[\\s"])`, 'g'), `$1${renamed}`)
      .replace(
        /(<style[^>]*>)([\s\S]*?)(<\/style>)/g,
        (_, open: string, css: string, close: string) =>
          open + css.replace(new RegExp(`#${name}(?![\\w-])`, 'g'), `#${renamed}`) + close,
      );
  }
  return result;
}
