/**
 * Issue 18 on generated content (scripts/fixtures.ts, 150 events around today, whose venues carry
 * coordinates in both datums and whose events carry ages, accessibility, replays and open, closed,
 * full, link-only and walk-in registration), built without the search index:
 * - every event page says one coherent thing about registration, and names a location in its JSON-LD;
 * - the /events/ quick filters show exactly the events the content says (expectations worked out
 *   here from the entries, not from the site's filter code);
 * - 离我近 puts the nearest venue first;
 * - 我的收藏's .ics of generated events passes the iCalendar checks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import type { EventEntry } from '../../src/lib/content/model.ts';
import { buildQuery, type SiteQuery } from '../../src/lib/content/query.ts';
import { wgs84 } from '../../src/lib/content/venue-geo.ts';
import { serveStatic } from '../../scripts/lib/serve-static.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';
import { assertIcs } from '../helpers/ics-check.ts';

const content = join(TMP, 'gen18-content');
const out = join(TMP, 'gen18-dist');
const TODAY = '2026-09-10';
let q: SiteQuery;
let browser: Browser;
let served: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const gen = spawnSync(process.execPath, ['scripts/fixtures.ts', '--events', '150', '--seed', '18', '--out', content], { cwd: ROOT, encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  const r = buildSite({ contentDir: content, outDir: out, today: TODAY, noSearch: true });
  expect(r.status, r.output.slice(-3000)).toBe(0);
  const loaded = loadContent(content);
  expect(loaded.errors).toEqual([]);
  q = buildQuery(loaded.content);
  browser = await launchBrowser();
  served = await serveStatic(out);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const pages = () => readdirSync(join(out, 'events')).filter((d) => /^\d{4}-/.test(d) && !d.endsWith('.ics'));
const html = (id: string) => readFileSync(join(out, 'events', id, 'index.html'), 'utf8');

describe('every generated event page', () => {
  it('never says 无需报名 beside 去报名; a passed deadline says 报名已截止 with no button', () => {
    let closed = 0;
    let links = 0;
    for (const id of pages()) {
      const reg = /<dd class="reg"[^>]*>([\s\S]*?)<\/dd>/.exec(html(id))?.[1];
      if (!reg) continue;
      // What the page says on the build day (no nested spans inside: the first </span> closes it).
      const now = /<span data-reg-now>([\s\S]*?)<\/span>/.exec(reg)![1]!;
      const button = now.includes('>去报名</a>');
      if (button) links++;
      expect(button && now.includes('无需报名'), id).toBe(false);
      const e = q.event.get(id)!;
      const r = e.registration!;
      const passed = r.deadline && r.deadline.slice(0, 10) < TODAY && e.endDate >= TODAY && e.status !== 'cancelled' && !r.full && r.required !== false && (r.url || r.required || r.deadline);
      if (passed) {
        closed++;
        expect(now, id).toMatch(/^报名已截止/);
        expect(button, id).toBe(false);
      }
    }
    expect(closed).toBeGreaterThan(0);
    expect(links).toBeGreaterThan(0);
  });

  it('names a location in its JSON-LD (Google requires one), with ages and accessibility when the entry has them', () => {
    for (const id of pages()) {
      const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html(id))![1]!);
      const e = q.event.get(id)!;
      expect(ld.location, id).toBeDefined();
      if (e.ageMin !== undefined || e.ageMax !== undefined) expect(ld.typicalAgeRange, id).toBe(`${e.ageMin ?? 0}-${e.ageMax ?? ''}`);
      if (e.access.includes('captions')) expect(ld.accessibilityFeature, id).toContain('captions');
      if (e.replay) expect(ld.recordedIn?.url, id).toBe(e.replay);
    }
  });
});

async function open(path: string, at: string, geo?: { latitude: number; longitude: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(geo ? { geolocation: geo, permissions: ['geolocation'] } : {}) });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${at}+08:00`));
  await page.goto(served.url + path.slice(1), { waitUntil: 'networkidle' });
  await page.waitForFunction(`(() => { const s = document.querySelector('[data-quick-status]'); return s && s.textContent && !s.textContent.startsWith('正在'); })()`);
  return page;
}
const shown = (page: Page) => page.locator('[data-quick-results] .event-card .title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname.replace(/^\/events\/|\/$/g, '')));

/** The entries overlapping [from, to] (China's calendar days) and passing `keep`, as the content says. */
function expected(from: string, to: string, keep: (e: EventEntry) => boolean): string[] {
  return q.events.filter((e) => e.timezone === 'Asia/Shanghai' && e.startDate <= to && e.endDate >= from && e.endDate >= TODAY && keep(e)).map((e) => e.id).sort();
}

describe('the quick filters on generated content', () => {
  it('this month for an 8-year-old', async () => {
    const want = expected(TODAY, '2026-09-30', (e) => (e.ageMin !== undefined || e.ageMax !== undefined) && (e.ageMin ?? 0) <= 8 && 8 <= (e.ageMax ?? 120));
    expect(want.length).toBeGreaterThan(0);
    const page = await open('/events/?when=month&age=8', `${TODAY}T10:00`);
    expect((await shown(page)).sort()).toEqual(want);
    await page.context().close();
  });

  it('the next 7 days, registration open', async () => {
    const end = '2026-09-16';
    const want = expected(TODAY, end, (e) => {
      const r = e.registration;
      if (!r || e.status === 'cancelled' || r.full) return false;
      const needs = r.required === true || !!r.url || (r.required === undefined && !!r.deadline);
      return needs && (!r.deadline || r.deadline.slice(0, 10) >= TODAY);
    });
    const page = await open('/events/?when=7d&open=1', `${TODAY}T10:00`);
    expect((await shown(page)).sort()).toEqual(want);
    await page.context().close();
  });

  it('离我近: the venue nearest to the reader comes first', async () => {
    const withGeo = q.events.filter((e) => e.startDate <= '2026-09-30' && e.endDate >= TODAY && e.venue && q.venue.get(e.venue)?.geo && e.status !== 'moved-online');
    expect(withGeo.length).toBeGreaterThan(1);
    // Stand at one of them; it (or another at the same venue) must come first.
    const target = withGeo[withGeo.length - 1]!;
    const w = wgs84(q.venue.get(target.venue!)!.geo!);
    const page = await open('/events/?when=month&near=1', `${TODAY}T10:00`, { latitude: w.lat, longitude: w.lng });
    const first = (await shown(page))[0]!;
    expect(q.event.get(first)!.venue).toBe(target.venue);
    await expect(page.textContent('[data-quick-results] .event-card')).resolves.toMatch(/距离约 100 米/);
    await page.context().close();
  });

  it('我的收藏: an .ics of generated events passes the iCalendar checks', async () => {
    const page = await open('/events/?when=month', `${TODAY}T10:00`);
    const stars = page.locator('[data-quick-results] button[data-fav]');
    const n = Math.min(6, await stars.count());
    for (let i = 0; i < n; i++) await stars.nth(i).click();
    await page.goto(`${served.url}favorites/`);
    await page.waitForSelector(`[data-favorites][data-count="${n}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-favorites-ics]')]);
    const bytes = readFileSync((await download.path())!);
    assertIcs({ label: 'favourites.ics', bytes });
    expect(bytes.toString('utf8').match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(n);
    await page.context().close();
  });
});
