// Where a lesson's own files live (the folder named like the lesson, beside it) and the URL they are served at.
import { basename, dirname, extname, join, relative, sep } from 'node:path';

/** `content/docs/modulo-01/imagenes.mdx` → `content/docs/modulo-01/imagenes` (an index page owns its own folder). */
export function lessonFilesDir(lessonPath: string): string {
  const name = basename(lessonPath, extname(lessonPath));
  return name === 'index' ? dirname(lessonPath) : join(dirname(lessonPath), name);
}

/** The site URL of a file under the docs folder: `<docs>/modulo-01/imagenes/Dockerfile` → `/modulo-01/imagenes/Dockerfile`. */
export function lessonFileUrl(docsDir: string, filePath: string): string {
  return `/${relative(docsDir, filePath).split(sep).map(encodeURIComponent).join('/')}`;
}

/** Files that are never part of a lab even when they sit in its folder. */
const IGNORED = new Set(['.DS_Store', '.gitkeep', 'Thumbs.db']);

/** True for the files of a lesson folder that the site serves as downloads (dotfiles such as .dockerignore included). */
export function isLessonFile(path: string): boolean {
  return !/\.(md|mdx|mdoc)$/i.test(path) && !IGNORED.has(basename(path));
}

/** Lesson files a browser should receive with their own standard type (mrmime knows them). */
const BINARY = /\.(zip|pdf|png|jpe?g|gif|webp|svg|ico|tar|gz|tgz)$/i;

/**
 * The Content-Type a lesson file is served with. Its text files (Dockerfile, .dockerignore, compose.yaml, app.py,
 * even an index.html offered as a download) are UTF-8 text, so that a browser shows them and saves them under
 * their own name; archives and images keep their own type (undefined: the server's standard one).
 */
export function lessonFileType(path: string): string | undefined {
  return BINARY.test(path) ? undefined : 'text/plain; charset=utf-8';
}
