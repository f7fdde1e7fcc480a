// Fills a ```lang file="name" fence with the real file from the lesson's folder, titles it, adds a «Descargar» link, and wraps both in a linkable `#archivo-<name>` block.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { BlockContent, Code, Paragraph, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseFenceMeta } from '../../lesson-model/fence-meta.ts';
import { lessonFilesDir, lessonFileUrl } from '../../lesson-model/lesson-files.ts';
import { slugify } from './slugify.ts';

export interface IncludeFilesOptions {
  /** The docs folder; file URLs are relative to it. */
  docsDir: string;
}

function downloadLink(url: string, name: string): Paragraph {
  return {
    type: 'paragraph',
    data: { hProperties: { className: ['file-download'] } },
    children: [
      {
        type: 'link',
        url,
        data: { hProperties: { download: name } },
        children: [{ type: 'text', value: `Descargar ${name}` }],
      },
      // Browsers drop a leading dot from a saved file's name (Chrome saves «dockerignore»); no server can stop it.
      ...(name.startsWith('.')
        ? [
            {
              type: 'text' as const,
              value: ` (tu navegador puede guardarlo sin el punto, como «${name.slice(1)}»: renómbralo a «${name}», o descarga el ZIP de la lección, que lo conserva)`,
            },
          ]
        : []),
    ],
  };
}

/** The class of the block that holds a file's code and its download link. */
export const FILE_SNIPPET_CLASS = 'file-snippet';

/** `compose.yaml` → `archivo-compose-yaml`; `id="web"` in the fence → `archivo-web`. */
export function fileAnchorId(file: string, pinned?: string): string {
  return `archivo-${pinned ?? slugify(file)}`;
}

/** `<div class="file-snippet" id="archivo-…" data-file="…">`: the code block and its download link, one link target. */
function snippet(id: string, name: string, children: BlockContent[]): BlockContent {
  return {
    type: 'blockquote',
    children,
    data: { hName: 'div', hProperties: { className: [FILE_SNIPPET_CLASS], id, dataFile: name } },
  };
}

export default function remarkIncludeFiles({ docsDir }: IncludeFilesOptions) {
  return function transformer(tree: Root, file: VFile) {
    if (!file.path) return;
    const folder = lessonFilesDir(file.path);
    const seen = new Map<string, number | undefined>();
    visit(tree, 'code', (node: Code, index, parent) => {
      const meta = parseFenceMeta(node.meta ?? '');
      if (meta.file === undefined) return;
      if (!meta.file || meta.file.includes('..')) {
        file.fail(`file="${meta.file}" must name a file inside ${folder}.`, node, 'include-files:path');
      }
      if (node.value.trim() !== '') {
        file.fail(
          `A file="${meta.file}" block must be empty: the file itself is the source. Edit ${join(folder, meta.file)} instead.`,
          node,
          'include-files:not-empty',
        );
      }
      const path = resolve(folder, meta.file);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        file.fail(`file="${meta.file}" not found: expected ${path}.`, node, 'include-files:missing');
      }
      if (meta.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(meta.id)) {
        file.fail(`id="${meta.id}" must be lowercase ASCII letters, digits and hyphens.`, node, 'include-files:id');
      }
      const id = fileAnchorId(meta.file, meta.id);
      if (seen.has(id)) {
        file.fail(
          `Two file blocks share the anchor "#${id}" (the other is at line ${seen.get(id)}); give this one an id="…".`,
          node,
          'include-files:duplicate-id',
        );
      }
      seen.set(id, node.position?.start.line);
      const name = basename(meta.file);
      node.value = text.replace(/\n$/, '');
      if (meta.title === undefined) node.meta = `${node.meta} title="${meta.file}"`;
      parent!.children[index!] = snippet(id, meta.file, [node, downloadLink(lessonFileUrl(docsDir, path), name)]);
      return [SKIP, index! + 1];
    });
  };
}
