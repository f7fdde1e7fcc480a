// The lessons (docs collection) and Starlight's UI strings, read from the top-level content/ folder.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { contentDir } from './course.config.mjs';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: `${contentDir}/docs`, pattern: '**/[^_]*.{md,mdx}' }),
    // Every page of the course needs a description: search results, link previews, the instructors' index.
    schema: docsSchema({ extend: z.object({ description: z.string().min(1) }) }),
  }),
  i18n: defineCollection({
    loader: glob({ base: `${contentDir}/i18n`, pattern: '**/*.{json,yml,yaml}' }),
    schema: i18nSchema(),
  }),
};
