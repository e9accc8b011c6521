#!/usr/bin/env node
/**
 * Writes every data file of the site (src/lib/data-files.ts: feeds, calendar data, open data) into
 * a folder. Started by src/integrations/side-outputs.ts while Astro renders the pages, so the two run
 * on separate cores; the integration moves the files into the output folder when the build is done.
 *
 *   node scripts/write-data-files.ts <folder>
 *
 * Reads the same content as the pages (src/data/site.ts: the build's snapshot, or the content tree
 * validated here) with the same SITE_URL and KEPU_TODAY.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getSite } from '../src/data/site.ts';
import { dataFiles } from '../src/lib/data-files.ts';

async function main(out: string): Promise<void> {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  const { q, today, url } = await getSite();
  const made = new Set<string>();
  let n = 0;
  for (const f of dataFiles(q, today, url)) {
    const file = join(out, f.path);
    const dir = dirname(file);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    writeFileSync(file, f.body);
    n++;
  }
  console.log(`✓ ${n} 个数据文件（日历订阅、日历数据、开放数据）/ data files（${((performance.now() - started) / 1000).toFixed(1)} s）`);
}

const out = process.argv[2];
if (!out) {
  console.error('用法 / usage: node scripts/write-data-files.ts <folder>');
  process.exit(2);
}
await main(resolve(out));
