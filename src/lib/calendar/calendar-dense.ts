/**
 * Dense months (issue 21: a national 科普月 of 100,000 activities in one September). A month with
 * more than DENSE_MONTH_EVENTS events is not one file of rows: its file holds counts — events per
 * day, and per day for every single filter value — and its rows come in shards fetched on demand:
 * one per day (the day list) and one per province (a region filter). The month grid of such a month
 * shows a count per day (“1 234 项”) that opens that day's list, instead of thousands of rows.
 *
 * Why these shards: opening `/calendar/?view=month&date=2026-09` at 100,000 events must fetch at
 * most 300 KB of data; the whole month as rows is ≈ 40 MB. A day is what a list shows at once (a
 * dense month already lists day by day), and a region is the filter people use first (near me).
 * With one filter the counts are exact from the month file; with several, without a region, each day
 * says “最多 N 项” (the smallest of the single counts) until its day list is opened, where the rows
 * are filtered exactly.
 *
 * Browser side (the island) and build side (calendar-shards.ts) share these shapes. Pure.
 */
import type { CalendarEvent } from './calendar-data.ts';
import { drawEvent, type DrawnEvent } from './calendar-draw.ts';
import { drawnDays } from './calendar-list.ts';
import { addDays, daysInMonth, nextDay } from '../time/days.ts';
import { groupDigits } from '../group-digits.ts';
import type { PackedRows } from './packed-rows.ts';
import { LIST_ROW_LIMIT } from './calendar-list.ts';
import { activeFilterCount, calendarSearch, type CalendarState, type Filters } from './filters.ts';
import { calendarFilteredUrl, monthDayDataUrl, monthRegionDataUrl } from '../urls.ts';

/**
 * A month with more events than this is dense. Why 1,500: a month file of 1,500 rows is ≈ 600 KB of
 * JSON (≈ 60 KB gzipped) and a second's work to parse and filter on a cheap phone; the spread-out
 * 50,000-event benchmark tree has ≈ 1,000–10,000 events in its busiest months.
 */
export const DENSE_MONTH_EVENTS = 1500;

/** A grid draws rows while the matching events it shows are at most this many; above, a count per day. */
export const GRID_EVENT_LIMIT = 300;

/** The filters a dense month counts per value (filters.ts FILTER_KEYS). */
export const COUNTED_FILTERS = ['topic', 'audience', 'region', 'format', 'mode', 'free', 'status'] as const satisfies readonly (keyof Filters)[];
export type CountedFilter = (typeof COUNTED_FILTERS)[number];

export interface DenseSummary {
  /** The month's days, `YYYY-MM-DD`, in order: every count array is aligned with it. */
  days: string[];
  /** Events listed on each day (an exhibition over three days counts on each of them). */
  total: number[];
  /** Events listed on each day that match one filter value alone: `counts.topic.health[i]`; `free` under `1`. */
  counts: Record<CountedFilter, Record<string, number[]>>;
  /**
   * Events whose first day in the month is that day, in all and per filter value: with `total` they
   * give how many different events a span of days lists (a week, the month), each counted once.
   */
  firsts: number[];
  firstCounts: Record<CountedFilter, Record<string, number[]>>;
  /** Region id → the shard that holds its events (its province, or `national`). */
  regionShard: Record<string, string>;
}

/**
 * A shard: the rows of one day, or of one province over the whole month, packed (packed-rows.ts): a day of
 * a national 科普月 lists ≈ 10,000 events, 4 MB as plain rows, ≈ 1.5 MB packed. A day's head
 * (`head:2026-09-12`) is its first LIST_ROW_LIMIT rows in list order with the day's `total`: what a
 * list shows before any filter or 再列出, so opening a dense day fetches a few KB.
 */
export interface ShardFile {
  month: string;
  /** `day:2026-09-12`, `head:2026-09-12` or `region:110000` */
  shard: string;
  /** A head: how many events the whole day lists. */
  total?: number;
  rows: PackedRows;
}

/** The value of a filter as a key of `counts` (`free: true` → `1`). */
function valueKey(v: string | boolean): string {
  return v === true ? '1' : String(v);
}

/** Which counted filters are set, and whether any other (uncounted) filter is set too. */
function setFilters(f: Filters): { keys: CountedFilter[]; other: boolean } {
  const keys = COUNTED_FILTERS.filter((k) => f[k] !== undefined && f[k] !== false);
  return { keys, other: activeFilterCount(f) > keys.length };
}

/**
 * Events per day of a dense month under the filters, from its counts alone: exact with no filter or
 * one; with several, the smallest of the single counts, an upper bound (`exact: false`).
 */
export function dayCounts(s: DenseSummary, f: Filters): { counts: number[]; exact: boolean } {
  const { keys, other } = setFilters(f);
  if (!keys.length) return { counts: s.total, exact: !other };
  const series = keys.map((k) => s.counts[k]?.[valueKey(f[k]!)] ?? s.days.map(() => 0));
  const counts = s.days.map((_, i) => Math.min(...series.map((c) => c[i] ?? 0)));
  return { counts, exact: keys.length === 1 && !other };
}

/**
 * How many different events of a dense month are listed in [from, toExclusive) under the filters:
 * those listed on its first day plus those first listed on each later day. Exact with one filter or
 * none; with several, the smallest of the single counts.
 */
