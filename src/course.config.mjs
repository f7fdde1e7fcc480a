// Where the course's content lives and where the site is published; overridable for fixtures and deployments.
import { resolve } from 'node:path';

/** Root of the lessons (content/docs) and the i18n strings (content/i18n). Tests point it at fixtures. */
export const contentDir = resolve(process.env.COURSE_CONTENT_DIR ?? './content');

/** The course's name: the site title, the print page's cover and the PDF's running header. */
export const courseTitle = 'Big Data con Hadoop y Spark';

/**
 * Public URL of the deployed site, from SITE_URL: canonical links, the sitemap, the print pages' «en línea» line
 * and the PDF's links to pages outside it. Unset (a classroom copy), none of them is made: nothing handed out
 * shows or links an address that does not exist.
 */
export const siteUrl = process.env.SITE_URL || undefined;

/** Astro's cache folder; separate per content folder so fixture builds never share state with the site's. */
export const cacheDir = process.env.COURSE_CONTENT_DIR
  ? resolve('node_modules/.astro-fixtures', contentDir.replace(/\W+/g, '_'))
  : resolve('node_modules/.astro');
