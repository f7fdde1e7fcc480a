// Fills a ```lang file="name" fence with the real file from the lesson's folder, titles it, and adds a «Descargar» link.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Code, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseFenceMeta } from './fence-meta.ts';
import { lessonFilesDir, lessonFileUrl } from './lesson-files.ts';

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
    ],
  };
}

export default function remarkIncludeFiles({ docsDir }: IncludeFilesOptions) {
  return function transformer(tree: Root, file: VFile) {
    if (!file.path) return;
    const folder = lessonFilesDir(file.path);
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
      const name = basename(meta.file);
      node.value = text.replace(/\n$/, '');
      if (meta.title === undefined) node.meta = `${node.meta} title="${meta.file}"`;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataFile: meta.file } };
      parent!.children.splice(index! + 1, 0, downloadLink(lessonFileUrl(docsDir, path), name));
    });
  };
}
