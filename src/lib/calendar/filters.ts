/**
 * The filters of /calendar/ and /events/, one home, kept in the URL so a filtered view can be shared:
 * `/calendar/?topic=health&region=110105&free=1&view=list&date=2026-09`,
 * `/events/?when=weekend&age=10&open=1&near=1`.
 * Parsing is forgiving (unknown or malformed values are dropped, never thrown); serialising is
 * canonical (fixed key order, defaults left out) so equal states give equal URLs.
 *
 * The quick filters (issue 18) are judged against `today` in China and, for `near`, a position the
 * browser gave (never sent anywhere): `when` — today, the weekend (the coming Saturday and Sunday,
 * or the current one), the next 7 days, the rest of this month; `open` — registration open
 * (registration.ts); `age` — events whose age range includes it; `near` — by distance (geo.ts).
 */
// Type-only imports: this module runs in the browser island, which must not pull in zod or rrule.
import type { CalendarEvent, CalendarObservance } from './calendar-data.ts';
import type { EventStatus } from '../content/schema.ts';
import { addDays, daysInMonth, isRealDate, weekday } from '../time/days.ts';
import { STATUS_LABEL } from '../labels.ts';
import { registrationOpen } from '../content/registration.ts';
import { distanceKm, type LatLng } from '../geo.ts';

export const MODES = ['online', 'onsite'] as const;
export type Mode = (typeof MODES)[number];
/** `active`: everything except cancelled events. */
export const STATUS_FILTERS = ['active', 'scheduled', 'cancelled', 'postponed', 'moved-online'] as const satisfies readonly ('active' | EventStatus)[];
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof VIEWS)[number];
/** The quick date filters. */
export const WHENS = ['today', 'weekend', '7d', 'month'] as const;
export type When = (typeof WHENS)[number];
export const WHEN_LABELS: Record<When, string> = { today: '今天', weekend: '本周末', '7d': '7 天内', month: '本月' };
/** `near` on the calendar keeps events within this distance (the events list sorts by distance instead). */
export const NEAR_KM = 25;
/** Ages people can filter by. */
export const AGE_MAX = 120;

export interface Filters {
  topic?: string;
  audience?: string;
  region?: string;
  format?: string;
  mode?: Mode;
  free?: boolean;
  status?: StatusFilter;
  when?: When;
  /** Registration open. */
  open?: boolean;
  /** Years: events whose age range includes it. */
  age?: number;
  /** By distance from the browser's position. */
  near?: boolean;
}

/** What the quick filters are judged against: today in China, and the browser's position once given. */
export interface FilterContext {
  today?: string;
  here?: LatLng;
}

export interface CalendarState {
  filters: Filters;
  /** Absent: the page picks (list on phones, month otherwise). */
  view?: CalendarView;
  /** `YYYY-MM` or `YYYY-MM-DD`: the date the calendar opens at; absent means today. */
  date?: string;
  /** Observance days and campaign banners shown (default true; `obs=0` hides them). */
  observances: boolean;
}

export const FILTER_KEYS = ['topic', 'audience', 'region', 'format', 'mode', 'free', 'status', 'when', 'open', 'age', 'near'] as const satisfies readonly (keyof Filters)[];
export const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], string> = {
  topic: '主题',
  audience: '面向人群',
  region: '地区',
  format: '形式',
  mode: '线上/线下',
  free: '免费',
  status: '状态',
  when: '时间',
  open: '可报名',
  age: '年龄',
  near: '离我近',
};
export const MODE_LABELS: Record<Mode, string> = { online: '线上', onsite: '线下' };
/** The status filter: everything but cancelled, or one status (labelled as on the badges). */
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { active: '不含已取消', ...STATUS_LABEL };

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** An age as typed or in the URL: whole years, 0 to AGE_MAX; anything else is no age. */
export function ageOf(v: string | null): number | undefined {
  if (v === null || !/^\d{1,3}$/.test(v.trim())) return undefined;
  const n = Number(v);
  return n <= AGE_MAX ? n : undefined;
}

function validDate(v: string | null): string | undefined {
  const m = v ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  return y >= 1900 && isRealDate(y, mo, d) ? m[0] : undefined;
}

/** Read the state from a query string (`?a=b…`, with or without the `?`) or URLSearchParams. */
export function parseCalendarParams(search: string | URLSearchParams): CalendarState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const id = (k: string) => {
    const v = p.get(k);
    return v && ID_RE.test(v) ? v : undefined;
  };
  const flag = (k: string) => (p.get(k) === '1' || p.get(k) === 'true' ? true : undefined);
  const filters: Filters = {
    topic: id('topic'),
    audience: id('audience'),
    region: id('region'),
    format: id('format'),
    mode: oneOf(MODES, p.get('mode')),
    free: flag('free'),
    status: oneOf(STATUS_FILTERS, p.get('status')),
    when: oneOf(WHENS, p.get('when')),
    open: flag('open'),
    age: ageOf(p.get('age')),
    near: flag('near'),
  };
  for (const k of FILTER_KEYS) if (filters[k] === undefined) delete filters[k];
  return { filters, view: oneOf(VIEWS, p.get('view')), date: validDate(p.get('date')), observances: p.get('obs') !== '0' };
}

