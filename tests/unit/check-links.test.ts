/**
 * The weekly link check, with an injected fetch (no network in tests): which URLs are collected
 * and where, how answers are judged (broken vs. maybe temporary), retries, de-duplication.
 */
import { describe, expect, it } from 'vitest';
import { checkUrls, collectLinks, type FetchLike, linkProblems, looksOffline } from '../../scripts/check-links.ts';
import { formatError } from '../../src/lib/content/errors.ts';

const files = [
  {
    path: 'content/events/2026/2026-09-12-x.md',
    text: `---
title: 示例
start: 2026-09-12
organizer: example-society
online: https://live.example.org/a
registration:
  url: https://signup.example.org/form
source:
  title: 通知
  url: https://gone.example.org/notice
---
详见[通知](https://gone.example.org/notice)，或 https://slow.example.org/page。
`,
  },
  { path: 'content/organizers/example-society.yaml', text: 'name: 示例科普学会\ntype: society\nwebsite: https://www.example.org\n' },
  { path: 'content/vocab/topics.yaml', text: '- { id: health, label: 卫生健康 }\n' },
];

describe('collectLinks', () => {
  it('finds URLs in fields and in the Markdown body, with their lines', () => {
    expect(collectLinks(files).map((l) => `${l.file}:${l.line} ${l.field} ${l.url}`)).toEqual([
      'content/events/2026/2026-09-12-x.md:5 online https://live.example.org/a',
      'content/events/2026/2026-09-12-x.md:7 registration.url https://signup.example.org/form',
      'content/events/2026/2026-09-12-x.md:10 source.url https://gone.example.org/notice',
      'content/events/2026/2026-09-12-x.md:12 body https://gone.example.org/notice',
      'content/events/2026/2026-09-12-x.md:12 body https://slow.example.org/page',
      'content/organizers/example-society.yaml:3 website https://www.example.org',
    ]);
  });
});

describe('checkUrls', () => {
  /** A fake web: status per URL and method; 'timeout' waits for the abort; 'dns' throws like undici. */
  function fakeWeb(table: Record<string, Partial<Record<'HEAD' | 'GET', number | 'timeout' | 'dns' | 'reset'>>>) {
    const calls: string[] = [];
    const fetch: FetchLike = (url, init) => {
      calls.push(`${init.method} ${url}`);
      const r = table[url]?.[init.method as 'HEAD' | 'GET'] ?? table[url]?.GET ?? 200;
      if (r === 'timeout')
        return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))));
      if (r === 'dns') return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
      if (r === 'reset') return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }));
      return Promise.resolve({ status: r });
    };
    return { fetch, calls };
  }

  it('judges answers: 404 and unknown hosts are broken; refusals, 5xx and timeouts only warn', async () => {
    const web = fakeWeb({
      'https://live.example.org/a': { HEAD: 405, GET: 200 },
      'https://signup.example.org/form': { HEAD: 403, GET: 403 },
      'https://gone.example.org/notice': { HEAD: 404, GET: 404 },
      'https://slow.example.org/page': { HEAD: 'timeout' },
      'https://www.example.org': { HEAD: 'dns' },
    });
    const links = collectLinks(files);
    const v = await checkUrls(links.map((l) => l.url), { fetch: web.fetch, timeoutMs: 20, attempts: 2 });
    expect(Object.fromEntries([...v].map(([u, r]) => [u, r.ok ? 'ok' : `${r.broken ? 'broken' : 'warn'} ${r.reason}`]))).toEqual({
      'https://live.example.org/a': 'ok',
      'https://signup.example.org/form': 'warn HTTP 403',
      'https://gone.example.org/notice': 'broken HTTP 404',
      'https://slow.example.org/page': 'warn 超时 / timeout after 20 ms',
      'https://www.example.org': 'broken 域名不存在 / unknown host',
    });
    // Each URL once even when written twice; HEAD then GET; temporary failures retried once.
    expect(web.calls.filter((c) => c.endsWith('gone.example.org/notice'))).toEqual(['HEAD https://gone.example.org/notice', 'GET https://gone.example.org/notice']);
    expect(web.calls.filter((c) => c.includes('slow.example.org'))).toHaveLength(2);
    expect(web.calls.filter((c) => c.includes('www.example.org'))).toHaveLength(1);

    expect(linkProblems(links, v).map(formatError)).toEqual([
      'content/events/2026/2026-09-12-x.md:7 registration.url: [提醒 / warning] 链接暂时打不开（HTTP 403）：https://signup.example.org/form，请有空时人工确认 / link could not be checked (HTTP 403): https://signup.example.org/form',
      'content/events/2026/2026-09-12-x.md:10 source.url: 链接已失效（HTTP 404）：https://gone.example.org/notice，请改成现在的网址或删掉 / broken link (HTTP 404): https://gone.example.org/notice',
      'content/events/2026/2026-09-12-x.md:12 body: 链接已失效（HTTP 404）：https://gone.example.org/notice，请改成现在的网址或删掉 / broken link (HTTP 404): https://gone.example.org/notice',
      'content/events/2026/2026-09-12-x.md:12 body: [提醒 / warning] 链接暂时打不开（超时 / timeout after 20 ms）：https://slow.example.org/page，请有空时人工确认 / link could not be checked (超时 / timeout after 20 ms): https://slow.example.org/page',
      'content/organizers/example-society.yaml:3 website: 链接已失效（域名不存在 / unknown host）：https://www.example.org，请改成现在的网址或删掉 / broken link (域名不存在 / unknown host): https://www.example.org',
    ]);
  });

  it('a retry that succeeds is fine; a machine without network is not taken for a web of dead links', async () => {
    let n = 0;
    const flaky: FetchLike = () => (n++ === 0 ? Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })) : Promise.resolve({ status: 200 }));
    const v = await checkUrls(['https://a.example.org'], { fetch: flaky, attempts: 2 });
    expect(v.get('https://a.example.org')).toEqual({ ok: true, status: 200 });

    const offline = fakeWeb({ 'https://a.example.org': { HEAD: 'dns' }, 'https://b.example.org': { HEAD: 'reset' } });
    expect(looksOffline(await checkUrls(['https://a.example.org', 'https://b.example.org'], { fetch: offline.fetch }))).toBe(true);
    const online = fakeWeb({ 'https://a.example.org': { HEAD: 'dns' } });
    expect(looksOffline(await checkUrls(['https://a.example.org', 'https://b.example.org'], { fetch: online.fetch }))).toBe(false);
  });
});
