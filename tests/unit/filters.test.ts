/** Calendar filters in the URL: forgiving parsing, canonical serialising, and what each filter keeps. */
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, CalendarObservance } from '../../src/lib/calendar/calendar-data.ts';
import { activeFilterCount, ageOf, calendarSearch, filterWords, matchesFilters, NEAR_KM, observanceMatches, parseCalendarParams, sortByDistance, whenRange, type CalendarState } from '../../src/lib/calendar/filters.ts';
import { quickMonths } from '../../src/components/events/quick-load.ts';
import { distanceKm, distanceLabel } from '../../src/lib/geo.ts';

const base: CalendarEvent = {
  id: 'x', title: 'x', start: '2026-09-12T14:00', allDay: false, kind: 'activity', status: 'scheduled',
  topics: ['health'], audiences: ['seniors'], formats: ['training'], regions: ['110105', '110000'],
  online: false, onsite: true, free: true,
};
const ev = (over: Partial<CalendarEvent>): CalendarEvent => ({ ...base, ...over });

describe('parsing', () => {
  it('reads every filter, the view, the date and the observance switch', () => {
    const s = parseCalendarParams('?topic=health&audience=seniors&region=110105&format=training&mode=online&free=1&status=active&view=list&date=2026-09&obs=0');
    expect(s).toEqual({
      filters: { topic: 'health', audience: 'seniors', region: '110105', format: 'training', mode: 'online', free: true, status: 'active' },
      view: 'list',
      date: '2026-09',
      observances: false,
    });
  });

  it('an empty query is the default state', () => {
    expect(parseCalendarParams('')).toEqual({ filters: {}, view: undefined, date: undefined, observances: true });
  });

  it('drops malformed or unknown values instead of failing', () => {
    const s = parseCalendarParams('topic=<script>&region=%E5%8C%97&mode=car&free=yes&status=done&view=year&date=2026-02-30&obs=maybe');
    expect(s).toEqual({ filters: {}, view: undefined, date: undefined, observances: true });
    expect(parseCalendarParams('date=2026-13').date).toBeUndefined();
    expect(parseCalendarParams('date=2028-02-29').date).toBe('2028-02-29');
    expect(parseCalendarParams('free=true').filters.free).toBe(true);
  });

  it('accepts URLSearchParams too', () => {
    expect(parseCalendarParams(new URLSearchParams({ status: 'cancelled' })).filters).toEqual({ status: 'cancelled' });
  });
});

describe('serialising', () => {
  it('writes keys in a fixed order and leaves defaults out', () => {
    const state: CalendarState = { filters: { free: true, topic: 'health', region: '110105' }, view: 'week', date: '2026-09-07', observances: true };
    expect(calendarSearch(state)).toBe('?topic=health&region=110105&free=1&view=week&date=2026-09-07');
    expect(calendarSearch({ filters: {}, observances: true })).toBe('');
    expect(calendarSearch({ filters: { free: false }, observances: false })).toBe('?obs=0');
  });

  it('round-trips', () => {
    const q = '?topic=ai&audience=youth&region=440106&format=lecture&mode=onsite&free=1&status=postponed&obs=0&view=month&date=2026-05';
    expect(calendarSearch(parseCalendarParams(q))).toBe(q);
  });

  it('counts active filters', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ topic: 'ai', free: true, mode: 'online' })).toBe(3);
  });
});

