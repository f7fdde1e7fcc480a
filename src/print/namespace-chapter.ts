// Makes a lesson's HTML safe to share one page with other lessons: prefixes its ids and points its links into that page.
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

export interface ChapterContext {
  /** The chapter's prefix (the lesson slug): every id `x` inside it becomes `<prefix>--x`. */
  prefix: string;
  /** URL path of the lesson's own page (`/modulo-01/docker-engine/`), to resolve relative links. */
  pagePath: string;
  /** Every lesson held by the page: its URL path → its chapter prefix (which is also the chapter's id). */
  chapters: ReadonlyMap<string, string>;
}

/** Attributes (as hast properties) whose value is one id or a space-separated list of ids. */
const ID_REFERENCES = [
  'ariaActiveDescendant',
  'ariaControls',
  'ariaDescribedBy',
  'ariaDetails',
  'ariaErrorMessage',
  'ariaFlowTo',
  'ariaLabelledBy',
  'ariaOwns',
  'htmlFor',
  'headers',
  'list',
];
const LINKS = ['href', 'xLinkHref'];
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:|^\/\//i;

/** The id a chapter gives to one of its lesson's ids. */
export const chapterId = (prefix: string, id: string) => `${prefix}--${id}`;

function rewriteLink(href: string, ids: ReadonlySet<string>, context: ChapterContext): string {
  const { prefix, pagePath, chapters } = context;
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    return ids.has(id) ? `#${chapterId(prefix, id)}` : href;
  }
  if (HAS_SCHEME.test(href)) return href;
  const url = new URL(href, `http://site${pagePath}`);
  const target = chapters.get(decodeURIComponent(url.pathname));
  if (target === undefined) return `${url.pathname}${url.search}${url.hash}`;
  const id = decodeURIComponent(url.hash.slice(1));
  return `#${id ? chapterId(target, id) : target}`;
}

function renameTokens(value: unknown, rename: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((token) => (typeof token === 'string' ? rename(token) : token));
  if (typeof value === 'string') return value.split(/(\s+)/).map(rename).join('');
  return value;
}

/**
 * Rewrites a rendered lesson so it can be a chapter of a page that holds several lessons: every id gets the
 * chapter's prefix, and so does every reference to it (in-page links, ARIA and label references, `url(#…)` in
 * SVG attributes and `#id` in inline `<style>`); links to a lesson held by the page become in-page links
 * (`/modulo-01/x/#y` → `#x--y`, `/modulo-01/x/` → `#x`); other relative links are made absolute.
 */
export function namespaceChapter(html: string, context: ChapterContext): string {
  const tree: Root = fromHtml(html, { fragment: true });
  const ids = new Set<string>();
  visit(tree, 'element', (el: Element) => {
    if (typeof el.properties.id === 'string') ids.add(el.properties.id);
  });
  const rename = (id: string) => (ids.has(id) ? chapterId(context.prefix, id) : id);
  const renameUrls = (text: string) =>
    text.replace(/url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g, (_, quote, id) => `url(${quote}#${rename(id)}${quote})`);

  visit(tree, 'element', (el: Element) => {
    const props = el.properties;
    for (const [name, value] of Object.entries(props)) {
      if (name === 'id') props.id = rename(value as string);
      else if (LINKS.includes(name) && typeof value === 'string') props[name] = rewriteLink(value, ids, context);
      else if (ID_REFERENCES.includes(name)) props[name] = renameTokens(value, rename) as typeof value;
      else if (typeof value === 'string' && value.includes('url(')) props[name] = renameUrls(value);
    }
    if (el.tagName === 'style') {
      for (const child of el.children) {
        if (child.type !== 'text') continue;
        (child as Text).value = child.value.replace(/#(-?[A-Za-z_][\w-]*)/g, (match, id) =>
          ids.has(id) ? `#${rename(id)}` : match,
        );
      }
    }
  });
  return toHtml(tree);
}
