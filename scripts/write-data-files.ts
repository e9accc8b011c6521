#!/usr/bin/env node
/**
 * Build step 2b: every data file of the site (src/lib/views/data-files.ts: feeds, calendar data, open
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

async function writeDataFiles(out: string): Promise<string> {
  const { getSite } = await import('../src/data/site.ts');
  const { dataFiles, sheetFiles } = await import('../src/lib/views/data-files.ts');
  const { sheetFileBytes } = await import('./lib/sheet-file.ts');
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
  // RSS per listing (issue 19), in the same shape as /feed.xml (src/pages/feed.xml.ts).
  const { getRssString } = await import('@astrojs/rss');
  const { facetRssFiles } = await import('../src/lib/views/facet-rss.ts');
  for (const f of facetRssFiles(q, today, url)) {
    const xml = await getRssString({ title: f.title, description: f.description, site: url, items: f.items, customData: '<language>zh-cn</language>' });
    const file = join(out, f.path.slice(1));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, xml);
    n++;
  }
  // The share images (issue 19): drawn here, on the side core, and cached between builds.
  const { writeShareImages } = await import('./lib/write-share-images.ts');
  const images = await writeShareImages(out, q, today, url);
  // (bench reads the step's time after "data files".)
  return `${images.drawn + images.reused} 张分享图片（新画 ${images.drawn}）/ share images (${images.drawn} drawn), ${n} 个数据文件（日历订阅、日历数据、开放数据）/ data files`;
}

export const dataFilesStep = childModule(import.meta.url, 'data files', sideOutput(writeDataFiles));
