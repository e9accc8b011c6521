#!/usr/bin/env node
/**
 * npm run build — validate the content, build the static site, index it for search.
 * Environment: CONTENT_DIR (default ./content), SITE_URL (public URL), KEPU_TODAY (pin "today"),
 * KEPU_OUT_DIR (default ./dist), KEPU_CACHE_DIR (Astro cache and the validated-content snapshot),
 * KEPU_NO_SEARCH (no search index). Exits 1 with the validator's messages on invalid content.
 *
 * Each step is its own process: the content is validated once, in a child that writes a snapshot
 * the Astro process reads (no second parse of every file), and whose memory is gone before Astro
 * starts (at 50k events the validated content is ~1.5 GB of heap).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SNAPSHOT_ENV, writeContentSnapshot } from '../src/content/kepu-loader.ts';
import { contentRoot, loadContent } from '../src/lib/content-fs.ts';
import { formatError } from '../src/lib/errors.ts';

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  const started = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✗ ${name} 失败 / ${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name}（${((performance.now() - started) / 1000).toFixed(1)} s）`);
}

/** Child step: validate, print every problem, and write the snapshot when the content is valid. */
function validateTo(snapshot: string): number {
  const result = loadContent(contentRoot());
  if (result.errors.length) {
    result.errors.forEach((e) => console.error(formatError(e)));
    console.error(`\n✗ 内容有 ${result.errors.length} 个问题，未构建 / invalid content, nothing built`);
    return 1;
  }
  writeContentSnapshot(snapshot, result);
  return 0;
}

function run(): void {
  const cacheDir = resolve(process.env.KEPU_CACHE_DIR || 'node_modules/.astro');
  mkdirSync(cacheDir, { recursive: true });
  const snapshot = join(cacheDir, 'kepu-content.jsonl');
  step('validate', process.execPath, [import.meta.filename, '--validate-to', snapshot]);
  // Astro renders the pages; the data files and the search index are made beside it
  // (src/integrations/side-outputs.ts).
  step('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { [SNAPSHOT_ENV]: snapshot });
}

if (process.argv[2] === '--validate-to') process.exitCode = validateTo(process.argv[3]!);
else run();
