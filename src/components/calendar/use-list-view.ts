/**
 * The calendar's lists (列表): whether a month lists whole or day by day, and the page of rows a list
 * draws (LIST_ROW_LIMIT at a time, 再列出 for more). Apart from KepuCalendar.tsx because both only
 * decide how much of a list to show, from the rows of src/lib/calendar/calendar-list.ts.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { CalendarRef } from '@fullcalendar/react';
import { monthBounds, type VisibleItems } from '../../lib/calendar/calendar-draw.ts';
import { endedBefore, LIST_ROW_LIMIT, listPage, listRows, listSpanFor } from '../../lib/calendar/calendar-list.ts';
import { ymdOf } from './calendar-options.tsx';
import type { VisibleRange } from './use-month-data.ts';

/** 列表: the whole month when it fits in a page, else day by day (decided again as months and filters change). */
export function useListSwitch(type: string, currentStart: string, drawn: VisibleItems['drawn'], ready: boolean, calendar: RefObject<CalendarRef | null>, root: RefObject<HTMLDivElement | null>, calendarOn: boolean, dense: boolean) {
  // A dense month's week list goes day by day too (its rows come a day at a time).
  const monthList = type === 'listMonth' || type === 'listDay' || (dense && type === 'listWeek') ? monthBounds(currentStart) : undefined;
  const monthRows = useMemo(() => (monthList ? listRows(drawn, monthList[0], monthList[1]) : 0), [drawn, monthList?.[0]]);
  const listWanted = monthList && ready ? (dense || listSpanFor(monthRows) === 'day' ? 'listDay' : 'listMonth') : undefined;
  const switching = Boolean(listWanted && listWanted !== type);
  useEffect(() => {
    if (!switching || !listWanted || !monthList) return;
    const api = calendar.current?.getApi();
    if (!api) return;
    const at = ymdOf(api.getDate());
    const dayIn = at >= monthList[0] && at < monthList[1] ? at : monthList[0];
    const hadFocus = document.activeElement?.closest('[role="tab"]') && root.current?.contains(document.activeElement);
    api.changeView(listWanted, dayIn);
    // The 列表 tab is another button now: keep the keyboard where it was.
    if (hadFocus) requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }, [switching, calendarOn]);
  return switching;
}

/**
 * A list draws one page of rows; 再列出 adds a page (until the view, range or filters change). A list
 * of the month or week that holds today starts at today (`today`, unless undefined): what is over is
 * counted (`past`) and folded, shown on 显示 — a phone opened on the 20th shows what is on, not the 1st.
 */
export function useListPage(pageKey: string, listView: boolean, switching: boolean, items: VisibleItems, range: VisibleRange, today: string | undefined) {
  const [more, setMore] = useState({ key: '', pages: 0 });
  const limit = LIST_ROW_LIMIT * (1 + (more.key === pageKey ? more.pages : 0));
  const from = today && today > range.start && today < range.end ? today : undefined;
  const page = useMemo(() => (listView && !switching ? listPage(items.drawn, from ?? range.start, range.end, limit) : undefined), [listView, range, switching, items, limit, from]);
  const past = useMemo(() => (page && from ? endedBefore(items.drawn, range.start, from) : 0), [page, items, range.start, from]);
  const onMore = () => setMore({ key: pageKey, pages: (more.key === pageKey ? more.pages : 0) + 1 });
  return { page, onMore, past };
}
