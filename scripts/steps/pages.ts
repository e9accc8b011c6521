/**
 * Build step 2a: the pages — Astro's build, through its JavaScript API, into the given folder (the
 * build's staging folder, src/ and astro.config.mjs as they are). Reads the snapshot named by
 * KEPU_CONTENT_SNAPSHOT.
 *
 *   node scripts/steps/pages.ts <folder>
 */
import { build } from 'astro';
import { childModule } from '../lib/child.ts';

export const pagesStep = childModule(import.meta.url, 'pages', async ([outDir]) => {
  await build({ outDir, logLevel: 'error' });
});
