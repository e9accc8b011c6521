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
import { writeShareImages } from './lib/write-share-images.ts';
import { getRssString } from '@astrojs/rss';
import { facetRssFiles } from '../src/lib/facet-rss.ts';

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
  // RSS per listing (issue 19), in the same shape as /feed.xml (src/pages/feed.xml.ts).
  for (const f of facetRssFiles(q, today, url)) {
    const xml = await getRssString({ title: f.title, description: f.description, site: url, items: f.items, customData: '<language>zh-cn</language>' });
    const file = join(out, f.path.slice(1));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, xml);
    n++;
  }
  // The share images (issue 19): drawn here, on the side core, and cached between builds.
  const images = writeShareImages(out, q, today, url);
  // (bench.ts reads the step's time after "data files".)
  return `${images.drawn + images.reused} 张分享图片（新画 ${images.drawn}）/ share images (${images.drawn} drawn), ${n} 个数据文件（日历订阅、日历数据、开放数据）/ data files`;
});
