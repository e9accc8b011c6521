/**
 * The 科普 year (issue 15): 预计 windows for dates not yet announced, the year rows planners
 * download, the poster's strip, the never-empty home page and the calendar's nearest month. Pure
 * functions over the shipped content plus the site-test fixtures, or over hand-made observances;
 * "today" is always passed in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery, type SiteQuery } from '../../src/lib/content/query.ts';
import type { ObservanceEntry } from '../../src/lib/content/model.ts';
import { observanceSchema } from '../../src/lib/content/schema.ts';
import { addDays } from '../../src/lib/time/days.ts';
import { periodLabel } from '../../src/lib/time/labels.ts';
import { nextOccurrence, occurrenceInYear } from '../../src/lib/time/recurrence.ts';
import { occurrenceLabel, relatedActivities } from '../../src/lib/views/observance-view.ts';
import { TABLE_HEADERS, byMonth, plannerYears, planningNextYear, yearBands, yearCsv, yearRows } from '../../src/lib/views/observance-year.ts';
import { homeView } from '../../src/lib/views/home-view.ts';
import { nearestMonthWith } from '../../src/lib/calendar/calendar-draw.ts';
import { observanceYearFile } from '../../src/lib/calendar/calendar-data.ts';
import { observanceYearItem, renderObservancesFeed, observancesSpec } from '../../src/lib/ical/observance-feeds.ts';
import { testContentTree, TMP } from '../helpers/build-site.ts';

const SITE = 'https://kepu.example.org';

let q: SiteQuery;
beforeAll(() => {
  const root = testContentTree(join(TMP, 'unit-year-content'));
  const { content, errors } = loadContent(root);
  expect(errors).toEqual([]);
  q = buildQuery(content);
});

/** An observance as the loader makes it, from front-matter fields. */
function observance(id: string, fields: Record<string, unknown>): ObservanceEntry {
  const data = observanceSchema.parse({ name: `测试周${id}`, kind: 'week', authority: '测试部门', level: 'national', source: { title: '测试通知' }, ...fields });
  return { ...data, id, file: `content/observances/${id}.md`, body: '' } as ObservanceEntry;
}

const weekly = (dates: Record<string, unknown> = {}) =>
  observance('sci-week', { kind: 'campaign', rule: { type: 'announced' }, days: 7, usual: '每年5月下旬', expected: { start: '05-21', end: '05-31' }, established: 2001, dates });

describe('预计: the usual window of a year not announced yet', () => {
  it('periodLabel names the window by 旬, never by exact days', () => {
    expect(periodLabel({ start: '2027-05-21', end: '2027-05-31' })).toBe('5月下旬');
    expect(periodLabel({ start: '2027-05-11', end: '2027-05-31' })).toBe('5月中下旬');
    expect(periodLabel({ start: '2027-05-01', end: '2027-05-20' })).toBe('5月上中旬');
    expect(periodLabel({ start: '2027-09-01', end: '2027-09-30' })).toBe('9月');
    expect(periodLabel({ start: '2027-05-19', end: '2027-06-01' })).toBe('5月中旬至6月上旬');
    expect(periodLabel({ start: '2027-06-01', end: '2027-07-31' })).toBe('6月至7月');
    expect(periodLabel({ start: '2027-12-21', end: '2028-01-10' })).toBe('12月下旬至1月上旬');
  });

  it('a pending year carries its window and is labelled 预计 …，日期待公布; announced dates replace it', () => {
    const o = weekly({ '2026': { start: '2026-05-16', end: '2026-05-22' } });
    const y2027 = occurrenceInYear(o, 2027)!;
    expect(y2027).toEqual({ year: 2027, status: 'pending', usual: '每年5月下旬', expected: { start: '2027-05-21', end: '2027-05-31' } });
    expect(occurrenceLabel(y2027, true, '2026-12-06')).toBe('2027年预计5月下旬，日期待公布');
    expect(occurrenceLabel(occurrenceInYear(o, 2026), true, '2026-12-06')).toBe('2026年5月16日—22日');
    // Next edition seen from December: 2027, as 预计.
    expect(nextOccurrence(o, '2026-12-06')).toMatchObject({ year: 2027, status: 'pending' });
  });

  it('a year whose window is over without dates says 日期未收录, not 待公布', () => {
    const o = weekly();
    const y2026 = occurrenceInYear(o, 2026)!;
    expect(occurrenceLabel(y2026, true, '2026-06-01')).toBe('2026年日期未收录（通常5月下旬）');
    expect(occurrenceLabel(y2026, true, '2026-05-25')).toBe('2026年预计5月下旬，日期待公布');
    // …and the pending year is then no longer "next": 2027 is.
    expect(nextOccurrence(o, '2026-06-01')).toMatchObject({ year: 2027 });
  });

  it('the calendar draws a pending window as a tentative band until the window is over', () => {
    const o = weekly();
    expect(observanceYearFile([o], 2027, '2026-12-06').observances).toEqual([
      { id: 'sci-week', name: '测试周sci-week', kind: 'campaign', start: '2027-05-21', end: '2027-05-31', topics: [], tentative: true },
    ]);
    expect(observanceYearFile([o], 2026, '2026-12-06').observances).toEqual([]);
  });
});

