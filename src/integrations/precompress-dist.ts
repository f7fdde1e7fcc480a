// Astro integration: writes a Brotli and a gzip copy beside each text file of the build (pages, styles, scripts,
// SVG), so that `npm run serve` (sirv), nginx's gzip_static or any static host sends pages at a fifth of their
// size: a lesson page with its inline diagrams is 150–300 kB of HTML, 30–40 kB compressed.
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const TEXT = /\.(html|css|js|mjs|svg|json|xml|txt)$/;
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The files of a folder worth compressing. */
export function compressible(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => TEXT.test(path) && statSync(join(dir, path)).size >= MIN_BYTES)
    .sort();
}

export async function precompress(dir: string): Promise<{ files: number; bytes: number; compressed: number }> {
  let bytes = 0;
  let compressed = 0;
  const files = compressible(dir);
  for (const path of files) {
    const data = await readFile(join(dir, path));
    const [br, gzipped] = await Promise.all([
      brotli(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
      gz(data, { level: 9 }),
    ]);
    await Promise.all([writeFile(join(dir, `${path}.br`), br), writeFile(join(dir, `${path}.gz`), gzipped)]);
    bytes += data.length;
    compressed += br.length;
  }
  return { files: files.length, bytes, compressed };
}

/** List it last: it compresses what the other integrations wrote (the lesson files, the ZIPs' pages). */
export default function precompressDist(): AstroIntegration {
  return {
    name: 'precompress-dist',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { files, bytes, compressed } = await precompress(outDir);
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        logger.info(
          `${files} files in ${relative(process.cwd(), outDir) || '.'} also as .br and .gz: ${mb(bytes)} MB → ${mb(compressed)} MB (Brotli)`,
        );
      },
    },
  };
}
