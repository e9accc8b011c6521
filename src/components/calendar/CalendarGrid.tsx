/**
 * FullCalendar in the /calendar/ island: the calendar itself (memoised: a filter's shard loading does
 * not redraw the month) with its plugins — the list, and the grid plugin once loaded, with a dense
 * month's own grid (CountGrid.tsx). Loaded apart from the island's own code (engine.ts loadEngine):
 * the island draws its first answer without waiting for it. KepuCalendar.tsx holds the state.
 */
import { memo, useCallback, useMemo, type RefObject } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { CalendarRef, DatesSetInfo, EventClickInfo, EventInput, PluginInput } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import listPlugin from '@fullcalendar/react/list';
import zhCn from '@fullcalendar/react/locales/zh-cn';
import { isCountItem } from '../../lib/calendar/calendar-dense.ts';
import { BUTTONS, gridPending, nextHint, prevHint, TIME_FORMAT, VIEWS } from './calendar-options.tsx';
import { withCountGrid } from './CountGrid.tsx';
import type { Opening } from './engine.ts';

interface GridProps {
  calendar: RefObject<CalendarRef | null>;
  opening: Opening;
  /** The month grids' plugin once loaded (engine.ts useGridPlugin); until then a stand-in. */
  grid: PluginInput | undefined;
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
export const CalendarGrid = memo(function CalendarGrid({ calendar, opening, grid, type, events, emptyText, onDatesSet, openDay }: GridProps) {
  const { types } = opening;
  const plugins = useMemo(() => [classicTheme, listPlugin, withCountGrid(grid ?? gridPending)], [grid]);
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