describe('the iCal feed moves a 预计 band to the announced dates by itself', () => {
  const feed = (o: ObservanceEntry, today: string) => renderObservancesFeed(q, [o], observancesSpec(), today, SITE);
  const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('same UID, SEQUENCE 0 → 1, TENTATIVE → CONFIRMED, 【日期待公布】 gone, days from the announcement', () => {
    const before = vevents(feed(weekly(), '2026-12-06')).find((e) => e.uid.startsWith('obs-sci-week-2027@'))!;
    expect(before.summary).toBe('【日期待公布】测试周sci-week（预计5月下旬）');
    expect(before.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(before.sequence).toBe(0);
    expect(before.startDate.toString()).toBe('2027-05-21');
    expect(before.endDate.toString()).toBe('2027-06-01');
    expect(before.description).toContain('日期待公布');

    const announced = weekly({ '2027': { start: '2027-05-22', end: '2027-05-29', source: { title: '2027年通知', url: 'https://www.example.gov.cn/2027' } } });
    const after = vevents(feed(announced, '2026-12-06')).find((e) => e.uid.startsWith('obs-sci-week-2027@'))!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(after.summary).toBe('测试周sci-week');
    expect(after.startDate.toString()).toBe('2027-05-22');
    expect(after.endDate.toString()).toBe('2027-05-30');
  });

  it('a window already over is not in the feed; a year without a window never is', () => {
    expect(observanceYearItem(weekly(), 2026, '2026-12-06').occurrences).toEqual([]);
    const noWindow = observance('no-window', { rule: { type: 'announced' }, usual: '每年公布' });
    expect(observanceYearItem(noWindow, 2027, '2026-12-06').occurrences).toEqual([]);
  });
});

describe('year rows for planners', () => {
  it('every shipped observance held in 2027 is a row, by date, with weekday for days and weeks', () => {
    const rows = yearRows(q.content.observances, 2027, '2026-12-06');
    const held = q.content.observances.filter((o) => occurrenceInYear(o, 2027));
    expect(rows.map((r) => r.o.id).sort()).toEqual(held.map((o) => o.id).sort());
    const eye = rows.find((r) => r.o.id === 'eye-care-day')!;
    expect(eye).toMatchObject({ start: '2027-06-06', status: 'rule', weekday: '星期日', when: '6月6日' });
    const week = rows.find((r) => r.o.id === 'national-science-week')!;
    expect(week.status).toBe('expected');
    expect(week.when).toMatch(/^预计.+，日期待公布$/);
    expect(rows.find((r) => r.o.id === 'national-science-month')!.weekday).toBeUndefined();
    const starts = rows.filter((r) => r.start).map((r) => r.start!);
    expect(starts).toEqual([...starts].sort());
  });

  it('a past announced year is 已公布 and keeps its own source in the table', () => {
    const rows = yearRows(q.content.observances, 2025, '2026-12-06');
    const week = rows.find((r) => r.o.id === 'national-science-week')!;
    expect(week).toMatchObject({ start: '2025-05-24', end: '2025-05-31', status: 'announced' });
    const { months } = byMonth(rows, 2025);
    expect(months[4]!.rows.map((r) => r.o.id)).toContain('national-science-week');
  });

  it('the CSV opens in Excel: BOM, CRLF, Chinese headers, quoted commas, formulas kept as text', () => {
    const bad = observance('formula', { name: '=HYPERLINK("http://x")', rule: { type: 'fixed', date: '03-01' }, authority: '甲部门, 乙部门' });
    const csv = yearCsv(yearRows([bad], 2027, '2026-12-06'), SITE);
    expect(csv.startsWith('\ufeff开始日期,结束日期,星期,名称,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]!.split(',')).toEqual([...TABLE_HEADERS]);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain('"甲部门, 乙部门"');
    expect(lines[1]!.startsWith('2027-03-01,2027-03-01,星期一,')).toBe(true);
    expect(lines[2]).toBe('');
  });

  it('the poster strip: campaigns and months only, and no two names run into each other in a lane', () => {
    const rows = yearRows(q.content.observances, 2027, '2026-12-06');
    const bands = yearBands(rows, 2027);
    expect(bands.every((b) => b.row.o.kind === 'campaign' || b.row.o.kind === 'month')).toBe(true);
    expect(bands.map((b) => b.row.o.id)).toEqual(expect.arrayContaining(['national-science-month', 'national-science-week', 'quality-month']));
    const reach = (b: (typeof bands)[number]) => b.left + Math.max(b.width, ([...b.row.o.name].length * 6 * 100) / 365);
    for (const a of bands) for (const b of bands) {
      if (a === b || a.lane !== b.lane || a.left > b.left) continue;
      expect(reach(a), `${a.row.o.name} runs into ${b.row.o.name}`).toBeLessThanOrEqual(b.left + 0.01);
    }
  });

  it('planners get last year to two years ahead, and from October the page points to next year', () => {
    expect(plannerYears('2026-12-06')).toEqual([2025, 2026, 2027, 2028]);
    expect(planningNextYear('2026-09-30')).toBe(false);
    expect(planningNextYear('2026-10-01')).toBe(true);
  });
});

describe('the home page is never empty', () => {
  it('on every third day of 2026 and 2027: 8 next observance days with a countdown, and both campaigns', () => {
    for (let day = '2026-01-01'; day <= '2027-12-31'; day = addDays(day, 3)) {
      const v = homeView(q, day);
      expect(v.nextDays.length, day).toBe(8);
      expect(v.nextDays.every((n) => /^(今天|明天|后天|进行中|还有 \d+ 天)$/.test(n.hint)), day).toBe(true);
      expect(v.editions.map((e) => e.observance.id), day).toEqual(['national-science-week', 'national-science-month']);
    }
  });

  it('on a quiet December day: countdowns into next year, 2027 editions, and the latest hub instead of nothing', () => {
    const v = homeView(q, '2026-12-06');
    expect(v.nextDays[0]!.occurrence.start > '2026-12-06').toBe(true);
    expect(v.nextDays[0]!.hint).toMatch(/^还有 \d+ 天$/);
    const week = v.editions[0]!;
    expect(week.occurrence).toMatchObject({ year: 2027, status: 'pending' });
    expect(occurrenceLabel(week.occurrence, true, '2026-12-06')).toMatch(/^2027年预计/);
    expect(v.events).toEqual([]);
    expect(v.latestHub).toMatchObject({ year: 2026 });
    expect(v.latestHub!.count).toBeGreaterThan(0);
  });

  it('while activities are upcoming there is no look-back', () => {
    const v = homeView(q, '2026-09-10');
    expect(v.events.length).toBeGreaterThan(0);
    expect(v.latestHub).toBeUndefined();
    expect(v.campaignsNow.map((c) => c.observance.id)).toContain('national-science-month');
  });
});

describe('related activities and the nearest month', () => {
  it('an observance page lists linked activities, then same-topic ones on its days', () => {
    const o = q.observance.get('world-first-aid-day')!;
    const { linked, onTheDay } = relatedActivities(q, o, '2026-09-10');
    expect(linked.map((e) => e.id)).toContain('2026-09-12-first-aid-training');
    expect(onTheDay.map((e) => e.id)).not.toContain('2026-09-12-first-aid-training');
    const days = [2025, 2026, 2027].map((y) => occurrenceInYear(o, y)!).map((occ) => (occ.status === 'dated' ? occ.start : ''));
    for (const e of onTheDay) {
      expect(e.topics.some((t) => o.topics.includes(t))).toBe(true);
      expect(days.some((d) => e.startDate <= d && e.endDate >= d), e.id).toBe(true);
    }
  });

  it('an empty month points to the closest month with activities, the later one on a tie', () => {
    expect(nearestMonthWith(['2025-05', '2026-09', '2026-10'], '2026-12')).toBe('2026-10');
    expect(nearestMonthWith(['2026-08', '2026-10'], '2026-09')).toBe('2026-10');
    expect(nearestMonthWith(['2025-01'], '2026-12')).toBe('2025-01');
    expect(nearestMonthWith([], '2026-12')).toBeUndefined();
  });
});
