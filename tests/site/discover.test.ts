/**
 * Something to do this weekend (issue 18), in Chromium on the shared test build (today pinned to
 * 2026-09-10; the test-only November events of tests/fixtures/site carry ages, accessibility,
 * coordinates and open, closed, walk-in and link-only registration). The browser's clock is set
 * per test, so "this weekend" never depends on the real today:
 * - the quick filters: URL in → events shown, on /events/ and /calendar/; a tap changes the URL;
 *   nothing is fetched before the first interaction; 离我近 sorts by distance; 0 results suggest
 *   widening; the static lists without JavaScript;
 * - the age and access facts on the page and in its JSON-LD, and the registration wording;
 * - favourites: the star, 我的收藏, its .ics (the events' own VEVENTs) and its print view;
 * - the event page's budget.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { pageWeight } from '../../scripts/lib/bench/weigh.ts';

const base = inject('baseUrl');
const dist = inject('distDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The sample venue (GCJ-02 39.9412, 116.3725) is ~0.6 km from here; the deep-space talk has no coordinates. */
const NEAR_VENUE = { latitude: 39.9399, longitude: 116.3665 };

interface OpenOptions {
  /** The browser's clock (China time). */
  at?: string;
  width?: number;
  geo?: boolean;
  js?: boolean;
}

async function open(path: string, o: OpenOptions = {}): Promise<{ page: Page; errors: string[]; data: string[] }> {
  const options: BrowserContextOptions = { viewport: { width: o.width ?? 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: o.js ?? true };
  if (o.geo) Object.assign(options, { geolocation: NEAR_VENUE, permissions: ['geolocation'] });
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const data: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/data/')) data.push(p);
  });
  if (o.at) await page.clock.setFixedTime(new Date(`${o.at}+08:00`));
  await page.goto(`${base}${path.slice(1)}`, { waitUntil: 'networkidle' });
  return { page, errors, data };
}

const ids = (page: Page, sel: string) => page.locator(`${sel} .event-card .title a`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname.replace(/^\/events\/|\/$/g, '')));
const shown = (page: Page) => ids(page, '[data-quick-results]');
const status = (page: Page) => page.textContent('[data-quick-status]');
const settled = (page: Page) => page.waitForFunction(`(() => { const s = document.querySelector('[data-quick-status]'); return s && s.textContent && !s.textContent.startsWith('正在'); })()`);

const FOSSIL = '2026-11-07-fossil-class';
const SPACE = '2026-11-08-deep-space-talk';
const SPECIMENS = '2026-11-07-autumn-specimens';
const BIRDS = '2026-11-14-bird-lecture';

