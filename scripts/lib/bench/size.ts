/** One size: fixtures → build (with the data files and the index beside it) → weigh → browse. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { lighthouse, type FirstSearch, type LighthouseScores, serve } from './browser.ts';
import { gz, kb, mb, OUT, ROOT, TODAY } from './config.ts';
import { SITE_ZONE } from '../../../src/lib/time/days.ts';
import { measure, type ProcMeasure } from './measure.ts';
import { calendarProbe, hubWeight, largestFile, searchPageProbe, type CalendarProbe, type SearchProbe } from './dense.ts';
import { pageTypes, pageWeight, pickEventPage, type PageWeight, walk } from './weigh.ts';

export interface Steps {
  validate?: number;
  astro?: number;
  dataFiles?: number;
  searchIndex?: number;
}

/** The step times scripts/build.ts and its children print (✓ validate（0.4 s） …). */
export function buildSteps(log: string): Steps {
  const sec = (re: RegExp) => {
    const m = re.exec(log);
    return m ? Number(m[1]) : undefined;
  };
  return {
    validate: sec(/✓ validate（([\d.]+) s）/),
    astro: sec(/✓ astro build（([\d.]+) s）/),
    dataFiles: sec(/data files（([\d.]+) s）/),
    searchIndex: sec(/search index: \d+ pages[^（]*（([\d.]+) s）/),
  };
}

// ---------------------------------------------------------------------------------------------
// One size: fixtures → build (with the index) → weigh
// ---------------------------------------------------------------------------------------------

export interface SizeResult {
  events: number;
  /** `YYYY-MM` when every event is in that month (issue 21's campaign density). */
  month?: string;
  pages: number;
  /** validate, then Astro with the data files and the search index made beside it: one process tree. */
  build: ProcMeasure;
  /** Seconds of each step, as the build printed them (the data files and the index run during `astro`). */
  steps: Steps;
  totalSeconds: number;
  pagesPerSecond: number;
  distBytes: number;
  distFiles: number;
  pagefindBytes: number;
  eventPage: PageWeight;
  jsByPageType: Record<string, { page: string; jsGz: number; lazyJsGz: number; htmlCssGz: number }>;
  largestJson?: { path: string; bytes: number; gzBytes: number };
  firstSearch?: FirstSearch | { error: string };
  lighthouse?: LighthouseScores[];
  /** At campaign density (issue 21): the calendar's first view of the month and its interactions, the real search page, the hub, the largest file. */
  calendar?: CalendarProbe | { error: string };
  searchPage?: SearchProbe | { error: string };
  hub?: { page: string; htmlCssGz: number };
  largestFile?: { path: string; bytes: number };
}

const TRASH = join(OUT, '.trash');

/** Move a folder out of the way, into bench/out/.trash/, to be removed after the measurements (emptyTrash). */
function moveAside(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(dir, join(TRASH, `${basename(dir)}-${process.pid}-${Date.now()}`));
}

/** Remove what earlier builds left (moveAside), once nothing is being timed. */
export function emptyTrash(): void {
  rmSync(TRASH, { recursive: true, force: true });
}

