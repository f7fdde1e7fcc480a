// Reads a built site (dist/): its pages, the ids in each, and every internal link that points to a missing page or anchor.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';

export interface SitePage {
  /** URL path, with trailing slash for pages: `/modulo-01/docker-engine/`. */
  path: string;
  ids: Set<string>;
  /** Internal hrefs found in the page's main content and navigation, as written. */
  links: string[];
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/** `dist/modulo-01/x/index.html` → `/modulo-01/x/`; `dist/404.html` → `/404.html`. */
export function pagePath(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

export function readSite(distDir: string): Map<string, SitePage> {
  const pages = new Map<string, SitePage>();
  for (const file of htmlFiles(distDir)) {
    const root = parse(readFileSync(file, 'utf8'));
    const ids = new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id')!));
    // Diagram nodes link with xlink:href (Mermaid's `click … href`): they are checked like every other link.
    const links = root
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))
      .filter((href): href is string => !!href && (href.startsWith('/') || href.startsWith('#')));
    const path = pagePath(distDir, file);
    pages.set(path, { path, ids, links });
  }
  return pages;
}

/** Whether a static file (a download, an asset) exists for a URL path. */
function isStaticFile(distDir: string, path: string): boolean {
  const file = join(distDir, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isFile();
}

export function findBrokenLinks(distDir: string, pages = readSite(distDir)): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of pages.values()) {
    for (const href of page.links) {
      const url = new URL(href, `http://site${page.path}`);
      const targetPath = decodeURIComponent(url.pathname);
      const target = pages.get(targetPath);
      if (!target) {
        if (!url.hash && isStaticFile(distDir, url.pathname)) continue;
        const hint = pages.has(`${targetPath}/`) ? ` (did you mean ${targetPath}/ ?)` : '';
        broken.push({ page: page.path, href, reason: `no page ${targetPath}${hint}` });
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !target.ids.has(id)) {
        broken.push({ page: page.path, href, reason: `no element with id "${id}" in ${targetPath}` });
      }
    }
  }
  return broken;
}

/** The source file of a page, for error messages: `/modulo-01/x/` → `<docsDir>/modulo-01/x.mdx`, if it exists. */
export function sourceOf(docsDir: string, pagePath: string): string | undefined {
  const slug = pagePath.replace(/^\/|\/$/g, '');
  const candidates = slug
    ? [`${slug}.mdx`, `${slug}.md`, `${slug}/index.mdx`, `${slug}/index.md`]
    : ['index.mdx', 'index.md'];
  return candidates.map((c) => join(docsDir, c)).find((file) => existsSync(file));
}

/** `file:line` of the first line of a source file that holds the href, or just the file. */
export function locate(file: string | undefined, href: string): string | undefined {
  if (!file) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(href));
  return index >= 0 ? `${file}:${index + 1}` : file;
}
