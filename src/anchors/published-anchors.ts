// The public anchors of a built site (page path → id → kind) and their comparison with the committed manifest, content/anchors.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { pagePath, sourceOf } from '../integrations/site-links.ts';
import type { AnchorKind } from '../plugins/remark-collect-anchors.ts';

/** Page path (`/modulo-01/redes/`) → anchor id → kind. Every page built from content/docs is listed, even with no anchors. */
export type AnchorManifest = Record<string, Record<string, AnchorKind>>;

export interface AnchorDiff {
  /** Published anchors the build no longer has: links already shared would break. */
  removed: string[];
  /** Anchors of the build the manifest does not list yet. */
  added: string[];
  /** Anchors whose kind changed (a heading kept alive as an alias, for instance). */
  changed: string[];
}

/** Where each kind of public anchor lives in a built page. */
const SELECTORS: [AnchorKind, string][] = [
  ['heading', 'h2[id], h3[id], h4[id], h5[id], h6[id]'],
  ['alias', 'span.heading-alias[id]'],
  ['figure', 'figure.diagram[id]'],
  ['file', 'div.file-snippet[id]'],
  ['question', 'li.self-check__item[id]'],
];

const sorted = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The public anchors of every page of dist/ that comes from a lesson in docsDir (not 404, not generated pages). */
export function readBuiltAnchors(distDir: string, docsDir: string): AnchorManifest {
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`${distDir} holds no built site: run \`npm run build\` first.`);
  const manifest: AnchorManifest = {};
  const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html'));
  for (const file of files) {
    const path = pagePath(distDir, join(distDir, file));
    if (!sourceOf(docsDir, path)) continue;
    const content = parse(readFileSync(join(distDir, file), 'utf8')).querySelector('.sl-markdown-content');
    const anchors: Record<string, AnchorKind> = {};
    for (const [kind, selector] of SELECTORS) {
      for (const element of content?.querySelectorAll(selector) ?? []) anchors[element.id] = kind;
    }
    manifest[path] = sorted(anchors);
  }
  return sorted(manifest);
}

const flatten = (manifest: AnchorManifest) =>
  new Map(
    Object.entries(manifest).flatMap(([page, ids]) =>
      Object.entries(ids).map(([id, kind]) => [`${page}#${id}`, kind] as const),
    ),
  );

export function compareAnchors(published: AnchorManifest, built: AnchorManifest): AnchorDiff {
  const before = flatten(published);
  const after = flatten(built);
  const newPages = Object.keys(built).filter((page) => !(page in published));
  const lostPages = Object.keys(published).filter((page) => !(page in built));
  return {
    removed: [...lostPages, ...[...before.keys()].filter((key) => !after.has(key))],
    added: [...newPages, ...[...after.keys()].filter((key) => !before.has(key))],
    changed: [...after]
      .filter(([key, kind]) => before.has(key) && before.get(key) !== kind)
      .map(([key, kind]) => `${key} (${before.get(key)} → ${kind})`),
  };
}

export const isClean = (diff: AnchorDiff) => diff.removed.length + diff.added.length + diff.changed.length === 0;

const list = (items: string[]) => items.map((item) => `  ${item}`).join('\n');

/** What is wrong, and what to do about it, for the author who changed the content. */
export function explainDiff(diff: AnchorDiff, manifestName = 'content/anchors.json'): string {
  const parts: string[] = [];
  if (diff.removed.length > 0) {
    parts.push(
      `${diff.removed.length} published anchor(s) disappeared from the build; links that instructors and students already use would break:\n${list(diff.removed)}\n` +
        `Keep each one: restore it, pin it on the section that replaces it ({/* #old-id */}), or keep it as an alias ({/* #new-id, #old-id */}); ` +
        `a figure keeps its anchor with id="…" on the fence. See CONTRIBUTING.md, «Enlaces que no se rompen».`,
    );
  }
  if (diff.added.length + diff.changed.length > 0) {
    parts.push(
      `${diff.added.length + diff.changed.length} anchor(s) of the build are not in ${manifestName} yet:\n${list([...diff.added, ...diff.changed])}\n` +
        `Run \`npm run anchors:update\` and commit ${manifestName}.`,
    );
  }
  return parts.join('\n\n');
}

/** The manifest after an update: the build's anchors. Published anchors missing from the build are an error unless removeMissing. */
export function updateManifest(published: AnchorManifest, built: AnchorManifest, { removeMissing = false } = {}) {
  const diff = compareAnchors(published, built);
  if (diff.removed.length > 0 && !removeMissing) {
    throw new Error(
      `${explainDiff({ ...diff, added: [], changed: [] })}\n\n` +
        'The manifest was not changed. Only if none of these anchors was ever published (content merged but never deployed), ' +
        'drop them with `npm run anchors:update -- --remove-missing`.',
    );
  }
  return { manifest: built, diff };
}

export const MANIFEST_COMMENT =
  'Anclas públicas del sitio (página → id → tipo). Lo genera `npm run anchors:update` a partir de dist/; las pruebas fallan si un ancla de aquí desaparece. Ver CONTRIBUTING.md, «Enlaces que no se rompen».';

export function readManifest(file: string): AnchorManifest {
  if (!existsSync(file)) return {};
  const { $comment: _, ...pages } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return pages as AnchorManifest;
}

/** One anchor per line, pages and ids sorted: a change of content is a small diff. */
export function formatManifest(manifest: AnchorManifest): string {
  const pages = Object.fromEntries(Object.entries(sorted(manifest)).map(([page, ids]) => [page, sorted(ids)]));
  return `${JSON.stringify({ $comment: MANIFEST_COMMENT, ...pages }, null, 2)}\n`;
}
