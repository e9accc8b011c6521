/**
 * The feeds and open data of the built site (shared build: shipped content + test events, today
 * 2026-09-10): every .ics passes the byte checks, ical.js and python3-icalendar; UIDs are unique
 * per feed and the same for an event in every feed; cancellations stay; observance dates resolve
 * right; feed.xml and the JSON parse; subscribe links are on the pages; and the fixture site built
 * under TZ=UTC and TZ=Pacific/Kiritimati gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { daysOf } from '../helpers/ical-days.ts';
import type { Browser } from 'playwright-core';
import { assertIcs, readIcsEvents, PYTHON } from '../helpers/ics-check.ts';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';

const dist = inject('distDir');
const base = inject('baseUrl');
const HOST = 'kepu.example.org';

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter(keep).map((f) => f.split('\\').join('/')).sort();
}
const read = (f: string, dir = dist) => readFileSync(join(dir, f), 'utf8');
/** Every entry of the open data (version 2): the monthly files the index lists, in order. */
const openDataEvents = (): any[] => JSON.parse(read('api/events.json')).files.flatMap((f: { url: string }) => JSON.parse(read(f.url.replace(/^https?:\/\/[^/]+\//, ''))).events);
const icsFiles = filesUnder(dist, (f) => f.endsWith('.ics'));


describe('every feed of the built site', () => {
  it('exists for each kind of feed', () => {
    for (const f of ['calendar.ics', 'calls.ics', 'observances.ics', 'observances/world-first-aid-day.ics', 'topics/health.ics', 'audiences/seniors.ics', 'regions/110105.ics', 'organizers/test-science-society.ics', 'venues/test-science-center.ics', 'campaigns/national-science-month/2026.ics', 'events/2026-09-12-first-aid-training.ics']) {
      expect(icsFiles, f).toContain(f);
    }
  });

  it('passes the byte checks, ical.js and python3-icalendar', { timeout: 180_000 }, () => {
    assertIcs(icsFiles.map((f) => ({ label: f, bytes: readFileSync(join(dist, f)) })));
  });

  it('has unique UIDs per feed, and one UID, start and title per event across all feeds', () => {
    const seen = new Map<string, string>();
    for (const f of icsFiles) {
      const events = readIcsEvents(read(f));
      const uids = events.map((e) => e.uid);
      expect(new Set(uids).size, f).toBe(uids.length);
      for (const e of events) {
        expect(e.uid.endsWith(`@${HOST}`), `${f}: ${e.uid}`).toBe(true);
        const sig = `${e.start} ${e.summary}`;
        expect(seen.get(e.uid) ?? sig, `${f}: ${e.uid}`).toBe(sig);
        seen.set(e.uid, sig);
      }
    }
    // An event's UID in the big feed is the UID of its own .ics.
    for (const e of readIcsEvents(read('calendar.ics'))) {
      const id = e.uid.replace(`@${HOST}`, '');
      expect(readIcsEvents(read(`events/${id}.ics`)).map((x) => x.uid)).toEqual([e.uid]);
    }
  });

  it('keeps the cancelled test event in /calendar.ics with STATUS:CANCELLED', () => {
    const ev = readIcsEvents(read('calendar.ics')).find((e) => e.uid === `2026-09-15-cancelled-lecture@${HOST}`);
    expect(ev?.status).toBe('CANCELLED');
    expect(ev?.summary.startsWith('【已取消】')).toBe(true);
  });

  it('keeps calls and deadlines out of the activity feeds', () => {
    const json = { events: openDataEvents() as { id: string; kind: string }[] };
    const calls = new Set(json.events.filter((e) => e.kind !== 'activity').map((e) => `${e.id}@${HOST}`));
    expect(calls.size).toBeGreaterThan(0);
    for (const f of icsFiles.filter((f) => !f.startsWith('events/') && !f.startsWith('observances') && f !== 'calls.ics' && f !== 'calls-alarm.ics')) {
      for (const e of readIcsEvents(read(f))) expect(calls.has(e.uid), `${f}: ${e.uid}`).toBe(false);
    }
  });

  it('/observances.ics has 世界急救日 and 重阳节 on their 2026 and 2027 days', () => {
    const ics = read('observances.ics');
    expect(daysOf(ics, '世界急救日', '2026-01-01', '2027-12-31')).toEqual(['2026-09-12', '2027-09-11']);
    expect(daysOf(ics, '重阳节', '2026-01-01', '2027-12-31')).toEqual(['2026-10-18', '2027-10-08']);
    expect(ics).toContain('X-WR-CALNAME:科普日历 · 科普纪念日\r\n');
    // The one-observance feed says the same.
    expect(daysOf(read('observances/world-first-aid-day.ics'), '世界急救日', '2026-01-01', '2027-12-31')).toEqual(['2026-09-12', '2027-09-11']);
  });

  it('names facet feeds in Chinese', () => {
    expect(read('topics/health.ics')).toContain('X-WR-CALNAME:科普日历 · 主题：卫生健康\r\n');
    expect(read('campaigns/national-science-month/2026.ics')).toContain('X-WR-CALNAME:科普日历 · 2026 年全国科普月\r\n');
  });
});

describe('open data', () => {
  it('/feed.xml is RSS 2.0 that an XML parser reads, newest entries with absolute links', () => {
    const py = spawnSync(PYTHON, ['-c', [
      'import json, sys, xml.etree.ElementTree as E',
      'r = E.parse(sys.argv[1]).getroot()',
      'items = r.findall("./channel/item")',
      'print(json.dumps({"tag": r.tag, "version": r.get("version"), "title": r.findtext("./channel/title"), "links": [i.findtext("link") for i in items], "dates": [i.findtext("pubDate") for i in items]}))',
    ].join('\n'), join(dist, 'feed.xml')], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const rss = JSON.parse(py.stdout) as { tag: string; version: string; title: string; links: string[]; dates: string[] };
    expect(rss).toMatchObject({ tag: 'rss', version: '2.0', title: '科普日历 · 新活动' });
    expect(rss.links.length).toBeGreaterThan(0);
    expect(rss.links.length).toBeLessThanOrEqual(50);
    expect(rss.links).toContain(`https://${HOST}/events/2026-09-15-cancelled-lecture/`);
    expect(rss.dates.every((d) => / GMT$/.test(d))).toBe(true);
  });

  it('/api/events.json has a version and the test events with absolute URLs', () => {
    // Version 2 (issue 21): an index of monthly files, each in version 1's shape.
    const index = JSON.parse(read('api/events.json'));
    expect(index).toMatchObject({ version: 2, site: `https://${HOST}`, built: '2026-09-10' });
    for (const f of index.files) expect(JSON.parse(read(f.url.replace(`https://${HOST}/`, '')))).toMatchObject({ version: 2, month: f.month, part: f.part, count: f.count });
    const json = { events: openDataEvents() };
    expect(index.count).toBe(json.events.length);
    const ids = json.events.map((e: { id: string }) => e.id);
    for (const id of ['2026-09-12-first-aid-training', '2026-09-15-cancelled-lecture', '2026-09-20-science-fair', '2026-10-10-online-talk', '2025-09-13-past-event']) expect(ids).toContain(id);
    const e = json.events.find((x: { id: string }) => x.id === '2026-09-12-first-aid-training');
    expect(e).toMatchObject({ url: `https://${HOST}/events/2026-09-12-first-aid-training/`, ics: `https://${HOST}/events/2026-09-12-first-aid-training.ics`, startTime: '2026-09-12T14:00:00+08:00' });
  });

  it('/api/observances.json has a version and the dates of every observance', () => {
    const json = JSON.parse(read('api/observances.json'));
    expect(json).toMatchObject({ version: 1, years: { from: 2025, to: 2028 } });
    expect(json.count).toBeGreaterThanOrEqual(80);
    const firstAid = json.observances.find((o: { id: string }) => o.id === 'world-first-aid-day');
    expect(firstAid.occurrences.map((o: { start: string }) => o.start)).toContain('2026-09-12');
  });
});

describe('subscribing from the pages', () => {
  it('the home page offers /calendar.ics as webcal, https, Google, Outlook and a QR code', () => {
    const html = read('index.html');
    expect(html).toContain(`href="webcal://${HOST}/calendar.ics"`);
    expect(html).toContain(`value="https://${HOST}/calendar.ics"`);
    expect(html).toContain(`https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F${HOST}%2Fcalendar.ics`);
    expect(html).toContain(`https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2F${HOST}%2Fcalendar.ics`);
    expect(html).toMatch(/<svg role="img" aria-label="[^"]*订阅二维码"/);
  });

  it('observance and campaign pages offer their own feed', () => {
    expect(read('observances/world-first-aid-day/index.html')).toContain(`href="webcal://${HOST}/observances/world-first-aid-day.ics"`);
    expect(read('campaigns/national-science-month/2026/index.html')).toContain(`href="webcal://${HOST}/campaigns/national-science-month/2026.ics"`);
  });

  it('an event page offers .ics, Google and Outlook, and ships no script beyond the layout’s', () => {
    const html = read('events/2026-09-12-first-aid-training/index.html');
    expect(html).toContain('href="/events/2026-09-12-first-aid-training.ics"');
    expect(html).toContain('https://calendar.google.com/calendar/render?action=TEMPLATE');
    expect(html).toContain('https://outlook.live.com/calendar/0/deeplink/compose?');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  describe('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it('/subscribe/ explains every platform and its copy buttons appear with JS', async () => {
      const { page, errors } = await openPage(browser, `${base}subscribe/`);
      const headings = await page.locator('h2').allTextContents();
      for (const h of ['iPhone 和 iPad', '安卓手机和 Google 日历', 'Outlook', '华为、荣耀手机', '小米、红米手机', '同时订阅几个日历']) expect(headings).toContain(h);
      await expect(page.locator('[data-copy]').first().isVisible()).resolves.toBe(true);
      // The three main feeds and the two with reminders (observances, calls).
      await expect(page.locator('.subscribe').count()).resolves.toBe(5);
      expect(errors).toEqual([]);
    });
  });
});

describe('the same bytes whatever the machine’s time zone', () => {
  it('builds the fixture site under TZ=UTC and TZ=Pacific/Kiritimati: every .ics, feed.xml and api/*.json identical', { timeout: 600_000 }, () => {
    const dirs = ['UTC', 'Pacific/Kiritimati'].map((tz) => {
      const outDir = join(TMP, `feeds-tz-${tz.replace('/', '-')}`);
      const r = buildSite({ contentDir: join(ROOT, 'tests/fixtures/site'), outDir, today: '2026-09-10', noSearch: true, tz });
      expect(r.status, r.output.slice(-3000)).toBe(0);
      return outDir;
    });
    const pick = (f: string) => f.endsWith('.ics') || f === 'feed.xml' || /^api\/.*\.json$/.test(f);
    const [a, b] = dirs.map((d) => filesUnder(d, (f) => pick(f.split('\\').join('/'))));
    expect(a!.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    for (const f of a!) expect(readFileSync(join(dirs[1]!, f)).equals(readFileSync(join(dirs[0]!, f))), f).toBe(true);
  });
});
