/**
 * Issue 21 in the browser, on a generated dense month (scripts/fixtures.ts --month 2026-09: 1,800
 * activities in September, past the calendar's DENSE_MONTH_EVENTS; search in bundles of 600): the
 * calendar's month grid shows counts from one small file and opens a day's list from its shard, a
 * region filter brings one province's shard; the campaign hub shows the coverage view and charts
 * and leads to paged day and province lists; the search page loads one runtime and one wasm and reads
 * further bundles only on demand; the open data is an index of monthly files. Sizes at 100k are the
 * benchmark's (bench/README.md); here, that each part works.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/lib/bench/browser.ts';
import { unpackRows } from '../../src/lib/calendar/packed-rows.ts';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';
import { axeViolations } from '../helpers/axe.ts';
import { CHROMIUM_ARGS, CHROMIUM_ENV, CHROMIUM_PATH, CLS_RECORDER, countScrolledTo, layoutShift } from '../helpers/browser.ts';

const content = join(TMP, 'dense-content');
const out = join(TMP, 'dense-dist');
const EVENTS = 1800;
let browser: Browser;
let base: string;
let close: () => void;

beforeAll(async () => {
  const gen = spawnSync(process.execPath, ['scripts/fixtures.ts', '--events', String(EVENTS), '--seed', '21', '--month', '2026-09', '--out', content], { cwd: ROOT, encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  const r = buildSite({ contentDir: content, outDir: out, today: '2026-09-10', searchBundleSize: 600 });
  expect(r.status, r.output.slice(-3000)).toBe(0);
  const s = await serve(out);
  base = s.url;
  close = () => s.server.close();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: CHROMIUM_ENV });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  close?.();
});

const read = (f: string) => readFileSync(join(out, f), 'utf8');

/** A page that records what it fetches under a path prefix. */
async function open(url: string, prefix: RegExp, viewport = { width: 1280, height: 900 }, init?: string, now?: string): Promise<{ page: Page; fetched: { path: string; bytes: number }[]; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const fetched: { path: string; bytes: number }[] = [];
  const errors: string[] = [];
  if (init) await page.addInitScript(init);
  if (now) await page.clock.setFixedTime(now);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfinished', async (req) => {
    const path = new URL(req.url()).pathname;
    if (!prefix.test(path)) return;
    const sizes = await req.sizes().catch(() => undefined);
    fetched.push({ path, bytes: sizes?.responseBodySize ?? 0 });
  });
  await page.goto(base + url);
  return { page, fetched, errors };
}

