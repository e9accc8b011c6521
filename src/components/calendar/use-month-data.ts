/**
 * Loads the calendar's static JSON for the visible range: the manifest once, then each month's
 * events and each year's observance days the first time they are shown (cached for the visit).
 * Only files the manifest lists are requested, so a month without events costs no request.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CalendarEvent, CalendarManifest, CalendarObservance, MonthFile, ObservanceYearFile } from '../../lib/calendar-data.ts';
import { monthsInRange, uniqueEvents, yearsOf } from '../../lib/calendar-draw.ts';

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
}

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

export function useMonthData(range: VisibleRange | undefined): MonthData {
  const manifest = useRef<Promise<CalendarManifest> | null>(null);
  const months = useRef(new Map<string, CalendarEvent[]>());
  const years = useRef(new Map<number, CalendarObservance[]>());
  /** Requests in flight or done, by URL: a file is asked for once even when ranges change quickly. */
  const requests = useRef(new Map<string, Promise<unknown>>());
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!range) return;
    let live = true;
    manifest.current ??= getJson<CalendarManifest>('/data/calendar.json');
    const wanted = monthsInRange(range.start, range.end);
    setLoading(true);
    manifest.current
      .then((m) => {
        const once = (url: string, load: () => Promise<unknown>) => {
          let p = requests.current.get(url);
          if (!p) {
            p = load().catch((e: unknown) => {
              requests.current.delete(url); // let a later view try again
              throw e;
            });
            requests.current.set(url, p);
          }
          return p;
        };
        const monthUrl = (k: string) => `/data/events/${k}.json`;
        const yearUrl = (y: number) => `/data/observances/${y}.json`;
        return Promise.all([
          ...wanted.filter((k) => m.months.includes(k)).map((k) => once(monthUrl(k), () => getJson<MonthFile>(monthUrl(k)).then((f) => months.current.set(k, f.events)))),
          ...yearsOf(wanted).filter((y) => m.observanceYears.includes(y)).map((y) => once(yearUrl(y), () => getJson<ObservanceYearFile>(yearUrl(y)).then((f) => years.current.set(y, f.observances)))),
        ]);
      })
      .then(() => live && setError(undefined))
      .catch(() => live && setError('日历数据加载失败，请检查网络后刷新页面 / could not load the calendar data'))
      .finally(() => {
        if (!live) return;
        setLoading(false);
        setVersion((v) => v + 1);
      });
    return () => {
      live = false;
    };
  }, [range?.start, range?.end]);

  // New arrays only when the range or the loaded files change, so the calendar redraws only then.
  const loaded = useMemo(() => {
    const wanted = range ? monthsInRange(range.start, range.end) : [];
    return {
      events: uniqueEvents(wanted.map((k) => months.current.get(k) ?? [])),
      observances: yearsOf(wanted).flatMap((y) => years.current.get(y) ?? []),
    };
  }, [range?.start, range?.end, version]);
  return { ...loaded, loading, error };
}
