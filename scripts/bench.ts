#!/usr/bin/env node
/**
 * npm run bench [-- --full] [--lighthouse] [--sizes 1000,10000] [--seed 1] [--keep]
 *
 * Builds and indexes generated content trees (scripts/fixtures.ts) at 1k and 10k events (50k with
 * --full), each in its own folder under bench/out/, and measures what issue 9 budgets: wall time and
 * peak RSS of the Astro build and of the Pagefind indexing (separate child processes), pages per
 * second, dist size, an event page's gzipped HTML+CSS and JS, JS per page type, the largest JSON
 * file, the bytes a first search fetches (real Chromium, one query), t(10k)/t(1k); Lighthouse on
 * home, calendar and an event page with --lighthouse. Writes bench/results.json and the table in
 * bench/README.md between its markers. Timings are measured here, never asserted in unit tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const TODAY = '2026-09-10';
const SEARCH_QUERY = '食品安全';
const LIGHTHOUSE_VERSION = '13.5.0';
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Issue 9 budgets. */
const BUDGET = {
  total10kSeconds: 40,
  total50kSeconds: 180,
  peakRssMB: 4096,
  ratio: 11,
  eventHtmlCssGz: 15 * 1024,
  eventJsGz: 5 * 1024,
  calendarJsGz: 120 * 1024,
  firstSearch10k: 300 * 1024,
};

// ---------------------------------------------------------------------------------------------
// Child processes: wall time, and peak RSS from /usr/bin/time -v plus a /proc poll of the tree
// ---------------------------------------------------------------------------------------------

interface ProcMeasure {
  seconds: number;
  /** Largest single process of the tree (max RSS as reported by /usr/bin/time -v, or VmHWM). */
  peakRssMB: number;
  /** Largest sum of VmRSS over the whole process tree, sampled every 100 ms. */
  treePeakRssMB: number;
  /** CPU time (user + system) of the whole tree, less sensitive than wall time to other load on the machine. */
  cpuSeconds: number;
  status: number;
}

/** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

function childrenMap(): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = m.get(ppid);
      if (list) list.push(Number(name));
      else m.set(ppid, [Number(name)]);
    } catch {
      /* gone */
    }
  }
  return m;
}

function statusKB(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const HAVE_TIME = existsSync('/usr/bin/time');

function measure(label: string, args: string[], env: Record<string, string>, logFile: string): Promise<ProcMeasure> {
  const cmd = HAVE_TIME ? '/usr/bin/time' : process.execPath;
  const argv = HAVE_TIME ? ['-v', process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let treePeak = 0;
  let hwmPeak = 0;
  const ticks = new Map<number, number>();
  const poll = setInterval(() => {
    const kids = childrenMap();
    const stack = [child.pid!];
    let sum = 0;
    while (stack.length) {
      const pid = stack.pop()!;
      sum += statusKB(pid, 'VmRSS');
      hwmPeak = Math.max(hwmPeak, statusKB(pid, 'VmHWM'));
      if (pid !== child.pid) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, cpuTicks(pid)));
      stack.push(...(kids.get(pid) ?? []));
    }
    treePeak = Math.max(treePeak, sum);
  }, 100);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(logFile, log);
      const maxrss = /Maximum resident set size \(kbytes\): (\d+)/.exec(log);
      const peakKB = Math.max(maxrss ? Number(maxrss[1]) : 0, hwmPeak);
      // /usr/bin/time counts the descendants it reaped; the poll also sees those that were not (Pagefind's binary).
      const timeCpu = /User time \(seconds\): ([\d.]+)[\s\S]*?System time \(seconds\): ([\d.]+)/.exec(log);
      const polled = [...ticks.values()].reduce((a, b) => a + b, 0) / 100;
      const cpuSeconds = round(Math.max(timeCpu ? Number(timeCpu[1]) + Number(timeCpu[2]) : 0, polled), 1);
      const r = { seconds: round(seconds, 1), peakRssMB: Math.round(peakKB / 1024), treePeakRssMB: Math.round(treePeak / 1024), cpuSeconds, status: code ?? 1 };
      console.log(`  ${label}: ${r.seconds} s (CPU ${r.cpuSeconds} s), peak RSS ${r.peakRssMB} MB (tree ${r.treePeakRssMB} MB)${r.status ? ` ✗ exit ${r.status}, see ${relative(ROOT, logFile)}` : ''}`);
      done(r);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// What a browser downloads
// ---------------------------------------------------------------------------------------------

const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
const gz = (b: Buffer | string) => gzipSync(b, { level: 6 }).length;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function urlToFile(dist: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0]!;
  if (!path.startsWith('/')) return undefined;
  const f = join(dist, path);
  return existsSync(f) && statSync(f).isFile() ? f : undefined;
}

