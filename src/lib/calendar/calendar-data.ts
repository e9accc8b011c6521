/**
 * The calendar's static data: one small JSON file per month of events (`/data/events/2026-09.json`),
 * one per year of observance days (`/data/observances/2026.json`) and a manifest of which exist.
 * The browser fetches only the months it shows, so the page never inlines the whole list.
 * Build side only (it pulls in the recurrence engine); the browser side is calendar-draw.ts.
 * Pure: the site's indexes and `today` are passed in.
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import type { EventKind, EventStatus, VocabName } from '../content/schema.ts';
import { DENSE_MONTH_EVENTS, monthDays, spanInMonth, type DenseSummary } from './calendar-dense.ts';
import { drawnEnd } from './calendar-draw.ts';
import { drawnDays, LIST_ROW_LIMIT } from './calendar-list.ts';
import { expandObservance, pendingIsPast } from '../time/recurrence.ts';
import { isFree, placeLine } from '../views/present.ts';
import { convertWallTime, SITE_ZONE } from '../time/zones.ts';
import { registrationBrief, type RegistrationBrief } from '../content/registration.ts';
import { wgs84 } from '../content/venue-geo.ts';

/** One event as the calendar needs it: enough to draw and to filter, nothing more. */
export interface CalendarEvent {
  id: string;
  title: string;
  /** Wall time in China (SITE_ZONE): `YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:mm`. */
  start: string;
  /** Same form; for all-day events the last day, inclusive. Absent when equal to the start. */
  end?: string;
  allDay: boolean;
  kind: EventKind;
  status: EventStatus;
  topics: string[];
  audiences: string[];
  formats: string[];
  /** The event's region and every region above it, nearest first (a district matches its city). */
  regions: string[];
  /** Has an online link. */
  online: boolean;
  /** Takes place somewhere (venue or address). */
  onsite: boolean;
  free: boolean;
  /** 中国科学技术馆 · 北京市朝阳区 */
  place?: string;
  /** Age range in years (the `age` quick filter). */
  ageMin?: number;
  ageMax?: number;
  /** Present when registration can be open: its deadline and whether it is full (the `open` filter). */
  reg?: RegistrationBrief;
  /** The venue's [latitude, longitude] in WGS-84 (the `near` filter), unless the event left it. */
  geo?: [number, number];
}

export interface MonthFile {
  /** `YYYY-MM` */
  month: string;
  /** Every event overlapping the month; empty in a dense month, whose rows are in shards. */
  events: CalendarEvent[];
  /** A dense month's counts and shards (calendar-dense.ts, calendar-shards.ts). */
  dense?: DenseSummary;
}

/** One dated occurrence of an observance in a year, or the usual window of one not yet announced. */
export interface CalendarObservance {
  id: string;
  name: string;
  kind: ObservanceEntry['kind'];
  /** First and last day, inclusive. */
  start: string;
  end: string;
  topics: string[];
  /** The dates are not announced yet: start–end is the usual window (预计), drawn as a pale band. */
  tentative?: true;
}

export interface ObservanceYearFile {
  year: number;
  observances: CalendarObservance[];
}

export interface CalendarManifest {
  /** `YYYY-MM` keys that have an events file, ascending. */
  months: string[];
  /** Years that have an observances file, ascending. */
  observanceYears: number[];
  /**
   * Dense months (calendar-dense.ts) → the events listed on each of their days (DenseSummary.total):
   * the calendar asks for its first day's rows together with the month's counts, not after them.
   */
  dense?: Record<string, number[]>;
  /**
   * Other months whose activities alone make more list rows than a page holds (LIST_ROW_LIMIT): their
   * 列表 goes day by day, and without filters the calendar opens at the day at once — the frame (its
   * note) is drawn before the month's file is in, not after it (Lighthouse's phone: LCP 1.9 s).
   */
  byDay?: string[];
}

/** `YYYY-MM-DDTHH:mm` in `tz` → the same instant as wall time in China (the calendar shows China's clock). */
export function toCalendarZone(local: string, tz: string): string {
  return convertWallTime(local, tz, SITE_ZONE);
}

function regionChain(q: SiteQuery, id: string | undefined): string[] {
  const out: string[] = [];
  for (let cur = id, guard = 0; cur && guard < 5; guard++) {
    out.push(cur);
    cur = q.vocab.regions.get(cur)?.parent;
  }
  return out;
}

export function toCalendarEvent(e: EventEntry, q: SiteQuery): CalendarEvent {
  const start = toCalendarZone(e.start, e.timezone);
  const end = e.end ? toCalendarZone(e.end, e.timezone) : undefined;
  const place = placeLine(e, q);
  const reg = registrationBrief(e.registration);
  const venueGeo = e.venue && e.status !== 'moved-online' ? q.venue.get(e.venue)?.geo : undefined;
  const geo = venueGeo ? wgs84(venueGeo) : undefined;
  return {
    id: e.id,
    title: e.title,
    start,
    ...(end && end !== start ? { end } : {}),
    allDay: e.allDay,
    kind: e.kind,
    status: e.status,
    topics: e.topics,
    audiences: e.audiences,
    formats: e.formats,
    regions: regionChain(q, e.regionId),
    online: Boolean(e.online),
    onsite: Boolean(e.venue || e.address),
    free: isFree(e),
    ...(place ? { place } : {}),
    ...(e.ageMin !== undefined ? { ageMin: e.ageMin } : {}),
    ...(e.ageMax !== undefined ? { ageMax: e.ageMax } : {}),
    ...(reg ? { reg } : {}),
    ...(geo ? { geo: [geo.lat, geo.lng] as [number, number] } : {}),
  };
}