describe('quick filters on /events/: URL in → events shown', () => {
  it.each([
    ['?when=weekend', '2026-11-05T10:00', [SPECIMENS, FOSSIL, SPACE]],
    ['?when=weekend&age=10', '2026-11-05T10:00', [SPACE]],
    ['?when=weekend&age=5', '2026-11-05T10:00', [FOSSIL]],
    ['?when=weekend&open=1', '2026-11-05T10:00', [FOSSIL]],
    ['?open=1', '2026-11-06T10:00', [BIRDS]],
    ['?when=7d&free=1', '2026-11-05T10:00', [SPECIMENS, FOSSIL, SPACE]],
    ['?when=today', '2026-11-08T09:00', [SPECIMENS, SPACE]],
    ['?when=weekend', '2026-11-08T09:00', [SPECIMENS, SPACE]],
    ['?when=month&free=1', '2026-11-10T09:00', []],
    ['?when=weekend&region=110106', '2026-11-05T10:00', [SPACE]],
    ['?when=weekend&audience=youth', '2026-11-05T10:00', [SPACE]],
  ])('%s at %s', async (query, at, want) => {
    const { page, errors } = await open(`/events/${query}`, { at });
    await settled(page);
    await expect(shown(page)).resolves.toEqual(want);
    await expect(page.locator('[data-quick-static]').isHidden()).resolves.toBe(true);
    await expect(status(page)).resolves.toContain(`找到 ${want.length} 个活动`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a plain /events/ fetches no data; a tap filters, writes the URL and loads one month', async () => {
    const { page, data, errors } = await open('/events/', { at: '2026-11-05T10:00' });
    expect(data).toEqual([]);
    await expect(page.locator('[data-quick-static] .event-card').count()).resolves.toBeGreaterThan(3);
    await page.click('[data-quick] a[data-when="weekend"]');
    await settled(page);
    expect(page.url()).toBe(`${base}events/?when=weekend`);
    await expect(shown(page)).resolves.toEqual([SPECIMENS, FOSSIL, SPACE]);
    await expect(page.getAttribute('[data-quick] a[data-when="weekend"]', 'aria-pressed')).resolves.toBe('true');
    expect(data).toEqual(['/data/calendar.json', '/data/events/2026-11.json']);
    // Combinable: a second tap adds to the first; the age form too.
    await page.click('[data-quick] a[data-toggle="open"]');
    await settled(page);
    expect(page.url()).toBe(`${base}events/?when=weekend&open=1`);
    await expect(shown(page)).resolves.toEqual([FOSSIL]);
    await page.fill('#quick-age', '10');
    await page.press('#quick-age', 'Enter');
    await expect.poll(() => page.url()).toBe(`${base}events/?when=weekend&open=1&age=10`);
    await settled(page);
    await expect(shown(page)).resolves.toEqual([]);
    // Nothing found: each filter says how many dropping it would show.
    await expect(page.textContent('.quick-widen')).resolves.toContain('去掉“10 岁”（1 个）');
    await page.click('.quick-widen a:has-text("可报名")');
    await settled(page);
    await expect(shown(page)).resolves.toEqual([SPACE]);
    // Clear all: the static list again.
    await page.click('[data-quick-clear]');
    await expect.poll(() => page.url()).toBe(`${base}events/`);
    await expect(page.locator('[data-quick-static]').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without a date filter, one month at a time: the next month on a tap', async () => {
    const { page, data } = await open('/events/?free=1', { at: '2026-10-20T10:00' });
    await settled(page);
    expect(data.filter((d) => d.startsWith('/data/events/'))).toEqual(['/data/events/2026-10.json']);
    // October's one event (10-10) is over by the 20th.
    await expect(shown(page)).resolves.toEqual([]);
    await page.click('[data-quick-more] button:has-text("继续查找 11月")');
    await settled(page);
    await expect(shown(page)).resolves.toEqual([SPECIMENS, FOSSIL, SPACE]);
    await page.context().close();
  });

  it('离我近: the position is asked for on the tap, then events with coordinates come first, nearest first, with their distance', async () => {
    const { page, errors } = await open('/events/?when=weekend', { at: '2026-11-05T10:00', geo: true });
    await settled(page);
    await page.click('[data-near]');
    await expect.poll(() => page.url()).toBe(`${base}events/?when=weekend&near=1`);
    await settled(page);
    await expect(shown(page)).resolves.toEqual([SPECIMENS, FOSSIL, SPACE]);
    await expect(page.locator('[data-quick-results] .event-card').first().textContent()).resolves.toMatch(/距离约 \d+ 米/);
    await expect(status(page)).resolves.toContain('按距离排序（没有坐标的排在后面）');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript the chips are links to static lists', async () => {
    const { page } = await open('/events/', { js: false });
    await page.click('a.chip:has-text("本周末")');
    expect(page.url()).toBe(`${base}events/when/weekend/`);
    // The build's today is Thursday 2026-09-10: this weekend is 9月12日–13日.
    await expect(page.textContent('h1')).resolves.toContain('2026年9月12日（星期六） 至 9月13日（星期日）');
    await expect(ids(page, 'main')).resolves.toEqual(['2026-09-12-first-aid-training']);
    await page.context().close();
  });
});

describe('quick filters on /calendar/', () => {
  it('URL in → events shown; the chips say what is on', async () => {
    const { page, errors } = await open('/calendar/?when=weekend&open=1', { at: '2026-11-05T10:00' });
    await page.waitForSelector('[role="tab"][aria-selected="true"]');
    await expect.poll(() => page.textContent('.kp-status')).toBe('2026年11月：1 项活动');
    expect(await page.locator(`.kp-calendar a[href="/events/${FOSSIL}/"]`).count()).toBeGreaterThan(0);
    await expect(page.getAttribute('.kp-quick button:has-text("本周末")', 'aria-pressed')).resolves.toBe('true');
    await page.click('.kp-quick button:has-text("可报名")');
    await expect.poll(() => new URL(page.url()).searchParams.get('open')).toBeNull();
    await expect.poll(() => page.textContent('.kp-status')).toBe('2026年11月：3 项活动');
    await page.fill('#kp-age', '10');
    await page.press('#kp-age', 'Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('age')).toBe('10');
    await expect.poll(() => page.textContent('.kp-status')).toBe('2026年11月：1 项活动');
    expect(await page.locator(`.kp-calendar a[href="/events/${SPACE}/"]`).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** The page's JSON-LD. */
async function jsonLd(page: Page): Promise<Record<string, any>> {
  return JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
}

describe('age, access, replay: on the page and in its JSON-LD', () => {
  it('the fossil class: ages, wheelchair access, coordinates (GCJ-02 → WGS-84) and a 高德 link saying the datum', async () => {
    const { page } = await open(`/events/${FOSSIL}/`, { at: '2026-09-10T10:00' });
    const facts = await page.textContent('dl.facts');
    expect(facts).toContain('适合年龄3–8 岁');
    expect(facts).toContain('无障碍轮椅通行、无障碍卫生间');
    expect(await page.getAttribute('dl.facts a:has-text("在高德地图中查看")', 'href')).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=116\.3725,39\.9412&.*&coordinate=gaode&/);
    const ld = await jsonLd(page);
    expect(ld).toMatchObject({ typicalAgeRange: '3-8', isAccessibleForFree: true, location: { '@type': 'Place', amenityFeature: [{ name: '轮椅通行' }, { name: '无障碍卫生间' }] } });
    expect(ld.location.geo.latitude).toBeCloseTo(39.9399, 3);
    expect(ld.location.geo.longitude).toBeCloseTo(116.3663, 3);
    await page.context().close();
  });

  it('the deep-space talk: sign language and captions, its live stream and replay, a place found from its address', async () => {
    const { page } = await open(`/events/${SPACE}/`, { at: '2026-09-10T10:00' });
    const facts = await page.textContent('dl.facts');
    expect(facts).toContain('无障碍手语翻译、字幕');
    expect(facts).toContain('直播https://live.example.org/deep-space');
    expect(await page.getAttribute('dl.facts a:has-text("deep-space/replay")', 'href')).toBe('https://live.example.org/deep-space/replay');
    expect(facts).toContain('（北京市丰台区）');
    const ld = await jsonLd(page);
    expect(ld).toMatchObject({
      typicalAgeRange: '10-16',
      accessibilityFeature: ['signLanguage', 'captions'],
      recordedIn: { url: 'https://live.example.org/deep-space/replay' },
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [{ '@type': 'Place', address: { addressRegion: '北京市', addressLocality: '丰台区' } }, { '@type': 'VirtualLocation', url: 'https://live.example.org/deep-space' }],
    });
    await page.context().close();
  });
});

describe('registration says one coherent thing', () => {
  const reg = async (page: Page) => [(await page.textContent('dd.reg [data-reg-now]'))?.trim() ?? '', await page.locator('dd.reg a.button:visible').count()];
  it.each([
    [BIRDS, '在线报名，费用 20 元', 1],
    [SPECIMENS, '无需报名，直接参加，免费', 0],
    [SPACE, '报名已截止，2026年9月5日（星期六）截止', 0],
    [FOSSIL, '需要报名，名额 30 人，免费，2026年11月5日（星期四）截止', 1],
    ['2026-09-12-first-aid-training', '需要报名，名额 40 人，免费', 1],
  ])('%s: %s', async (id, line, buttons) => {
    const { page } = await open(`/events/${id}/`, { at: '2026-09-10T10:00' });
    const [text, count] = await reg(page);
    expect(text).toContain(line);
    expect(count).toBe(buttons);
    expect(await page.textContent('dd.reg')).not.toMatch(buttons ? /无需报名/ : /去报名/);
    await page.context().close();
  });

  it('between builds the page says 报名已截止 once the deadline has passed, and the button goes', async () => {
    const { page } = await open(`/events/${FOSSIL}/`, { at: '2026-11-06T09:00' });
    await expect(page.locator('dd.reg [data-reg-later]').textContent()).resolves.toBe('报名已截止，名额 30 人，免费，2026年11月5日（星期四）截止');
    await expect(page.locator('dd.reg [data-reg-later]').isVisible()).resolves.toBe(true);
    await expect(page.locator('dd.reg a.button:visible').count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe('favourites', () => {
  it('star on cards and pages, 我的收藏 lists them (past ones greyed), one .ics of their own VEVENTs, a print view', async () => {
    const { page, errors } = await open('/events/', { at: '2026-11-07T12:00' });
    const star = (id: string) => page.locator(`[data-quick-static] button[data-fav="${id}"]`);
    await expect(star(FOSSIL).textContent()).resolves.toBe('☆ 收藏');
    await star(FOSSIL).click();
    await expect(star(FOSSIL).getAttribute('aria-pressed')).resolves.toBe('true');
    await star(BIRDS).click();
    // On the event page the same star is on.
    await page.goto(`${base}events/${SPACE}/`);
    await page.click(`button[data-fav="${SPACE}"]`);
    await expect(page.textContent(`button[data-fav="${SPACE}"]`)).resolves.toBe('★ 已收藏');
    await page.goto(`${base}favorites/`);
    await page.waitForSelector('[data-favorites][data-count="3"]');
    await expect(ids(page, '[data-favorites]')).resolves.toEqual([FOSSIL, SPACE, BIRDS]);
    // Clock at 2026-11-07 noon: all three end today or later, none is greyed yet.
    await expect(page.locator('[data-favorites] .event-card.is-past').count()).resolves.toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-favorites-ics]')]);
    expect(download.suggestedFilename()).toBe('科普日历-我的收藏.ics');
    const ics = readFileSync((await download.path())!, 'utf8');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('科普日历 · 我的收藏');
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(1);
    const uids = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toEqual([FOSSIL, SPACE, BIRDS].map((id) => `${id}@kepu.example.org`));
    // Each VEVENT is the one the event's own file publishes.
    const own = readFileSync(`${dist}/events/${BIRDS}.ics`, 'utf8');
    expect(ics).toContain(/BEGIN:VEVENT[\s\S]*?END:VEVENT/.exec(own)![0]);
    await expect(page.textContent('[data-favorites-status]')).resolves.toContain('已生成包含 3 个活动的日历文件');
    // Print view: the list only.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-favorites-ics]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-favorites] .event-card').first().isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // Unstarring on 我的收藏 takes the card away.
    await page.click(`[data-favorites] button[data-fav="${BIRDS}"]`);
    await page.waitForSelector('[data-favorites][data-count="2"]');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the star keeps its room before the page script shows it: nothing moves when it does (CLS)', async () => {
    for (const [path, below] of [[`/events/${SPACE}/`, 'dl.facts'], ['/events/', '[data-quick-static] .event-card:nth-child(2)']] as const) {
      const { page } = await open(path, { width: 390 });
      await page.waitForSelector('[data-fav]:not([hidden])');
      const top = () => page.locator(below).first().evaluate((el) => el.getBoundingClientRect().top);
      const shown = await top();
      // As the page is first painted, before stars.ts has run: every star and 我的收藏 link hidden.
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-fav], [data-fav-link]').forEach((el) => (el.hidden = true)));
      expect(await top(), path).toBe(shown);
      await page.context().close();
    }
    // Without script no star is offered, and it takes no room.
    const { page } = await open(`/events/${SPACE}/`, { width: 390, js: false });
    expect(await page.locator('.fav-line [data-fav]').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await page.context().close();
  });

  it('past favourites are greyed', async () => {
    const { page } = await open('/favorites/', { at: '2026-11-10T12:00' });
    await page.evaluate(`localStorage.setItem('kepu-favorites', JSON.stringify([{ id: '${FOSSIL}', title: '化石', start: '2026-11-07T10:00', end: '2026-11-07T11:30' }, { id: '${BIRDS}', title: '观鸟', start: '2026-11-14T09:30' }]))`);
    await page.reload();
    await page.waitForSelector('[data-favorites][data-count="2"]');
    await expect(page.locator('[data-favorites] .event-card.is-past').count()).resolves.toBe(1);
    await expect(page.textContent('[data-favorites-status]')).resolves.toBe('共收藏 2 个活动，其中 1 个已结束。');
    await page.context().close();
  });
});

describe('budgets', () => {
  it('an event page stays within 5 KB of JS and 15 KB of HTML+CSS, gzipped', () => {
    for (const id of [FOSSIL, SPACE, '2026-09-12-first-aid-training']) {
      const w = pageWeight(dist, `events/${id}/index.html`)!;
      expect(w.jsGz, id).toBeLessThanOrEqual(5 * 1024);
      expect(w.htmlCssGz, id).toBeLessThanOrEqual(15 * 1024);
    }
  });
});
