#!/usr/bin/env node
/**
 * Build step 2b: every data file of the site (src/lib/data-files.ts: feeds, calendar data, open
 * data) written into a folder, while Astro renders the pages on the machine's other core; the build
 * moves the files into the site when all steps are done.
 *
 *   node scripts/write-data-files.ts <folder>
 *
 * Reads the same content as the pages (src/data/site.ts: the build's snapshot, or the content tree
 * validated here) with the same SITE_URL and KEPU_TODAY. Heavy modules are imported when the step
 * runs, so that importing the step (scripts/build.ts, the dev integration) costs nothing.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childModule } from './lib/child.ts';
import { sideOutput } from './lib/side-output.ts';

/**
 * The same .xlsx bytes on every build: write-excel-file stamps each zip entry with the build's
 * local clock (so the bytes changed with the time and the machine's TZ, and every deploy
 * re-published the downloads). The entries are re-zipped with one fixed local time.
 */
async function steadyZip(bytes: Uint8Array): Promise<Uint8Array> {
  const { unzipSync, zipSync } = await import('fflate');
  const mtime = new Date(2000, 0, 1); // local fields 2000-01-01 00:00 in any TZ: zip times are local
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) entries[name] = [data, { mtime }];
  return zipSync(entries, { level: 6 });
}

async function writeDataFiles(out: string): Promise<string> {
  const { getSite } = await import('../src/data/site.ts');
  const { dataFiles, sheetFiles } = await import('../src/lib/data-files.ts');
  const { default: writeXlsxFile } = await import('write-excel-file/node');
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
    // Text cells (format @): Excel keeps 2026-09-12 and 06-06 as written instead of turning them into numbers.
    const cells = f.rows.map((row, i) => row.map((value) => (i === 0 ? { value, fontWeight: 'bold' as const } : { value, type: String, format: '@' })));
    const columns = f.widths.map((width) => ({ width }));
    writeFileSync(join(out, f.path), await steadyZip(await writeXlsxFile(cells as never, { sheet: f.sheet, columns, stickyRowsCount: 1 }).toBuffer()));
    n++;
  }
  return `${n} 个数据文件（日历订阅、日历数据、开放数据）/ data files`;
}

export const dataFilesStep = childModule(import.meta.url, 'data files', sideOutput(writeDataFiles));
