// What Mermaid is given for a lesson's diagram, by the build and by the live editor: the module's classes appended,
// and, for block diagrams, whose grammar has no accTitle/accDescr in Mermaid 11, those lines taken out (the build
// writes them into the SVG afterwards, as Mermaid does for the other types).
import { diagramType, withDiagramClasses } from './diagram-classes.ts';
import type { Theme } from './mermaid-config.ts';

const isBlock = (source: string) => /^block(-beta)?\b/.test(diagramType(source));
const ACC_LINE = /^\s*acc(Title|Descr)\s*:\s*(.*)$/;

/** The diagram's accessible title and description, as written in its source. */
export function accessibleText(source: string): { title?: string; description?: string } {
  const found: Record<string, string> = {};
  for (const line of source.split('\n')) {
    const match = ACC_LINE.exec(line);
    if (match) found[match[1]] = match[2].trim();
  }
  return { title: found.Title, description: found.Descr };
}

/** The source Mermaid renders. */
export function renderableSource(source: string, theme: Theme): string {
  const clean = isBlock(source)
    ? source
        .split('\n')
        .filter((line) => !ACC_LINE.test(line))
        .join('\n')
    : source;
  return withDiagramClasses(clean, theme);
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** For a block diagram, the SVG with the <title> and <desc> its source declares, named by aria attributes. */
export function withAccessibleText(svg: string, source: string): string {
  if (!isBlock(source) || /<title\b/.test(svg)) return svg;
  const { title = '', description = '' } = accessibleText(source);
  const id = /<svg\b[^>]*\bid="([^"]+)"/.exec(svg)?.[1] ?? 'diagram';
  return svg.replace(
    /<svg\b[^>]*>/,
    (open) =>
      `${open.replace(/\s*\brole="[^"]*"/, '').replace(/>$/, ` role="graphics-document document" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`)}` +
      `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`,
  );
}
