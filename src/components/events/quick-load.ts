/**
 * What the quick filters of /events/ (quick-filters.ts) read from outside the page: the calendar's
 * manifest and per-month JSON (/data/events/<YYYY-MM>.json), each fetched once per visit — a failed
 * fetch is tried again on the next filter —, and the months a filter needs (the position for 离我近
 * is src/lib/geo.ts's, shared with the calendar). Apart from the page script, which only draws.
 */
import type { CalendarEvent, CalendarManifest, MonthFile } from '../../lib/calendar-data.ts';
import { monthsInRange } from '../../lib/calendar-draw.ts';
import { whenRange, type When } from '../../lib/filters.ts';

import { nextDay } from '../../lib/time/days.ts';
import { CALENDAR_MANIFEST_URL, monthDataUrl } from '../../lib/urls.ts';
import { getJson } from '../../lib/fetch-json.ts';

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

export interface QuickData {
  manifest(): Promise<CalendarManifest>;
  month(key: string): Promise<CalendarEvent[]>;
}

/** The manifest and the month files, fetched on first use and kept (until a fetch fails). */
export function quickData(): QuickData {
  let manifest: Promise<CalendarManifest> | undefined;
  const months = new Map<string, Promise<CalendarEvent[]>>();
  return {
    manifest: () =>
      (manifest ??= getJson<CalendarManifest>(CALENDAR_MANIFEST_URL).catch((e: unknown) => {
        manifest = undefined;
        throw e;
      })),
    month: (key) => {
      let p = months.get(key);
      if (!p) {
        p = getJson<MonthFile>(monthDataUrl(key)).then((f) => f.events);
        p.catch(() => months.delete(key));
        months.set(key, p);
      }
      return p;
    },
  };
}
