/**
 * Node-only side of `npm run pull`: fetch a source within limits, the checksum the plan stores in
 * `feed.hash`, and writing a plan's files. Every way a source can fail ends as one bilingual line
 * (`{ ok: false, message }`), never an exception, so that one broken calendar does not stop the
 * others.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFilesAtomically } from '../import/import-fs.ts';
import { decodeText } from '../import/import-table.ts';
import type { PullChange } from './plan.ts';

export interface FetchLimits {
  /** The whole request, headers to last byte. */
  timeoutMs: number;
  /** Larger bodies are cut off and refused (an endless feed ends here too). */
  maxBytes: number;
}

/** A society's calendar of a few years is well under 1 MB; 5 MB leaves room and stops runaways. */
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 5 * 1024 * 1024 };

export type Fetched = { ok: true; text: string; contentType: string } | { ok: false; message: string };

const HTTP_WORDS: Record<number, string> = { 401: '需要登录', 403: '拒绝访问', 404: '找不到，网址可能已经改变', 410: '已删除', 429: '请求太频繁', 500: '对方服务器出错', 502: '对方网关出错', 503: '对方服务暂不可用' };

export async function fetchSource(url: string, limits: FetchLimits = DEFAULT_LIMITS, userAgent = 'KepuCalendar-pull/1.0'): Promise<Fetched> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, limits.timeoutMs);
  const seconds = Math.round(limits.timeoutMs / 1000);
  try {
    const res = await fetch(url, { signal: ctrl.signal, redirect: 'follow', headers: { 'user-agent': userAgent, accept: 'text/calendar, text/html;q=0.9, */*;q=0.5' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const word = HTTP_WORDS[res.status];
      return { ok: false, message: `来源返回 HTTP ${res.status}${word ? `（${word}）` : ''} / the source answered HTTP ${res.status}` };
    }
    if (Number(res.headers.get('content-length') ?? 0) > limits.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return tooBig(limits);
    }
    const bytes = await readBody(res, limits, ctrl);
    if (!bytes) return tooBig(limits);
    return { ok: true, text: decodeText(bytes), contentType: res.headers.get('content-type') ?? '' };
  } catch (e) {
    if (timedOut) return { ok: false, message: `来源在 ${seconds} 秒内没有传完，已放弃，下次再试 / the source did not answer completely within ${seconds} s` };
    return { ok: false, message: unreachable(url, e) };
  } finally {
    clearTimeout(timer);
  }
}

function tooBig(limits: FetchLimits): Fetched {
  const mb = (limits.maxBytes / 1024 / 1024).toFixed(limits.maxBytes < 1024 * 1024 ? 2 : 0);
  return { ok: false, message: `来源超过 ${mb} MB，已停止读取：请让对方只发布近期的活动 / the source is larger than ${mb} MB: stopped reading` };
}

/** The body's bytes, or undefined once it grows past the limit (reading stops there). */
async function readBody(res: Response, limits: FetchLimits, ctrl: AbortController): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel().catch(() => {});
        ctrl.abort();
        return undefined;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** `无法连接 host（域名不存在，ENOTFOUND）/ cannot reach host (ENOTFOUND)` */
function unreachable(url: string, e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const code = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  const why = code === 'ENOTFOUND' ? '域名不存在' : code === 'ECONNREFUSED' ? '对方拒绝连接' : code === 'ECONNRESET' ? '连接被中断' : /cert|ssl|tls/i.test(code) ? '证书有问题' : '网络错误';
  return `无法连接 ${host}（${why}，${code}）/ cannot reach ${host} (${code})`;
}

/** 16 hex digits of SHA-256: enough to tell whether a file changed, short enough to read past. */
export function fileHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Write a plan: new files all or none (import-fs: never over an existing file), updated files each
 * replaced atomically (a temporary file renamed over the old one), and a file whose year changed
 * written in its new folder before the old one is removed. Paths relative to `cwd`.
 */
export function applyChanges(changes: PullChange[], cwd = process.cwd()): string[] {
  const written = writeFilesAtomically(changes.filter((c) => c.kind === 'new'), cwd);
  for (const c of changes.filter((x) => x.kind !== 'new')) {
    const full = resolve(cwd, c.path);
    mkdirSync(dirname(full), { recursive: true });
    const temp = join(dirname(full), `.${basename(full)}.tmp-${process.pid}`);
    writeFileSync(temp, c.text, 'utf8');
    renameSync(temp, full);
    if (c.from && resolve(cwd, c.from) !== full) unlinkSync(resolve(cwd, c.from));
    written.push(full);
  }
  return written;
}
