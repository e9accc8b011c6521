/** The report: the machine, the budgets met or not, the Markdown table for bench/README.md. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BUDGET, DENSE_BUDGET, kb, mb, ROOT, round, SEARCH_QUERY, TODAY } from './config.ts';
import type { SizeResult, Steps } from './size.ts';

export function machine() {
  const node = process.version;
  const astro = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
  const pagefind = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version;
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: round(totalmem() / 1024 ** 3, 1), node, astro, pagefind, loadAverageAtStart: loadavg().map((x) => round(x, 2)) };
}

export function budgets(results: SizeResult[]) {
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

export function markdown(report: ReturnType<typeof buildReport>): string {
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
  lines.push(...budgetAndLighthouseTables('budget', report.budgets, rows));
  return lines.join('\n');
}

export function buildReport(results: SizeResult[], seed: number, startedAt: { date: string; machine: ReturnType<typeof machine> }) {
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

// ---------------------------------------------------------------------------------------------
// campaign density (issue 21): every event in one month
// ---------------------------------------------------------------------------------------------

export function denseBudgets(results: SizeResult[]) {
  const out: { budget: string; limit: string; value: string; ok: boolean }[] = [];
  const add = (budget: string, limit: string, value: number | undefined, fmt: (n: number) => string, ok: (n: number) => boolean) => {
    if (value !== undefined) out.push({ budget, limit, value: fmt(value), ok: ok(value) });
  };
  const at = (n: number) => results.find((r) => r.events === n);
  const big = results[results.length - 1]!;
  const label = `${big.events / 1000}k in ${big.month}`;
  add(`100k in ${big.month} built + indexed`, `≤ ${DENSE_BUDGET.total100kSeconds} s`, at(100000)?.totalSeconds, (v) => `${v} s`, (v) => v <= DENSE_BUDGET.total100kSeconds);
  add(`peak RSS of the whole build, ${label} (largest process ${big.build.peakRssMB} MB)`, `≤ ${DENSE_BUDGET.peakRssMB} MB`, big.build.treePeakRssMB, (v) => `${v} MB`, (v) => v <= DENSE_BUDGET.peakRssMB);
  const t10 = at(10000)?.totalSeconds;
  const t100 = at(100000)?.totalSeconds;
  if (t10 && t100) add('t(100k) / t(10k), one month', `≤ ${DENSE_BUDGET.ratio}`, round(t100 / t10, 2), String, (v) => v <= DENSE_BUDGET.ratio);
  const c = big.calendar && 'firstViewBytes' in big.calendar ? big.calendar : undefined;
  add(`calendar first view of ${big.month} (data), ${label}`, '≤ 300 KB', c?.firstViewBytes, kb, (v) => v <= DENSE_BUDGET.calendarFirstView);
  add(`slowest calendar interaction, ${label}`, `≤ ${DENSE_BUDGET.interactionMs} ms`, c ? Math.max(...c.interactions.map((i) => i.ms)) : undefined, (v) => `${v} ms`, (v) => v <= DENSE_BUDGET.interactionMs);
  const sp = big.searchPage && 'bytes' in big.searchPage ? big.searchPage : undefined;
  add(`first search “${SEARCH_QUERY}” (the /search/ page), ${label}`, '≤ 300 KB', sp?.bytes, kb, (v) => v <= DENSE_BUDGET.firstSearch);
  add(`campaign hub HTML+CSS gz, ${label}`, '≤ 100 KB', big.hub?.htmlCssGz, kb, (v) => v <= DENSE_BUDGET.hubGz);
  add(`largest file (${big.largestFile?.path}), ${label}`, '≤ 20 MB', big.largestFile?.bytes, mb, (v) => v <= DENSE_BUDGET.largestFile);
  for (const l of big.lighthouse ?? []) add(`Lighthouse performance (median of ${l.runs?.length ?? 1}), ${l.page}, ${label}`, '100', l.scores?.performance, String, (v) => v >= 100);
  return out;
}

export function denseMarkdown(report: ReturnType<typeof buildDenseReport>): string {
  const m = report.machine;
  const rows = report.results;
  const col = (f: (r: SizeResult) => string) => rows.map(f).join(' | ');
  const lines: string[] = [];
  lines.push(`Measured ${report.date} on ${m.nproc} cores (${m.cpu}), ${m.memoryGB} GB RAM, Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}; load average at start ${m.loadAverageAtStart.join(' / ')}. Seed ${report.seed}, every event in ${rows[0]?.month}, today pinned to ${TODAY}, cold builds.`);
  lines.push('', `| | ${rows.map((r) => `${r.events / 1000}k in ${r.month}`).join(' | ')} |`, `|---|${rows.map(() => '---:').join('|')}|`);
  lines.push(`| HTML pages | ${col((r) => String(r.pages))} |`);
  lines.push(`| **built + indexed** (wall) | ${col((r) => `**${r.totalSeconds} s**`)} |`);
  lines.push(`| CPU (user + sys, whole tree) | ${col((r) => `${r.build.cpuSeconds} s`)} |`);
  lines.push(`| peak RSS (largest process / tree) | ${col((r) => `${r.build.peakRssMB} / ${r.build.treePeakRssMB} MB`)} |`);
  const step = (k: keyof Steps) => col((r) => (r.steps[k] !== undefined ? `${r.steps[k]} s` : '–'));
  lines.push(`| · validate | ${step('validate')} |`, `| · astro build | ${step('astro')} |`, `| · beside it: data files | ${step('dataFiles')} |`, `| · beside it: search index | ${step('searchIndex')} |`);
  lines.push(`| dist size (files) | ${col((r) => `${mb(r.distBytes)} (${r.distFiles})`)} |`);
  lines.push(`| largest file | ${col((r) => (r.largestFile ? `${r.largestFile.path}: ${mb(r.largestFile.bytes)}` : '–'))} |`);
  lines.push(`| calendar first view (data) | ${col((r) => (r.calendar && 'firstViewBytes' in r.calendar ? `${kb(r.calendar.firstViewBytes)} in ${r.calendar.requests} requests` : (r.calendar?.error ?? '–')))} |`);
  lines.push(`| calendar interactions | ${col((r) => (r.calendar && 'interactions' in r.calendar ? r.calendar.interactions.map((i) => `${i.ms} ms`).join(' / ') : '–'))} |`);
  lines.push(`| first search “${SEARCH_QUERY}” | ${col((r) => (r.searchPage && 'bytes' in r.searchPage ? `${kb(r.searchPage.bytes)} in ${r.searchPage.requests} requests` : (r.searchPage?.error ?? '–')))} |`);
  lines.push(`| campaign hub HTML+CSS gz | ${col((r) => (r.hub ? kb(r.hub.htmlCssGz) : '–'))} |`);
  lines.push(`| event page HTML+CSS gz / JS gz | ${col((r) => `${kb(r.eventPage.htmlCssGz)} / ${kb(r.eventPage.jsGz)}`)} |`);
  if (report.ratio !== undefined) lines.push('', `t(100k) / t(10k) = **${report.ratio}** (CPU ${report.cpuRatio}).`);
  const big = rows[rows.length - 1]!;
  if (big.calendar && 'interactions' in big.calendar) lines.push('', `Calendar at ${big.events / 1000}k (\`${big.calendar.url}\`, status “${big.calendar.status}”): ${big.calendar.interactions.map((i) => `${i.name} ${i.ms} ms`).join('; ')}.`);
  if (big.searchPage && 'byKind' in big.searchPage) lines.push('', `First search at ${big.events / 1000}k, by file kind: ${Object.entries(big.searchPage.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')} (“${big.searchPage.status}”).`);
  lines.push(...budgetAndLighthouseTables('budget (issue 21)', report.budgets, rows));
  return lines.join('\n');
}

export function buildDenseReport(results: SizeResult[], seed: number, startedAt: { date: string; machine: ReturnType<typeof machine> }) {
  const t10 = results.find((r) => r.events === 10000);
  const t100 = results.find((r) => r.events === 100000);
  return {
    date: startedAt.date,
    seed,
    month: results[0]?.month,
    machine: startedAt.machine,
    results,
    ratio: t10 && t100 ? round(t100.totalSeconds / t10.totalSeconds, 2) : undefined,
    cpuRatio: t10 && t100 ? round(t100.build.cpuSeconds / t10.build.cpuSeconds, 2) : undefined,
    budgets: denseBudgets(results),
  };
}

/** The budgets table, then Lighthouse's scores per page (both reports end with them). */
function budgetAndLighthouseTables(title: string, budgets: readonly { budget: string; limit: string; value: string; ok: boolean }[], rows: readonly SizeResult[]): string[] {
  const lines = ['', `| ${title} | limit | measured | |`, '|---|---|---|---|'];
  for (const b of budgets) lines.push(`| ${b.budget} | ${b.limit} | ${b.value} | ${b.ok ? '✓' : '✗'} |`);
  const lh = rows.flatMap((r) => (r.lighthouse ?? []).map((l) => ({ ...l, events: r.events })));
  if (lh.length) {
    lines.push('', '| Lighthouse (mobile) | events | performance (median run; every run) | accessibility | best practices | SEO | below 100 |', '|---|---:|---:|---:|---:|---:|---|');
    for (const l of lh) {
      const s = l.scores ?? {};
      const spread = l.runs && l.runs.length > 1 ? ` (${l.runs.join(', ')})` : '';
      lines.push(`| ${l.page} | ${l.events} | ${s.performance ?? '–'}${spread} | ${s.accessibility ?? '–'} | ${s['best-practices'] ?? '–'} | ${s.seo ?? '–'} | ${l.error ? 'error: ' + l.error.replace(/\s+/g, ' ').slice(0, 120) : (l.failing ?? []).join('; ') || '–'} |`);
    }
  }
  return lines;
}
