// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { cacheDir, contentDir, courseTitle, siteUrl } from './src/course.config.mjs';
import buildModulePdfs from './src/integrations/build-module-pdfs.ts';
import checkSiteLinks from './src/integrations/check-site-links.ts';
import serveLessonFiles from './src/integrations/serve-lesson-files.ts';
import remarkHeadingIds from './src/plugins/remark-heading-ids.ts';
import remarkMermaidFigures from './src/plugins/remark-mermaid-figures.ts';
import remarkIncludeFiles from './src/plugins/remark-include-files.ts';
import remarkSelfCheck from './src/plugins/remark-self-check.ts';

const docsDir = `${contentDir}/docs`;

export default defineConfig({
  site: siteUrl,
  cacheDir,
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      remarkPlugins: [
        remarkHeadingIds,
        remarkMermaidFigures,
        [remarkIncludeFiles, { docsDir }],
        remarkSelfCheck,
      ],
    }),
  },
  integrations: [
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
      ],
      customCss: ['./src/styles/course.css', './src/styles/print.css'],
      components: { MarkdownContent: './src/components/MarkdownContent.astro' },
      lastUpdated: false,
    }),
    // Starlight would add MDX itself; listed here so its options live in one visible place.
    mdx({ optimize: true }),
    serveLessonFiles(docsDir),
    // Before the link check: it checks the links to the PDFs too, so they must exist by then.
    buildModulePdfs({ siteUrl, courseTitle }),
    checkSiteLinks(docsDir),
  ],
});
