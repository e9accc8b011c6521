/**
 * The calendar's engine — FullCalendar and its list view (CalendarGrid.tsx, ≈ 50 KB gzipped with
 * its date library) — is not part of the island's own code: the island draws its frame (filters,
 * status line, a dense month's note) as soon as it starts, and asks for FullCalendar and the first
 * view's files a frame later; the calendar is drawn once they are in (KepuCalendar.tsx). Before,
 * the frame waited for FullCalendar's download and start-up: on Lighthouse's phone it was the page's
 * largest paint, at 1.9–2.3 s. The month grids' plugin loads on first use (calendar-options.tsx loadGrid).
 *
 * Here too: what the island keeps about the calendar apart from FullCalendar (the opening, the grid
 * plugin's loading, how a count opens its day).
 */
import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import type { CalendarRef, PluginInput } from '@fullcalendar/react';
import type { viewRange } from '../../lib/calendar-draw.ts';
import type { CalendarView, Filters } from '../../lib/filters.ts';
import { nextDay } from '../../lib/time/days.ts';
import { loadGrid } from './calendar-options.tsx';
import { prefetch } from './use-month-data.ts';

export type Engine = typeof import('./CalendarGrid.tsx');

let engineLoad: Promise<Engine> | undefined;
/** FullCalendar (CalendarGrid.tsx), asked for once per visit; a failure lets a later call try again. */
export const loadEngine = (): Promise<Engine> =>
  (engineLoad ??= import('./CalendarGrid.tsx').catch((e: unknown) => {
    engineLoad = undefined;
    throw e;
  }));

/** The engine once loaded (asked for after the island's first draw, or by a list's opening), or whether it failed. */
export function useEngine(): { engine?: Engine; engineError: boolean } {
  const [engine, setEngine] = useState<Engine>();
  const [engineError, setEngineError] = useState(false);
  useEffect(() => {
    let live = true;
    loadEngine().then(
      (m) => live && setEngine(m),
      () => live && setEngineError(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return { engine, engineError };
}

export interface Opening {
  phone: boolean;
  types: Record<CalendarView, string>;
  /** FullCalendar view type and day to open at, and what that view shows. */
  type: string;
  date: string;
  range: ReturnType<typeof viewRange>;
  grid?: PluginInput;
  failed?: boolean;
}

/** The grid plugin, loaded the first time a grid view is shown. */
export function useGridPlugin(type: string, initial: PluginInput | undefined) {
  const [grid, setGrid] = useState<PluginInput | undefined>(initial);
  const [gridError, setGridError] = useState(false);
  useEffect(() => {
    if (grid || !type.startsWith('dayGrid')) return;
    let live = true;
    loadGrid().then(
      (p) => live && (setGridError(false), setGrid(p)),
      () => live && setGridError(true),
    );
    return () => {
      live = false;
    };
  }, [type, grid]);
  return { grid, gridError };
}

/**
 * A count (or “另 N 项”) opens its day's list in place, its rows asked for in the click itself: in
 * the count grid by their links' data-day (onGridClick, on the calendar's root), in FullCalendar's
 * own grid by onEventClick (CalendarGrid). Their links do the same without script.
 */
export function useDayOpener(calendar: RefObject<CalendarRef | null>, filters: Filters) {
  const now = useRef(filters);
  now.current = filters;
  const openDay = useCallback((day: string) => {
    prefetch({ start: day, end: nextDay(day) }, now.current);
    calendar.current?.getApi().changeView('listDay', day);
  }, []);
  const onGridClick = useCallback((ev: ReactMouseEvent) => {
    const a = (ev.target as Element).closest?.('a[data-day]');
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    openDay(a.getAttribute('data-day')!);
  }, [openDay]);
  return { openDay, onGridClick };
}
