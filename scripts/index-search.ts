#!/usr/bin/env node
/**
 * The search index (Pagefind, Node API) from the content: one custom record per event,
 * observance, organizer and venue page (src/lib/search-documents.ts), written to <folder>/pagefind/
 * (and <folder>/pagefind-2/ … when there are more than KEPU_SEARCH_BUNDLE_SIZE records, default
 * 20,000: see searchBundles), with <folder>/pagefind/kepu-bundles.json listing the bundles.
 * Started by src/integrations/side-outputs.ts while Astro renders the pages; reads the same content
 * as the pages (src/data/site.ts).
 *
 *   node scripts/index-search.ts <folder>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { getSite } from '../src/data/site.ts';
import { SEARCH_BUNDLE_SIZE, searchBundleFolder, searchBundles, searchDocuments, type SearchBundleManifest } from '../src/lib/search-documents.ts';
import { runSideOutput } from './lib/side-output.ts';

/** Pagefind's index language: the pages are lang="zh-CN". */
const LANGUAGE = 'zh-cn';

await runSideOutput('scripts/index-search.ts', async (out) => {
  const { q, today } = await getSite();
  const size = Number(process.env.KEPU_SEARCH_BUNDLE_SIZE) || SEARCH_BUNDLE_SIZE;
  const bundles = searchBundles([...searchDocuments(q, today)], size);
  const manifest: SearchBundleManifest = { bundles: [] };
  for (const [i, docs] of bundles.entries()) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(errors.join('\n'));
    for (const doc of docs) {
      const r = await index.addCustomRecord({ ...doc, language: LANGUAGE });
      if (r.errors.length) throw new Error(`${doc.url}: ${r.errors.join('\n')}`);
    }
    const folder = searchBundleFolder(i);
    const written = await index.writeFiles({ outputPath: join(out, folder) });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    manifest.bundles.push(folder);
    // Stops Pagefind's process, and with it the memory of this bundle; the next call starts a new one.
    await pagefind.close();
  }
  mkdirSync(join(out, 'pagefind'), { recursive: true });
  writeFileSync(join(out, 'pagefind', 'kepu-bundles.json'), JSON.stringify(manifest));
  const n = bundles.reduce((s, b) => s + b.length, 0);
  return `搜索索引：${n} 个页面，${bundles.length} 个分包 / search index: ${n} pages in ${bundles.length} bundle(s)`;
});
