// Astro integration: packs each lesson's folder of files into one ZIP in the build, `/modulo-01/<slug>/<slug>.zip`.
import { readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { zipSync } from 'fflate';
import { listLessonFiles } from './serve-lesson-files.ts';

/** Lesson folders (relative to the docs folder) and their files, for folders named like a lesson beside them. */
export function lessonFolders(docsDir: string): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const path of listLessonFiles(docsDir)) {
    const parts = path.split('/');
    // The lesson folder is the first folder that has a lesson file of the same name beside it.
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      if (statSync(join(docsDir, `${folder}.mdx`), { throwIfNoEntry: false })?.isFile()) {
        folders.set(folder, [...(folders.get(folder) ?? []), path]);
        break;
      }
    }
  }
  return folders;
}

/** The URL path of a lesson folder's ZIP: `modulo-01/imagenes` → `/modulo-01/imagenes/imagenes.zip`. */
export const zipPathOf = (folder: string) => `/${folder}/${basename(folder)}.zip`;

export function zipFolder(docsDir: string, folder: string, files: string[]): Uint8Array {
  const name = basename(folder);
  const entries = Object.fromEntries(
    files.map((path) => [
      `${name}/${path.slice(folder.length + 1)}`,
      new Uint8Array(readFileSync(join(docsDir, path))),
    ]),
  );
  // A fixed date keeps the ZIP identical from one build to the next when the files are.
  return zipSync(entries, { mtime: new Date('2026-01-01T00:00:00Z'), level: 9 });
}

export default function zipLessonFolders(docsDir: string): AstroIntegration {
  return {
    name: 'zip-lesson-folders',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const folders = lessonFolders(docsDir);
        for (const [folder, files] of folders) {
          const target = join(outDir, zipPathOf(folder));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, zipFolder(docsDir, folder, files));
        }
        logger.info(`Packed ${folders.size} lesson folders as ZIP files`);
      },
    },
  };
}
