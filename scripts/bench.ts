#!/usr/bin/env node
/**
 * npm run bench [-- --full] [--lighthouse] [--sizes 1000,10000] [--seed 1] [--keep] [--month YYYY-MM]
 *
 * With --month every event is in that month (issue 21: `--sizes 10000,100000 --month 2026-09` is a
 * national 科普月); the run is reported apart (results.json `dense`, the README's second table) and
 * judged by issue 21's budgets, and the spread-out runs already recorded are kept.
 * Builds and indexes generated content trees (scripts/fixtures.ts) at 1k and 10k events (50k with
 * --full), each in its own folder under bench/out/, and measures what issue 9 budgets: wall time and
 * peak RSS of the Astro build and of the Pagefind indexing (separate child processes), pages per
 * second, dist size, an event page's gzipped HTML+CSS and JS, JS per page type, the largest JSON
 * file, the bytes a first search fetches (real Chromium, one query), t(10k)/t(1k); Lighthouse on
 * home, calendar and an event page with --lighthouse. Writes bench/results.json and the table in
 * bench/README.md between its markers. Timings are measured here, never asserted in unit tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OUT, ROOT } from './lib/bench/config.ts';
import { HAVE_TIME } from './lib/bench/measure.ts';
import { buildDenseReport, buildReport, denseMarkdown, machine, markdown } from './lib/bench/report.ts';
import { emptyTrash, runSize, type SizeResult } from './lib/bench/size.ts';

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      month: { type: 'string' },
    },
  });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.full ? [1000, 10000, 50000] : [1000, 10000];
  const seed = Number(values.seed);
  mkdirSync(OUT, { recursive: true });
  const startedAt = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', machine: machine() };
  console.log(`bench: ${sizes.join(', ')} events on ${cpus().length} cores${HAVE_TIME ? '' : ' (no /usr/bin/time: peak RSS from /proc polling)'}`);
  const results: SizeResult[] = [];
  const month = values.month;
  try {
    for (const n of sizes) results.push(await runSize(n, seed, { lighthouse: values.lighthouse && n === sizes[sizes.length - 1], keep: values.keep, month }));
  } finally {
    emptyTrash();
  }
  if (month) return writeDense(results, seed, startedAt, values['no-write']);
  const report = buildReport(results, seed, startedAt);
  const md = markdown(report);
  console.log('\n' + md);
  if (values['no-write']) return;
  // The campaign-density section (--month) is its own run: kept.
  const previousFile = join(ROOT, 'bench/results.json');
  const dense = existsSync(previousFile) ? JSON.parse(readFileSync(previousFile, 'utf8')).dense : undefined;
  writeFileSync(previousFile, JSON.stringify({ ...report, ...(dense ? { dense } : {}) }, null, 2) + '\n');
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

/** A run at campaign density: its own section of results.json and of the README; the rest is kept. */
function writeDense(results: SizeResult[], seed: number, startedAt: Parameters<typeof buildDenseReport>[2], noWrite: boolean): void {
  const report = buildDenseReport(results, seed, startedAt);
  const md = denseMarkdown(report);
  console.log('\n' + md);
  if (noWrite) return;
  const file = join(ROOT, 'bench/results.json');
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...previous, dense: report }, null, 2) + '\n');
  const readme = join(ROOT, 'bench/README.md');
  const START = '<!-- dense-results:start (written by npm run bench -- --month) -->';
  const END = '<!-- dense-results:end -->';
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  writeFileSync(readme, a >= 0 && b > a ? text.slice(0, a + START.length) + '\n' + md + '\n' + text.slice(b) : `${text}\n${START}\n${md}\n${END}\n`);
  console.log('\n→ bench/results.json (dense), bench/README.md');
  if (report.budgets.some((x) => !x.ok)) console.log(`✗ over budget: ${report.budgets.filter((x) => !x.ok).map((x) => x.budget).join(', ')}`);
}

await run();
