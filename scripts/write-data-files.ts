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
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getSite } from '../src/data/site.ts';
import { dataFiles, sheetFiles } from '../src/lib/data-files.ts';
import { runSideOutput } from './lib/side-output.ts';
import { sheetFileBytes } from './lib/sheet-file.ts';

await runSideOutput('scripts/write-data-files.ts', async (out) => {
  const { q, today, url } = await getSite();
  const made = new Set<string>();
  let n = 0;
  for (const f of dataFiles(q, today, url)) {
    const file = join(out, f.path);
    const dir = dirname(file);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    if (typeof f.body === 'string') writeFileSync(file, f.body);
    else {
      const fd = openSync(file, 'w');
      try {
        for (const piece of f.body) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    }
    n++;
  }
  for (const f of sheetFiles(q, today, url)) {
    writeFileSync(join(out, f.path), await sheetFileBytes(f));
    n++;
  }
  return `${n} 个数据文件（日历订阅、日历数据、开放数据）/ data files`;
});
