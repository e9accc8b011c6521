/**
 * One build and one local server for every site test: the shipped content plus test-only events,
 * built with "today" pinned to 2026-09-10 (inside 全国科普月 2026), so the suite passes in any year.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/serve-static.ts';
import { buildSite, testContentTree, TMP } from '../helpers/build-site.ts';

export const SITE_TODAY = '2026-09-10';
/**
 * The search index in two bundles (~130 records, 64 per bundle), so every search test runs through
 * the multi-bundle search a national-scale site uses (more than 20,000 records).
 */
export const SITE_SEARCH_BUNDLE_SIZE = 64;

export default async function setup(project: TestProject) {
  const contentDir = testContentTree(join(TMP, 'site-content'));
  const outDir = join(TMP, 'site-dist');
  const started = performance.now();
  const r = buildSite({ contentDir, outDir, today: SITE_TODAY, searchBundleSize: SITE_SEARCH_BUNDLE_SIZE });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.output.slice(-4000)}`);
  console.log(`[site] built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const served = await serveStatic(outDir);
  project.provide('baseUrl', served.url);
  project.provide('distDir', outDir);
  project.provide('siteToday', SITE_TODAY);
  return async () => served.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    siteToday: string;
  }
}
