/** A static server (gzip for text, as any real host would) and Lighthouse; the first search is measured on the real /search/ page (dense.ts). */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME, CHROME_FLAGS, LIGHTHOUSE_RUNS, LIGHTHOUSE_VERSION, ROOT } from './config.ts';

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

export function serve(dist: string): Promise<{ server: Server; url: string }> {
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

export interface FirstSearch {
  query: string;
  results: number;
  bytes: number;
  requests: number;
  byKind: Record<string, number>;
}

export interface LighthouseScores {
  page: string;
  scores?: Record<string, number>;
  failing?: string[];
  error?: string;
  /** Performance of every run, in order (the scores above are the median run's). */
  runs?: number[];
}

/**
 * Lighthouse `runs` times, and the median run by performance: on a shared 2-core machine one run's
 * score moves by several points with no change to the page (Lighthouse's docs, “Score
 * Variability”: the median of five runs is about twice as stable as one).
 */
export async function lighthouse(url: string, page: string, dir: string, runs = LIGHTHOUSE_RUNS): Promise<LighthouseScores> {
  const all: LighthouseScores[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseOnce(url, page, dir, runs > 1 ? `-${i + 1}` : ''));
  const scored = all.filter((r) => r.scores?.performance !== undefined).sort((a, b) => a.scores!.performance! - b.scores!.performance!);
  if (!scored.length) return all[0]!;
  return { ...scored[Math.floor(scored.length / 2)]!, runs: all.map((r) => r.scores?.performance ?? Number.NaN) };
}

/**
 * Lighthouse through npx (the package is ~100 MB with its dependencies: too big for devDependencies).
 * Spawned asynchronously: the static server lives in this process and must keep answering.
 */
async function lighthouseOnce(url: string, page: string, dir: string, suffix: string): Promise<LighthouseScores> {
  const out = join(dir, `lighthouse-${page.replace(/\W+/g, '-')}${suffix}.json`);
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
