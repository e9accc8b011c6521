/**
 * FullCalendar in the /calendar/ island: the grid plugin (loaded on first use, with a dense month's
 * own grid: CountGrid.tsx), the calendar itself (memoised: a filter's shard loading does not redraw
 * the month), and how a count opens its day. Apart from KepuCalendar.tsx, which holds the state.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { CalendarRef, DatesSetInfo, EventClickInfo, EventInput, PluginInput } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import listPlugin from '@fullcalendar/react/list';
import zhCn from '@fullcalendar/react/locales/zh-cn';
import { isCountItem } from '../../lib/calendar-dense.ts';
import type { viewRange } from '../../lib/calendar-draw.ts';
import type { CalendarView, Filters } from '../../lib/filters.ts';
import { nextDay } from '../../lib/time/days.ts';
import { BUTTONS, gridPending, loadGrid, nextHint, prevHint, TIME_FORMAT, VIEWS } from './calendar-options.tsx';
import { withCountGrid } from './CountGrid.tsx';
import { prefetch } from './use-month-data.ts';

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
  const plugins = useMemo(() => [classicTheme, listPlugin, withCountGrid(grid ?? gridPending)], [grid]);
  return { plugins, gridError };
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

interface GridProps {
  calendar: RefObject<CalendarRef | null>;
  opening: Opening;
  plugins: PluginInput[];
  /** The view shown now: when it is the day list, the 列表 button opens that too. */
  type: string;
  events: EventInput[];
  /** What a list says when it has no rows (a grid shows none: it keeps its items while loading). */
  emptyText: string;
  onDatesSet: (info: DatesSetInfo) => void;
  openDay: (day: string) => void;
}

/**
 * FullCalendar itself: opened at the opening's view and day, with the events drawn so far. Memoised:
 * the filters or the status line changing alone (a shard loading) does not redraw the month.
 */
export const CalendarGrid = memo(function CalendarGrid({ calendar, opening, plugins, type, events, emptyText, onDatesSet, openDay }: GridProps) {
  const { types } = opening;
  const listType = type === 'listDay' ? 'listDay' : types.list;
  const toolbar = useMemo(() => ({ start: 'prev,today,next', center: 'title', end: `${types.month},${types.week},${listType}` }), [listType]);
  // A dense month's count opens that day's list here (its link does the same without script).
  const onEventClick = useCallback((info: EventClickInfo) => {
    if (!isCountItem(info.event)) return;
    info.jsEvent.preventDefault();
    openDay(info.event.id.slice(2));
  }, [openDay]);
  return (
    <FullCalendar
      ref={calendar}
      plugins={plugins}
      locale={zhCn}
      initialView={opening.type}
      initialDate={opening.date}
      class="kp-fc"
      headerToolbar={toolbar}
      buttons={BUTTONS}
      events={events}
      eventOrder="order,start,-duration,title"
      eventTimeFormat={TIME_FORMAT}
      dayMaxEventRows={4}
      height="auto"
      noEventsText={emptyText}
      eventsHint="活动"
      prevHint={prevHint}
      nextHint={nextHint}
      views={VIEWS}
      datesSet={onDatesSet}
      eventClick={onEventClick}
    />
  );
});
