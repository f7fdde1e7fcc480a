// After a lesson's first file block, links the ZIP of its whole folder (built by the zip-lesson-folders integration).
import { basename, relative, sep } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { FILE_SNIPPET_CLASS } from './remark-include-files.ts';
import { lessonFilesDir } from '../../lesson-model/lesson-files.ts';

export default function remarkLabZipLink({ docsDir }: { docsDir: string }) {
  return function transformer(tree: Root, file: VFile) {
    if (!file.path) return;
    const folder = relative(docsDir, lessonFilesDir(file.path)).split(sep).join('/');
    const name = `${basename(folder)}.zip`;
    let done = false;
    // remark-include-files has made each file block a `div.file-snippet` (code and «Descargar»): the ZIP goes after the first.
    visit(tree, (node, index, parent) => {
      const classes = (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
      if (done || !Array.isArray(classes) || !classes.includes(FILE_SNIPPET_CLASS)) return;
      done = true;
      parent!.children.splice(index! + 1, 0, {
        type: 'paragraph',
        data: { hProperties: { className: ['file-download', 'file-download--zip'] } },
        children: [
          { type: 'text', value: 'Todos los archivos de esta lección, en una carpeta: ' },
          {
            type: 'link',
            url: `/${folder}/${name}`,
            data: { hProperties: { download: name } },
            children: [{ type: 'inlineCode', value: name }],
          },
        ],
      } as RootContent);
      return SKIP;
    });
  };
}
