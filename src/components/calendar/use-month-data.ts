/**
 * Loads the calendar's static JSON for the visible range: the manifest once, then each month's
 * events and each year's observance days the first time they are shown (cached for the visit).
 * Only files the manifest lists are requested, so a month without events costs no request.
 * The cache belongs to the page, not to a component: the calendar loads its first range before it
 * draws (loadRange), and the hook then finds that range already there.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CalendarEvent, CalendarManifest, CalendarObservance, MonthFile, ObservanceYearFile } from '../../lib/calendar-data.ts';
import { monthsInRange, uniqueEvents, yearsOf } from '../../lib/calendar-draw.ts';
import { CALENDAR_MANIFEST_URL, monthDataUrl, observanceYearDataUrl } from '../../lib/urls.ts';

export interface VisibleRange {
  /** First shown day, YYYY-MM-DD. */
  start: string;
  /** Day after the last shown day. */
  end: string;
}

export interface MonthData {
  events: CalendarEvent[];
  observances: CalendarObservance[];
  loading: boolean;
  error?: string;
  /** `YYYY-MM` keys that have activities (the manifest), once it is in. */
  months: readonly string[];
}

const NO_MONTHS: readonly string[] = [];

export const LOAD_ERROR = '日历数据加载失败，请检查网络后刷新页面 / could not load the calendar data';

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

let manifestLoad: Promise<CalendarManifest> | undefined;
let manifest: CalendarManifest | undefined;
const months = new Map<string, CalendarEvent[]>();
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

/** Loads every file the range needs; resolves when they are all in. */
export function loadRange(range: VisibleRange): Promise<void> {
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
      ...monthKeys.map((k) => once(monthDataUrl(k), () => getJson<MonthFile>(monthDataUrl(k)).then((f) => months.set(k, f.events)))),
      ...yearKeys.map((y) => once(observanceYearDataUrl(y), () => getJson<ObservanceYearFile>(observanceYearDataUrl(y)).then((f) => years.set(y, f.observances)))),
    ]).then(() => undefined);
  });
}

/** Whether every file of the range is in. */
function isLoaded(range: VisibleRange): boolean {
  if (!manifest) return false;
  const { monthKeys, yearKeys } = filesOf(manifest, range);
  return monthKeys.every((k) => months.has(k)) && yearKeys.every((y) => years.has(y));
}

/** What is loaded for a range (each event once). */
export function rangeData(range: VisibleRange | undefined): Pick<MonthData, 'events' | 'observances'> {
  const wanted = range ? monthsInRange(range.start, range.end) : [];
  return {
    events: uniqueEvents(wanted.map((k) => months.get(k) ?? [])),
    observances: yearsOf(wanted).flatMap((y) => years.get(y) ?? []),
  };
}

export function useMonthData(range: VisibleRange | undefined): MonthData {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string>();
  const ready = range ? isLoaded(range) : false;

  useEffect(() => {
    if (!range || isLoaded(range)) return;
    let live = true;
    loadRange(range)
      .then(() => live && setError(undefined))
      .catch(() => live && setError(LOAD_ERROR))
      .finally(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [range?.start, range?.end]);

  // New arrays only when the range or the loaded files change, so the calendar redraws only then.
  const loaded = useMemo(() => rangeData(range), [range?.start, range?.end, version, ready]);
  return { ...loaded, loading: !ready && !error, error: ready ? undefined : error, months: manifest?.months ?? NO_MONTHS };
}
