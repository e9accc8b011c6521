/**
 * Loads the calendar's static JSON for the visible range: the manifest once (or takes the page's,
 * seedManifest), then each month's events and each year's observance days the first time they are
 * shown (cached for the visit).
 * Only files the manifest lists are requested, so a month without events costs no request.
 * The cache belongs to the page, not to a component: the calendar loads its first range before it
 * draws (loadRange), and the hook then finds that range already there.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CalendarEvent, CalendarManifest, CalendarObservance, MonthFile, ObservanceYearFile } from '../../lib/calendar/calendar-data.ts';
import { monthDays, shardsFor, type DenseSummary, type ShardFile } from '../../lib/calendar/calendar-dense.ts';
import { unpackRows } from '../../lib/calendar/packed-rows.ts';
import { monthsInRange, uniqueEvents, yearsOf } from '../../lib/calendar/calendar-draw.ts';
import type { Filters } from '../../lib/calendar/filters.ts';
import { CALENDAR_MANIFEST_URL, monthDataUrl, observanceYearDataUrl } from '../../lib/urls.ts';
import { getJson } from '../../lib/browser/fetch-json.ts';

export interface VisibleRange {
  /** First shown day, YYYY-MM-DD. */
  start: string;
  /** Day after the last shown day. */
  end: string;
}

/** A dense month in the view (issue 21): its counts, and whether its rows for this view are in. */
export interface DenseInView {
  month: string;
  summary: DenseSummary;
  /** The shards the view needs are loaded: `events` holds every row of this month the view shows. */
  rows: boolean;
}

export interface MonthData {
  events: CalendarEvent[];
  observances: CalendarObservance[];
  /** Dense months of the view: drawn as counts per day unless their rows are in. */
  dense: DenseInView[];
  /** A dense day shown from its head (its first page of rows): how many it lists in all, and how to get the rest. */
  partial?: { day: string; total: number; shown: number; more: () => void };
  loading: boolean;
  error?: string;
  /** `YYYY-MM` keys that have activities (the manifest), once it is in. */
  months: readonly string[];
}

const NO_MONTHS: readonly string[] = [];

export const LOAD_ERROR = '日历数据加载失败，请检查网络后刷新页面 / could not load the calendar data';

let manifestLoad: Promise<CalendarManifest> | undefined;
let manifest: CalendarManifest | undefined;
const months = new Map<string, CalendarEvent[]>();
/** Dense months' counts, and their shards' rows by URL. */
const summaries = new Map<string, DenseSummary>();
const shards = new Map<string, CalendarEvent[]>();
/** Heads' totals by URL. */
const headTotals = new Map<string, number>();
/** Days whose every row was asked for (再列出 under a head). */
const wholeDays = new Set<string>();
const isWhole = (range: VisibleRange) => wholeDays.has(range.start);
const years = new Map<number, CalendarObservance[]>();
/** Requests in flight or done, by URL: a file is asked for once even when ranges change quickly. */
const requests = new Map<string, Promise<unknown>>();


function once(url: string, load: () => Promise<unknown>): Promise<unknown> {
  let p = requests.get(url);
  if (!p) {
    p = load().catch((e: unknown) => {
      requests.delete(url); // let a later view try again
      throw e;
    });
    requests.set(url, p);
  }
  return p;
}

/** The files a range needs (known once the manifest is in). */
function filesOf(m: CalendarManifest, range: VisibleRange): { monthKeys: string[]; yearKeys: number[] } {
  const wanted = monthsInRange(range.start, range.end);
  return { monthKeys: wanted.filter((k) => m.months.includes(k)), yearKeys: yearsOf(wanted).filter((y) => m.observanceYears.includes(y)) };
}

/**
 * The shards the view needs from the dense months known: from their files' counts, or, with
 * `early`, from the manifest's day totals for a month whose file is not in yet (a day's rows, asked
 * for together with the month's file; a region's shard waits for the file, which says where it is).
 */
function shardUrls(range: VisibleRange, filters: Filters, early = false): string[] {
  return monthsInRange(range.start, range.end).flatMap((k) => {
    const total = manifest?.dense?.[k];
    const plan = summaries.get(k) ?? (early && total ? { days: monthDays(k), total } : undefined);
    return plan ? shardsFor(k, plan, filters, range, isWhole(range)) : [];
  });
}

function loadShards(range: VisibleRange, filters: Filters, early = false): Promise<unknown> {
  return Promise.all(
    shardUrls(range, filters, early).map((u) =>
      once(u, () =>
        getJson<ShardFile>(u).then((f) => {
          if (f.total !== undefined) headTotals.set(u, f.total);
          shards.set(u, unpackRows(f.rows));
        }),
      ),
    ),
  );
}

/**
 * Starts, in the same task, the loads a filter change needs (a region's shard of a dense month whose
 * counts are in), then whatever else loadRange finds: called from the event itself, the request is
 * on its way before the page draws the loading state (≈ 20 ms sooner on this machine).
 */
