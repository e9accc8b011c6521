/**
 * The open-data shapes (src/lib/views/open-data.ts) on the test-only content of tests/fixtures/site:
 * version, absolute URLs, the same UIDs as the feeds, times with offsets that do not depend on the
 * machine's zone, observance dates, and the RSS items' choice and order.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { OPEN_DATA_PART_EVENTS, OPEN_DATA_VERSION, OPEN_OBSERVANCES_VERSION, RSS_ITEMS, openEvents, openEventSlices, openEventsIndex, openEventsPart, openEventsPartHead, openObservancesFile, rssItems } from '../../src/lib/views/open-data.ts';
import { dataFiles, jsonPieces } from '../../src/lib/views/data-files.ts';
import { eventUid } from '../../src/lib/ical/ical.ts';
import { event } from '../fixtures/ical/scenarios.ts';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const TODAY = '2026-09-10';
const content = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT).content;
const q = buildQuery(content);

describe('/api/events.json', () => {
  // Version 2 (issue 21): an index of monthly files; the entries of all files together, in start order.
  const slices = openEventSlices(q);
  const index = openEventsIndex(q, SITE, TODAY, slices);
  const file = { events: slices.flatMap((s) => openEventsPart(s, q, SITE, TODAY).events) };
  const byId = new Map(file.events.map((e) => [e.id, e]));

  it('is an index of monthly files, each written piece by piece, byte for byte what JSON.stringify makes of it', () => {
    const files = [...dataFiles(q, TODAY, SITE)];
    const head = files.find((f) => f.path === 'api/events.json')!;
    expect(JSON.parse(head.body as string)).toEqual(index);
    expect(index.files.map((f) => f.url)).toEqual(slices.map((s) => `${SITE}${s.path}`));
    for (const s of slices) {
      const part = files.find((f) => `/${f.path}` === s.path)!;
      expect(typeof part.body).not.toBe('string');
      const pieces = [...part.body];
      expect(pieces.length).toBe(s.events.length + 2);
      expect(pieces.join('')).toBe(JSON.stringify(openEventsPart(s, q, SITE, TODAY)));
    }
    const s0 = slices[0]!;
    expect([...jsonPieces(openEventsPartHead(s0, SITE, TODAY), 'events', [])].join('')).toBe(JSON.stringify({ ...openEventsPartHead(s0, SITE, TODAY), events: [] }));
    expect(slices.flatMap((s) => s.events.map((e) => e.id))).toEqual(q.events.map((e) => e.id));
  });

  it('has a version, the site, the build day and every entry in start order', () => {
    expect(index.version).toBe(OPEN_DATA_VERSION);
    expect(OPEN_DATA_VERSION).toBe(2);
    expect(index.site).toBe(SITE);
    expect(index.built).toBe(TODAY);
    expect(index.count).toBe(content.events.length);
    expect(index.files.reduce((n, f) => n + f.count, 0)).toBe(content.events.length);
    expect(file.events.map((e) => e.id)).toEqual(q.events.map((e) => e.id));
    expect(file.events.map((e) => e.id)).toContain('2025-09-13-past-event');
    expect([...openEvents(q.events, q, SITE)].map((e) => e.id)).toEqual(q.events.map((e) => e.id));
  });

  it('splits a month of more than OPEN_DATA_PART_EVENTS entries into numbered parts, each entry once', () => {
    const parts = openEventSlices(q, 2);
    const sep = parts.filter((s) => s.month === '2026-09');
    expect(sep.length).toBeGreaterThan(1);
    expect(sep.map((s) => s.part)).toEqual(sep.map((_, i) => i + 1));
    expect(sep.map((s) => s.path)).toEqual(sep.map((s) => (s.part === 1 ? '/api/events/2026-09.json' : `/api/events/2026-09-${s.part}.json`)));
    expect(parts.every((s) => s.events.length <= 2 && s.events.every((e) => e.startDate.startsWith(s.month)))).toBe(true);
    expect(parts.flatMap((s) => s.events.map((e) => e.id))).toEqual(q.events.map((e) => e.id));
    expect(OPEN_DATA_PART_EVENTS).toBe(5000);
  });

  it('describes a timed event with absolute URLs, offsets and resolved names', () => {
    expect(byId.get('2026-09-12-first-aid-training')).toMatchObject({
      uid: '2026-09-12-first-aid-training@kepu.example.org',
      url: 'https://kepu.example.org/events/2026-09-12-first-aid-training/',
      ics: 'https://kepu.example.org/events/2026-09-12-first-aid-training.ics',
      title: '世界急救日公益培训：心肺复苏与AED使用',
      kind: 'activity',
      status: 'scheduled',
      icalStatus: 'CONFIRMED',
      start: '2026-09-12T14:00',
      end: '2026-09-12T16:30',
      allDay: false,
      timezone: 'Asia/Shanghai',
      startTime: '2026-09-12T14:00:00+08:00',
      endTime: '2026-09-12T16:30:00+08:00',
      when: '2026年9月12日（星期六）14:00–16:30',
      organizer: { id: 'test-red-cross', name: '测试市红十字会', url: 'https://kepu.example.org/organizers/test-red-cross/' },
      coOrganizers: [{ id: 'test-science-society', name: '测试市科普学会', url: 'https://kepu.example.org/organizers/test-science-society/' }],
      venue: { id: 'test-science-center', name: '测试科学中心', url: 'https://kepu.example.org/venues/test-science-center/', geo: { lat: 39.98, lng: 116.39 } },
      region: { id: '110105', label: '北京市朝阳区' },
      topics: [{ id: 'health', label: '卫生健康' }, { id: 'emergency', label: '应急和防灾减灾' }],
      observance: { id: 'world-first-aid-day', name: '世界急救日', url: 'https://kepu.example.org/observances/world-first-aid-day/' },
      campaign: { id: 'national-science-month', name: '全国科普月', year: 2026, url: 'https://kepu.example.org/campaigns/national-science-month/2026/' },
      registration: { url: 'https://example.org/register', required: true, capacity: 40, fee: 0 },
      updated: '2026-08-20T10:00',
      description: '学习心肺复苏。',
    });
  });

  it('uses the same UID as the iCal feeds, and marks cancellations', () => {
    for (const e of file.events) expect(e.uid).toBe(eventUid(e, SITE));
    expect(byId.get('2026-09-15-cancelled-lecture')).toMatchObject({ status: 'cancelled', icalStatus: 'CANCELLED' });
  });

  it('leaves out what an entry does not say (no nulls, no empty guesses)', () => {
    const e = byId.get('2025-09-13-past-event')!;
    expect(e.allDay).toBe(true);
    expect('startTime' in e).toBe(false);
    expect('venue' in e).toBe(false);
    expect('end' in e).toBe(false);
    expect(e.address).toBe('测试市海淀区某路2号');
    expect(JSON.stringify(file)).not.toContain('null');
  });

  it('follows the site URL', () => {
    const other = openEventsPart(slices[0]!, q, 'https://example.org/', TODAY);
    expect(other.site).toBe('https://example.org');
    expect(other.events[0]!.url.startsWith('https://example.org/events/')).toBe(true);
    expect(openEventsIndex(q, 'https://example.org/', TODAY).files[0]!.url).toBe(`https://example.org${slices[0]!.path}`);
  });
});

describe('/api/observances.json', () => {
  const file = openObservancesFile(q, SITE, TODAY);
  const byId = new Map(file.observances.map((o) => [o.id, o]));

  it('covers last year to two years ahead', () => {
    expect(file).toMatchObject({ version: OPEN_OBSERVANCES_VERSION, site: SITE, built: TODAY, years: { from: 2025, to: 2028 }, count: 3 });
  });

  it('gives the dates, the RRULE and the feed UID of a rule-based day', () => {
    const o = byId.get('world-first-aid-day')!;
    expect(o).toMatchObject({
      uid: 'obs-world-first-aid-day@kepu.example.org',
      url: 'https://kepu.example.org/observances/world-first-aid-day/',
      ics: 'https://kepu.example.org/observances/world-first-aid-day.ics',
      rrule: 'FREQ=YEARLY;BYMONTH=9;BYDAY=2SA',
      authority: '红十字会与红新月会国际联合会',
      level: 'international',
      established: 2000,
      history: '测试用的历史背景。',
    });
    expect(o.occurrences.map((x) => x.start)).toEqual(['2025-09-13', '2026-09-12', '2027-09-11', '2028-09-09']);
  });

  it('gives per-year UIDs where the feed lists years one by one', () => {
    const o = byId.get('national-science-month')!;
    expect(o.uid).toBeUndefined();
    expect(o.occurrences[1]).toEqual({ year: 2026, status: 'dated', start: '2026-09-01', end: '2026-09-30', announced: false, uid: 'obs-national-science-month-2026@kepu.example.org' });
  });
});

describe('/feed.xml items', () => {
  it('are the newest entries by updated, else start, with absolute links and instants', () => {
    const items = rssItems(q, TODAY, SITE);
    expect(items.map((i) => i.link)).toEqual([
      'https://kepu.example.org/events/2026-10-10-online-talk/',
      'https://kepu.example.org/events/2026-09-20-science-fair/',
      'https://kepu.example.org/events/2026-09-15-cancelled-lecture/',
      'https://kepu.example.org/events/2026-09-12-first-aid-training/',
    ]);
    const cancelled = items[2]!;
    expect(cancelled.title).toBe('【已取消】测试讲座（已取消）');
    // updated 2026-09-01T09:00 Beijing time
    expect(cancelled.pubDate.toISOString()).toBe('2026-09-01T01:00:00.000Z');
    expect(items[3]!.description).toContain('时间：2026年9月12日（星期六）14:00–16:30');
    expect(items[3]!.categories).toEqual(['卫生健康', '应急和防灾减灾']);
  });

  it(`hold at most ${RSS_ITEMS} and mark calls`, () => {
    const many = Array.from({ length: RSS_ITEMS + 5 }, (_, i) =>
      event({ id: `2026-10-${String((i % 28) + 1).padStart(2, '0')}-n${i}`, title: `条目${i}`, start: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`, organizer: 'test-science-society', ...(i === 0 ? { kind: 'call' as const, updated: '2026-11-30T08:00' } : {}) }),
    );
    const big = buildQuery({ ...content, events: [...content.events, ...many] });
    const items = rssItems(big, TODAY, SITE);
    expect(items).toHaveLength(RSS_ITEMS);
    // The earliest entry, updated last, comes first.
    expect(items[0]!.title).toBe('【征集】条目0');
  });
});
