/**
 * A national 科普月 (issue 21) on a generated dense month (scripts/lib/fixtures, --month 2026-09):
 * the calendar's dense months (counts + day and province shards), the bounded feeds and share cards,
 * the campaign hub's counts and pages, the static charts. Sizes and times are the benchmark's
 * (npm run bench); here, what the files hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateFixtures } from '../../scripts/lib/fixtures/generate.ts';
import { loadContent, readContentFiles } from '../../src/lib/content/content-fs.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { buildQuery, type SiteQuery } from '../../src/lib/content/query.ts';
import { calendarManifest, toCalendarEvent, type MonthFile } from '../../src/lib/calendar/calendar-data.ts';
import { countItem, countsFromRows, dayCounts, DENSE_MONTH_EVENTS, monthDays, shardsFor, type ShardFile } from '../../src/lib/calendar/calendar-dense.ts';
import { packRows, unpackRows } from '../../src/lib/calendar/packed-rows.ts';
import { groupDigits } from '../../src/lib/group-digits.ts';
import { denseHint } from '../../src/components/events/quick-load.ts';
import { LIST_ROW_LIMIT } from '../../src/lib/calendar/calendar-list.ts';
import { monthDataFiles } from '../../src/lib/calendar/calendar-shards.ts';
import { drawEvent } from '../../src/lib/calendar/calendar-draw.ts';
import { drawnDays, listPage } from '../../src/lib/calendar/calendar-list.ts';
import { matchesFilters } from '../../src/lib/calendar/filters.ts';
import { calendarSpec, campaignSpec, facetSpec, FEED_MAX_EVENTS } from '../../src/lib/ical/feeds.ts';
import { EVENT_CARD_MAX, eventCardPath, eventPreviewImage, shareImages } from '../../src/lib/views/share-images.ts';
import { countsByDay, countsByTopic, coverage, dayEvents, HUB_PER_PAGE, hubPages, provinceEvents, provinceOf } from '../../src/lib/views/campaign-hub.ts';
import { PROVINCE_TILES } from '../../src/lib/views/province-tiles.ts';
import { columns, horizontalBars } from '../../src/lib/views/svg-charts.ts';
import { ROOT } from '../helpers/build-site.ts';

const TODAY = '2026-09-10';
const SITE = 'https://kepu.example.org';
let q: SiteQuery;

beforeAll(() => {
  const root = join(ROOT, 'content');
  const shipped = loadContent(root, ROOT).content;
  const { files } = generateFixtures({ events: 3300, seed: 21, vocab: shipped.vocab, observances: shipped.observances, month: '2026-09' });
  const base = readContentFiles(root, ROOT).filter((f) => /^content\/(vocab|observances)\//.test(f.path));
  const r = validateContent([...base, ...files.map((f) => ({ path: `content/${f.path}`, text: f.text }))], 'content');
  expect(r.errors).toEqual([]);
  q = buildQuery(r.content);
}, 60_000);

const listedOn = (e: { start: string; end?: string; allDay: boolean } & object, day: string) => {
  const [a, b] = drawnDays(drawEvent(e as never));
  return a <= day && day <= b;
};

describe('a dense month of the calendar (issue 21)', () => {
  const files = () => [...monthDataFiles(q, '2026-09')];

  it('is counts and shards, not one file of rows, past DENSE_MONTH_EVENTS', () => {
    expect(q.byMonth.get('2026-09')!.length).toBeGreaterThan(DENSE_MONTH_EVENTS);
    const [head, ...shards] = files();
    expect(head!.path).toBe('/data/events/2026-09.json');
    const m = head!.value as MonthFile;
    expect(m.events).toEqual([]);
    expect(m.dense!.days).toHaveLength(30);
    // Counts are small: what the month grid fetches before anything is clicked.
    expect(JSON.stringify(m).length).toBeLessThan(40_000);
    expect(shards.filter((f) => /\/2026-09\/2026-09-\d\d\.json$/.test(f.path))).toHaveLength(30);
    expect(shards.some((f) => f.path === '/data/events/2026-09/region-110000.json')).toBe(true);
  });

  it('counts per day what the day shard lists, and per filter value what matches it', () => {
    const [head, ...shards] = files();
    const s = (head!.value as MonthFile).dense!;
    const day = (d: string) => unpackRows((shards.find((f) => f.path === `/data/events/2026-09/${d}.json`)!.value as ShardFile).rows);
    for (const [i, d] of s.days.entries()) {
      const rows = day(d);
      expect(rows.every((e) => listedOn(e, d))).toBe(true);
      expect(rows.length).toBe(s.total[i]);
      for (const f of [{ topic: 'health' }, { region: '110000' }, { format: 'lecture' }, { free: true }, { mode: 'online' as const }, { status: 'active' as const }]) {
        const want = rows.filter((e) => matchesFilters(e, f)).length;
        expect(dayCounts(s, f).counts[i], `${d} ${JSON.stringify(f)}`).toBe(want);
      }
    }
    // Every event the month overlaps is listed on each of its days in the month.
    const all = q.byMonth.get('2026-09')!.map((e) => toCalendarEvent(e, q));
    const long = all.find((e) => e.end && e.end.slice(0, 10) > e.start.slice(0, 10))!;
    for (const d of s.days) expect(day(d).some((e) => e.id === long.id)).toBe(listedOn(long, d));
  });

  it('puts each event in the shard of its province once, and knows which shard a district is in', () => {
    const [head, ...shards] = files();
    const s = (head!.value as MonthFile).dense!;
    const regions = shards.filter((f) => f.path.includes('/region-')).map((f) => ({ ...(f.value as ShardFile), events: unpackRows((f.value as ShardFile).rows) }));
    const ids = regions.flatMap((r) => r.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(q.byMonth.get('2026-09')!.length);
    for (const r of regions) expect(r.events.every((e) => `region:${e.regions[e.regions.length - 1]}` === r.shard)).toBe(true);
    const district = (parent: string) => Object.keys(s.regionShard).find((id) => q.vocab.regions.get(id)?.parent === parent)!;
    expect(s.regionShard[district('110000')]).toBe('110000'); // a district of 北京市
    expect(s.regionShard[district('440100')]).toBe('440000'); // a district of 广州市 → 广东省
    expect(s.regionShard['440100']).toBe('440000');
  });

  it('asks for a province shard under a region filter, a day shard for one day, nothing for a month', () => {
    const s = ((files()[0]!.value) as MonthFile).dense!;
    const district = Object.keys(s.regionShard).find((id) => q.vocab.regions.get(id)?.parent === '110000')!;
    expect(shardsFor('2026-09', s, { region: district, topic: 'health' }, { start: '2026-08-31', end: '2026-10-12' })).toEqual(['/data/events/2026-09/region-110000.json']);
    expect(shardsFor('2026-09', s, { topic: 'health' }, { start: '2026-09-12', end: '2026-09-13' })).toEqual(['/data/events/2026-09/2026-09-12.json']);
    // Without filters a long day starts from its head; 再列出 asks for the whole day.
    expect(s.total[11]).toBeGreaterThan(LIST_ROW_LIMIT);
    expect(shardsFor('2026-09', s, {}, { start: '2026-09-12', end: '2026-09-13' })).toEqual(['/data/events/2026-09/2026-09-12-head.json']);
    expect(shardsFor('2026-09', s, {}, { start: '2026-09-12', end: '2026-09-13' }, true)).toEqual(['/data/events/2026-09/2026-09-12.json']);
    expect(shardsFor('2026-09', s, { topic: 'health' }, { start: '2026-08-31', end: '2026-10-12' })).toEqual([]);
    expect(shardsFor('2026-09', s, { topic: 'health' }, { start: '2026-09-07', end: '2026-09-14' })).toEqual([]);
  });

  it('names its dense months in the manifest with their day totals, so the first day’s rows are asked for with the month', () => {
    const s = ((files()[0]!.value) as MonthFile).dense!;
    const m = calendarManifest(q, TODAY);
    // From the entries alone, equal to the month file's counts from the calendar's rows.
    expect(m.dense!['2026-09']).toEqual(s.total);
    expect(Object.keys(m.dense!)).toEqual(['2026-09']);
    expect(monthDays('2026-09')).toEqual(s.days);
    // The manifest's plan asks for the same day shards as the month file; a region's shard waits for the file.
    const plan = { days: monthDays('2026-09'), total: m.dense!['2026-09']! };
    for (const [f, range] of [[{}, { start: '2026-09-12', end: '2026-09-13' }], [{ topic: 'health' }, { start: '2026-09-01', end: '2026-09-02' }]] as const) {
      expect(shardsFor('2026-09', plan, f, range)).toEqual(shardsFor('2026-09', s, f, range));
    }
    expect(shardsFor('2026-09', plan, { region: '110000' }, { start: '2026-09-12', end: '2026-09-13' })).toEqual([]);
    // A day without activities has no file: nothing is asked for (it once asked for a missing file).
    const quiet = { ...s, total: s.total.map((n, i) => (i === 11 ? 0 : n)) };
    expect(shardsFor('2026-09', quiet, {}, { start: '2026-09-12', end: '2026-09-13' })).toEqual([]);
    expect(files().some((f) => f.path === '/data/events/2026-09/2026-09-12.json')).toBe(true);
  });

  it('tells /events/ quick filters how many of a dense month they leave, and where the calendar lists them', () => {
    const s = ((files()[0]!.value) as MonthFile).dense!;
    // 今天 on 2026-09-10: that day's total, exact; the calendar's day list under the same filter.
    expect(denseHint(s, { when: 'today' }, TODAY)).toEqual({ n: s.total[9], exact: true, href: '/calendar/?when=today&view=list&date=2026-09-10' });
    // 免费, no date: from today to the month's end, each event once, exact (one counted filter).
    const free = denseHint(s, { free: true }, TODAY);
    const rows = q.byMonth.get('2026-09')!.map((e) => toCalendarEvent(e, q)).filter((e) => drawnDays(drawEvent(e))[1] >= TODAY && matchesFilters(e, { free: true }));
    expect(free).toMatchObject({ n: rows.length, exact: true });
    // A filter the counts do not hold (age) makes it an upper bound; a past date filter leaves none.
    expect(denseHint(s, { when: 'weekend', age: 10 }, TODAY).exact).toBe(false);
    expect(denseHint(s, { when: 'today' }, '2026-10-02').n).toBe(0);
  });

  it('says a count is an upper bound when two filters are combined, and exact for one', () => {
    const s = ((files()[0]!.value) as MonthFile).dense!;
    expect(dayCounts(s, {}).exact).toBe(true);
    expect(dayCounts(s, { topic: 'health' }).exact).toBe(true);
    const both = dayCounts(s, { topic: 'health', free: true });
    expect(both.exact).toBe(false);
    const a = dayCounts(s, { topic: 'health' }).counts;
    const b = dayCounts(s, { free: true }).counts;
    expect(both.counts).toEqual(a.map((n, i) => Math.min(n, b[i]!)));
    const item = countItem('2026-09-12', 1234, false, { filters: { topic: 'health' }, observances: true });
    expect(item).toMatchObject({ title: '最多 1 234 项活动', start: '2026-09-12', allDay: true, url: '/calendar/?topic=health&view=list&date=2026-09-12' });
    expect(countItem('2026-09-12', 7, true, { filters: {}, observances: false }).title).toBe('7 项活动');
    // Thousands apart by a space, without Intl (the calendar draws 42 of these at once on a phone).
    expect([0, 7, 999, 1000, 12345, 100000, 1234567].map(groupDigits)).toEqual(['0', '7', '999', '1 000', '12 345', '100 000', '1 234 567']);
    for (let n = 0; n < 2_000_000; n += 997) expect(groupDigits(n)).toBe(n.toLocaleString('en-US').replace(/,/g, ' '));
  });

  it('counts rows per day over the days each is listed on', () => {
    const rows = q.byMonth.get('2026-09')!.map((e) => toCalendarEvent(e, q));
    const c = countsFromRows(rows, '2026-09-01', '2026-10-01');
    expect(c.get('2026-09-12')).toBe(rows.filter((e) => listedOn(e, '2026-09-12')).length);
  });
});

describe('packed shards and heads', () => {
  it('pack and unpack rows to the same events, other fields included', () => {
    const rows = q.byMonth.get('2026-09')!.slice(0, 300).map((e) => toCalendarEvent(e, q));
    expect(unpackRows(packRows(rows))).toEqual(rows);
    const extra = rows.slice(0, 3).map((e, i) => ({ ...e, ageMin: i + 6 }));
    expect(unpackRows(packRows(extra))).toEqual(extra);
    // Packed is smaller than plain rows (a dense day is ≈ 10,000 of them at 100k).
    expect(JSON.stringify(packRows(rows)).length).toBeLessThan(JSON.stringify(rows).length * 0.6);
  });

  it('a long day’s head is its first page of rows in list order, with the day’s total', () => {
    const files = [...monthDataFiles(q, '2026-09')];
    const head = files.find((f) => f.path === '/data/events/2026-09/2026-09-12-head.json')!.value as ShardFile;
    const whole = unpackRows((files.find((f) => f.path === '/data/events/2026-09/2026-09-12.json')!.value as ShardFile).rows);
    expect(head.total).toBe(whole.length);
    const first = unpackRows(head.rows);
    expect(first).toHaveLength(LIST_ROW_LIMIT);
    const page = listPage(whole.map(drawEvent), '2026-09-12', '2026-09-13', LIST_ROW_LIMIT).shown.map((d) => d.id);
    expect(new Set(first.map((e) => `e:${e.id}`))).toEqual(new Set(page));
    // A short day has no head.
    const short = (files[0]!.value as MonthFile).dense!.total.findIndex((n) => n <= LIST_ROW_LIMIT);
    if (short >= 0) expect(files.some((f) => f.path.endsWith(`2026-09-${String(short + 1).padStart(2, '0')}-head.json`))).toBe(false);
  });
});

describe('bounded feeds and share cards (issue 21)', () => {
  it('holds at most FEED_MAX_EVENTS in a feed, the upcoming nearest to today first, and says so', () => {
    const all = calendarSpec(q, TODAY);
    expect(all.events).toHaveLength(FEED_MAX_EVENTS);
    const upcoming = q.events.filter((e) => e.kind === 'activity' && e.endDate >= TODAY);
    expect(upcoming.length).toBeGreaterThan(FEED_MAX_EVENTS);
    expect(all.events.map((e) => e.id)).toEqual(upcoming.slice(0, FEED_MAX_EVENTS).map((e) => e.id));
    expect(all.description).toContain(`只收最近的 ${FEED_MAX_EVENTS} 项`);
    const edition = campaignSpec(q, 'national-science-month', 2026, TODAY);
    expect(edition.events).toHaveLength(FEED_MAX_EVENTS);
    expect(edition.description).not.toContain('全部');
    // A small feed is whole and says nothing about a cut.
    const tibet = facetSpec(q, 'regions', '540000', TODAY);
    expect(tibet.events.length).toBeLessThan(FEED_MAX_EVENTS);
    expect(tibet.description).not.toContain('只收');
  });

  it('draws at most EVENT_CARD_MAX event cards, the nearest; the others show their campaign card', () => {
    const cards = [...shareImages(q, TODAY, SITE)].filter((i) => i.path.startsWith('/share/events/'));
    expect(q.events.filter((e) => eventCardPath(e, TODAY)).length).toBeGreaterThan(EVENT_CARD_MAX);
    expect(cards).toHaveLength(EVENT_CARD_MAX);
    const later = q.events.filter((e) => e.endDate >= TODAY).at(-1)!;
    expect(eventCardPath(later, TODAY, q)).toBeUndefined();
    expect(eventCardPath(later, TODAY)).toBeDefined(); // the window alone would give it one
    expect(eventPreviewImage(later, q, TODAY)).toBe('/share/campaigns/national-science-month/2026.png');
  });
});

describe('the campaign hub at national scale (issue 21)', () => {
  const events = () => q.byCampaignYear.get('national-science-month/2026')!;

  it('counts by day and topic, and by province in the tile grid and the table', () => {
    const ev = events();
    expect(countsByDay(ev).reduce((n, d) => n + d.count, 0)).toBe(ev.length);
    expect(countsByTopic(ev, q)[0]!.count).toBeGreaterThanOrEqual(countsByTopic(ev, q).at(-1)!.count);
    const c = coverage(ev, q);
    expect(c.tiles).toHaveLength(34);
    expect(new Set(c.tiles.map((t) => `${t.row},${t.col}`)).size).toBe(34);
    const provinces = c.rows.filter((r) => r.depth === 0);
    expect(provinces.reduce((n, r) => n + r.count, 0)).toBe(ev.length);
    const bj = c.rows.find((r) => r.id === '110000')!;
    expect(bj.count).toBe(ev.filter((e) => provinceOf(q, e.regionId) === '110000').length);
    expect(c.tiles.find((t) => t.id === '110000')!.count).toBe(bj.count);
    // A district sits under its province, and a city counts its districts.
    const rows = c.rows.map((r) => r.id);
    const district = rows.find((id) => q.vocab.regions.get(id)?.parent === '110000')!;
    expect(rows.indexOf(district)).toBeGreaterThan(rows.indexOf('110000'));
    const nextProvince = c.rows.findIndex((r, i) => i > rows.indexOf('110000') && r.depth === 0);
    expect(rows.indexOf(district)).toBeLessThan(nextProvince < 0 ? rows.length : nextProvince);
    expect(c.rows.find((r) => r.id === '440100')!.count).toBe(ev.filter((e) => q.vocab.regions.get(e.regionId!)?.parent === '440100' || e.regionId === '440100').length);
    expect(c.tiles.every((t) => t.level >= 0 && t.level <= 5)).toBe(true);
    expect(c.tiles.filter((t) => t.count > 0).every((t) => t.level > 0)).toBe(true);
  });

  it('leads to day and province pages of at most HUB_PER_PAGE, each event once per grouping', () => {
    for (const groups of [dayEvents(events()), provinceEvents(events(), q)]) {
      const pages = hubPages(groups);
      expect(pages.every((p) => p.events.length <= HUB_PER_PAGE && p.page <= p.total)).toBe(true);
      expect(pages.reduce((n, p) => n + p.events.length, 0)).toBe(events().length);
    }
    expect(PROVINCE_TILES.every((t) => q.vocab.regions.get(t.id) && !q.vocab.regions.get(t.id)!.parent)).toBe(true);
  });
});

describe('static charts', () => {
  it('draw one bar per value with the words in title and desc, escaped', () => {
    const svg = horizontalBars([{ label: 'A<B', value: 3 }, { label: '卫生健康', value: 1200 }], { title: '按主题' });
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('A&lt;B');
    expect(svg).toContain('<title>按主题</title>');
    expect(svg).toContain('1 200');
    const cols = columns(Array.from({ length: 30 }, (_, i) => ({ label: `9/${i + 1}`, value: i })), { title: '按日期' });
    expect(cols.match(/<rect /g)).toHaveLength(30);
    expect(cols).not.toContain('<script');
  });
});

describe('counting a span of a dense month once per event', () => {
  it('gives the number of different events a week or the month lists, exactly with one filter', async () => {
    const { monthDataFiles: files } = await import('../../src/lib/calendar/calendar-shards.ts');
    const { eventsIn } = await import('../../src/lib/calendar/calendar-dense.ts');
    const s = ((files(q, '2026-09').next().value!.value) as MonthFile).dense!;
    const rows = q.byMonth.get('2026-09')!.map((e) => toCalendarEvent(e, q));
    const inSpan = (from: string, to: string, f: object) => rows.filter((e) => matchesFilters(e, f) && [...Array(40).keys()].some((i) => { const d = `2026-09-${String(i + 1).padStart(2, '0')}`; return d >= from && d < to && listedOn(e, d); })).length;
    for (const [from, to] of [['2026-09-01', '2026-10-01'], ['2026-09-07', '2026-09-14'], ['2026-09-12', '2026-09-13']] as const) {
      expect(eventsIn(s, {}, from, to)).toEqual({ n: inSpan(from, to, {}), exact: true });
      expect(eventsIn(s, { topic: 'health' }, from, to)).toEqual({ n: inSpan(from, to, { topic: 'health' }), exact: true });
      const both = eventsIn(s, { topic: 'health', free: true }, from, to);
      expect(both.exact).toBe(false);
      expect(both.n).toBeGreaterThanOrEqual(inSpan(from, to, { topic: 'health', free: true }));
    }
    expect(eventsIn(s, {}, '2026-09-01', '2026-10-01').n).toBe(rows.length);
  });
});

describe('search bundles nearest first (issue 21)', () => {
  it('puts the pinned pages and the nearest upcoming first, then later, then the past newest first, each a date range', async () => {
    const { searchBundlesNearFirst } = await import('../../src/lib/search/search-documents.ts');
    const doc = (url: string, date?: string) => ({ url, sort: (date ? { date } : {}) as Record<string, string> });
    const docs = [doc('/o/', '2026-09-20'), doc('/events/a/', '2026-09-01'), doc('/events/b/', '2026-09-11'), doc('/events/c/', '2026-09-10'), doc('/events/d/', '2026-09-25'), doc('/events/e/', '2026-08-01'), doc('/venues/v/')];
    const b = searchBundlesNearFirst(docs, 3, '2026-09-10', (d) => !d.url.startsWith('/events/'));
    expect(b.map((x) => x.docs.map((d) => d.url))).toEqual([['/o/', '/venues/v/', '/events/c/'], ['/events/b/', '/events/d/'], ['/events/e/', '/events/a/']]);
    expect(b.map((x) => x.range)).toEqual([{ from: '2026-09-10', to: '2026-09-20' }, { from: '2026-09-11', to: '2026-09-25' }, { from: '2026-08-01', to: '2026-09-01' }]);
    expect(b.flatMap((x) => x.docs)).toHaveLength(docs.length);
  });
});
