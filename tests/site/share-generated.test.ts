/**
 * Issue 19 on generated content (scripts/fixtures.ts, 150 events around today, organizers and venues
 * in real regions): a build without the search index, then the same client-side checks as on the
 * shipped content — every share image a PNG of its size ≤ 200 KB; every event card's QR code (decoded
 * from the pixels) opens an event page of the build whose h1 is the card's title; every feed a page
 * offers has its landing page; the reminder feeds pass the iCalendar checks with their VALARMs; each
 * organizer with events has an RSS feed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';
import { assertIcs } from '../helpers/ics-check.ts';
import { decodeQr, isPng, pngSize, pngText } from '../helpers/png.ts';

const content = join(TMP, 'gen-content');
const out = join(TMP, 'gen-dist');
const SITE = 'https://kepu.example.org';

beforeAll(() => {
  const gen = spawnSync(process.execPath, ['scripts/fixtures.ts', '--events', '150', '--seed', '19', '--out', content], { cwd: ROOT, encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  const r = buildSite({ contentDir: content, outDir: out, today: '2026-09-10', noSearch: true });
  expect(r.status, r.output.slice(-3000)).toBe(0);
}, 600_000);

const files = (dir: string, end: string) => (readdirSync(join(out, dir), { recursive: true }) as string[]).filter((f) => f.endsWith(end)).map((f) => `${dir}/${f.split('\\').join('/')}`);

describe('sharing on generated content', () => {
  it('every image is a PNG of its size, ≤ 200 KB; every event card’s QR code opens its event page, whose h1 is the card’s title', () => {
    const images = files('share', '.png');
    const events = images.filter((f) => f.startsWith('share/events/'));
    expect(events.length).toBeGreaterThan(0);
    for (const f of images) {
      const bytes = readFileSync(join(out, f));
      expect(isPng(bytes), f).toBe(true);
      expect(pngSize(bytes), f).toEqual(f.endsWith('-poster.png') ? { width: 1080, height: 1920 } : { width: 1200, height: 630 });
      expect(bytes.length, f).toBeLessThanOrEqual(200 * 1024);
    }
    for (const f of events) {
      const bytes = readFileSync(join(out, f));
      const url = decodeQr(bytes);
      expect(url, f).toBe(`${SITE}/events/${f.slice('share/events/'.length, -4)}/`);
      const page = join(out, new URL(url!).pathname, 'index.html');
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(readFileSync(page, 'utf8'))?.[1]?.trim();
      expect(pngText(bytes).Title, f).toBe(h1);
    }
  }, 120_000);

  it('every feed offered on a page has its https landing page', () => {
    const pages = files('organizers', 'index.html').slice(0, 20).concat(files('venues', 'index.html').slice(0, 20), files('regions', 'index.html').slice(0, 20), ['index.html', 'subscribe/index.html']);
    let feeds = 0;
    for (const p of pages) {
      for (const [, feed] of readFileSync(join(out, p), 'utf8').matchAll(/<div class="subscribe"[^>]*data-feed="([^"]+)"/g)) {
        feeds++;
        expect(existsSync(join(out, 'subscribe', feed!.slice(1).replace(/\.ics$/, ''), 'index.html')), `${p}: ${feed}`).toBe(true);
      }
    }
    expect(feeds).toBeGreaterThan(20);
  });

  it('the reminder feeds pass the iCalendar checks, with their VALARMs', () => {
    for (const f of ['observances-alarm.ics', 'calls-alarm.ics']) {
      const bytes = readFileSync(join(out, f));
      assertIcs({ label: f, bytes });
      const events = new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent');
      // The entries of the plain feed (the generator writes no calls or deadlines: the unit tests
      // check those alarms), and observance days in any case.
      expect(events.length, f).toBe(readFileSync(join(out, f.replace('-alarm', '')), 'utf8').split('BEGIN:VEVENT').length - 1);
      if (f.startsWith('observances')) expect(events.length).toBeGreaterThan(0);
      for (const v of events) if (v.getFirstPropertyValue('status') !== 'CANCELLED') expect(v.getAllSubcomponents('valarm').length, f).toBeGreaterThan(0);
    }
  });

  it('organizers with events have an RSS feed with items', () => {
    const feeds = files('organizers', 'feed.xml');
    expect(feeds.length).toBeGreaterThan(0);
    expect(feeds.some((f) => (readFileSync(join(out, f), 'utf8').match(/<item>/g)?.length ?? 0) > 0)).toBe(true);
  });
});
