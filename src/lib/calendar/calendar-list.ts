/**
 * The calendar's long lists: how many rows a list draws (one item on one day is one row), which
 * list a month gets (the month, or day by day when dense), and one page of at most LIST_ROW_LIMIT
 * rows. Browser side, beside calendar-draw.ts; imports nothing heavy.
 */
import type { DrawnEvent } from './calendar-draw.ts';
import { daysBetween as daysBetweenOf, nextDay as nextDayOf, prevDay as prevDayOf } from '../time/days.ts';

/**
 * The day after / before, remembered: a list of a dense day (issue 21: ≈ 10,000 items in one day of a
 * national 科普月) asks for the same few days thousands of times, and each date computation costs
 * microseconds (listPage took 150 ms for one day; ≈ 20 ms with these).
 */
const nextCache = new Map<string, string>();
const prevCache = new Map<string, string>();
function nextDay(day: string): string {
  let d = nextCache.get(day);
  if (d === undefined) nextCache.set(day, (d = nextDayOf(day)));
  return d;
}
function prevDay(day: string): string {
  let d = prevCache.get(day);
  if (d === undefined) prevCache.set(day, (d = prevDayOf(day)));
  return d;
}
const spanCache = new Map<string, number>();
function daysBetween(a: string, b: string): number {
  const k = `${a}|${b}`;
  let n = spanCache.get(k);
  if (n === undefined) spanCache.set(k, (n = daysBetweenOf(a, b)));
  return n;
}


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

/** How many items are over before `day` (drawn on no day from `day` on) but drawn on or after `from`. */
export function endedBefore(items: Drawable[], from: string, day: string): number {
  let n = 0;
  for (const d of items) {
    const last = drawnDays(d)[1];
    if (last < day && last >= from) n++;
  }
  return n;
}

/** How many list rows the items make in [from, toExclusive). */
export function listRows(items: Drawable[], from: string, toExclusive: string): number {
  const lastVisible = prevDay(toExclusive);
  let n = 0;
  for (const d of items) {
    const v = visibleDays(d, from, lastVisible);
    if (v) n += v[0] === v[1] ? 1 : daysBetween(v[0], v[1]) + 1;
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

/** The grids' order within a day (`eventOrder: 'order,start,-duration,title'`, titles by code point), and the lists' (inListOrder). */
const durations = new WeakMap<DrawnEvent, number>();
/** An item's length in ms (0 without an end), computed once per item: sorting a dense day compares thousands of ties. */
function durationOf(d: DrawnEvent): number {
  let ms = durations.get(d);
  if (ms === undefined) {
    ms = d.end ? Date.parse(d.end.length === 10 ? `${d.end}T00:00Z` : `${d.end}Z`) - Date.parse(d.start.length === 10 ? `${d.start}T00:00Z` : `${d.start}Z`) : 0;
    durations.set(d, ms);
  }
  return ms;
}

function listOrder(a: DrawnEvent, b: DrawnEvent): number {
  if (a.order !== b.order) return a.order - b.order;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  const dd = durationOf(b) - durationOf(a);
  if (dd !== 0) return dd;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/**
 * Items in the order a list shows them: by the first day of the list they appear on (`from` or
 * later), then in FullCalendar's order within a day (listOrder). The island numbers them (`seq`) and
 * the list views sort by that number alone (calendar-options.tsx VIEWS), so a list drawn a few rows
 * at a time only ever adds rows below the ones drawn: nothing on screen moves (CLS).
 */
export function inListOrder<T extends DrawnEvent>(items: readonly T[], from: string): T[] {
  const day = new Map<T, string>();
  for (const d of items) {
    const first = drawnDays(d)[0];
    day.set(d, first < from ? from : first);
  }
  return [...items].sort((a, b) => {
    const x = day.get(a)!;
    const y = day.get(b)!;
    return x !== y ? (x < y ? -1 : 1) : listOrder(a, b);
  });
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