export function eventsIn(s: DenseSummary, f: Filters, from: string, toExclusive: string): { n: number; exact: boolean } {
  const idx = s.days.map((d, i) => (d >= from && d < toExclusive ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return { n: 0, exact: true };
  const unique = (listed: number[], firsts: number[]) => (listed[idx[0]!] ?? 0) + idx.slice(1).reduce((n, i) => n + (firsts[i] ?? 0), 0);
  const { keys, other } = setFilters(f);
  if (!keys.length) return { n: unique(s.total, s.firsts), exact: !other };
  const zero = s.days.map(() => 0);
  const n = Math.min(...keys.map((k) => unique(s.counts[k]?.[valueKey(f[k]!)] ?? zero, s.firstCounts[k]?.[valueKey(f[k]!)] ?? zero)));
  return { n, exact: keys.length === 1 && !other };
}

/** The days of a month (`YYYY-MM`), `YYYY-MM-DD` in order: a DenseSummary's `days`. */
export function monthDays(month: string): string[] {
  const n = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return Array.from({ length: n }, (_, i) => addDays(`${month}-01`, i));
}

/**
 * The indexes in a month's `days` of the first and last day an item listed from `first` to `last`
 * (inclusive) is listed on within the month, or undefined when it misses the month.
 */
export function spanInMonth(days: readonly string[], first: string, last: string): [number, number] | undefined {
  const [a, b] = [days[0]!, days[days.length - 1]!];
  if (last < a || first > b) return undefined;
  return [first < a ? 0 : Number(first.slice(8, 10)) - 1, last > b ? days.length - 1 : Number(last.slice(8, 10)) - 1];
}

/**
 * What choosing a dense month's shards takes: its days and their totals — from the month file, or,
 * before it is in, from the page's manifest (CalendarManifest.dense: the first view asks for its
 * day's rows at the same time as the month's counts) — and where each region's rows are (the month
 * file only).
 */
export type ShardPlan = Pick<DenseSummary, 'days' | 'total'> & Partial<Pick<DenseSummary, 'regionShard'>>;

/**
 * The shards a view needs from a dense month: with a region filter, that region's province (every
 * filter then works on its rows); otherwise the days of the view when it shows one day (none for a
 * day without activities: it has no file); otherwise none (the month's counts are enough). URLs, in
 * order. Without `regionShard` (the manifest), a region's shard is not known yet: none.
 */
export function shardsFor(month: string, s: ShardPlan, f: Filters, range: { start: string; end: string }, whole = false): string[] {
  if (f.region) {
    const shard = s.regionShard?.[f.region];
    return shard ? [monthRegionDataUrl(month, shard)] : [];
  }
  const i = s.days.findIndex((d) => d >= range.start && d < range.end);
  if (i < 0 || s.days.filter((d) => d >= range.start && d < range.end).length !== 1 || !s.total[i]) return [];
  // Without filters a long day starts from its head; a filter or 再列出 (`whole`) needs every row.
  const head = !whole && activeFilterCount(f) === 0 && (s.total[i] ?? 0) > LIST_ROW_LIMIT;
  return [monthDayDataUrl(month, s.days[i]!, head)];
}

/** Whether a day has a head file (more rows than a list page). */
export function hasHead(s: DenseSummary, day: string): boolean {
  const i = s.days.indexOf(day);
  return i >= 0 && (s.total[i] ?? 0) > LIST_ROW_LIMIT;
}

/** The shard a file name stands for (`day:…`, `region:…`): what `shardsFor` asked for. */
export function shardKey(url: string): string {
  const m = /\/(\d{4}-\d{2}-\d{2}(?:-head)?|region-[a-z0-9-]+)\.json$/.exec(url);
  if (!m) return url;
  return m[1]!.startsWith('region-') ? `region:${m[1]!.slice(7)}` : m[1]!.endsWith('-head') ? `head:${m[1]!.slice(0, 10)}` : `day:${m[1]}`;
}

/** The calendar's list of one day under the same filters: where a count, or a grid's “另 N 项”, leads. */
export function dayListUrl(day: string, state: Pick<CalendarState, 'filters' | 'observances'>): string {
  return calendarFilteredUrl(calendarSearch({ filters: state.filters, observances: state.observances, view: 'list', date: day }));
}

/** A count's title ends so (“1 234 项活动”); an upper bound begins with UPPER_BOUND (“最多 1 234 项活动”). */
export const COUNT_SUFFIX = ' 项活动';
export const UPPER_BOUND = '最多 ';

/** Whether a drawn item is a day's count (countItem), not a row: its id is `n:` and the day. */
export const isCountItem = (d: Pick<DrawnEvent, 'id'>): boolean => d.id.startsWith('n:');

/**
 * One count per day as an all-day item the grids draw in place of rows (“1 234 项活动”, or “最多 …”
 * when the count is an upper bound); it opens that day's list with the same filters.
 */
export function countItem(day: string, n: number, exact: boolean, state: Pick<CalendarState, 'filters' | 'observances'>): DrawnEvent {
  return {
    id: `n:${day}`,
    title: `${exact ? '' : UPPER_BOUND}${groupDigits(n)}${COUNT_SUFFIX}`,
    start: day,
    allDay: true,
    url: dayListUrl(day, state),
    className: 'kp-count',
    order: 2,
  };
}

/**
 * Per-day counts from loaded rows (a province's shard), for a grid whose matching rows are too many
 * to draw: days in [from, toExclusive) with at least one event listed.
 */
export function countsFromRows(events: CalendarEvent[], from: string, toExclusive: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    let [d, last] = drawnDays(drawEvent(e));
    if (d < from) d = from;
    for (let guard = 0; d <= last && d < toExclusive && guard < 400; guard++) {
      out.set(d, (out.get(d) ?? 0) + 1);
      d = nextDay(d);
    }
  }
  return out;
}