/** Static-import closure of a set of JS files, and the dynamic imports reachable from them. */
function jsClosure(dist: string, entries: string[]): { initial: Set<string>; lazy: Set<string> } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, set: Set<string>) => {
    if (set.has(file) || (set === lazy && initial.has(file))) return;
    set.add(file);
    const text = readFileSync(file, 'utf8');
    const base = '/' + relative(dist, file).split(sep).slice(0, -1).join('/');
    const res = (spec: string) => (spec.startsWith('.') ? urlToFile(dist, new URL(spec, `http://x${base}/`).pathname) : spec.startsWith('/') ? urlToFile(dist, spec) : undefined);
    for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.m?js)["']|\bfrom\s*["']([^"']+\.m?js)["']/g)) {
      const f = res(m[1] ?? m[2]!);
      if (f) visit(f, set);
    }
    // The bundler writes dynamic imports with any quote, backticks included: import(`./x.js`).
    for (const m of text.matchAll(/\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)) {
      const f = res(m[1]!);
      if (f) visit(f, lazy);
    }
  };
  for (const e of entries) visit(e, initial);
  for (const f of initial) lazy.delete(f);
  return { initial, lazy };
}

interface PageWeight {
  page: string;
  htmlGz: number;
  cssGz: number;
  htmlCssGz: number;
  /** External JS the page loads at once (scripts, module preloads, island components and their static imports) plus inline scripts, gzipped. */
  jsGz: number;
  inlineJsGz: number;
  /** JS loaded on demand (dynamic import()), gzipped. */
  lazyJsGz: number;
}

function pageWeight(dist: string, page: string): PageWeight | undefined {
  const file = join(dist, page);
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const css = new Set<string>();
  const js: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    const f = href && urlToFile(dist, href);
    if (!f) continue;
    if (/rel="?stylesheet/.test(tag)) css.add(f);
    if (/rel="?modulepreload/.test(tag)) js.push(f);
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    const f = urlToFile(dist, m[1]!);
    if (f) js.push(f);
  }
  for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) {
    const f = urlToFile(dist, m[1]!.replace(/&#x2F;|&#47;/g, '/'));
    if (f) js.push(f);
  }
  let inline = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(m[1]!) || /type="application\/(?:ld\+)?json"/.test(m[1]!)) continue;
    inline += m[2];
  }
  const { initial, lazy } = jsClosure(dist, js);
  const htmlGz = gz(html);
  const cssGz = [...css].reduce((s, f) => s + gz(readFileSync(f)), 0);
  const inlineJsGz = inline ? gz(inline) : 0;
  const extJs = [...initial].reduce((s, f) => s + gz(readFileSync(f)), 0);
  return {
    page,
    htmlGz,
    cssGz,
    htmlCssGz: htmlGz + cssGz,
    jsGz: extJs + inlineJsGz,
    inlineJsGz,
    lazyJsGz: [...lazy].reduce((s, f) => s + gz(readFileSync(f)), 0),
  };
}

/** One representative page per page type (the first in sort order that exists). */
function pageTypes(dist: string, eventPage: string): Record<string, string> {
  const first = (dir: string) => {
    const d = join(dist, dir);
    if (!existsSync(d)) return undefined;
    const names = readdirSync(d).filter((n) => existsSync(join(d, n, 'index.html'))).sort();
    return names.length ? `${dir}/${names[0]}/index.html` : undefined;
  };
  const firstDeep = (dir: string) => {
    const f = first(dir);
    if (!f) return undefined;
    const sub = first(f.replace(/\/index\.html$/, ''));
    return sub ?? f;
  };
  const candidates: Record<string, string | undefined> = {
    home: 'index.html',
    calendar: 'calendar/index.html',
    events: 'events/index.html',
    event: eventPage,
    observances: 'observances/index.html',
    observance: first('observances'),
    campaign: firstDeep('campaigns'),
    topic: first('topics'),
    audience: first('audiences'),
    region: first('regions'),
    organizer: first('organizers'),
    venue: first('venues'),
    search: 'search/index.html',
    subscribe: 'subscribe/index.html',
    submit: 'submit/index.html',
  };
  return Object.fromEntries(Object.entries(candidates).filter((e): e is [string, string] => !!e[1] && existsSync(join(dist, e[1]))));
}

