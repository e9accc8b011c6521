#!/usr/bin/env node
/**
 * The search index (Pagefind, Node API) from the content: one custom record per event,
 * observance, organizer and venue page (src/lib/search/search-documents.ts), written to <folder>/pagefind/
 * (and <folder>/pagefind-2/ … when there are more than KEPU_SEARCH_BUNDLE_SIZE records, default
 * 10,000: see searchBundlesNearFirst), with <folder>/pagefind/kepu-bundles.json listing the bundles in the order the search page reads them
 * (the nearest upcoming first: searchBundlesNearFirst) with each one's date range.
 * Build step 2c, started by scripts/build.ts while Astro renders the pages; reads the same content
 * as the pages (src/data/site.ts).
 *
 *   node scripts/index-search.ts <folder>
 *
 * Processes, for memory: a child reads the content, makes the records and writes them to
 * <folder>/records/bundle-N.jsonl, then exits; then a child per bundle hands its records to
 * Pagefind, one at a time while the pages are built, two at a time after (indexBundles). The content (≈ 0.5 GB of heap at 50,000 events) is gone before Pagefind, which holds
 * ≈ 0.1 MB per record while it writes a bundle, starts: the build's whole process tree stays under
 * 4 GB at 50,000 events (issue 9, bench/README.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchBundleManifest, SearchDocument } from '../src/lib/search/search-documents.ts';
import { childModule } from './lib/child.ts';
import { sideOutput } from './lib/side-output.ts';

/** Pagefind's index language: the pages are lang="zh-CN". */
const LANGUAGE = 'zh-cn';
/** Records sent to Pagefind together. */
const ADD_BATCH = 200;

/** Child step: the records of every page, one JSON-lines file per bundle (bundle-0.jsonl …). */
async function writeRecords(dir: string): Promise<void> {
  const { getSite } = await import('../src/data/site.ts');
  const { SEARCH_BUNDLE_SIZE, searchBundlesNearFirst, searchDocuments } = await import('../src/lib/search/search-documents.ts');
  const { q, today } = await getSite();
  const size = Number(process.env.KEPU_SEARCH_BUNDLE_SIZE) || SEARCH_BUNDLE_SIZE;
  // Every page but the events is in the first bundle: a search for a name finds it at once.
  const bundles = searchBundlesNearFirst([...searchDocuments(q, today)], size, today, (d) => !d.url.startsWith('/events/'));
  mkdirSync(dir, { recursive: true });
  bundles.forEach((b, i) => writeFileSync(join(dir, `bundle-${i}.jsonl`), b.docs.map((d) => JSON.stringify(d) + '\n').join('')));
  writeFileSync(join(dir, 'ranges.json'), JSON.stringify(bundles.map((b) => b.range)));
}

async function indexBundle(file: string, outputPath: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(errors.join('\n'));
  const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  // Records go to Pagefind's process ADD_BATCH at a time rather than one round trip each (≈ 30 %
  // less time adding; its service answers each message by id).
  for (let i = 0; i < docs.length; i += ADD_BATCH) {
    await Promise.all(
      docs.slice(i, i + ADD_BATCH).map(async (line) => {
        const doc = JSON.parse(line) as SearchDocument;
        const r = await index.addCustomRecord({ ...doc, language: LANGUAGE });
        if (r.errors.length) throw new Error(`${doc.url}: ${r.errors.join('\n')}`);
      }),
    );
  }
  const n = docs.length;
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  // Stops Pagefind's process, and with it the memory of this bundle; the next call starts a new one.
  await pagefind.close();
  return n;
}

/** One bundle in a process of its own (its Pagefind service and memory end with it); resolves to its record count. */
function indexBundleChild(file: string, out: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [import.meta.filename, '--bundle', file, out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (said += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-8192)));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(Number(said.trim())) : fail(new Error(err.trim().split('\n').find((l) => l.startsWith('✗')) ?? `bundle ${file}: exit ${code}`))));
  });
}

/**
 * Index the bundles one at a time beside the page build (two at once when there are only two); once
 * the pages are done (scripts/build.ts creates the file named by KEPU_PAGES_DONE) two at a time, so the last bundles use the core the
 * page build has left (issue 21: at 100,000 events the index ended ≈ 36 s after the pages, one
 * core idle). Each bundle's folder and files are the same whichever order they are written in.
 */
async function indexBundles(jobs: { file: string; out: string }[]): Promise<number> {
  const flag = process.env.KEPU_PAGES_DONE;
  // Two bundles or fewer (up to 20,000 records, the spread-out 10k tree) are indexed side by side
  // at once: ≈ 1 GB each at most beside a page build of that size, and the second bundle no longer
  // ends alone, one core idle, after the pages (issue 9's 10k budget).
  const width = () => (jobs.length <= 2 || (flag && existsSync(flag)) ? 2 : 1);
  const running = new Set<Promise<void>>();
  let n = 0;
  let failed: unknown;
  for (const job of jobs) {
    while (running.size >= width() && failed === undefined) await Promise.race([...running, new Promise((r) => setTimeout(r, 250))]);
    if (failed !== undefined) break;
    const p: Promise<void> = indexBundleChild(job.file, job.out).then(
      (count) => void (n += count),
      (e: unknown) => void (failed ??= e),
    ).finally(() => running.delete(p));
    running.add(p);
  }
  await Promise.all(running);
  if (failed !== undefined) throw failed;
  return n;
}

async function indexSearch(out: string): Promise<string> {
  const { searchBundleFolder } = await import('../src/lib/search/search-documents.ts');
  const records = join(out, 'records');
  const child = spawnSync(process.execPath, [import.meta.filename, '--records', records], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`搜索记录生成失败 / search records failed (exit ${child.status ?? child.signal})`);
  const count = readdirSync(records).filter((f) => /^bundle-\d+\.jsonl$/.test(f)).length;
  const manifest: SearchBundleManifest = { bundles: [], ranges: JSON.parse(readFileSync(join(records, 'ranges.json'), 'utf8')) };
  const folders = Array.from({ length: count }, (_, i) => searchBundleFolder(i));
  const n = await indexBundles(folders.map((folder, i) => ({ file: join(records, `bundle-${i}.jsonl`), out: join(out, folder) })));
  manifest.bundles.push(...folders);
  rmSync(records, { recursive: true, force: true });
  mkdirSync(join(out, 'pagefind'), { recursive: true });
  writeFileSync(join(out, 'pagefind', 'kepu-bundles.json'), JSON.stringify(manifest));
  return `搜索索引：${n} 个页面，${count} 个分包 / search index: ${n} pages in ${count} bundle(s)`;
}

const indexAll = sideOutput(indexSearch);

/** Child step: one bundle; prints its record count. */
async function bundleStep(file: string, out: string): Promise<void> {
  console.log(String(await indexBundle(file, out)));
}

export const indexSearchStep = childModule(import.meta.url, 'search index', (args) =>
  args[0] === '--records' ? writeRecords(args[1]!) : args[0] === '--bundle' ? bundleStep(args[1]!, args[2]!) : indexAll(args),
);
