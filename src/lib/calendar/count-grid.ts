/**
 * The month grid of a dense month (issue 21), drawn by the calendar itself instead of FullCalendar's
 * day grid: a count per day (“1 234 项活动”) or, under a filter that leaves few, the day's first
 * activities; the day's observance days beside them; what spans several days (全国科普月) above. FullCalendar's day grid lays every item out and measures
 * it (≈ 60 ms here to mount, ≈ 90–140 ms in Lighthouse's slowed run); a dense month's grid holds
 * ≈ 35 items, or a few rows a day, that need no layout: a plain table of six weeks is drawn in a few
 * milliseconds.
 * Pure: which days the grid shows, and which items go in which day.
 */
import type { DrawnEvent } from './calendar-draw.ts';
import { viewRange } from './calendar-draw.ts';
import { drawnDays } from './calendar-list.ts';
import { addDays, nextDay } from '../time/days.ts';

export interface GridDay {
  day: string;
  /** The day belongs to the month shown (the others are the weeks' ends, drawn faint). */
  inMonth: boolean;
}

/** The six weeks (Monday first, like FullCalendar's zh-CN grid) that show the month of `day`. */
export function monthGridWeeks(day: string): GridDay[][] {
  const r = viewRange('monthGrid', day);
  return Array.from({ length: 6 }, (_, w) =>
    Array.from({ length: 7 }, (_, i) => {
      const d = addDays(r.start, w * 7 + i);
      return { day: d, inMonth: d >= r.currentStart && d < r.currentEnd };
    }),
  );
}

/** Activities a day's cell shows before “另 N 项” (FullCalendar's grid showed four rows a day too). */
export const ROWS_PER_DAY = 3;

/**
 * Items of the grid's days [from, toExclusive) by day, in drawing order (campaigns, observance days,
 * then activities and counts): an activity over several days (an exhibition) is under each of its
 * days, like a count; campaigns, observance weeks and 预计 windows over several days go apart
 * (`spans`, shown above the grid, once).
 */
export function placeItems<T extends Pick<DrawnEvent, 'start' | 'end' | 'allDay' | 'order' | 'title'>>(items: readonly T[], from: string, toExclusive: string): { spans: T[]; byDay: Map<string, T[]> } {
  const spans: T[] = [];
  const byDay = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => a.order - b.order || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) || a.title.localeCompare(b.title, 'zh-CN'));
  for (const d of sorted) {
    const [first, last] = drawnDays(d);
    if (last < from || first >= toExclusive) continue;
    if (first !== last && d.order !== 2) {
      spans.push(d);
      continue;
    }
    for (let day = first < from ? from : first, guard = 0; day <= last && day < toExclusive && guard < 42; day = nextDay(day), guard++) {
      const list = byDay.get(day);
      if (list) list.push(d);
      else byDay.set(day, [d]);
    }
  }
  return { spans, byDay };
}
