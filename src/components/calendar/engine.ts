/**
 * The calendar's engine — FullCalendar and its list view (CalendarGrid.tsx, ≈ 50 KB gzipped with
 * its date library) — is not part of the island's own code: the island draws its frame (filters,
 * status line, a dense month's note) as soon as it starts, and asks for FullCalendar and the first
 * view's files a frame later; the calendar is drawn once they are in (KepuCalendar.tsx). Before,
 * the frame waited for FullCalendar's download and start-up: on Lighthouse's phone it was the page's
 * largest paint, at 1.9–2.3 s. The month grids' plugin loads on first use (loadGrid).
 *
 * Here too: what the island keeps about the calendar apart from FullCalendar (the opening view, the
 * grid plugin's loading, how a count opens its day).
 */
import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { CalendarRef, PluginInput } from '@fullcalendar/react';
import { viewRange, visibleItems } from '../../lib/calendar/calendar-draw.ts';
import { listRows, listSpanFor } from '../../lib/calendar/calendar-list.ts';
import { activeFilterCount, parseCalendarParams, whenRange, type CalendarView, type Filters } from '../../lib/calendar/filters.ts';
import type { CalendarManifest } from '../../lib/calendar/calendar-data.ts';
import { nextDay, todayIn } from '../../lib/time/days.ts';
import { LARGE_PHONE, nextTask, PHONE, spanOf, titleOf, viewTypes, ymdOf } from './calendar-options.tsx';
import { isDenseMonth, isLoaded, listsByDay, loadRange, rangeData, seedManifest } from './use-month-data.ts';

export type Engine = typeof import('./CalendarGrid.tsx');

/** A module imported on first use, once per visit; a failed import lets a later call try again. */
function importOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = undefined;
      throw e;
    }));
}

/**
 * FullCalendar (CalendarGrid.tsx). Its first render makes a number format for its locale (zh-cn):
 * the page's first, for which the browser loads the locale's number data — 15 ms here, 60 ms of the
 * 173 ms first render on Lighthouse's slowed phone (issue 21). Made in a task of its own while the
 * engine downloads, the first render finds the data loaded.
 */
export const loadEngine = importOnce(() => {
  setTimeout(() => new Intl.NumberFormat('zh-cn'));
  return import('./CalendarGrid.tsx');
});
/** The grids (FullCalendar's daygrid plugin, ~16 KB gzipped), the first time a grid is shown. */
export const loadGrid = importOnce(() => import('@fullcalendar/react/daygrid').then((m) => m.default as PluginInput));

/** What `load` gives once it is in (asked for while `wanted`), or whether it failed. */
function useLoaded<T>(load: () => Promise<T>, wanted: boolean): { value?: T; failed: boolean } {
  const [value, setValue] = useState<T>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (value || !wanted) return;
    let live = true;
    load().then(
      (v) => live && (setFailed(false), setValue(() => v)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, value]);
  return { value, failed };
}

/** The engine once loaded (asked for after the island's first draw, or by a list's opening), or whether it failed. */
export function useEngine(): { engine?: Engine; engineError: boolean } {
  const { value, failed } = useLoaded(loadEngine, true);
  return { engine: value, engineError: failed };
}

/** The grid plugin, loaded the first time a grid view is shown. */
export function useGridPlugin(type: string): { grid?: PluginInput; gridError: boolean } {
  const { value, failed } = useLoaded(loadGrid, type.startsWith('dayGrid'));
  return { grid: value, gridError: failed };
}

export interface Opening {
  phone: boolean;
  types: Record<CalendarView, string>;
  /** FullCalendar view type and day to open at, and what that view shows. */
  type: string;
  date: string;
  range: ReturnType<typeof viewRange>;
  failed?: boolean;
}

/**
 * The view the island opens at. A grid, or a dense month's day (the manifest names dense months,
 * issue 21), is known before any file is in: the island draws its frame at once (filters, status
 * line, the dense month's note); the files and FullCalendar are asked for by the view itself, a frame
 * later, and the calendar comes when they are all in (CalendarView: `ready`). On Lighthouse's phone
 * the frame came after FullCalendar and the data. A month's or week's list waits for its files (it
 * may become a day's list), FullCalendar loading meanwhile.
 */
