// Lists a page's public anchors (headings and their aliases, figures, file blocks, self-check questions) in its frontmatter for the instructors' index; fails on an id used twice.
import type { ElementContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ALIAS_CLASS } from './remark-heading-ids.ts';
import { FILE_SNIPPET_CLASS } from './remark-include-files.ts';

export type AnchorKind = 'heading' | 'alias' | 'figure' | 'file' | 'question';

export interface PublicAnchor {
  id: string;
  kind: AnchorKind;
  /** What a reader sees there: the heading text, «Figura N. caption», the file's path, the question. */
  label: string;
  /** Headings: their level (2 for ##). */
  depth?: number;
  /** Aliases: the id of the heading they land on. */
  target?: string;
}

/** The frontmatter key the list is published under (`remarkPluginFrontmatter.publicAnchors`). */
export const FRONTMATTER_KEY = 'publicAnchors';

interface AnyNode extends Node {
  children?: AnyNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown>; hChildren?: ElementContent[] };
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const classes = (node: AnyNode) => {
  const value = node.data?.hProperties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

/** The id a node will carry in HTML: set by our plugins (`data.hProperties.id`) or written by the author in JSX (`<div id="…">`). */
function idOf(node: AnyNode): string | undefined {
  const id = node.data?.hProperties?.id;
  if (typeof id === 'string') return id;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
    if (typeof attribute?.value === 'string') return attribute.value;
  }
  return undefined;
}

/** Where a node came from: nodes made by our plugins (a file block, a question) carry no position, their first child does. */
function placeOf(node: AnyNode): Node['position'] {
  return node.position ?? (node.children ?? []).map(placeOf).find(Boolean);
}

function describe(node: AnyNode, id: string, heading: Heading | undefined): PublicAnchor | undefined {
  const names = classes(node);
  if (node.type === 'heading')
    return { id, kind: 'heading', label: toString(node), depth: (node as unknown as Heading).depth };
  if (names.includes(ALIAS_CLASS) && heading) {
    return { id, kind: 'alias', label: toString(heading), target: String(heading.data?.hProperties?.id) };
  }
  if (node.data?.hName === 'figure' && names.includes('diagram')) {
    const caption = node.data.hChildren?.find((child) => child.type === 'element' && child.tagName === 'figcaption');
    return { id, kind: 'figure', label: caption ? hastToString(caption).trim() : id };
  }
  if (names.includes(FILE_SNIPPET_CLASS))
    return { id, kind: 'file', label: String(node.data?.hProperties?.dataFile ?? id) };
  if (names.includes('self-check__item')) return { id, kind: 'question', label: toString(node.children?.[0] ?? node) };
  return undefined;
}

export default function remarkCollectAnchors() {
  return function transformer(tree: Root, file: VFile) {
    const anchors: PublicAnchor[] = [];
    const seen = new Map<string, number | undefined>();
    let heading: Heading | undefined;
    visit(tree as AnyNode, (node: AnyNode) => {
      if (node.type === 'heading') heading = node as unknown as Heading;
      const id = idOf(node);
      if (id === undefined) return;
      const place = placeOf(node);
      if (seen.has(id)) {
        file.fail(
          `The id "#${id}" is used twice on this page (first at line ${seen.get(id)}): a link to it could land on either. Rename one (CONTRIBUTING.md, «Identificadores de sección (anclas)»).`,
          place,
          'collect-anchors:duplicate',
        );
      }
      seen.set(id, place?.start.line);
      const anchor = describe(node, id, heading);
      if (anchor) anchors.push(anchor);
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter[FRONTMATTER_KEY] = anchors;
  };
}
