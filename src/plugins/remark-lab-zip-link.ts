// After a lesson's first file block, links the ZIP of its whole folder (built by the zip-lesson-folders integration).
import { basename, relative, sep } from 'node:path';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseFenceMeta } from './fence-meta.ts';
import { lessonFilesDir } from './lesson-files.ts';

export default function remarkLabZipLink({ docsDir }: { docsDir: string }) {
  return function transformer(tree: Root, file: VFile) {
    if (!file.path) return;
    const folder = relative(docsDir, lessonFilesDir(file.path)).split(sep).join('/');
    const name = `${basename(folder)}.zip`;
    let done = false;
    visit(tree, 'code', (node: Code, index, parent) => {
      if (done || parseFenceMeta(node.meta ?? '').file === undefined) return;
      done = true;
      // Placed after the block's own «Descargar» link when there is one.
      const next = parent!.children[index! + 1];
      const at = next?.type === 'paragraph' && next.data?.hProperties?.className ? index! + 2 : index! + 1;
      parent!.children.splice(at, 0, {
        type: 'paragraph',
        data: { hProperties: { className: ['file-download', 'file-download--zip'] } },
        children: [
          { type: 'text', value: 'Todos los archivos de esta lección, en una carpeta: ' },
          { type: 'link', url: `/${folder}/${name}`, data: { hProperties: { download: name } }, children: [{ type: 'inlineCode', value: name }] },
        ],
      });
    });
  };
}