/** Fixtures, then a cold build measured as one process tree. */
function generate(events: number, seed: number, month?: string): { content: string; dist: string; cache: string } {
  const tag = month ? `${events}-${month}` : String(events);
  const content = join(OUT, `content-${tag}`);
  const dist = join(OUT, `dist-${tag}`);
  const cache = join(OUT, `cache-${tag}`);
  const gen = spawnSync(process.execPath, ['scripts/fixtures.ts', '--events', String(events), '--seed', String(seed), '--out', content, ...(month ? ['--month', month] : [])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (gen.status !== 0) throw new Error(gen.stderr || gen.stdout);
  console.log(`  ${gen.stdout.trim()}`);
  // Cold builds: no output and no Astro cache left from an earlier run. They are moved aside, not
  // removed: this machine's disk (ext4 without a journal) skips inodes freed in the last minutes
  // (60 s, 360 s while their inode table is unwritten) each time it makes a file, so a build that
  // starts right after ≈ 300,000 files were removed pays for that removal in system time
  // (bench/README.md, issue 21). The bench removes what it moved aside once every size is measured.
  moveAside(dist);
  moveAside(cache);
  // The fixtures just written are flushed before the build is timed, so their write-back does not fall inside it.
  spawnSync('sync', { stdio: 'ignore' });
  return { content, dist, cache };
}

async function build(events: number, paths: { content: string; dist: string; cache: string }, month?: string): Promise<{ build: ProcMeasure; steps: Steps }> {
  const env = { CONTENT_DIR: paths.content, KEPU_OUT_DIR: paths.dist, KEPU_CACHE_DIR: paths.cache, KEPU_TODAY: TODAY, TZ: SITE_ZONE };
  const logFile = join(OUT, `build-${events}${month ? `-${month}` : ''}.log`);
  const result = await measure('build (validate; pages, data files and search index side by side)', ['scripts/build.ts'], env, logFile);
  if (result.status) throw new Error(`build failed at ${events} events`);
  const steps = buildSteps(readFileSync(logFile, 'utf8'));
  console.log(`  steps: ${Object.entries(steps).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
  return { build: result, steps };
}

/** The output's size and what pages weigh. */
function weigh(dist: string) {
  const files = walk(dist);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  const distBytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const pagefindBytes = files.filter((f) => /^pagefind(-\d+)?$/.test(relative(dist, f).split(sep)[0]!)).reduce((s, f) => s + statSync(f).size, 0);
  const eventPagePath = pickEventPage(dist);
  const eventPage = pageWeight(dist, eventPagePath)!;
  const jsByPageType: SizeResult['jsByPageType'] = {};
  for (const [type, page] of Object.entries(pageTypes(dist, eventPagePath))) {
    const w = pageWeight(dist, page);
    if (w) jsByPageType[type] = { page: w.page, jsGz: w.jsGz, lazyJsGz: w.lazyJsGz, htmlCssGz: w.htmlCssGz };
  }
  const jsons = files.filter((f) => f.endsWith('.json') && !f.includes(`${sep}pagefind${sep}`));
  const biggest = jsons.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const largestJson = biggest ? { path: relative(dist, biggest), bytes: statSync(biggest).size, gzBytes: gz(readFileSync(biggest)) } : undefined;
  return { pages, distBytes, distFiles: files.length, pagefindBytes, eventPagePath, eventPage, jsByPageType, largestJson };
}

/** In a browser: the first search's bytes, and Lighthouse on home, calendar and an event page. */
async function browse(dist: string, eventPagePath: string, withLighthouse: boolean): Promise<{ search: SizeResult['firstSearch']; lh?: LighthouseScores[] }> {
  const { server, url } = await serve(dist);
  try {
    // The real /search/ page (it reads the bundles nearest-first, issue 21), as at campaign density.
    const probe = existsSync(join(dist, 'pagefind/pagefind.js')) ? await searchPageProbe(url) : { error: 'no pagefind/ in dist' };
    const search: SizeResult['firstSearch'] = 'bytes' in probe ? { query: probe.query, results: Number(/找到 (\d+) 条/.exec(probe.status)?.[1] ?? 0), bytes: probe.bytes, requests: probe.requests, byKind: probe.byKind } : probe;
    if (!withLighthouse) return { search };
    const lh: LighthouseScores[] = [];
    for (const [name, page] of [['home', '/'], ['calendar', '/calendar/'], ['event', '/' + eventPagePath.replace(/index\.html$/, '')]] as const) {
      console.log(`  lighthouse ${name} …`);
      lh.push(await lighthouse(url + page, name, OUT));
    }
    return { search, lh };
  } finally {
    server.close();
  }
}

/** At campaign density: the calendar's first view and interactions, the real search page, Lighthouse on the calendar and the hub. */
async function browseDense(dist: string, month: string, withLighthouse: boolean) {
  const { server, url } = await serve(dist);
  try {
    const calendar = await calendarProbe(url, month);
    const searchPage = existsSync(join(dist, 'pagefind/pagefind.js')) ? await searchPageProbe(url) : { error: 'no pagefind/ in dist' };
    const lh: LighthouseScores[] = [];
    if (withLighthouse) {
      // The calendar in the dense month (the browser's own today may be any month): the phone's
      // default list at a day of it, and the month grid the budget names; then the hub.
      const day = TODAY.startsWith(month) ? TODAY : `${month}-10`;
      for (const [name, page] of [['calendar (list)', `/calendar/?date=${day}`], ['calendar (month)', `/calendar/?view=month&date=${month}`], ['hub', `/campaigns/national-science-month/${month.slice(0, 4)}/`]] as const) {
        console.log(`  lighthouse ${name} …`);
        lh.push(await lighthouse(url + page, name, OUT));
      }
    }
    return { calendar, searchPage, lh };
  } finally {
    server.close();
  }
}

export async function runSize(events: number, seed: number, opts: { lighthouse: boolean; keep: boolean; month?: string }): Promise<SizeResult> {
  console.log(`\n▶ ${events} events${opts.month ? ` in ${opts.month}` : ''}`);
  const paths = generate(events, seed, opts.month);
  const b = await build(events, paths, opts.month);
  const w = weigh(paths.dist);
  if (opts.month) {
    const dense = await browseDense(paths.dist, opts.month, opts.lighthouse);
    if (!opts.keep) moveAside(paths.cache);
    const { eventPagePath: _, pages, ...weights } = w;
    const r: SizeResult = {
      events, month: opts.month, pages, ...b, totalSeconds: b.build.seconds, pagesPerSecond: Math.round(w.pages / b.build.seconds), ...weights,
      calendar: dense.calendar, searchPage: dense.searchPage, hub: hubWeight(paths.dist, opts.month), largestFile: largestFile(paths.dist), ...(dense.lh.length ? { lighthouse: dense.lh } : {}),
    };
    const c = dense.calendar;
    const sp = dense.searchPage;
    console.log(`  ${w.pages} pages, dist ${mb(w.distBytes)}, calendar first view ${'firstViewBytes' in c ? kb(c.firstViewBytes) : c.error}${'interactions' in c ? ` (${c.interactions.map((i) => `${i.ms} ms`).join(', ')})` : ''}, first search ${'bytes' in sp ? kb(sp.bytes) : sp.error}, hub ${r.hub ? kb(r.hub.htmlCssGz) : '–'}, largest ${r.largestFile!.path} ${mb(r.largestFile!.bytes)}`);
    return r;
  }
  const { search, lh } = await browse(paths.dist, w.eventPagePath, opts.lighthouse);
  if (!opts.keep) moveAside(paths.cache);
  const { eventPagePath: _, pages, ...weights } = w;
  const r: SizeResult = { events, pages, ...b, totalSeconds: b.build.seconds, pagesPerSecond: Math.round(w.pages / b.build.seconds), ...weights, firstSearch: search, ...(lh ? { lighthouse: lh } : {}) };
  const fs = search && 'bytes' in search ? `${kb(search.bytes)} (${search.results} results)` : search?.error;
  console.log(`  ${w.pages} pages, ${r.pagesPerSecond} pages/s, dist ${mb(w.distBytes)}, event page ${kb(w.eventPage.htmlCssGz)} gz HTML+CSS / ${kb(w.eventPage.jsGz)} JS, first search ${fs}`);
  return r;
}
