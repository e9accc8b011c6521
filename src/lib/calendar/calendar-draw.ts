/**
 * The browser side of the calendar: which month files a visible range needs, and what FullCalendar
 * draws for an event or an observance day (plain objects shaped like FullCalendar's `EventInput`,
 * so this stays free of FullCalendar and testable). Imports nothing heavy: it ships in the island.
 */
import type { CalendarEvent, CalendarObservance } from './calendar-data.ts';
import { KIND_LABEL, STATUS_LABEL } from '../labels.ts';
import { type CalendarState, type FilterContext, matchesFilters, observanceMatches } from './filters.ts';
import { periodLabel } from '../time/labels.ts';
import { nextDay, prevDay, weekday } from '../time/days.ts';
import { eventUrl, observanceUrl } from '../urls.ts';

/** `YYYY-MM` keys of the months touched by the visible range [startDay, endDay) (exclusive end). */
export function monthsInRange(startDay: string, endDayExclusive: string): string[] {
  const last = prevDay(endDayExclusive);
  const out: string[] = [];
  let [y, m] = [Number(startDay.slice(0, 4)), Number(startDay.slice(5, 7))];
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last.slice(0, 7)) break;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// what FullCalendar draws
// ---------------------------------------------------------------------------------------------

/** A plain FullCalendar event input (its `EventInput`), built without importing FullCalendar. */
export interface DrawnEvent {
  id: string;
  title: string;
  start: string;
  /** Exclusive, as FullCalendar wants it (the day after the last day for all-day items). */
  end?: string;
  allDay: boolean;
  url: string;
  className: string;
  /** 0 campaigns, 1 observance days, 2 activities, 3 usual windows of dates not yet announced (预计). */
  order: number;
}

const drawnCache = new WeakMap<CalendarEvent, DrawnEvent>();

/** `kp-event`, plus the status (`kp-cancelled`) and kind (`kp-deadline`) for styling. Drawn once per loaded event. */
export function drawEvent(e: CalendarEvent): DrawnEvent {
  let d = drawnCache.get(e);
  if (!d) drawnCache.set(e, (d = drawEventOnce(e)));
  return d;
}

/** Where FullCalendar's item for an event ends: the day after an all-day event's last (exclusive), a timed one's end. */
export function drawnEnd(e: Pick<CalendarEvent, 'start' | 'end' | 'allDay'>): string | undefined {
  return e.allDay ? nextDay((e.end ?? e.start).slice(0, 10)) : e.end;
}

function drawEventOnce(e: CalendarEvent): DrawnEvent {
  const prefix = e.status !== 'scheduled' ? `【${STATUS_LABEL[e.status]}】` : e.kind !== 'activity' ? `【${KIND_LABEL[e.kind]}】` : '';
  const classes = e.kind !== 'activity' ? `kp-event kp-${e.status} kp-${e.kind}` : `kp-event kp-${e.status}`;
  const end = drawnEnd(e);
  const d: DrawnEvent = { id: `e:${e.id}`, title: prefix + e.title, start: e.start, allDay: e.allDay, url: eventUrl(e.id), className: classes, order: 2 };
  if (end) d.end = end;
  return d;
}

/** Before an observance day's name in the calendars (the grids, the lists). */
export const OBSERVANCE_PREFIX = '纪念日：';

export function drawObservance(o: CalendarObservance): DrawnEvent {
  const campaign = o.kind === 'campaign';
  if (o.tentative) {
    return {
      id: `o:${o.id}:${o.start}:tentative`,
      title: `预计：${o.name}（日期待公布）`,
      start: o.start,
      end: nextDay(o.end),
      allDay: true,
      url: observanceUrl(o.id),
      className: 'kp-tentative',
      order: 3,
    };
  }
  return {
    id: `o:${o.id}:${o.start}`,
    title: campaign ? o.name : OBSERVANCE_PREFIX + o.name,
    start: o.start,
    end: nextDay(o.end),
    allDay: true,
    url: observanceUrl(o.id),
    className: campaign ? 'kp-campaign' : 'kp-observance',
    order: campaign ? 0 : 1,
  };
}

/**
 * Whole-month observances (质量月, 敬老月 …) would fill every week row of a month grid, so the
 * calendar lists them above the grid instead; campaigns stay as range banners. In the list view
 * every multi-day observance goes there too (a list would repeat 全国科普月 on all 30 days).
 */
export function isAside(o: CalendarObservance, spansAside = false): boolean {
  return o.kind === 'month' || (spansAside && o.start !== o.end);
}

