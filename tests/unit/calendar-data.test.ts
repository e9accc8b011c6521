/**
 * The calendar's static data and what the browser draws from it, on the shipped content plus the
 * site-test fixtures (2026-09-12 first-aid training, 2026-09-15 cancelled lecture, 2026-09-19..21
 * science fair, 2026-10-10 online talk). Nothing here reads the clock: `today` is passed in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery, type SiteQuery } from '../../src/lib/content/query.ts';
import { calendarManifest, monthFile, observanceYearFile, toCalendarZone, usedOptions, usedRegions } from '../../src/lib/calendar/calendar-data.ts';
import { listRows, listSpanFor } from '../../src/lib/calendar/calendar-list.ts';
import { drawEvent, drawObservance, monthBounds, monthsInRange, overlaps, spanLabel, uniqueEvents, visibleItems, yearsOf } from '../../src/lib/calendar/calendar-draw.ts';
import { addDays } from '../../src/lib/time/days.ts';
import { testContentTree, TMP } from '../helpers/build-site.ts';

let q: SiteQuery;
beforeAll(() => {
  const root = testContentTree(join(TMP, 'unit-calendar-content'));
  const { content, errors } = loadContent(root);
  expect(errors).toEqual([]);
  q = buildQuery(content);
});

describe('month files', () => {
  it('hold the events overlapping the month, in start order, with what the filters need', () => {
    const f = monthFile(q, '2026-09');
    expect(f.month).toBe('2026-09');
    expect(f.events.map((e) => e.id)).toEqual(['2026-09-12-first-aid-training', '2026-09-15-cancelled-lecture', '2026-09-20-science-fair']);
    expect(f.events[0]).toEqual({
      id: '2026-09-12-first-aid-training',
      title: '世界急救日公益培训：心肺复苏与AED使用',
      start: '2026-09-12T14:00',
      end: '2026-09-12T16:30',
      allDay: false,
      kind: 'activity',
      status: 'scheduled',
      topics: ['health', 'emergency'],
      audiences: ['public', 'seniors'],
      formats: ['training'],
      regions: ['110105', '110000'],
      online: false,
      onsite: true,
      free: true,
      place: '测试科学中心 · 北京市朝阳区',
      // For the quick filters (issue 18): its registration can be open (no deadline, not full), its venue's coordinates.
      reg: {},
      geo: [39.98, 116.39],
    });
    expect(f.events[2]).toMatchObject({ start: '2026-09-19', end: '2026-09-21', allDay: true });
    expect(f.events[1]!.status).toBe('cancelled');
  });

  it('an online event has no place but counts as online', () => {
    const [talk] = monthFile(q, '2026-10').events;
    expect(talk).toMatchObject({ id: '2026-10-10-online-talk', online: true, onsite: false, regions: ['national'] });
  });

  it('a month without events is an empty file', () => {
    expect(monthFile(q, '2031-02')).toEqual({ month: '2031-02', events: [] });
  });

  it('times in another zone are shown as China time', () => {
    expect(toCalendarZone('2026-09-12T09:00', 'Europe/Berlin')).toBe('2026-09-12T15:00');
    expect(toCalendarZone('2026-12-12T09:00', 'Europe/Berlin')).toBe('2026-12-12T16:00');
    expect(toCalendarZone('2026-09-12T14:00', 'Asia/Shanghai')).toBe('2026-09-12T14:00');
    expect(toCalendarZone('2026-09-12', 'America/New_York')).toBe('2026-09-12');
  });
});

describe('observance files and manifest', () => {
  it('a year lists dated observances, campaigns first, with 全国科普月 over all of September', () => {
    const f = observanceYearFile(q.content.observances, 2026, '2026-01-15');
    expect(f.year).toBe(2026);
    const month = f.observances.find((o) => o.id === 'national-science-month');
    expect(month).toMatchObject({ name: '全国科普月', kind: 'campaign', start: '2026-09-01', end: '2026-09-30' });
    expect(f.observances.find((o) => o.id === 'world-first-aid-day')).toMatchObject({ start: '2026-09-12', end: '2026-09-12', kind: 'day' });
    const firstNonCampaign = f.observances.findIndex((o) => o.kind !== 'campaign');
    expect(f.observances.slice(firstNonCampaign).every((o) => o.kind !== 'campaign')).toBe(true);
    // Announced-each-year observances without dates for the year are left out, never guessed.
    expect(f.observances.every((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.start))).toBe(true);
  });

  it('the manifest lists months with events and observance years around today', () => {
    const m = calendarManifest(q, '2026-09-10');
    expect(m.months).toContain('2026-09');
    expect(m.months).toContain('2025-09');
    expect(m.months).not.toContain('2026-12');
    expect(m.months).toEqual([...m.months].sort());
    expect(m.observanceYears).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
  });

  it('the manifest names the months whose activities alone are more than a list page (they list by day)', () => {
    const base = q.byMonth.get('2026-09')![0]!;
    const events = (month: string, n: number, days: number) =>
      Array.from({ length: n }, (_, i) => ({ ...base, id: `${month}-${i}`, allDay: true, start: `${month}-0${1 + (i % 9)}`, end: addDays(`${month}-0${1 + (i % 9)}`, days - 1) }));
    const byMonth = new Map([...q.byMonth, ['2027-03', events('2027-03', 34, 3)], ['2027-04', events('2027-04', 100, 1)], ['2027-05', events('2027-05', 101, 1)]]);
    const m = calendarManifest({ ...q, byMonth } as SiteQuery, '2026-09-10');
    // 34 activities of three days are 102 rows; 100 one-day activities fit a page (observance days
    // may still push it past: the calendar then decides once the month's file is in).
    const shipped = calendarManifest(q, '2026-09-10').byDay ?? [];
    expect(m.byDay).toEqual([...shipped, '2027-03', '2027-05']);
    // What the calendar decides from a month's file (useListSwitch) agrees: those months list by day.
    expect(shipped.length).toBeGreaterThan(0);
    for (const k of shipped) {
      const f = monthFile(q, k);
      const drawn = visibleItems(f.events, observanceYearFile(q.content.observances, Number(k.slice(0, 4)), '2026-09-10').observances, { filters: {}, observances: true }, { spansAside: true }).drawn;
      const [from, to] = monthBounds(`${k}-01`);
      expect(listSpanFor(listRows(drawn, from, to)), k).toBe('day');
    }
  });

  it('filter options are only the vocabulary entries that events use, regions nested', () => {
    expect(usedOptions(q, 'topics').map((o) => o.id)).toContain('health');
    expect(usedOptions(q, 'topics').map((o) => o.id)).not.toContain('anti-drug');
    const regions = usedRegions(q);
    const bj = regions.findIndex((r) => r.id === '110000');
    expect(regions[bj]).toEqual({ id: '110000', label: '北京市', depth: 0 });
    expect(regions.slice(bj + 1).find((r) => r.id === '110105')).toEqual({ id: '110105', label: '朝阳区', depth: 1 });
  });
});

describe('drawing', () => {
  it('visible ranges map to the months to fetch', () => {
    // A month view of September 2026 shows 2026-08-31 .. 2026-10-11.
    expect(monthsInRange('2026-08-31', '2026-10-12')).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(monthsInRange('2026-09-07', '2026-09-14')).toEqual(['2026-09']);
    expect(monthsInRange('2026-12-28', '2027-01-04')).toEqual(['2026-12', '2027-01']);
    expect(yearsOf(['2026-12', '2027-01'])).toEqual([2026, 2027]);
  });

  it('all-day items get an exclusive end; statuses and kinds show in the title and class', () => {
    const [training, cancelled, fair] = monthFile(q, '2026-09').events;
    expect(drawEvent(fair!)).toMatchObject({ start: '2026-09-19', end: '2026-09-22', allDay: true, url: '/events/2026-09-20-science-fair/', order: 2 });
    expect(drawEvent(training!)).toMatchObject({ start: '2026-09-12T14:00', end: '2026-09-12T16:30', allDay: false, className: 'kp-event kp-scheduled' });
    expect(drawEvent(cancelled!)).toMatchObject({ title: '【已取消】测试讲座（已取消）', className: 'kp-event kp-cancelled' });
    const obs = observanceYearFile(q.content.observances, 2026, '2026-01-15').observances;
    const month = drawObservance(obs.find((o) => o.id === 'national-science-month')!);
    expect(month).toMatchObject({ title: '全国科普月', start: '2026-09-01', end: '2026-10-01', className: 'kp-campaign', order: 0, url: '/observances/national-science-month/' });
    expect(drawObservance(obs.find((o) => o.id === 'world-first-aid-day')!)).toMatchObject({ title: '纪念日：世界急救日', className: 'kp-observance', order: 1 });
  });

  it('a multi-month event loaded from two files is drawn once', () => {
    const sep = monthFile(q, '2026-09').events;
    expect(uniqueEvents([sep, sep]).length).toBe(sep.length);
  });

  it('filters apply to activities; only the topic filter applies to observance days', () => {
    const events = monthFile(q, '2026-09').events;
    const obs = observanceYearFile(q.content.observances, 2026, '2026-01-15').observances.filter((o) => overlaps(o, '2026-09-01', '2026-10-01'));
    const all = visibleItems(events, obs, { filters: {}, observances: true });
    expect(all.events.length).toBe(3);
    expect(all.drawn[0]!.className).toBe('kp-campaign');
    expect(all.drawn.some((d) => d.title === '纪念日：世界急救日')).toBe(true);
    const health = visibleItems(events, obs, { filters: { topic: 'health' }, observances: true });
    expect(health.events.map((e) => e.id)).toEqual(['2026-09-12-first-aid-training']);
    expect(health.drawn.some((d) => d.title === '纪念日：世界急救日')).toBe(true);
    expect(health.drawn.some((d) => d.title === '全国科普月')).toBe(false);
    const hidden = visibleItems(events, obs, { filters: { audience: 'seniors' }, observances: false });
    expect(hidden.drawn.map((d) => d.id)).toEqual(['e:2026-09-12-first-aid-training']);
    expect(hidden.aside).toEqual([]);
  });

  it('whole months go above the grid; in the list view every multi-day observance does', () => {
    const obs = observanceYearFile(q.content.observances, 2026, '2026-01-15').observances.filter((o) => overlaps(o, '2026-09-01', '2026-10-01'));
    const grid = visibleItems([], obs, { filters: {}, observances: true });
    expect(grid.drawn.some((d) => d.title === '全国科普月')).toBe(true);
    expect(grid.aside.every((o) => o.kind === 'month')).toBe(true);
    const list = visibleItems([], obs, { filters: {}, observances: true }, { spansAside: true });
    expect(list.aside.map((o) => o.name)).toContain('全国科普月');
    expect(list.drawn.every((d) => d.end === addDays(d.start, 1))).toBe(true);
  });

  it('span labels', () => {
    expect(spanLabel({ start: '2026-09-01', end: '2026-09-30' })).toBe('9月1日—30日');
    expect(spanLabel({ start: '2026-05-12', end: '2026-05-12' })).toBe('5月12日');
    expect(spanLabel({ start: '2026-12-28', end: '2027-01-03' })).toBe('12月28日—1月3日');
  });

  it('overlap is by day, inclusive of the last day', () => {
    expect(overlaps({ start: '2026-09-30', end: '2026-10-02' }, '2026-10-01', '2026-11-01')).toBe(true);
    expect(overlaps({ start: '2026-09-30' }, '2026-10-01', '2026-11-01')).toBe(false);
    expect(overlaps({ start: '2026-10-31T20:00' }, '2026-10-01', '2026-11-01')).toBe(true);
  });
});
