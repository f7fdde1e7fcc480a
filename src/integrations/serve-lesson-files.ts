// Astro integration: serves the files of each lesson's folder (Dockerfile, compose.yaml…) in dev and copies them into the build.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isLessonFile } from '../../lesson-model/lesson-files.ts';

/** Every servable file below the docs folder, as paths relative to it. */
export function listLessonFiles(docsDir: string): string[] {
  return readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(docsDir, path)).isFile() && isLessonFile(path))
    .map((path) => path.split(sep).join('/'))
    .sort();
}

export default function serveLessonFiles(docsDir: string): AstroIntegration {
  return {
    name: 'serve-lesson-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
          if (!listLessonFiles(docsDir).includes(path)) return next();
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
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
        logger.info(`Copied ${files.length} lesson files into ${relative(process.cwd(), outDir) || '.'}`);
      },
    },
  };
}
