// Where the course's content lives and where the site is published; overridable for fixtures and deployments.
import { resolve } from 'node:path';

/** Root of the lessons (content/docs) and the i18n strings (content/i18n). Tests point it at fixtures. */
export const contentDir = resolve(process.env.COURSE_CONTENT_DIR ?? './content');

/** The course's name: the site title, the print page's cover and the PDF's running header. */
export const courseTitle = 'Big Data con Hadoop y Spark';

/** Public URL of the deployed site: canonical links, the sitemap and the PDF's external links. */
export const siteUrl = process.env.SITE_URL ?? 'https://bigdata-hadoop-spark.example.org';

/** Astro's cache folder; separate per content folder so fixture builds never share state with the site's. */
export const cacheDir = process.env.COURSE_CONTENT_DIR
  ? resolve('node_modules/.astro-fixtures', contentDir.replace(/\W+/g, '_'))
  : resolve('node_modules/.astro');