describe('matching', () => {
  it('vocabulary filters need the id among the event’s', () => {
    expect(matchesFilters(base, { topic: 'health', audience: 'seniors', format: 'training' })).toBe(true);
    expect(matchesFilters(base, { topic: 'ai' })).toBe(false);
    expect(matchesFilters(base, { audience: 'youth' })).toBe(false);
    expect(matchesFilters(base, { format: 'lecture' })).toBe(false);
  });

  it('a district’s event matches its city, not a neighbour', () => {
    expect(matchesFilters(base, { region: '110000' })).toBe(true);
    expect(matchesFilters(base, { region: '110105' })).toBe(true);
    expect(matchesFilters(base, { region: '110108' })).toBe(false);
  });

  it('online / onsite, with moved-online events counted as online only', () => {
    const moved = ev({ status: 'moved-online' });
    const hybrid = ev({ online: true });
    expect(matchesFilters(base, { mode: 'onsite' })).toBe(true);
    expect(matchesFilters(base, { mode: 'online' })).toBe(false);
    expect(matchesFilters(hybrid, { mode: 'online' })).toBe(true);
    expect(matchesFilters(hybrid, { mode: 'onsite' })).toBe(true);
    expect(matchesFilters(moved, { mode: 'online' })).toBe(true);
    expect(matchesFilters(moved, { mode: 'onsite' })).toBe(false);
  });

  it('free and status', () => {
    expect(matchesFilters(ev({ free: false }), { free: true })).toBe(false);
    expect(matchesFilters(ev({ free: false }), {})).toBe(true);
    const cancelled = ev({ status: 'cancelled' });
    expect(matchesFilters(cancelled, { status: 'active' })).toBe(false);
    expect(matchesFilters(cancelled, { status: 'cancelled' })).toBe(true);
    expect(matchesFilters(base, { status: 'cancelled' })).toBe(false);
    expect(matchesFilters(ev({ status: 'postponed' }), { status: 'active' })).toBe(true);
  });

  it('observance days: only the topic filter and the switch apply', () => {
    const day: CalendarObservance = { id: 'world-first-aid-day', name: '世界急救日', kind: 'day', start: '2026-09-12', end: '2026-09-12', topics: ['health', 'emergency'] };
    expect(observanceMatches(day, { filters: { audience: 'youth', free: true }, observances: true })).toBe(true);
    expect(observanceMatches(day, { filters: { topic: 'health' }, observances: true })).toBe(true);
    expect(observanceMatches(day, { filters: { topic: 'ai' }, observances: true })).toBe(false);
    expect(observanceMatches(day, { filters: {}, observances: false })).toBe(false);
  });
});

