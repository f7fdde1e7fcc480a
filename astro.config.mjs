// @ts-check
import { existsSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { cacheDir, contentDir, courseTitle, siteUrl } from './src/course.config.mjs';
import buildModulePdfs from './src/integrations/build-module-pdfs.ts';
import checkSiteLinks from './src/integrations/check-site-links.ts';
import precompressDist from './src/integrations/precompress-dist.ts';
import serveLessonFiles from './src/integrations/serve-lesson-files.ts';
import zipLessonFolders from './src/integrations/zip-lesson-folders.ts';
import remarkCollectAnchors from './src/plugins/remark-collect-anchors.ts';
import remarkHeadingIds from './src/plugins/remark-heading-ids.ts';
import remarkMermaidFigures from './src/plugins/remark-mermaid-figures.ts';
import remarkIncludeFiles from './src/plugins/remark-include-files.ts';
import remarkLabResults from './src/plugins/remark-lab-results.ts';
import remarkLabZipLink from './src/plugins/remark-lab-zip-link.ts';
import remarkSelfCheck from './src/plugins/remark-self-check.ts';

const docsDir = `${contentDir}/docs`;

/**
 * Starlight adds the sitemap integration unless one is listed. A sitemap needs the public address (its URLs are
 * absolute): without SITE_URL there is none to make, and this empty stand-in keeps the added one from warning so.
 */
const noSitemapWithoutSite = siteUrl ? [] : [{ name: '@astrojs/sitemap', hooks: {} }];

export default defineConfig({
  site: siteUrl,
  cacheDir,
  trailingSlash: 'always',
  vite: {
    build: {
      // The live editor's Mermaid comes in chunks of up to 660 kB: by design, as they are fetched only when a
      // reader opens «Editar» (diagrams.spec.ts checks that no page loads them before).
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        onwarn(warning, warn) {
          // @astrojs/mdx marks each MDX module "use astro:head-inject" and the bundler warns, once per lesson, that
          // it may not keep that directive; Astro reads it before bundling. Harmless: withastro/astro#18087.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [
        // First, so it sees console blocks exactly as written (their hash is what the lab runner recorded).
        [remarkLabResults, { docsDir, resultsFile: `${contentDir}/labs-results.json` }],
        remarkHeadingIds,
        remarkMermaidFigures,
        [remarkIncludeFiles, { docsDir }],
        [remarkLabZipLink, { docsDir }],
        remarkSelfCheck,
        // Last: lists the anchors the others made, for the instructors' index.
        remarkCollectAnchors,
      ],
    }),
  },
  integrations: [
    ...noSitemapWithoutSite,
    starlight({
      title: courseTitle,
      description:
        'Curso de Big Data con Hadoop y Spark. Módulo 01: máquinas virtuales y Docker, de los hipervisores a un clúster de Spark con Compose.',
      defaultLocale: 'root',
      locales: { root: { label: 'Español', lang: 'es' } },
      markdown: { processedDirs: [docsDir] },
      sidebar: [
        {
          label: 'Módulo 01: Máquinas virtuales y Docker',
          items: [{ autogenerate: { directory: 'content/docs/modulo-01' } }],
        },
        // Only when the page exists: fixture sites have no instructors' guide, and the link check would fail.
        ...(existsSync(`${docsDir}/instructores.mdx`)
          ? [{ label: 'Guía para instructores', link: '/instructores/' }]
          : []),
      ],
      customCss: ['./src/styles/course.css', './src/styles/anchors.css', './src/styles/print.css'],
      // The lesson body plus what enhances it: where it lives (in print), diagram actions, «Copiar enlace» buttons;
      // the header, with the theme switch on a phone's home page too; search, whose Pagefind UI is fetched on opening.
      // Our own 404 page (src/pages/404.astro).
      disable404Route: true,
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Header: './src/components/overrides/Header.astro',
        Search: './src/components/overrides/Search.astro',
      },
      lastUpdated: false,
    }),
    // Starlight would add MDX itself; listed here so its options live in one visible place.
    mdx({ optimize: true }),
    serveLessonFiles(docsDir),
    zipLessonFolders(docsDir),
    // Before the link check: it checks the links to the PDFs too, so they must exist by then.
    buildModulePdfs({ siteUrl, courseTitle }),
    checkSiteLinks(docsDir),
    precompressDist(),
  ],
});
