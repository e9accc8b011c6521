/** Calendar filters in the URL: forgiving parsing, canonical serialising, and what each filter keeps. */
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, CalendarObservance } from '../../src/lib/calendar-data.ts';
import { activeFilterCount, calendarSearch, matchesFilters, observanceMatches, parseCalendarParams, type CalendarState } from '../../src/lib/filters.ts';

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