/** 9月1日—30日, 5月12日; a usual window is 预计5月下旬. */
export function spanLabel(o: { start: string; end: string; tentative?: true }): string {
  if (o.tentative) return `预计${periodLabel(o)}，日期待公布`;
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (o.start === o.end) return md(o.start);
  return o.start.slice(0, 7) === o.end.slice(0, 7) ? `${md(o.start)}—${Number(o.end.slice(8, 10))}日` : `${md(o.start)}—${md(o.end)}`;
}

/** Years touched by a list of `YYYY-MM` keys. */
export function yearsOf(months: string[]): number[] {
  return [...new Set(months.map((m) => Number(m.slice(0, 4))))];
}

/** Events from several month files, each once (a multi-month event is in every file it touches). */
export function uniqueEvents(lists: CalendarEvent[][]): CalendarEvent[] {
  const seen = new Map<string, CalendarEvent>();
  for (const list of lists) for (const e of list) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

export interface VisibleItems {
  /** What FullCalendar draws: campaign banners, observance days, then matching activities. */
  drawn: DrawnEvent[];
  /** Matching activities (for the "N 项活动" count). */
  events: CalendarEvent[];
  /** Observances listed above the calendar instead of drawn (see isAside). */
  aside: CalendarObservance[];
}

/** Apply the filters to loaded data and turn what remains into FullCalendar inputs. */
export function visibleItems(
  events: CalendarEvent[],
  observances: CalendarObservance[],
  state: Pick<CalendarState, 'filters' | 'observances'>,
  opts: { spansAside?: boolean; ctx?: FilterContext } = {},
): VisibleItems {
  const matching = events.filter((e) => matchesFilters(e, state.filters, opts.ctx));
  const obs = observances.filter((o) => observanceMatches(o, state));
  return {
    drawn: [...obs.filter((o) => !isAside(o, opts.spansAside)).map(drawObservance), ...matching.map(drawEvent)],
    events: matching,
    aside: obs.filter((o) => isAside(o, opts.spansAside)),
  };
}

/** Whether a day range [start, end] (inclusive) overlaps the visible range [from, toExclusive). */
export function overlaps(item: { start: string; end?: string }, from: string, toExclusive: string): boolean {
  return item.start.slice(0, 10) < toExclusive && (item.end ?? item.start).slice(0, 10) >= from;
}

/** The month around a day: its first day and the first day of the next month (`YYYY-MM-DD`). */
export function monthBounds(day: string): [string, string] {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${day.slice(0, 7)}-01`, `${next}-01`];
}

/** Weeks start on Monday in zh-CN (FullCalendar's zh-cn locale too). */
export function weekStart(day: string): string {
  const back = (weekday(day) + 6) % 7;
  let d = day;
  for (let i = 0; i < back; i++) d = prevDay(d);
  return d;
}

export type ViewSpan = 'monthGrid' | 'month' | 'week' | 'day';

/**
 * What a view shows around a day, as FullCalendar computes it: `current` is the month, week or
 * day itself, `start`–`end` (exclusive) the days drawn (a month grid is six whole weeks). The
 * calendar loads these days' files before it first draws, so it opens complete, without a shift.
 */
export function viewRange(span: ViewSpan, day: string): { start: string; end: string; currentStart: string; currentEnd: string } {
  const plus = (d: string, n: number) => {
    for (let i = 0; i < n; i++) d = nextDay(d);
    return d;
  };
  if (span === 'day') return { start: day, end: nextDay(day), currentStart: day, currentEnd: nextDay(day) };
  if (span === 'week') {
    const s = weekStart(day);
    const e = plus(s, 7);
    return { start: s, end: e, currentStart: s, currentEnd: e };
  }
  const [ms, me] = monthBounds(day);
  if (span === 'month') return { start: ms, end: me, currentStart: ms, currentEnd: me };
  const s = weekStart(ms);
  return { start: s, end: plus(s, 42), currentStart: ms, currentEnd: me };
}

/** `YYYY-MM` → months since year 0, for distances between months. */
const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;

/**
 * The month with activities nearest to `month` (`YYYY-MM`), for a calendar opened on an empty one:
 * the closest by months, the later one on a tie (people look ahead). Undefined when none has any.
 */
export function nearestMonthWith(months: readonly string[], month: string): string | undefined {
  const at = monthIndex(month);
  let best: string | undefined;
  for (const m of months) {
    if (m === month) continue;
    const d = Math.abs(monthIndex(m) - at);
    const bd = best === undefined ? Infinity : Math.abs(monthIndex(best) - at);
    if (d < bd || (d === bd && m > best!)) best = m;
  }
  return best;
}