export function prefetch(range: VisibleRange, filters: Filters): void {
  loadShards(range, filters).catch(() => undefined); // a failure is shown by useMonthData's own try
  loadRange(range, filters).catch(() => undefined);
}

/**
 * The manifest the page was built with (a few hundred bytes in the island's props): the first files
 * are asked for without a round trip for /data/calendar.json first (≈ 150 ms on a phone's network).
 * Page and data files come from the same build, so they agree.
 */
export function seedManifest(m: CalendarManifest | undefined): void {
  if (!m || manifestLoad) return;
  manifest = m;
  manifestLoad = Promise.resolve(m);
}

/** Loads every file the range needs (and, in a dense month, the shards the filters need); resolves when they are all in. */
export function loadRange(range: VisibleRange, filters: Filters = {}): Promise<void> {
  manifestLoad ??= getJson<CalendarManifest>(CALENDAR_MANIFEST_URL).then(
    (m) => (manifest = m),
    (e: unknown) => {
      manifestLoad = undefined;
      throw e;
    },
  );
  return manifestLoad.then((m) => {
    const { monthKeys, yearKeys } = filesOf(m, range);
    return Promise.all([
      loadShards(range, filters, true),
      ...monthKeys.map((k) =>
        once(monthDataUrl(k), () =>
          getJson<MonthFile>(monthDataUrl(k)).then((f) => {
            if (f.dense) summaries.set(k, f.dense);
            months.set(k, f.events);
          }),
        ),
      ),
      ...yearKeys.map((y) => once(observanceYearDataUrl(y), () => getJson<ObservanceYearFile>(observanceYearDataUrl(y)).then((f) => years.set(y, f.observances)))),
    ]).then(() => loadShards(range, filters)).then(() => undefined);
  });
}

/** Whether every file of the range is in. */
export function isLoaded(range: VisibleRange, filters: Filters = {}): boolean {
  if (!manifest) return false;
  const { monthKeys, yearKeys } = filesOf(manifest, range);
  return monthKeys.every((k) => months.has(k)) && yearKeys.every((y) => years.has(y)) && shardUrls(range, filters).every((u) => shards.has(u));
}

/** What is loaded for a range (each event once): small months' rows, dense months' shards and counts. */
export function rangeData(range: VisibleRange | undefined, filters: Filters = {}): Pick<MonthData, 'events' | 'observances' | 'dense'> & { head?: { day: string; total: number; shown: number } } {
  const wanted = range ? monthsInRange(range.start, range.end) : [];
  const dense: DenseInView[] = [];
  let head: { day: string; total: number; shown: number } | undefined;
  const lists = wanted.map((k) => {
    const s = summaries.get(k);
    if (!s || !range) return months.get(k) ?? [];
    const urls = shardsFor(k, s, filters, range, isWhole(range));
    const rows = urls.length > 0 && urls.every((u) => shards.has(u));
    dense.push({ month: k, summary: s, rows });
    for (const u of urls) if (rows && headTotals.has(u)) head = { day: range.start, total: headTotals.get(u)!, shown: shards.get(u)!.length };
    return rows ? urls.flatMap((u) => shards.get(u)!) : [];
  });
  return { events: uniqueEvents(lists), observances: yearsOf(wanted).flatMap((y) => years.get(y) ?? []), dense, ...(head ? { head } : {}) };
}

/** Whether a month's activities alone are more than a list page (the manifest says so): its 列表 goes day by day. */
export function listsByDay(month: string): boolean {
  return isDenseMonth(month) || !!manifest?.byDay?.includes(month);
}

/** Whether a month (`YYYY-MM`) is known to be dense (the manifest says so, or its file is in). */
export function isDenseMonth(month: string): boolean {
  return summaries.has(month) || !!manifest?.dense?.[month];
}

export function useMonthData(range: VisibleRange | undefined, filters: Filters = {}): MonthData {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string>();
  // Bumped by 再列出 under a day's head: the same range now needs the whole day's shard.
  const [asked, setAsked] = useState(0);
  const ready = range ? isLoaded(range, filters) : false;
  // Only the region filter chooses shards (calendar-dense.ts shardsFor); the others filter loaded rows.
  const region = filters.region;

  useEffect(() => {
    if (!range || isLoaded(range, filters)) return;
    let live = true;
    loadRange(range, filters)
      .then(() => live && setError(undefined))
      .catch(() => live && setError(LOAD_ERROR))
      .finally(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [range?.start, range?.end, region, asked]);

  // New arrays only when the range or the loaded files change, so the calendar redraws only then.
  const loaded = useMemo(() => rangeData(range, filters), [range?.start, range?.end, region, version, ready]);
  const { head, ...data } = loaded;
  const partial = head && {
    ...head,
    more: () => {
      // Every row of the day (its whole shard), then the list pages on as usual.
      wholeDays.add(head.day);
      setAsked((n) => n + 1);
      setVersion((v) => v + 1);
    },
  };
  return { ...data, ...(partial ? { partial } : {}), loading: !ready && !error, error: ready ? undefined : error, months: manifest?.months ?? NO_MONTHS };
}
