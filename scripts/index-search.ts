#!/usr/bin/env node
/**
 * The search index (Pagefind, Node API) from the content: one custom record per event,
 * observance, organizer and venue page (src/lib/search-documents.ts), written to <folder>/pagefind/.
 * Started by src/integrations/side-outputs.ts while Astro renders the pages; reads the same content
 * as the pages (src/data/site.ts).
 *
 *   node scripts/index-search.ts <folder>
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { getSite } from '../src/data/site.ts';
import { searchDocuments } from '../src/lib/search-documents.ts';

/** Pagefind's index language: the pages are lang="zh-CN". */
const LANGUAGE = 'zh-cn';

async function main(out: string): Promise<void> {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  const { q, today } = await getSite();
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(errors.join('\n'));
  let n = 0;
  for (const doc of searchDocuments(q, today)) {
    const r = await index.addCustomRecord({ ...doc, language: LANGUAGE });
    if (r.errors.length) throw new Error(`${doc.url}: ${r.errors.join('\n')}`);
    n++;
  }
  const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await pagefind.close();
  console.log(`✓ 搜索索引：${n} 个页面 / search index: ${n} pages（${((performance.now() - started) / 1000).toFixed(1)} s）`);
}

const out = process.argv[2];
if (!out) {
  console.error('用法 / usage: node scripts/index-search.ts <folder>');
  process.exit(2);
}
await main(resolve(out));