describe('quick filters (issue 18)', () => {
  it('parse and serialise when, open, age and near, after the others, and drop nonsense', () => {
    const s = parseCalendarParams('?near=1&age=10&open=1&when=weekend&topic=ai');
    expect(s.filters).toEqual({ topic: 'ai', when: 'weekend', open: true, age: 10, near: true });
    expect(calendarSearch(s)).toBe('?topic=ai&when=weekend&open=1&age=10&near=1');
    expect(parseCalendarParams('when=someday&age=-3&open=yes&near=0').filters).toEqual({});
    expect(parseCalendarParams('age=121').filters).toEqual({});
    expect(parseCalendarParams('age=0').filters).toEqual({ age: 0 });
    expect(activeFilterCount(s.filters)).toBe(5);
  });

  it('the weekend is the coming Saturday and Sunday, or the current one', () => {
    // 2026-11-02 is a Monday.
    const days = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
    for (const d of days) expect(whenRange('weekend', d), d).toEqual({ start: '2026-11-07', end: '2026-11-08' });
    expect(whenRange('weekend', '2026-11-07')).toEqual({ start: '2026-11-07', end: '2026-11-08' });
    expect(whenRange('weekend', '2026-11-08')).toEqual({ start: '2026-11-08', end: '2026-11-08' });
    // Across a month and a year end.
    expect(whenRange('weekend', '2026-12-31')).toEqual({ start: '2027-01-02', end: '2027-01-03' });
  });

  it('today, 7 days, the rest of this month', () => {
    expect(whenRange('today', '2026-02-27')).toEqual({ start: '2026-02-27', end: '2026-02-27' });
    expect(whenRange('7d', '2026-02-27')).toEqual({ start: '2026-02-27', end: '2026-03-05' });
    expect(whenRange('month', '2026-02-27')).toEqual({ start: '2026-02-27', end: '2026-02-28' });
    expect(whenRange('month', '2028-02-03')).toEqual({ start: '2028-02-03', end: '2028-02-29' });
  });

  it('when keeps what overlaps its days; without today it is not applied', () => {
    const ctx = { today: '2026-11-05' };
    expect(matchesFilters(ev({ start: '2026-11-07T10:00' }), { when: 'weekend' }, ctx)).toBe(true);
    expect(matchesFilters(ev({ start: '2026-11-02', end: '2026-11-30', allDay: true }), { when: 'weekend' }, ctx)).toBe(true);
    expect(matchesFilters(ev({ start: '2026-11-09T10:00' }), { when: 'weekend' }, ctx)).toBe(false);
    expect(matchesFilters(ev({ start: '2026-11-09T10:00' }), { when: 'weekend' })).toBe(true);
  });

  it('age: inside the range; an event without one does not match', () => {
    expect(matchesFilters(ev({ ageMin: 6, ageMax: 12 }), { age: 10 })).toBe(true);
    expect(matchesFilters(ev({ ageMin: 6, ageMax: 12 }), { age: 13 })).toBe(false);
    expect(matchesFilters(ev({ ageMin: 60 }), { age: 70 })).toBe(true);
    expect(matchesFilters(ev({ ageMax: 3 }), { age: 0 })).toBe(true);
    expect(matchesFilters(ev({}), { age: 10 })).toBe(false);
  });

  it('open: registration that can still be done (registration.ts decides)', () => {
    const ctx = { today: '2026-11-05' };
    const open = ev({ start: '2026-11-07T10:00', reg: { deadline: '2026-11-05' } });
    expect(matchesFilters(open, { open: true }, ctx)).toBe(true);
    expect(matchesFilters({ ...open, reg: { deadline: '2026-11-04' } }, { open: true }, ctx)).toBe(false);
    expect(matchesFilters({ ...open, reg: { full: true } }, { open: true }, ctx)).toBe(false);
    expect(matchesFilters({ ...open, status: 'cancelled' }, { open: true }, ctx)).toBe(false);
    expect(matchesFilters({ ...open, reg: undefined }, { open: true }, ctx)).toBe(false);
  });

  it(`near: on the calendar, within ${NEAR_KM} km once a position is known; sorting puts the unknown last`, () => {
    const here = [39.9399, 116.3665] as const;
    const close = ev({ id: 'close', geo: [39.94, 116.37] });
    const far = ev({ id: 'far', geo: [31.23, 121.47] });
    const unknown = ev({ id: 'unknown' });
    expect(matchesFilters(close, { near: true }, { here })).toBe(true);
    expect(matchesFilters(far, { near: true }, { here })).toBe(false);
    expect(matchesFilters(unknown, { near: true }, { here })).toBe(false);
    expect(matchesFilters(unknown, { near: true })).toBe(true);
    expect(sortByDistance([unknown, far, close], here).map((e) => e.id)).toEqual(['close', 'far', 'unknown']);
  });

  it('the status line names the filters in URL order: a date, years, a flag, a value', () => {
    expect(filterWords({ near: true, age: 10, open: true, when: 'weekend', topic: 'ai', free: false })).toEqual(['主题：ai', '本周末', '可报名', '10 岁', '离我近']);
    expect(filterWords({ age: 0 })).toEqual(['0 岁']);
    expect(filterWords({})).toEqual([]);
  });

  it('an age as typed: whole years up to 120, spaces allowed, anything else none', () => {
    expect(['10', ' 7 ', '0', '120'].map(ageOf)).toEqual([10, 7, 0, 120]);
    expect(['', '121', '-3', '1.5', '1000', 'ten'].map(ageOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(ageOf(null)).toBeUndefined();
  });

  it('the months /events/ loads: a date filter its own, else this month and one more per 继续查找', () => {
    const months = ['2026-10', '2026-11', '2026-12', '2027-01', '2027-03'];
    expect(quickMonths(months, 'weekend', '2026-11-30', 0)).toEqual({ keys: ['2026-12'], rest: [] });
    expect(quickMonths(months, '7d', '2026-12-28', 0)).toEqual({ keys: ['2026-12', '2027-01'], rest: [] });
    expect(quickMonths(months, 'month', '2027-02-10', 0)).toEqual({ keys: [], rest: [] });
    expect(quickMonths(months, undefined, '2026-11-20', 0)).toEqual({ keys: ['2026-11'], rest: ['2026-12', '2027-01', '2027-03'] });
    expect(quickMonths(months, undefined, '2026-11-20', 2)).toEqual({ keys: ['2026-11', '2026-12', '2027-01'], rest: ['2027-03'] });
    expect(quickMonths(months, undefined, '2027-02-01', 0)).toEqual({ keys: ['2027-03'], rest: [] });
  });
});

describe('distances', () => {
  it('haversine: Beijing to Shanghai ≈ 1068 km; labels in 米 and 公里', () => {
    expect(distanceKm([39.9042, 116.4074], [31.2304, 121.4737])).toBeCloseTo(1068, -1);
    expect(distanceLabel(0.02)).toBe('约 100 米');
    expect(distanceLabel(0.84)).toBe('约 800 米');
    expect(distanceLabel(3.24)).toBe('约 3.2 公里');
    expect(distanceLabel(45.6)).toBe('约 46 公里');
  });
});