export function useOpening(manifest: CalendarManifest | undefined): Opening | undefined {
  const [opening, setOpening] = useState<Opening>();
  useEffect(() => {
    seedManifest(manifest);
    const state = parseCalendarParams(window.location.search);
    const phone = window.matchMedia(PHONE).matches;
    const types = viewTypes(phone);
    // 大字 on a phone-sized screen: a month grid would show two characters per event, so it opens as a list.
    const large = document.documentElement.dataset.font === 'large' && window.matchMedia(LARGE_PHONE).matches;
    let type = types[large && state.view !== 'week' ? 'list' : (state.view ?? (phone ? 'list' : 'month'))];
    const when = state.filters.when ? whenRange(state.filters.when, todayIn(new Date())).start : undefined;
    const date = state.date ? (state.date.length === 7 ? `${state.date}-01` : state.date) : (when ?? ymdOf(new Date()));
    // A dense month lists day by day: its list opens at the day, whose rows are asked for together
    // with the month's counts (use-month-data.ts loadRange), not after them. So does, without
    // filters, a month whose activities alone are more than a page (the manifest's byDay).
    const month = date.slice(0, 7);
    if ((type === 'listMonth' || type === 'listWeek') && isDenseMonth(month)) type = 'listDay';
    if (type === 'listMonth' && activeFilterCount(state.filters) === 0 && listsByDay(month)) type = 'listDay';
    let range = viewRange(spanOf(type), date);
    if (type !== 'listMonth' && type !== 'listWeek') {
      setOpening({ phone, types, type, date, range });
      return;
    }
    let live = true;
    loadEngine().catch(() => undefined);
    // The page's first time-zone lookup (Intl loads its data: ≈ 20 ms here, ≈ 80 ms on a slow phone)
    // runs while the files load, as a task of its own, not inside the first draw.
    const warm = setTimeout(() => todayIn(new Date()));
    loadRange(range, state.filters)
      .then(async () => {
        // Each step is its own task (a dense month's file alone is 1.4 MB of JSON): shorter tasks on a slow phone.
        await nextTask();
        const { events, observances, dense } = rangeData(range, state.filters);
        const rows = listRows(visibleItems(events, observances, state, { spansAside: true }).drawn, range.start, range.end);
        // A week reaching into a dense month, or a month too long for one page, lists day by day.
        if (dense.length || (type === 'listMonth' && listSpanFor(rows) === 'day')) {
          [type, range] = ['listDay', viewRange('day', date)];
          await loadRange(range, state.filters);
        }
        return false;
      })
      .catch(() => true)
      .then(async (failed) => {
        await nextTask();
        if (live) setOpening({ phone, types, type, date, range, failed });
      });
    return () => {
      live = false;
      clearTimeout(warm);
    };
  }, []);
  return opening;
}

const dayLink = (ev: { target: EventTarget | null }) => (ev.target as Element).closest?.('a[data-day]');
/** The range of one day's list: what is loaded for it on press and on click. */
const dayRange = (day: string) => ({ start: day, end: nextDay(day) });

/**
 * How long a day's rows may take before the status line says the day is loading (a phone's network;
 * here they take ≈ 5 ms). Sooner, the words would flash on every press and cost a render before the
 * rows; a person notices no answer after about a third of a second.
 */
const SLOW_OPEN_MS = 300;

function viewKey(calendar: CalendarRef | null): string {
  const view = calendar?.getApi().view;
  return view ? `${view.type} ${view.currentStart.getTime()}` : '';
}

/**
 * A count (or “另 N 项”) opens its day's list in place: in the count grid by their links' data-day
 * (onGridClick, on the calendar's root), in FullCalendar's own grid by onEventClick (CalendarGrid).
 * Their links do the same without script. The day's rows are asked for in the click itself and the
 * view changes once they are in: the list is drawn once, with its rows — not first empty (正在加载…)
 * and again a few tasks later (two of FullCalendar's renders: 55–112 ms from the click at 100,000
 * activities in a month, issue 21; 31–49 ms now). The rows are asked for already when the link is
 * pressed down (onGridPress: a finger or a mouse button, ≈ 100 ms before the click). Meanwhile the
 * pressed link says it is busy (aria-busy: dimmed, a progress cursor), and after SLOW_OPEN_MS the
 * status line too (`opening`); a later press, or the calendar moving elsewhere, wins. A failed load
 * opens the day all the same: the list says so.
 */
export function useDayOpener(calendar: RefObject<CalendarRef | null>, filters: Filters, view: string) {
  const now = useRef(filters);
  now.current = filters;
  const latest = useRef<string | undefined>(undefined);
  // The day being opened, once its rows take longer than SLOW_OPEN_MS: the status line says so.
  const [opening, setOpening] = useState<string>();
  // The calendar moved (another month, view, or the day itself opened): a day still on its way is dropped.
  useEffect(() => {
    latest.current = undefined;
    setOpening(undefined);
  }, [view]);
  const openDay = useCallback((day: string, link?: Element) => {
    const range = dayRange(day);
    latest.current = day;
    // Where the calendar was when pressed: moved meanwhile (another month, view …), the day does not open.
    const at = viewKey(calendar.current);
    let slow: ReturnType<typeof setTimeout> | undefined;
    const go = () => {
      clearTimeout(slow);
      link?.removeAttribute('aria-busy');
      if (latest.current !== day) return;
      setOpening(undefined);
      if (viewKey(calendar.current) === at) calendar.current?.getApi().changeView('listDay', day);
    };
    if (isLoaded(range, now.current)) return go();
    link?.setAttribute('aria-busy', 'true');
    slow = setTimeout(() => latest.current === day && setOpening(titleOf('listDay', day, range.end)), SLOW_OPEN_MS);
    loadRange(range, now.current).then(go, go);
  }, []);
  const onGridClick = useCallback((ev: ReactMouseEvent) => {
    const a = dayLink(ev);
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    openDay(a.getAttribute('data-day')!, a);
  }, [openDay]);
  const onGridPress = useCallback((ev: ReactPointerEvent) => {
    const day = dayLink(ev)?.getAttribute('data-day');
    if (day && ev.button === 0) loadRange(dayRange(day), now.current).catch(() => undefined);
  }, []);
  return { openDay, onGridClick, onGridPress, opening };
}