describe('the calendar on a dense month', () => {
  it('draws a count per day from the month file alone, then a day’s list from its shard', async () => {
    const { page, fetched, errors } = await open('/calendar/?view=month&date=2026-09', /^\/data\//);
    await page.waitForSelector('.kp-count');
    await expect.poll(() => page.textContent('.kp-status')).toBe(`2026年9月：${EVENTS} 项活动`);
    const month = JSON.parse(read('data/events/2026-09.json'));
    expect(month.events).toEqual([]);
    expect(month.dense.days).toHaveLength(30);
    // Rows are not drawn in the grid, and no shard was fetched for it.
    expect(await page.locator('.kp-calendar a[href^="/events/"]').count()).toBe(0);
    expect(fetched.map((f) => f.path).filter((p) => p.startsWith('/data/events/2026-09/'))).toEqual([]);
    // Drawn by the calendar's own grid (CountGrid.tsx: six weeks in a table), not FullCalendar's day grid.
    expect(await page.locator('.kp-cg-table tbody td').count()).toBe(42);
    expect(await page.locator('.kp-cg-table th').allTextContents()).toEqual(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']);
    expect(await page.locator('.kp-cg-spans').textContent()).toContain('全国科普月');
    expect(await axeViolations(page)).toEqual([]);
    const twelfth = page.locator('.kp-count[href*="date=2026-09-12"]');
    const n = Number((await twelfth.textContent())!.replace(/\D/g, ''));
    expect(n).toBe(month.dense.total[11]);
    await twelfth.click();
    await expect.poll(() => page.locator('.kp-calendar a[href^="/events/"]').count()).toBeGreaterThan(0);
    // A Saturday of more than a page: its head first (the first 100 rows, observance days among them), the whole day on 再列出.
    expect(n).toBeGreaterThan(100);
    // Its rows come as they are scrolled to (a 900 px window holds about twenty).
    await expect.poll(() => countScrolledTo(page, '.kp-fc a[href^="/events/"], .kp-fc a[href^="/observances/"]')).toBe(100);
    await expect.poll(() => fetched.map((f) => f.path)).toContain('/data/events/2026-09/2026-09-12-head.json');
    expect(fetched.map((f) => f.path)).not.toContain('/data/events/2026-09/2026-09-12.json');
    await expect.poll(() => page.textContent('.kp-status')).toBe(`2026年9月12日：${n} 项活动`);
    await page.click('.kp-more button');
    await expect.poll(() => page.locator('.kp-fc a[href^="/events/"]').count()).toBe(Math.min(n, 199));
    await expect.poll(() => fetched.map((f) => f.path)).toContain('/data/events/2026-09/2026-09-12.json');
    await expect.poll(() => page.textContent('.kp-status')).toBe(`2026年9月12日：${n} 项活动`);
    // Back to the month: the counts again, at once (the month's file is in).
    await page.click('.kp-fc [role="tab"]:has-text("月")');
    await expect.poll(() => page.textContent('.kp-status')).toBe(`2026年9月：${EVENTS} 项活动`);
    expect(await page.locator('.kp-cg-table .kp-count').count()).toBe(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a day once its rows are in: the grid stays meanwhile, the pressed count busy; a later press or a move wins', async () => {
    const { page, errors } = await open('/calendar/?view=month&date=2026-09', /^\/data\//);
    await page.waitForSelector('.kp-calendar[aria-busy="false"] .kp-cg-table .kp-count');
    // The days' rows are held until released: what the page shows while they are on their way.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const asked: string[] = [];
    const served: string[] = [];
    await page.route(/\/data\/events\/2026-09\/2026-09-1[345](-head)?\.json$/, async (route) => {
      const path = new URL(route.request().url()).pathname;
      asked.push(path);
      await held;
      await route.continue();
      served.push(path);
    });
    // Whatever the calendar draws from now on: never an empty list that says 正在加载.
    await page.evaluate(() => {
      const w = window as unknown as { sawLoading: boolean };
      w.sawLoading = false;
      const root = document.querySelector('.kp-calendar')!;
      new MutationObserver(() => (w.sawLoading ||= !!root.querySelector('.kp-fc')?.textContent!.includes('加载'))).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const count = (day: number) => page.locator(`.kp-cg-table .kp-count[data-day="2026-09-${day}"]`);
    await count(13).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(await count(13).getAttribute('aria-busy')).toBe('true');
    // A second press, on another day, is the one that opens; the grid stays until its rows are in.
    await count(14).click();
    await expect.poll(() => asked.length).toBe(2);
    expect(await page.locator('.kp-cg-table').count()).toBe(1);
    // A slow network: after a moment the status line says which day is on its way (announced: role=status).
    await expect.poll(() => page.textContent('.kp-status')).toBe('2026年9月14日：正在加载…');
    expect(await page.getAttribute('.kp-calendar', 'aria-busy')).toBe('true');
    release();
    await expect.poll(() => page.textContent('.kp-status')).toMatch(/^2026年9月14日：[\d ]+ 项活动$/);
    expect(await page.locator('.kp-calendar a[href^="/events/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.kp-cg-table').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(false);
    await expect.poll(() => served.length).toBe(2);
    expect(await page.textContent('.kp-status')).toMatch(/^2026年9月14日：/);
    // Back to the month; a count pressed, then the next month: the day does not open over it.
    await page.click('.kp-fc [role="tab"]:has-text("月")');
    await page.waitForSelector('.kp-cg-table .kp-count');
    let releaseAgain = () => {};
    const heldAgain = new Promise<void>((r) => (releaseAgain = r));
    await page.unroute(/2026-09-1[345]/);
    await page.route(/\/data\/events\/2026-09\/2026-09-15(-head)?\.json$/, async (route) => {
      await heldAgain;
      await route.continue();
      served.push('15');
    });
    await count(15).click();
    await expect.poll(() => page.textContent('.kp-status')).toBe('2026年9月15日：正在加载…');
    await page.click('button[aria-label="下个月"]');
    await expect.poll(() => page.textContent('.kp-status')).toMatch(/^2026年10月/);
    releaseAgain();
    await expect.poll(() => served).toContain('15');
    // Two frames after the day's rows are in, the page still shows October.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.textContent('.kp-status')).toMatch(/^2026年10月/);
    expect(await page.textContent('[role="heading"]')).toBe('2026年10月');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone, draws the month grid in one go: the spans above the table come with it, nothing moves', async () => {
    const { page, errors } = await open('/calendar/?view=month&date=2026-09', /^\/data\//, { width: 412, height: 823 }, CLS_RECORDER);
    await page.waitForSelector('.kp-calendar[aria-busy="false"] .kp-cg-table .kp-count');
    expect(await page.locator('.kp-cg-spans').textContent()).toContain('全国科普月');
    // Lighthouse's CLS: the spans once came a drawing step after the table and pushed it 76 px down (0.056).
    expect(await layoutShift(page)).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('under a region filter fetches that province’s shard and counts its events exactly', async () => {
    // The province with the most activities in this tree.
    const month = JSON.parse(read('data/events/2026-09.json'));
    const provinces = [...new Set(Object.values(month.dense.regionShard) as string[])].filter((p) => p !== 'national');
    const size = (p: string) => JSON.parse(read(`data/events/2026-09/region-${p}.json`)).rows.rows.length as number;
    const region = provinces.sort((a, b) => size(b) - size(a))[0]!;
    const shard = { events: unpackRows(JSON.parse(read(`data/events/2026-09/region-${region}.json`)).rows) };
    expect(shard.events.length).toBeGreaterThan(20);
    const { page, fetched, errors } = await open(`/calendar/?view=month&date=2026-09&region=${region}`, /^\/data\//);
    await expect.poll(() => page.textContent('.kp-status')).toBe(`2026年9月：${shard.events.length} 项活动`);
    await expect.poll(() => fetched.map((f) => f.path).filter((p) => p.startsWith('/data/events/2026-09/'))).toEqual([`/data/events/2026-09/region-${region}.json`]);
    // A province's few rows are drawn as rows, not counts.
    expect(shard.events.length).toBeLessThan(300);
    await expect.poll(() => page.locator('.kp-calendar a[href^="/events/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.kp-count').count()).toBe(0);
    // A day with more rows than a cell shows says “另 N 项”, which opens that day's list under the same filter.
    const more = page.locator('.kp-cg-more').first();
    const [day, extra] = [await more.getAttribute('data-day'), Number((await more.textContent())!.replace(/\D/g, ''))];
    expect(await more.getAttribute('href')).toBe(`/calendar/?region=${region}&view=list&date=${day}`);
    await more.click();
    await expect.poll(() => page.textContent('.kp-status')).toBe(`2026年9月${Number(day!.slice(8))}日：${extra + 3} 项活动`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone, asks for the day’s first rows together with the month’s counts, not after them', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let headAsked = false;
    let askedHead = () => {};
    const head = new Promise<void>((r) => (askedHead = r));
    page.on('request', (r) => new URL(r.url()).pathname === '/data/events/2026-09/2026-09-12-head.json' && ((headAsked = true), askedHead()));
    // The month's counts are held until the day's head is asked for (the manifest in the page names the
    // dense month and its day totals) — or, when the head waits for the counts, a few seconds: then it fails.
    let headFirst: boolean | undefined;
    await page.route('**/data/events/2026-09.json', async (route) => {
      await Promise.race([head, new Promise((r) => setTimeout(r, 5000))]);
      headFirst = headAsked;
      await route.continue();
    });
    await page.goto(base + '/calendar/?date=2026-09-12');
    await expect.poll(() => headFirst, { timeout: 15_000 }).toBeDefined();
    expect(headFirst).toBe(true);
    await expect.poll(() => page.locator('.kp-calendar a[href^="/events/"]').count()).toBeGreaterThan(0);
    expect(await page.textContent('[role="heading"]')).toBe('2026年9月12日');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says “最多” when two filters without a region are combined, and lists a phone’s day', async () => {
    const { page } = await open('/calendar/?view=month&date=2026-09&topic=health&free=1', /^\/data\//);
    await page.waitForSelector('.kp-count');
    expect(await page.textContent('.kp-status')).toMatch(/^2026年9月：最多 \d+ 项活动$/);
    await page.close();
    const phone = await open('/calendar/?date=2026-09-12', /^\/data\//, { width: 390, height: 800 });
    await expect.poll(() => phone.page.locator('.kp-calendar a[href^="/events/"]').count()).toBeGreaterThan(0);
    // Recorded when each response's size is in (an event after the rows may be drawn): waited for.
    await expect.poll(() => phone.fetched.map((f) => f.path)).toContain('/data/events/2026-09/2026-09-12-head.json');
    await phone.page.close();
    // The month grid on a 360 px phone: seven columns that fit, the counts legible, nothing wider than the screen.
    const small = await open('/calendar/?view=month&date=2026-09', /^\/data\//, { width: 360, height: 800 });
    await small.page.waitForSelector('.kp-cg-table .kp-count');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = (await small.page.locator('.kp-cg-table .kp-count').first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(await small.page.locator('.kp-cg-table .kp-count').first().getAttribute('aria-label')).toMatch(/^9月1日：[\d ]+ 项活动$/);
    await small.page.close();
  });
});

describe('the /events/ quick filters in a dense month', () => {
  /** The build's today (buildSite's `today`): the quick filters read the browser's clock. */
  const NOW = '2026-09-10T10:00:00+08:00';
  it('count the month’s activities and lead to the calendar; a region filter lists its province’s rows', async () => {
    const month = JSON.parse(read('data/events/2026-09.json'));
    const { page, fetched, errors } = await open('/events/?when=today', /^\/data\//, { width: 390, height: 844 }, undefined, NOW);
    // 今天 (2026-09-10): the day's count from the month's counts, not “找到 0 个活动” (the month file has no rows).
    await expect.poll(() => page.textContent('[data-quick-status]')).toBe(`今天：9月活动多，共 ${month.dense.total[9]} 项，请在日历里按天查看`);
    expect(await page.locator('[data-quick-more] a').getAttribute('href')).toBe('/calendar/?when=today&view=list&date=2026-09-10');
    expect(fetched.map((f) => f.path).filter((p) => p.startsWith('/data/events/2026-09/'))).toEqual([]);
    await page.close();
    // Under a region filter the province's shard is loaded and its rows listed as cards.
    const region = Object.entries(month.dense.regionShard as Record<string, string>).find(([id, shard]) => id === shard && shard !== 'national')![0];
    const r = await open(`/events/?when=month&region=${region}`, /^\/data\//, { width: 390, height: 844 }, undefined, NOW);
    await expect.poll(() => r.page.textContent('[data-quick-status]')).toMatch(/^.+：找到 [1-9]\d* 个活动$/);
    expect(await r.page.locator('[data-quick-results] .event-list > *').count()).toBeGreaterThan(0);
    expect(r.fetched.map((f) => f.path)).toContain(`/data/events/2026-09/region-${region}.json`);
    expect([...errors, ...r.errors]).toEqual([]);
    await r.page.close();
  });
});

describe('the campaign hub at density', () => {
  it('shows the tile grid, the table, two charts and links to paged day and province lists', async () => {
    const html = read('campaigns/national-science-month/2026/index.html');
    expect(gzipSync(html).length).toBeLessThan(100 * 1024);
    const { page, errors } = await open('/campaigns/national-science-month/2026/', /^$/);
    expect(await page.locator('.kp-tiles li').count()).toBe(34);
    expect(await page.locator('svg.kp-chart').count()).toBe(2);
    const provinces = page.locator('.kp-sortable tbody tr[data-depth="0"]');
    expect(await provinces.count()).toBeGreaterThan(30);
    // Sorted by count; a click on 地区 sorts by name (the script), a second click reverses it.
    const counts = await page.locator('.kp-sortable tbody tr td:nth-child(2)').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.v)));
    const firstBefore = await page.locator('.kp-sortable tbody tr').first().textContent();
    await page.click('.kp-sortable th button[data-sort="text"]');
    expect(await page.getAttribute('.kp-sortable th:first-child', 'aria-sort')).toBe('ascending');
    expect(await page.locator('.kp-sortable tbody tr').first().textContent()).not.toBe(firstBefore);
    expect(counts.length).toBeGreaterThan(34);
    // A day: 50 a page, the pager leads on.
    await page.click('.kp-daylinks a[href$="/days/2026-09-12/"]');
    expect(await page.locator('.event-card').count()).toBe(50);
    await page.click('.pager a[rel="next"]');
    expect(page.url()).toMatch(/\/days\/2026-09-12\/page\/2\/$/);
    // A province from its tile.
    await page.goto(`${base}/campaigns/national-science-month/2026/`);
    await page.click('.kp-tiles a[href$="/regions/440000/"]');
    expect(await page.textContent('h1')).toContain('广东省');
    expect(await page.locator('.event-card').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('search at density', () => {
  it('loads one runtime and one wasm, reads further bundles on demand, and finds more when asked', async () => {
    const manifest = JSON.parse(read('pagefind/kepu-bundles.json'));
    expect(manifest.bundles.length).toBeGreaterThan(2);
    expect(manifest.ranges).toHaveLength(manifest.bundles.length);
    const { page, fetched, errors } = await open('/search/?q=%E7%A7%91%E6%99%AE', /^\/pagefind/);
    await page.waitForSelector('[data-search-page][data-searched]');
    const files = () => fetched.map((f) => f.path);
    expect(files().filter((p) => p.endsWith('/pagefind.js'))).toEqual(['/pagefind/pagefind.js']);
    expect(files().filter((p) => /wasm/.test(p))).toHaveLength(1);
    const metas = () => new Set(files().filter((p) => p.endsWith('.pf_meta')).map((p) => p.split('/')[1]));
    // 科普 is in every record: the first bundle gives a page and more; the others wait.
    expect(metas().size).toBe(1);
    const before = Number(/找到 (\d+) 条/.exec((await page.textContent('[data-status]'))!)![1]);
    await page.click('[data-everywhere]');
    await expect.poll(async () => Number(/找到 (\d+) 条/.exec((await page.textContent('[data-status]')) ?? '')?.[1] ?? 0)).toBeGreaterThan(before);
    expect(metas().size).toBe(manifest.bundles.length);
    expect(files().filter((p) => /wasm/.test(p))).toHaveLength(1);
    expect(await page.isHidden('[data-everywhere]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorted by date, reads the bundles in date order', async () => {
    const { page } = await open('/search/?q=%E7%A7%91%E6%99%AE&sort=date-asc', /^\/pagefind/);
    await page.waitForSelector('[data-search-page][data-searched]');
    await page.click('[data-everywhere]');
    await page.waitForTimeout(500);
    await page.waitForSelector('[data-search-page][data-searched]');
    const hrefs = await page.locator('[data-hits] a[href^="/events/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(8, 18)));
    expect(hrefs.length).toBeGreaterThan(5);
    expect([...hrefs].sort()).toEqual(hrefs);
    await page.close();
  });
});

describe('open data at density', () => {
  it('is an index of monthly files (version 2) that add up to every entry', () => {
    const index = JSON.parse(read('api/events.json'));
    expect(index.version).toBe(2);
    const sep = index.files.filter((f: { month: string }) => f.month === '2026-09');
    expect(sep).toHaveLength(1);
    const part = JSON.parse(read('api/events/2026-09.json'));
    expect(part).toMatchObject({ version: 2, month: '2026-09', part: 1, count: EVENTS });
    expect(part.events).toHaveLength(EVENTS);
  });
});
