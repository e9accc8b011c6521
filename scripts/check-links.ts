#!/usr/bin/env node
/**
 * Weekly link check (.github/workflows/links.yml), outside the pull-request path: every http(s)
 * URL in the content — fields such as url, online, registration.url, source.url, website, and
 * links in Markdown bodies — is fetched once with a timeout, and failures are reported as
 * file:line with the project's bilingual messages (and GitHub annotations + a step summary in CI).
 *
 * Definitely broken (HTTP 404/410, unknown host) → error, exit 1. Anything that may be temporary
 * or a refusal of robots (timeouts, 401/403/429, 5xx, TLS problems — common on government sites
 * seen from abroad) → warning only, so the weekly run does not cry wolf.
 *
 *   node scripts/check-links.ts [--timeout 15000] [--concurrency 6]
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contentRoot, readContentFiles } from '../src/lib/content/content-fs.ts';
import { type ContentError, formatError, githubAnnotation, sortErrors } from '../src/lib/content/errors.ts';
import { parseContentFile } from '../src/lib/content/frontmatter.ts';
import type { SourceFile } from '../src/lib/content/validate.ts';

export interface Link {
  url: string;
  file: string;
  line: number;
  /** Dotted field path, or `body` for a Markdown link. */
  field: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>()\[\]"'“”‘’，。；、]+/g;

/** Every http(s) URL of every content file, with where it is written. */
export function collectLinks(files: SourceFile[]): Link[] {
  const out: Link[] = [];
  for (const f of files) {
    const kind = f.path.endsWith('.md') ? 'markdown' : /\.ya?ml$/.test(f.path) ? 'yaml' : undefined;
    if (!kind) continue;
    const p = parseContentFile(f.text, kind);
    if (!('data' in p)) continue;
    const walk = (v: unknown, path: (string | number)[]) => {
      if (typeof v === 'string') {
        if (/^https?:\/\//i.test(v.trim())) out.push({ url: v.trim(), file: f.path, line: p.lineOf(path), field: path.join('.') });
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(p.data, []);
    p.body.split('\n').forEach((text, i) => {
      for (const m of text.matchAll(URL_IN_TEXT)) out.push({ url: m[0].replace(/[.,;:!?]+$/, ''), file: f.path, line: p.bodyLine + i, field: 'body' });
    });
  }
  return out;
}

export type Verdict = { ok: true; status: number } | { ok: false; broken: boolean; status?: number; reason: string };

export type FetchLike = (url: string, init: { method: string; redirect: 'follow'; signal: AbortSignal; headers: Record<string, string> }) => Promise<{ status: number }>;

export interface CheckOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  concurrency?: number;
  /** Attempts per URL for temporary failures (timeouts, 5xx, network). */
  attempts?: number;
}

const HEADERS = { 'user-agent': 'KepuCalendarLinkCheck/1.0', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function once(url: string, opts: Required<CheckOptions>): Promise<Verdict> {
  try {
    let res = await opts.fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs), headers: HEADERS });
    // Many servers refuse or mishandle HEAD: ask again with GET before judging.
    if (res.status >= 400) res = await opts.fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs), headers: HEADERS });
    if (res.status < 400) return { ok: true, status: res.status };
    const broken = res.status === 404 || res.status === 410;
    return { ok: false, broken, status: res.status, reason: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as { name?: string; message?: string; cause?: { code?: string } };
    const code = err.cause?.code ?? err.name ?? 'error';
    if (code === 'TimeoutError' || code === 'AbortError') return { ok: false, broken: false, reason: `超时 / timeout after ${opts.timeoutMs} ms` };
    return { ok: false, broken: code === 'ENOTFOUND', reason: code === 'ENOTFOUND' ? '域名不存在 / unknown host' : `${code}${err.message ? `: ${err.message}` : ''}` };
  }
}

/** Check each distinct URL once; returns a verdict per URL. */
export async function checkUrls(urls: string[], options: CheckOptions): Promise<Map<string, Verdict>> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && !Number.isNaN(v)));
  const opts = { timeoutMs: 15000, concurrency: 6, attempts: 2, ...given } as Required<CheckOptions>;
  const unique = [...new Set(urls)];
  const results = new Map<string, Verdict>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++]!;
      let v = await once(url, opts);
      for (let a = 1; a < opts.attempts && !v.ok && !v.broken; a++) v = await once(url, opts);
      results.set(url, v);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, unique.length) }, worker));
  return results;
}

/** Verdicts → one problem per place a failing URL is written. */
export function linkProblems(links: Link[], verdicts: Map<string, Verdict>): ContentError[] {
  const out: ContentError[] = [];
  for (const l of links) {
    const v = verdicts.get(l.url);
    if (!v || v.ok) continue;
    out.push({
      file: l.file,
      line: l.line,
      field: l.field,
      severity: v.broken ? 'error' : 'warning',
      message: v.broken
        ? `链接已失效（${v.reason}）：${l.url}，请改成现在的网址或删掉 / broken link (${v.reason}): ${l.url}`
        : `链接暂时打不开（${v.reason}）：${l.url}，请有空时人工确认 / link could not be checked (${v.reason}): ${l.url}`,
    });
  }
  return sortErrors(out);
}

/** No URL produced any HTTP answer: the machine is offline, not every site broken. */
export function looksOffline(verdicts: Map<string, Verdict>): boolean {
  const all = [...verdicts.values()];
  return all.length > 1 && all.every((v) => !v.ok && v.status === undefined);
}

function summary(problems: ContentError[], checked: number): string {
  const rows = problems.map((p) => `| ${p.severity === 'warning' ? '⚠️' : '❌'} | \`${p.file}:${p.line}\` | ${p.field} | ${p.message.replace(/\|/g, '\\|')} |`);
  return [`### 链接检查 / Link check`, '', `检查了 ${checked} 个网址 / checked ${checked} URL(s)`, '', ...(rows.length ? ['| | 文件 file | 字段 field | 问题 problem |', '|---|---|---|---|', ...rows] : ['✓ 全部可以访问 / all reachable']), ''].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { timeout: { type: 'string' }, concurrency: { type: 'string' } } });
  const links = collectLinks(readContentFiles(contentRoot()));
  const urls = [...new Set(links.map((l) => l.url))];
  console.log(`检查 ${urls.length} 个网址（${links.length} 处）/ checking ${urls.length} URL(s)…`);
  const verdicts = await checkUrls(urls, {
    fetch: (url, init) => fetch(url, init),
    timeoutMs: values.timeout ? Number(values.timeout) : undefined,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
  });
  if (looksOffline(verdicts)) {
    console.error('✗ 所有网址都连不上（没有一个返回 HTTP 状态），可能是没有网络，未作判断 / no URL answered at all: probably offline, nothing judged');
    return 2;
  }
  const problems = linkProblems(links, verdicts);
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  for (const p of problems) {
    (p.severity === 'warning' ? console.warn : console.error)(formatError(p));
    if (annotate) console.log(githubAnnotation(p));
  }
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary(problems, urls.length));
  const broken = problems.filter((p) => p.severity !== 'warning').length;
  console.log(
    broken
      ? `\n✗ ${broken} 处链接已失效 / ${broken} broken link(s)`
      : `\n✓ 没有失效的链接${problems.length ? `（${problems.length} 处暂时打不开，见上）` : ''} / no broken links`,
  );
  return broken ? 1 : 0;
}

if (import.meta.main) {
  run(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`✗ 链接检查出错 / link check failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