/** The events file of one month (`YYYY-MM`): every event overlapping it, from the byMonth index. */
export function monthFile(q: SiteQuery, month: string): MonthFile {
  return { month, events: (q.byMonth.get(month) ?? []).map((e) => toCalendarEvent(e, q)) };
}

/**
 * Observance days of one year, campaigns first, then by start day and name. A year whose dates are
 * not announced yet is there as its usual window, marked `tentative` (预计), until that window is
 * over on `today`; one without a usual window is left out — never a guessed date.
 */
export function observanceYearFile(list: ObservanceEntry[], year: number, today: string): ObservanceYearFile {
  const observances: CalendarObservance[] = [];
  for (const o of list) {
    for (const occ of expandObservance(o, year, year)) {
      if (occ.status === 'dated') observances.push({ id: o.id, name: o.name, kind: o.kind, start: occ.start, end: occ.end, topics: o.topics });
      else if (occ.expected && !pendingIsPast(occ, today)) observances.push({ id: o.id, name: o.name, kind: o.kind, ...occ.expected, topics: o.topics, tentative: true });
    }
  }
  const rank = (o: CalendarObservance) => (o.kind === 'campaign' ? 0 : 1);
  observances.sort((a, b) => rank(a) - rank(b) || (a.start < b.start ? -1 : a.start > b.start ? 1 : a.name.localeCompare(b.name, 'zh')));
  return { year, observances };
}

/**
 * Years with an observances file: from two years before `today` to three after, plus every year
 * that has events, so any month with events also shows its observance days.
 */
export function observanceYears(q: SiteQuery, today: string): number[] {
  const y = Number(today.slice(0, 4));
  const years = new Set<number>();
  for (let i = y - 2; i <= y + 3; i++) years.add(i);
  for (const k of q.byYear.keys()) years.add(Number(k));
  return [...years].sort((a, b) => a - b);
}

export function calendarManifest(q: SiteQuery, today: string): CalendarManifest {
  const months = [...q.byMonth.keys()].sort();
  const isDense = (k: string) => q.byMonth.get(k)!.length > DENSE_MONTH_EVENTS;
  const dense = months.filter(isDense).map((k) => [k, denseDayTotals(k, q.byMonth.get(k)!)] as const);
  // Observance days only add rows: the activities' rows alone past the limit mean a list by day.
  const byDay = months.filter((k) => !isDense(k) && denseDayTotals(k, q.byMonth.get(k)!).reduce((a, b) => a + b, 0) > LIST_ROW_LIMIT);
  return { months, observanceYears: observanceYears(q, today), ...(dense.length ? { dense: Object.fromEntries(dense) } : {}), ...(byDay.length ? { byDay } : {}) };
}

/**
 * The events listed on each day of a month, from the entries alone (the month file's
 * DenseSummary.total, calendar-shards.ts, counts the same from the calendar's rows; a build test
 * holds them equal): the days each is drawn on in China's calendar (calendar-list.ts drawnDays).
 */
export function denseDayTotals(month: string, list: EventEntry[]): number[] {
  const days = monthDays(month);
  const total = days.map(() => 0);
  for (const e of list) {
    const item = { start: toCalendarZone(e.start, e.timezone), end: e.end ? toCalendarZone(e.end, e.timezone) : undefined, allDay: e.allDay };
    const span = spanInMonth(days, ...drawnDays({ ...item, end: drawnEnd(item) }));
    if (span) for (let i = span[0]; i <= span[1]; i++) total[i]!++;
  }
  return total;
}

/** Filter options: the vocabulary entries that at least one event uses, in vocabulary order. */
export interface FilterOption {
  id: string;
  label: string;
  /** Nesting depth (regions: 0 province/city, 1 district). */
  depth?: number;
}

export function usedOptions(q: SiteQuery, vocab: Exclude<VocabName, 'regions'>): FilterOption[] {
  const index = vocab === 'topics' ? q.byTopic : vocab === 'audiences' ? q.byAudience : q.byFormat;
  return q.content.vocab[vocab].filter((v) => index.has(v.id)).map((v) => ({ id: v.id, label: v.label }));
}

/** Regions with events, each parent followed by its children (depth-first, vocabulary order). */
export function usedRegions(q: SiteQuery): FilterOption[] {
  const used = q.content.vocab.regions.filter((r) => q.byRegion.has(r.id));
  const usedIds = new Set(used.map((r) => r.id));
  const out: FilterOption[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const r of used) {
      const top = !r.parent || !usedIds.has(r.parent);
      if (parent === undefined ? top : r.parent === parent) {
        out.push({ id: r.id, label: r.label, depth });
        if (depth < 4) walk(r.id, depth + 1);
      }
    }
  };
  walk(undefined, 0);
  return out;
}
