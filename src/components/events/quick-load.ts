/**
 * What the quick filters of /events/ (quick-filters.ts) read from outside the page: the calendar's
 * manifest and per-month JSON (/data/events/<YYYY-MM>.json), each fetched once per visit — a failed
 * fetch is tried again on the next filter —, and the months a filter needs (the position for 离我近
 * is src/lib/geo.ts's, shared with the calendar). Apart from the page script, which only draws.
 *
 * A dense month (issue 21: a national 科普月, thousands of activities a day) has no rows in its file,
 * only counts and shards (calendar-dense.ts): under a region filter its province's shard is loaded
 * and filtered as usual; otherwise the filters say how many of its activities they leave, from the
 * counts, and lead to the calendar, which lists such a month day by day (denseHint).
 */
import type { CalendarEvent, CalendarManifest, MonthFile } from '../../lib/calendar/calendar-data.ts';
import { dayListUrl, eventsIn, shardsFor, type DenseSummary, type ShardFile } from '../../lib/calendar/calendar-dense.ts';
import { monthsInRange } from '../../lib/calendar/calendar-draw.ts';
import { whenRange, type Filters, type When } from '../../lib/calendar/filters.ts';
import { unpackRows } from '../../lib/calendar/packed-rows.ts';

import { nextDay } from '../../lib/time/days.ts';
import { CALENDAR_MANIFEST_URL, monthDataUrl } from '../../lib/urls.ts';
import { getJson } from '../../lib/browser/fetch-json.ts';

export interface QuickMonths {
  /** The months to load. */
  keys: string[];
  /** Later months with events, for 继续查找 (none under a date filter). */
  rest: string[];
}

/**
 * The months a filter needs, of those the manifest lists: a date filter's own month(s); otherwise
 * this month and `extra` more (one per 继续查找).
 */
export function quickMonths(available: readonly string[], when: When | undefined, today: string, extra: number): QuickMonths {
  if (when) {
    const r = whenRange(when, today);
    return { keys: monthsInRange(r.start, nextDay(r.end)).filter((k) => available.includes(k)), rest: [] };
  }
  const ahead = available.filter((k) => k >= today.slice(0, 7));
  const keys = ahead.slice(0, 1 + extra);
  return { keys, rest: ahead.slice(keys.length) };
}

/** A month's rows for the filters; in a dense month without a region filter none, and its counts. */
export interface MonthRows {
  events: CalendarEvent[];
  dense?: DenseSummary;
}

export interface QuickData {
  manifest(): Promise<CalendarManifest>;
  month(key: string, filters: Filters): Promise<MonthRows>;
}

/** The manifest, the month files and shards, fetched on first use and kept (until a fetch fails). */
export function quickData(): QuickData {
  const files = new Map<string, Promise<unknown>>();
  const once = <T>(url: string): Promise<T> => {
    let p = files.get(url) as Promise<T> | undefined;
    if (!p) {
      p = getJson<T>(url);
      p.catch(() => files.delete(url));
      files.set(url, p);
    }
    return p;
  };
  return {
    manifest: () => once<CalendarManifest>(CALENDAR_MANIFEST_URL),
    month: async (key, filters) => {
      const f = await once<MonthFile>(monthDataUrl(key));
      if (!f.dense) return { events: f.events };
      // A region filter: that province's shard (its every row over the month); else the counts only.
      const month = { start: f.dense.days[0]!, end: nextDay(f.dense.days[f.dense.days.length - 1]!) };
      const [shard] = filters.region ? shardsFor(key, f.dense, { region: filters.region }, month) : [];
      if (!shard) return { events: [], dense: f.dense };
      return { events: unpackRows((await once<ShardFile>(shard)).rows) };
    },
  };
}

/**
 * How many of a dense month's activities the filters leave from `today` on (within a date filter's
 * days), from its counts — exact for one counted filter, else at most (calendar-dense.ts eventsIn) —
 * and the calendar's day list that shows them under the same filters.
 */
export function denseHint(s: DenseSummary, filters: Filters, today: string): { n: number; exact: boolean; href: string } {
  const r = filters.when ? whenRange(filters.when, today) : { start: today, end: s.days[s.days.length - 1]! };
  const from = [r.start, today, s.days[0]!].reduce((a, b) => (a > b ? a : b));
  const { n, exact } = eventsIn(s, { ...filters, when: undefined }, from, nextDay(r.end));
  return { n, exact, href: dayListUrl(from, { filters, observances: true }) };
}
