// Builds the instructors' index: the course's pages in sidebar order, each with its public anchors, their URLs and a folded text to filter on.
import type { PublicAnchor } from '../plugins/remark-collect-anchors.ts';

export interface IndexedPage {
  href: string;
  title: string;
  description: string;
  rows: IndexRow[];
}

export interface IndexRow {
  href: string;
  id: string;
  kind: Exclude<PublicAnchor['kind'], 'alias'>;
  label: string;
  depth?: number;
  /** Old ids kept alive on this heading: they land here too. */
  aliases: string[];
  /** Lowercase, accents folded: what the filter matches against. */
  search: string;
}

export interface IndexSource {
  /** The entry's id in the docs collection: `modulo-01/redes`, `modulo-01` (an index page), `index` (the home page). */
  id: string;
  title: string;
  description: string;
  anchors: PublicAnchor[];
}

export const KIND_LABEL: Record<IndexRow['kind'], string> = {
  heading: 'Sección',
  figure: 'Figura',
  file: 'Archivo',
  question: 'Pregunta',
};

/** Lowercase without accents, for a filter that finds «maquina» in «Máquina». */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The URL Starlight gives a docs entry: `index` → `/`, `modulo-01/redes` → `/modulo-01/redes/`. */
export const entryHref = (id: string) => (id === 'index' ? '/' : `/${id.replace(/\/index$/, '')}/`);

/** Pages in the order of `sidebarHrefs` (pages not in the sidebar, like the home page, first), anchors in page order. */
export function buildAnchorIndex(sources: IndexSource[], sidebarHrefs: string[]): IndexedPage[] {
  const position = (href: string) => sidebarHrefs.indexOf(href);
  const pages = sources.map((source): IndexedPage => {
    const href = entryHref(source.id);
    const rows: IndexRow[] = [];
    for (const anchor of source.anchors) {
      if (anchor.kind === 'alias') {
        const target = rows.find((row) => row.id === anchor.target);
        if (!target)
          throw new Error(`${href}: alias #${anchor.id} names #${anchor.target}, which is not listed before it`);
        target.aliases.push(anchor.id);
        target.search += ` ${anchor.id}`;
        continue;
      }
      rows.push({
        href: `${href}#${anchor.id}`,
        id: anchor.id,
        kind: anchor.kind,
        label: anchor.label,
        depth: anchor.depth,
        aliases: [],
        search: fold(`${KIND_LABEL[anchor.kind]} ${anchor.label} ${anchor.id} ${source.title}`),
      });
    }
    return { href, title: source.title, description: source.description, rows };
  });
  return pages.sort((a, b) => position(a.href) - position(b.href) || a.href.localeCompare(b.href));
}

/** Every page link of a Starlight sidebar, depth first, in the order shown. */
export function sidebarHrefs(entries: { type: string; href?: string; entries?: unknown[] }[]): string[] {
  return entries.flatMap((entry) =>
    entry.type === 'group' ? sidebarHrefs(entry.entries as typeof entries) : entry.href ? [entry.href] : [],
  );
}