/** The event page the bench weighs: the middle event of 2026 (sorted by file name), a typical one. */
function pickEventPage(dist: string): string {
  const dir = join(dist, 'events');
  const slugs = readdirSync(dir).filter((n) => /^2026-/.test(n) && existsSync(join(dir, n, 'index.html'))).sort();
  const all = slugs.length ? slugs : readdirSync(dir).filter((n) => /^\d{4}-/.test(n)).sort();
  return `events/${all[Math.floor(all.length / 2)]}/index.html`;
}

// ---------------------------------------------------------------------------------------------
// A static server (gzip for text, as any real host would) and the browser-side measurements
// ---------------------------------------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.ics', '.txt', '.wasm']);

function serve(dist: string): Promise<{ server: Server; url: string }> {
  const gzCache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    let path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]!);
    if (path.endsWith('/')) path += 'index.html';
    let file = join(dist, path);
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      return void res.end(existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : 'not found');
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let body = gzCache.get(file);
      if (!body) gzCache.set(file, (body = gzipSync(readFileSync(file))));
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(body.length) });
      return void res.end(body);
    }
    res.writeHead(200, { ...headers, 'content-length': String(statSync(file).size) });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

interface FirstSearch {
  query: string;
  results: number;
  bytes: number;
  requests: number;
  byKind: Record<string, number>;
}

/**
 * Load /pagefind/pagefind.js in Chromium on a blank page of the site, run one query and load the
 * first five results' fragments (what a results list shows), and sum the bytes received from
 * /pagefind/ (response bodies as transferred; Pagefind's own files are already compressed).
 */
async function firstSearch(baseUrl: string): Promise<FirstSearch | { error: string }> {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { error: 'playwright-core not installed' };
  }
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/robots.txt`);
    const seen: { url: string; bytes: number }[] = [];
    page.on('requestfinished', async (req) => {
      if (!/\/pagefind(-\d+)?\//.test(req.url())) return;
      const sizes = await req.sizes().catch(() => undefined);
      seen.push({ url: req.url(), bytes: sizes ? sizes.responseBodySize : 0 });
    });
    // As the search page does (src/components/search/search-engine.ts): every bundle listed in
    // kepu-bundles.json, results merged by score.
    const results = await page.evaluate(`(async () => {
      const m = await (await fetch('/pagefind/kepu-bundles.json')).json();
      const all = [];
      for (const folder of m.bundles) {
        const pf = await import('/' + folder + 'pagefind.js');
        await pf.options({ baseUrl: '/' });
        const r = await pf.search(${JSON.stringify(SEARCH_QUERY)});
        all.push(...r.results);
      }
      all.sort((a, b) => b.score - a.score);
      await Promise.all(all.slice(0, 5).map((x) => x.data()));
      return all.length;
    })()`);
    await page.waitForTimeout(300);
    const byKind: Record<string, number> = {};
    for (const s of seen) {
      const name = s.url.split(/\/pagefind(?:-\d+)?\//)[1]!;
      const kind = name.startsWith('index/') ? 'index chunks' : name.startsWith('fragment/') ? 'fragments' : name.startsWith('filter/') ? 'filters' : /pf_meta/.test(name) ? 'pf_meta' : /wasm/.test(name) ? 'wasm' : /entry/.test(name) ? 'entry' : name;
      byKind[kind] = (byKind[kind] ?? 0) + s.bytes;
    }
    return { query: SEARCH_QUERY, results: Number(results), bytes: seen.reduce((s, x) => s + x.bytes, 0), requests: seen.length, byKind };
  } catch (e) {
    return { error: String(e) };
  } finally {
    await browser.close();
  }
}

interface LighthouseScores {
  page: string;
  scores?: Record<string, number>;
  failing?: string[];
  error?: string;
}

/**
 * Lighthouse through npx (the package is ~100 MB with its dependencies: too big for devDependencies).
 * Spawned asynchronously: the static server lives in this process and must keep answering.
 */
async function lighthouse(url: string, page: string, dir: string): Promise<LighthouseScores> {
  const out = join(dir, `lighthouse-${page}.json`);
  rmSync(out, { force: true });
  const args = ['--yes', `lighthouse@${LIGHTHOUSE_VERSION}`, url, '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=${CHROME_FLAGS.join(' ')}`, '--only-categories=performance,accessibility,best-practices,seo'];
  const stderr = await new Promise<string>((done) => {
    const child = spawn('npx', args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), 300_000);
    child.on('close', () => {
      clearTimeout(timer);
      done(err);
    });
  });
  if (!existsSync(out)) return { page, error: (stderr || 'no report').slice(-500) };
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const scores: Record<string, number> = {};
  const failing: string[] = [];
  for (const [id, c] of Object.entries<any>(report.categories)) {
    scores[id] = Math.round((c.score ?? 0) * 100);
    for (const ref of c.auditRefs) {
      const a = report.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) failing.push(`${id}: ${ref.id} (${Math.round(a.score * 100)})`);
    }
  }
  return { page, scores, failing };
}

