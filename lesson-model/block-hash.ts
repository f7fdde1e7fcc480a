// The identity of a console block for the lab results: its fence line, its code and the files of its lesson folder.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isLessonFile } from './lesson-files.ts';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * A digest of the files of a lesson folder (names and contents; lessons and hidden files left out, as the site
 * serves them): a block that may use them changes when they change.
 */
export function folderDigest(dir: string): string {
  if (!existsSync(dir)) return '';
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => isLessonFile(path) && statSync(join(dir, path)).isFile())
    .sort();
  return sha256(files.map((path) => `${path}\0${sha256(readFileSync(join(dir, path)))}`).join('\n'));
}

/**
 * A block's hash: the fence line as written (language, expect, exit, skip), the code, and the lesson folder's digest.
 * Changing any of them makes it a different block, which has no result until the runner runs it again.
 */
export function blockHash(fenceLine: string, code: string, folder: string): string {
  return sha256(`${fenceLine.trim()}\n${code}\n${folder}`).slice(0, 16);
}
