/**
 * What the grids draw for a dense month (issue 21, src/lib/calendar/calendar-dense.ts): a count per day
 * (“1 234 项活动”, opening that day's list) in place of rows — from the month's counts, or from a
 * province's rows when a region filter brought them in but they are more than GRID_EVENT_LIMIT —
 * and the count the status line says for the period shown. Lists of a dense month go day by day and
 * draw rows (useListSwitch), so they get no counts here.
 */
import { useMemo } from 'react';
import { countItem, countsFromRows, dayCounts, eventsIn, GRID_EVENT_LIMIT } from '../../lib/calendar/calendar-dense.ts';
import { overlaps } from '../../lib/calendar/calendar-draw.ts';
import type { DrawnEvent, VisibleItems } from '../../lib/calendar/calendar-draw.ts';
import type { CalendarState } from '../../lib/calendar/filters.ts';
import type { MonthData, VisibleRange } from './use-month-data.ts';

export interface DenseView {
  /** One all-day item per day with activities, for the grids. */
  countItems: DrawnEvent[];
  /** Drawn ids of rows that the counts replace. */
  hide: Set<string>;
  /** Different activities in [current.start, current.end) that the counts stand for (rows drawn are counted apart). */
  counted: number;
  /** Whether `counted` is exact (one filter or none, or counted from rows). */
  exact: boolean;
}

const NONE: DenseView = { countItems: [], hide: new Set(), counted: 0, exact: true };

export function useDenseView(data: MonthData, items: VisibleItems, state: CalendarState, listView: boolean, range: VisibleRange, current: { start: string; end: string }): DenseView {
  return useMemo(() => {
    // A long day listed from its head: the status line counts the rows still to come too.
    if (listView && data.partial) return { ...NONE, counted: data.partial.total - data.partial.shown };
    if (!data.dense.length || listView) return NONE;
    const countItems: DrawnEvent[] = [];
    const hide = new Set<string>();
    let counted = 0;
    let exact = true;
    const add = (day: string, n: number, isExact: boolean) => {
      if (n <= 0 || day < range.start || day >= range.end) return;
      countItems.push(countItem(day, n, isExact, state));
    };
    for (const d of data.dense) {
      const [from, to] = [d.summary.days[0]!, d.summary.days[d.summary.days.length - 1]!];
      if (d.rows) {
        // A province's rows: drawn when few, else counted (exactly) from them.
        const mine = items.events.filter((e) => e.start.slice(0, 10) <= to && (e.end ?? e.start).slice(0, 10) >= from);
        if (mine.length <= GRID_EVENT_LIMIT) continue;
        for (const e of mine) hide.add(`e:${e.id}`);
        counted += mine.filter((e) => overlaps(e, current.start, current.end)).length;
        const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        for (const [day, n] of countsFromRows(mine, from, next)) add(day, n, true);
      } else {
        const c = dayCounts(d.summary, state.filters);
        const inView = eventsIn(d.summary, state.filters, current.start, current.end);
        counted += inView.n;
        exact &&= inView.exact;
        d.summary.days.forEach((day, i) => add(day, c.counts[i] ?? 0, c.exact));
      }
    }
    return { countItems, hide, counted, exact };
  }, [data.dense, data.partial, items, state, listView, range.start, range.end, current.start, current.end]);
}
