// Astro integration: fails the build when a page links to a missing page or anchor, naming the source file and line.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findBrokenLinks, locate, sourceOf } from './site-links.ts';

export default function checkSiteLinks(docsDir: string): AstroIntegration {
  return {
    name: 'check-site-links',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = findBrokenLinks(fileURLToPath(dir));
        if (broken.length === 0) {
          logger.info('All internal links and anchors resolve.');
          return;
        }
        const lines = broken.map(({ page, href, reason }) => {
          const where = locate(sourceOf(docsDir, page), href);
          return `  ${where ? relative(process.cwd(), where) : page} (page ${page}): link "${href}" → ${reason}`;
        });
        throw new Error(`${broken.length} broken internal link(s):\n${lines.join('\n')}`);
      },
    },
  };
}