/** The canonical query string for a state: `?topic=health&view=list`, or `''` when all defaults. */
export function calendarSearch(state: CalendarState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === false) continue;
    p.set(k, v === true ? '1' : String(v));
  }
  if (!state.observances) p.set('obs', '0');
  if (state.view) p.set('view', state.view);
  if (state.date) p.set('date', state.date);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function activeFilterCount(f: Filters): number {
  return FILTER_KEYS.filter((k) => f[k] !== undefined && f[k] !== false).length;
}

/** 本周末 · 10 岁 · 可报名 — the filters as a status line names them. */
export function filterWords(f: Filters): string[] {
  const out: string[] = [];
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === false) continue;
    if (k === 'when') out.push(WHEN_LABELS[v as When]);
    else if (k === 'age') out.push(`${v} 岁`);
    else if (v === true) out.push(FILTER_LABELS[k]);
    else out.push(`${FILTER_LABELS[k]}：${String(v)}`);
  }
  return out;
}

function statusMatches(status: EventStatus, want: StatusFilter | undefined): boolean {
  if (!want) return true;
  return want === 'active' ? status !== 'cancelled' : status === want;
}

/**
 * The days a `when` covers, inclusive, from `today`: the weekend is the coming Saturday and Sunday
 * — or, on a Saturday or Sunday, the current one; `month` is the rest of this month.
 */
export function whenRange(when: When, today: string): { start: string; end: string } {
  switch (when) {
    case 'today':
      return { start: today, end: today };
    case '7d':
      return { start: today, end: addDays(today, 6) };
    case 'month': {
      const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
      return { start: today, end: `${today.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}` };
    }
    case 'weekend': {
      const wd = weekday(today);
      if (wd === 0) return { start: today, end: today };
      const saturday = addDays(today, 6 - wd);
      return { start: saturday, end: addDays(saturday, 1) };
    }
  }
}

/** An event's first and last day in China (all-day ends are inclusive, timed ends are times). */
export function eventDays(e: Pick<CalendarEvent, 'start' | 'end'>): { startDate: string; endDate: string } {
  return { startDate: e.start.slice(0, 10), endDate: (e.end ?? e.start).slice(0, 10) };
}

/** Whether the event's age range includes `age` (an event without one does not). */
export function ageMatches(e: Pick<CalendarEvent, 'ageMin' | 'ageMax'>, age: number): boolean {
  if (e.ageMin === undefined && e.ageMax === undefined) return false;
  return (e.ageMin ?? 0) <= age && age <= (e.ageMax ?? AGE_MAX);
}

/** Kilometres from `here` to the event's venue, when both are known. */
export function distanceTo(e: Pick<CalendarEvent, 'geo'>, here: LatLng | undefined): number | undefined {
  return e.geo && here ? distanceKm(here, e.geo) : undefined;
}

/**
 * Whether an event passes the filters. The quick filters need `ctx`: without `today`, `when` and
 * `open` are not applied (nothing to judge them by); `near` keeps, on the calendar, what lies within
 * NEAR_KM once a position is known (the events list sorts by distance instead, see `sortByDistance`).
 */
export function matchesFilters(e: CalendarEvent, f: Filters, ctx: FilterContext = {}): boolean {
  if (f.topic && !e.topics.includes(f.topic)) return false;
  if (f.audience && !e.audiences.includes(f.audience)) return false;
  if (f.format && !e.formats.includes(f.format)) return false;
  if (f.region && !e.regions.includes(f.region)) return false;
  // An event that moved online counts as online, whatever its venue says.
  if (f.mode === 'online' && !(e.online || e.status === 'moved-online')) return false;
  if (f.mode === 'onsite' && !(e.onsite && e.status !== 'moved-online')) return false;
  if (f.free && !e.free) return false;
  if (f.age !== undefined && !ageMatches(e, f.age)) return false;
  const today = ctx.today;
  if (today && (f.when || f.open)) {
    const d = eventDays(e);
    if (f.when) {
      const r = whenRange(f.when, today);
      if (d.startDate > r.end || d.endDate < r.start) return false;
    }
    if (f.open && !registrationOpen(e.reg, { status: e.status, endDate: d.endDate }, today)) return false;
  }
  if (f.near && ctx.here && !((distanceTo(e, ctx.here) ?? Infinity) <= NEAR_KM)) return false;
  return statusMatches(e.status, f.status);
}

/**
 * Nearest first: events with coordinates by distance from `here`, then the others in their order
 * (a list sorted by distance still shows what has no coordinates, after the rest).
 */
export function sortByDistance<T extends Pick<CalendarEvent, 'geo'>>(list: readonly T[], here: LatLng): T[] {
  const withKm = list.map((e, i) => ({ e, i, km: distanceTo(e, here) }));
  withKm.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.i - b.i);
  return withKm.map((x) => x.e);
}

/**
 * Observance days are not activities: only the topic filter applies to them (世界急救日 stays
 * under 卫生健康), and the `observances` switch hides them all.
 */
export function observanceMatches(o: CalendarObservance, state: Pick<CalendarState, 'filters' | 'observances'>): boolean {
  if (!state.observances) return false;
  return !state.filters.topic || o.topics.includes(state.filters.topic);
}
