/**
 * Build a site from a content tree into its own output folder (own Astro cache too, so builds can
 * run side by side). Used by the site tests' global setup and by the build tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Scratch folder for builds; KEPU_TEST_TMP (inside the repository: Astro keeps its prerender chunks beside
 *  the output only when that is under the working directory) lets two runs of the suite work side by side. */
export const TMP = resolve(ROOT, process.env.KEPU_TEST_TMP || 'tests/.tmp');

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  today: string;
  siteUrl?: string;
  tz?: string;
  /** Skip the Pagefind step. */
  noSearch?: boolean;
  /** Records per search bundle (KEPU_SEARCH_BUNDLE_SIZE): small to make a small site use several. */
  searchBundleSize?: number;
}

export interface BuildResult {
  status: number;
  output: string;
}

export function buildSite(o: BuildOptions): BuildResult {
  const env = {
    ...process.env,
    CONTENT_DIR: o.contentDir,
    KEPU_OUT_DIR: o.outDir,
    KEPU_CACHE_DIR: o.outDir + '-cache',
    KEPU_TODAY: o.today,
    SITE_URL: o.siteUrl ?? 'https://kepu.example.org',
    TZ: o.tz ?? process.env.TZ ?? 'UTC',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(o.noSearch ? { KEPU_NO_SEARCH: '1' } : {}),
    ...(o.searchBundleSize ? { KEPU_SEARCH_BUNDLE_SIZE: String(o.searchBundleSize) } : {}),
  };
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/**
 * The content the browser tests run on: the shipped content plus the test-only events, organizers
 * and venues of tests/fixtures/site and tests/fixtures/weekend (their observances are the shipped
 * ones). Never shipped.
 */
export function testContentTree(dest: string): string {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(join(ROOT, 'content'), dest, { recursive: true });
  for (const part of ['organizers', 'venues', 'events']) {
    cpSync(join(ROOT, 'tests/fixtures/site', part), join(dest, part), { recursive: true });
    // Issue 18's November events (quick filters, ages, access, coordinates, registration states).
    cpSync(join(ROOT, 'tests/fixtures/weekend', part), join(dest, part), { recursive: true });
  }
  return dest;
}
