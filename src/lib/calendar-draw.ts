/**
 * The browser side of the calendar: which month files a visible range needs, and what FullCalendar
 * draws for an event or an observance day (plain objects shaped like FullCalendar's `EventInput`,
 * so this stays free of FullCalendar and testable). Imports nothing heavy: it ships in the island.
 */
import type { CalendarEvent, CalendarObservance } from './calendar-data.ts';
import { KIND_ZH, STATUS_ZH } from './present.ts';
import { type CalendarState, matchesFilters, observanceMatches } from './filters.ts';
import { periodLabel } from './dates.ts';

// Day arithmetic on `YYYY-MM-DD` without Date formatting: these run for every event of a month
// (3,000+ in a dense month at national scale), where dates.ts's toISOString was most of the time.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthLength = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1]!);
const ymd = (y: number, m: number, d: number) => `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
/** The day after a `YYYY-MM-DD` day. */
export function nextDay(day: string): string {
  let [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)) + 1];
  if (d > monthLength(y, m)) [d, m] = [1, m + 1];
  if (m > 12) [m, y] = [1, y + 1];
  return ymd(y, m, d);
}
/** The day before a `YYYY-MM-DD` day. */
export function prevDay(day: string): string {
  let [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)) - 1];
  if (d < 1) {
    if (--m < 1) [m, y] = [12, y - 1];
    d = monthLength(y, m);
  }
  return ymd(y, m, d);
}
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

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

function drawEventOnce(e: CalendarEvent): DrawnEvent {
  const prefix = e.status !== 'scheduled' ? `【${STATUS_ZH[e.status]}】` : e.kind !== 'activity' ? `【${KIND_ZH[e.kind]}】` : '';
  const classes = e.kind !== 'activity' ? `kp-event kp-${e.status} kp-${e.kind}` : `kp-event kp-${e.status}`;
  const end = e.allDay ? nextDay((e.end ?? e.start).slice(0, 10)) : e.end;
  const d: DrawnEvent = { id: `e:${e.id}`, title: prefix + e.title, start: e.start, allDay: e.allDay, url: `/events/${e.id}/`, className: classes, order: 2 };
  if (end) d.end = end;
  return d;
}

export function drawObservance(o: CalendarObservance): DrawnEvent {
  const campaign = o.kind === 'campaign';
  if (o.tentative) {
    return {
      id: `o:${o.id}:${o.start}:tentative`,
      title: `预计：${o.name}（日期待公布）`,
      start: o.start,
      end: nextDay(o.end),
      allDay: true,
      url: `/observances/${o.id}/`,
      className: 'kp-tentative',
      order: 3,
    };
  }
  return {
    id: `o:${o.id}:${o.start}`,
    title: campaign ? o.name : `纪念日：${o.name}`,
    start: o.start,
    end: nextDay(o.end),
    allDay: true,
    url: `/observances/${o.id}/`,
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
  opts: { spansAside?: boolean } = {},
): VisibleItems {
  const matching = events.filter((e) => matchesFilters(e, state.filters));
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

// ---------------------------------------------------------------------------------------------
// long lists: how many rows a list draws, which list a month gets, one page of rows
// ---------------------------------------------------------------------------------------------

/**
 * At most this many rows in a list at once. A list row is one item on one day (a three-day fair is
 * three rows). At 50,000 events a month list on a phone drew ~1,000–10,000 rows: seconds of a cheap
 * phone's main thread, and a page nobody scrolls to the end of.
 */
export const LIST_ROW_LIMIT = 100;

type Drawable = Pick<DrawnEvent, 'start' | 'end' | 'allDay'>;

/** First and last day (inclusive, `YYYY-MM-DD`) FullCalendar shows a drawn item on. */
export function drawnDays(d: Drawable): [string, string] {
  const first = d.start.slice(0, 10);
  if (!d.end) return [first, first];
  const endDay = d.end.slice(0, 10);
  // All-day ends are exclusive; a timed event that ends at midnight is not shown on that day.
  const last = d.allDay || d.end.slice(11, 16) === '00:00' ? prevDay(endDay) : endDay;
  return [first, last < first ? first : last];
}

/** The days of [from, lastVisible] an item is listed on, or undefined when none. */
function visibleDays(d: Drawable, from: string, lastVisible: string): [string, string] | undefined {
  const [first, last] = drawnDays(d);
  const a = first < from ? from : first;
  const b = last > lastVisible ? lastVisible : last;
  return a <= b ? [a, b] : undefined;
}

/** How many list rows the items make in [from, toExclusive). */
export function listRows(items: Drawable[], from: string, toExclusive: string): number {
  const lastVisible = prevDay(toExclusive);
  let n = 0;
  for (const d of items) {
    const v = visibleDays(d, from, lastVisible);
    if (v) n += v[0] === v[1] ? 1 : dayNumber(v[1]) - dayNumber(v[0]) + 1;
  }
  return n;
}

/**
 * Which list the 列表 view shows for a month: the whole month when its rows fit in one page,
 * otherwise one day at a time (previous/next day), so a dense month opens at a day, not at a
 * thousand rows. Weeks are not used here: in a dense month a week is as long as a month was.
 */
export function listSpanFor(monthRows: number, limit = LIST_ROW_LIMIT): 'month' | 'day' {
  return monthRows <= limit ? 'month' : 'day';
}

/** FullCalendar's list order within a day (`eventOrder: 'order,start,-duration,title'`). */
function listOrder(a: DrawnEvent, b: DrawnEvent): number {
  if (a.order !== b.order) return a.order - b.order;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  const dur = (d: DrawnEvent) => (d.end ? Date.parse(d.end.length === 10 ? `${d.end}T00:00Z` : `${d.end}Z`) - Date.parse(d.start.length === 10 ? `${d.start}T00:00Z` : `${d.start}Z`) : 0);
  const dd = dur(b) - dur(a);
  if (dd !== 0) return dd;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

export interface ListPage<T> {
  /** What to give FullCalendar: the items of the first page, multi-day ones cut at the page's last day. */
  shown: T[];
  /** Rows in the whole range, and rows drawn. */
  rows: number;
  shownRows: number;
  /** The last day drawn (`YYYY-MM-DD`), when the page stops before the range's end. */
  lastDay?: string;
}

/**
 * The first `limit` rows of a list over [from, toExclusive): whole days while they fit (at least the
 * first day); when the first day alone has more rows, its first `limit` items in list order. Items
 * that go on past the page's last day are cut there, so no later day shows a partial list.
 */
export function listPage<T extends DrawnEvent>(items: T[], from: string, toExclusive: string, limit = LIST_ROW_LIMIT): ListPage<T> {
  const visible: { d: T; a: string; b: string }[] = [];
  const perDay = new Map<string, number>();
  let rows = 0;
  const lastVisible = prevDay(toExclusive);
  for (const d of items) {
    const v = visibleDays(d, from, lastVisible);
    if (!v) continue;
    visible.push({ d, a: v[0], b: v[1] });
    for (let day = v[0]; day <= v[1]; day = nextDay(day)) {
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      rows++;
    }
  }
  if (rows <= limit) return { shown: visible.map((v) => v.d), rows, shownRows: rows };
  const days = [...perDay.keys()].sort();
  let lastDay = days[0]!;
  let shownRows = perDay.get(lastDay)!;
  let pick: Set<T> | undefined;
  if (shownRows > limit) {
    // One day is more than a page: its first `limit` items.
    pick = new Set(visible.filter((v) => v.a === lastDay).map((v) => v.d).sort(listOrder).slice(0, limit));
    shownRows = limit;
  } else {
    for (const day of days.slice(1)) {
      const n = perDay.get(day)!;
      if (shownRows + n > limit) break;
      shownRows += n;
      lastDay = day;
    }
  }
  const cutEnd = nextDay(lastDay);
  const shown: T[] = [];
  for (const v of visible) {
    if (pick ? !pick.has(v.d) : v.a > lastDay) continue;
    shown.push(v.b > lastDay ? { ...v.d, end: v.d.allDay ? cutEnd : `${cutEnd}T00:00` } : v.d);
  }
  return { shown, rows, shownRows, lastDay };
}

/** The month around a day: its first day and the first day of the next month (`YYYY-MM-DD`). */
export function monthBounds(day: string): [string, string] {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${day.slice(0, 7)}-01`, `${next}-01`];
}

/** Weeks start on Monday in zh-CN (FullCalendar's zh-cn locale too). */
export function weekStart(day: string): string {
  const back = (new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay() + 6) % 7;
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
