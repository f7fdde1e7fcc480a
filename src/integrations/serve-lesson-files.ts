// Astro integration: serves the files of each lesson's folder (Dockerfile, compose.yaml…) in dev and copies them into
// the build, with a `_headers` file (the format of Netlify and Cloudflare Pages, read by `npm run serve` too) that
// gives each its type.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isLessonFile, lessonFileType, lessonFileUrl } from '../../lesson-model/lesson-files.ts';

/** Every servable file below the docs folder, as paths relative to it. */
export function listLessonFiles(docsDir: string): string[] {
  return readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(docsDir, path)).isFile() && isLessonFile(path))
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/**
 * `_headers` rules: each lesson text file's type and its own name, and no sniffing. The name matters for a file
 * without an extension: Chrome saves a text/plain «Dockerfile» as «Dockerfile.txt» unless the server names it.
 */
export function headersFile(docsDir: string, files: string[]): string {
  const disposition = (name: string) =>
    /^[\x20-\x7e]*$/.test(name) && !name.includes('"')
      ? `inline; filename="${name}"`
      : `inline; filename*=UTF-8''${encodeURIComponent(name)}`;
  const rules = files
    .filter((path) => lessonFileType(path))
    .map(
      (path) =>
        `${lessonFileUrl(docsDir, join(docsDir, path))}\n  Content-Type: ${lessonFileType(path)}\n` +
        `  Content-Disposition: ${disposition(basename(path))}\n`,
    );
  return `# Written by src/integrations/serve-lesson-files.ts: the type of each lesson file.\n/*\n  X-Content-Type-Options: nosniff\n${rules.join('')}`;
}

export default function serveLessonFiles(docsDir: string): AstroIntegration {
  return {
    name: 'serve-lesson-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
          if (!listLessonFiles(docsDir).includes(path)) return next();
          res.setHeader('Content-Type', lessonFileType(path) ?? 'application/octet-stream');
          res.end(readFileSync(join(docsDir, path)));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = listLessonFiles(docsDir);
        for (const path of files) {
          const target = join(outDir, path);
          if (existsSync(target)) {
            throw new Error(
              `${join(docsDir, path)} would overwrite ${target}, which the site built (a page or an asset): rename the file.`,
            );
          }
          await mkdir(dirname(target), { recursive: true });
          await cp(join(docsDir, path), target);
        }
        await writeFile(join(outDir, '_headers'), headersFile(docsDir, files));
        logger.info(`Copied ${files.length} lesson files into ${relative(process.cwd(), outDir) || '.'}`);
      },
    },
  };
}