interface Steps {
  validate?: number;
  astro?: number;
  dataFiles?: number;
  searchIndex?: number;
}

/** The step times scripts/build.ts and its children print (✓ validate（0.4 s） …). */
function buildSteps(log: string): Steps {
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

interface SizeResult {
  events: number;
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
}

async function runSize(events: number, seed: number, opts: { lighthouse: boolean; keep: boolean }): Promise<SizeResult> {
  const content = join(OUT, `content-${events}`);
  const dist = join(OUT, `dist-${events}`);
  const cache = join(OUT, `cache-${events}`);
  console.log(`\n▶ ${events} events`);
  const gen = spawnSync(process.execPath, ['scripts/fixtures.ts', '--events', String(events), '--seed', String(seed), '--out', content], { cwd: ROOT, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(gen.stderr || gen.stdout);
  console.log(`  ${gen.stdout.trim()}`);
  // Cold builds: no output and no Astro cache left from an earlier run.
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const env = { CONTENT_DIR: content, KEPU_OUT_DIR: dist, KEPU_CACHE_DIR: cache, KEPU_TODAY: TODAY, TZ: 'Asia/Shanghai' };
  const logFile = join(OUT, `build-${events}.log`);
  const build = await measure('build (validate; pages, data files and search index side by side)', ['scripts/build.ts'], env, logFile);
  if (build.status) throw new Error(`build failed at ${events} events`);
  const steps = buildSteps(readFileSync(logFile, 'utf8'));
  console.log(`  steps: ${Object.entries(steps).map(([k, v]) => `${k} ${v} s`).join(', ')}`);

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

  const { server, url } = await serve(dist);
  let search: SizeResult['firstSearch'];
  let lh: LighthouseScores[] | undefined;
  try {
    search = existsSync(join(dist, 'pagefind/pagefind.js')) ? await firstSearch(url) : { error: 'no pagefind/ in dist' };
    if (opts.lighthouse) {
      lh = [];
      for (const [name, page] of [['home', '/'], ['calendar', '/calendar/'], ['event', '/' + eventPagePath.replace(/index\.html$/, '')]] as const) {
        console.log(`  lighthouse ${name} …`);
        lh.push(await lighthouse(url + page, name, OUT));
      }
    }
  } finally {
    server.close();
  }
  if (!opts.keep) rmSync(cache, { recursive: true, force: true });
  const totalSeconds = build.seconds;
  const r: SizeResult = {
    events,
    pages,
    build,
    steps,
    totalSeconds,
    pagesPerSecond: Math.round(pages / build.seconds),
    distBytes,
    distFiles: files.length,
    pagefindBytes,
    eventPage,
    jsByPageType,
    largestJson,
    firstSearch: search,
    ...(lh ? { lighthouse: lh } : {}),
  };
  const fs = search && 'bytes' in search ? `${kb(search.bytes)} (${search.results} results)` : search?.error;
  console.log(`  ${pages} pages, ${r.pagesPerSecond} pages/s, dist ${mb(distBytes)}, event page ${kb(eventPage.htmlCssGz)} gz HTML+CSS / ${kb(eventPage.jsGz)} JS, first search ${fs}`);
  return r;
}

const kb = (n: number) => `${round(n / 1024, 1)} KB`;
const mb = (n: number) => `${round(n / 1024 / 1024, 1)} MB`;

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function machine() {
  const node = process.version;
  const astro = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
  const pagefind = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version;
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: round(totalmem() / 1024 ** 3, 1), node, astro, pagefind, loadAverageAtStart: loadavg().map((x) => round(x, 2)) };
}

function budgets(results: SizeResult[]) {
  const at = (n: number) => results.find((r) => r.events === n);
  const out: { budget: string; limit: string; value: string; ok: boolean }[] = [];
  const add = (budget: string, limit: string, value: number | undefined, fmt: (n: number) => string, ok: (n: number) => boolean) => {
    if (value !== undefined) out.push({ budget, limit, value: fmt(value), ok: ok(value) });
  };
  const s = (n: number) => `${n} s`;
  add('10k built + indexed', `≤ ${BUDGET.total10kSeconds} s`, at(10000)?.totalSeconds, s, (v) => v <= BUDGET.total10kSeconds);
  add('50k built + indexed', `≤ ${BUDGET.total50kSeconds} s`, at(50000)?.totalSeconds, s, (v) => v <= BUDGET.total50kSeconds);
  // The budget holds for the whole build: the page build, the data files and the search index run
  // side by side, so the machine needs the sum of their memory at its peak (sampled every 100 ms).
  const peak = Math.max(...results.map((r) => r.build.peakRssMB));
  const tree = Math.max(...results.map((r) => r.build.treePeakRssMB));
  add(`peak RSS of the whole build (largest size run; largest process ${peak} MB)`, `≤ ${BUDGET.peakRssMB} MB`, tree, (v) => `${v} MB`, (v) => v <= BUDGET.peakRssMB);
  const t1 = at(1000)?.totalSeconds;
  const t10 = at(10000)?.totalSeconds;
  if (t1 && t10) add('t(10k) / t(1k)', `≤ ${BUDGET.ratio}`, round(t10 / t1, 2), String, (v) => v <= BUDGET.ratio);
  const big = results[results.length - 1]!;
  add('event page HTML+CSS gz', '≤ 15 KB', big.eventPage.htmlCssGz, kb, (v) => v <= BUDGET.eventHtmlCssGz);
  add('event page JS gz', '≤ 5 KB', big.eventPage.jsGz, kb, (v) => v <= BUDGET.eventJsGz);
  add('calendar page JS gz', '≤ 120 KB', big.jsByPageType.calendar?.jsGz, kb, (v) => v <= BUDGET.calendarJsGz);
  const fs = at(10000)?.firstSearch;
  add('first search bytes at 10k', '≤ 300 KB', fs && 'bytes' in fs ? fs.bytes : undefined, kb, (v) => v <= BUDGET.firstSearch10k);
  return out;
}

function markdown(report: ReturnType<typeof buildReport>): string {
  const m = report.machine;
  const rows = report.results;
  const col = (f: (r: SizeResult) => string) => rows.map(f).join(' | ');
  const lines: string[] = [];
  lines.push(`Measured ${report.date} on ${m.nproc} cores (${m.cpu}), ${m.memoryGB} GB RAM, Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}; load average at start ${m.loadAverageAtStart.join(' / ')}. Seed ${report.seed}, today pinned to ${TODAY}, cold builds (no Astro cache).`);
  lines.push('');
  lines.push(`| | ${rows.map((r) => `${r.events / 1000}k events`).join(' | ')} |`);
  lines.push(`|---|${rows.map(() => '---:').join('|')}|`);
  lines.push(`| HTML pages | ${col((r) => String(r.pages))} |`);
  lines.push(`| **built + indexed** (wall) | ${col((r) => `**${r.totalSeconds} s**`)} |`);
  lines.push(`| CPU (user + sys, whole tree) | ${col((r) => `${r.build.cpuSeconds} s`)} |`);
  lines.push(`| peak RSS (largest process / tree) | ${col((r) => `${r.build.peakRssMB} / ${r.build.treePeakRssMB} MB`)} |`);
  const step = (k: keyof Steps) => col((r) => (r.steps[k] !== undefined ? `${r.steps[k]} s` : '–'));
  lines.push(`| · validate (then the rest starts) | ${step('validate')} |`);
  lines.push(`| · astro build (pages; waits for the two below) | ${step('astro')} |`);
  lines.push(`| · beside it: data files (feeds, calendar data, open data) | ${step('dataFiles')} |`);
  lines.push(`| · beside it: search index (Pagefind records) | ${step('searchIndex')} |`);
  lines.push(`| pages per second (build) | ${col((r) => String(r.pagesPerSecond))} |`);
  lines.push(`| dist size (files) | ${col((r) => `${mb(r.distBytes)} (${r.distFiles})`)} |`);
  lines.push(`| of which pagefind/ (all bundles) | ${col((r) => mb(r.pagefindBytes))} |`);
  lines.push(`| event page HTML+CSS gz | ${col((r) => kb(r.eventPage.htmlCssGz))} |`);
  lines.push(`| event page JS gz | ${col((r) => kb(r.eventPage.jsGz))} |`);
  lines.push(`| largest JSON (gz) | ${col((r) => (r.largestJson ? `${r.largestJson.path}: ${kb(r.largestJson.bytes)} (${kb(r.largestJson.gzBytes)})` : '–'))} |`);
  lines.push(`| first search “${SEARCH_QUERY}” fetches | ${col((r) => (r.firstSearch && 'bytes' in r.firstSearch ? `${kb(r.firstSearch.bytes)} in ${r.firstSearch.requests} requests` : (r.firstSearch?.error ?? '–')))} |`);
  if (report.ratio !== undefined) lines.push(`\nt(10k) / t(1k) = **${report.ratio}** (CPU ${report.cpuRatio}).`);
  const types = [...new Set(rows.flatMap((r) => Object.keys(r.jsByPageType)))];
  const big = rows[rows.length - 1]!;
  lines.push('', `JS per page type at ${big.events / 1000}k (gzipped; “on demand” = dynamic imports):`, '', '| page type | example | JS at load | JS on demand | HTML+CSS |', '|---|---|---:|---:|---:|');
  for (const t of types) {
    const w = big.jsByPageType[t];
    if (w) lines.push(`| ${t} | \`/${w.page.replace(/index\.html$/, '')}\` | ${kb(w.jsGz)} | ${kb(w.lazyJsGz)} | ${kb(w.htmlCssGz)} |`);
  }
  const fs = big.firstSearch;
  if (fs && 'byKind' in fs) lines.push('', `First search at ${big.events / 1000}k, by file kind: ${Object.entries(fs.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}.`);
  lines.push('', '| budget | limit | measured | |', '|---|---|---|---|');
  for (const b of report.budgets) lines.push(`| ${b.budget} | ${b.limit} | ${b.value} | ${b.ok ? '✓' : '✗'} |`);
  const lh = rows.flatMap((r) => (r.lighthouse ?? []).map((l) => ({ ...l, events: r.events })));
  if (lh.length) {
    lines.push('', '| Lighthouse (mobile) | events | performance | accessibility | best practices | SEO | below 100 |', '|---|---:|---:|---:|---:|---:|---|');
    for (const l of lh) {
      const s = l.scores ?? {};
      lines.push(`| ${l.page} | ${l.events} | ${s.performance ?? '–'} | ${s.accessibility ?? '–'} | ${s['best-practices'] ?? '–'} | ${s.seo ?? '–'} | ${l.error ? 'error: ' + l.error.replace(/\s+/g, ' ').slice(0, 120) : (l.failing ?? []).join('; ') || '–'} |`);
    }
  }
  return lines.join('\n');
}

function buildReport(results: SizeResult[], seed: number, startedAt: { date: string; machine: ReturnType<typeof machine> }) {
  const t1 = results.find((r) => r.events === 1000);
  const t10 = results.find((r) => r.events === 10000);
  return {
    date: startedAt.date,
    seed,
    machine: startedAt.machine,
    results,
    ratio: t1 && t10 ? round(t10.totalSeconds / t1.totalSeconds, 2) : undefined,
    cpuRatio: t1 && t10 ? round(t10.build.cpuSeconds / t1.build.cpuSeconds, 2) : undefined,
    budgets: budgets(results),
  };
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.full ? [1000, 10000, 50000] : [1000, 10000];
  const seed = Number(values.seed);
  mkdirSync(OUT, { recursive: true });
  const startedAt = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', machine: machine() };
  console.log(`bench: ${sizes.join(', ')} events on ${cpus().length} cores${HAVE_TIME ? '' : ' (no /usr/bin/time: peak RSS from /proc polling)'}`);
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await runSize(n, seed, { lighthouse: values.lighthouse && n === sizes[sizes.length - 1], keep: values.keep }));
  const report = buildReport(results, seed, startedAt);
  const md = markdown(report);
  console.log('\n' + md);
  if (values['no-write']) return;
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(report, null, 2) + '\n');
  const readme = join(ROOT, 'bench/README.md');
  const START = '<!-- results:start (written by npm run bench) -->';
  const END = '<!-- results:end -->';
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : `# Benchmark\n\n${START}\n${END}\n`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  writeFileSync(readme, a >= 0 && b > a ? text.slice(0, a + START.length) + '\n' + md + '\n' + text.slice(b) : `${text}\n${START}\n${md}\n${END}\n`);
  console.log('\n→ bench/results.json, bench/README.md');
  if (report.budgets.some((b) => !b.ok)) console.log(`✗ over budget: ${report.budgets.filter((b) => !b.ok).map((b) => b.budget).join(', ')}`);
}

await run();
