// Marks each console block that the lab runner executed and passed, as it is now: «✓ Ejecutado con Docker Engine … el …».
import { relative, sep } from 'node:path';
import type { Code, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { blockHash, folderDigest } from '../../lesson-model/block-hash.ts';
import { passedMark, readResults, skippedMark, type PassedMark } from '../../lesson-model/results.ts';
import { lessonFilesDir } from '../../lesson-model/lesson-files.ts';

export interface LabResultsOptions {
  /** The docs folder: results are keyed by lesson path relative to it. */
  docsDir: string;
  /** The results file written by `npm run test:labs` (content/labs-results.json). */
  resultsFile: string;
}

const SESSION_LANGUAGES = new Set(['console', 'shellsession', 'shell-session']);

/** A version as people say it: `29.1.2`, not `29.1.2+dfsg1`. */
const plain = (version: string) => version.replace(/[+~].*$/, '');

/**
 * The text of the mark before its date: the engine (and Compose, when the block used it) for blocks that talk to
 * Docker, the system for the others (qemu-img…).
 */
export function markText(mark: PassedMark): string {
  const compose = mark.compose ? ` y Compose ${plain(mark.compose)}` : '';
  const where = mark.docker ? `con Docker Engine ${plain(mark.engine)}${compose}` : `en ${mark.system}`;
  return `Ejecutado ${where} el `;
}

/** After the date, where stand-in images took part: «, con una imagen apache/spark construida desde …». */
export function standInText(mark: PassedMark): string {
  if (!mark.standIns?.length) return '';
  const each = mark.standIns.map(
    ({ image, builtFrom }) => `una imagen ${image.replace(/:[^/:]+$/, '')} construida desde ${builtFrom}`,
  );
  return `, con ${each.join(' y ')}`;
}

function markParagraph(mark: PassedMark): Paragraph {
  const after = standInText(mark);
  return {
    type: 'paragraph',
    // Left out of the search index: it would match every page for «Docker Engine».
    data: { hProperties: { className: ['lab-run'], dataPagefindIgnore: '' } },
    children: [
      {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['lab-run__icon'], ariaHidden: 'true' } },
        children: [{ type: 'text', value: '✓ ' }],
      },
      { type: 'text', value: markText(mark) },
      {
        type: 'emphasis',
        data: { hName: 'time', hProperties: { dateTime: mark.date } },
        children: [{ type: 'text', value: mark.date }],
      },
      ...(after ? [{ type: 'text' as const, value: after }] : []),
    ],
  };
}

/** Under a block the last run skipped: why it cannot run on the lab machines. */
function skippedParagraph(reason: string): Paragraph {
  return {
    type: 'paragraph',
    data: { hProperties: { className: ['lab-run', 'lab-run--skipped'], dataPagefindIgnore: '' } },
    children: [{ type: 'text', value: `Sin ejecutar en el laboratorio: ${reason}` }],
  };
}

export default function remarkLabResults({ docsDir, resultsFile }: LabResultsOptions) {
  return function transformer(tree: Root, file: VFile) {
    if (!file.path) return;
    const lesson = relative(docsDir, file.path).split(sep).join('/');
    if (lesson.startsWith('..')) return;
    // Read on every page: a new run shows in `astro dev` without a restart. A malformed file fails the build.
    const results = readResults(resultsFile);
    if (!results.lessons[lesson]) return;
    const lines = String(file.value).split('\n');
    const digest = folderDigest(lessonFilesDir(file.path));
    const seen = new Map<string, number>();
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!SESSION_LANGUAGES.has(node.lang ?? '') || !node.position || !parent || index === undefined) return;
      const hash = blockHash(lines[node.position.start.line - 1] ?? '', node.value, digest);
      const occurrence = seen.get(hash) ?? 0;
      seen.set(hash, occurrence + 1);
      const mark = passedMark(results, lesson, hash, occurrence);
      const skipped = mark ? undefined : skippedMark(results, lesson, hash, occurrence);
      if (!mark && !skipped) return;
      parent.children.splice(index + 1, 0, mark ? markParagraph(mark) : skippedParagraph(skipped!.reason));
      return index + 2;
    });
  };
}
