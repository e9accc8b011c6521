/**
 * The calendar's draws, spread over short tasks so that a slow phone never blocks for long
 * (Lighthouse's total blocking time, and the 100 ms an interaction may take): the filters and
 * status line first, FullCalendar a task later (its first render is the page's longest task), then
 * a list's rows `step` more per task until `limit` (a list draws at most that many rows at once).
 * Each later list (another day, another filter: `rows` is a new array) draws its first `step` rows
 * at once and the rest a task later — the first screen of a dense day's 100 rows in ≈ 10 ms, not
 * all of them in ≈ 35 ms. A grid gets all its items at once: each step would redraw the whole month
 * (≈ 15–45 ms here each), and a dense month's grid holds counts, not rows.
 *
 * `cap` is how many events to hand FullCalendar: Infinity once the draw is done.
 */
import { useEffect, useRef, useState } from 'react';

export function useFirstDraw(step: number, limit: number, list: boolean, rows: unknown): { calendarOn: boolean; cap: number } {
  const [calendarOn, setCalendarOn] = useState(false);
  const [drawn, setDrawn] = useState({ rows, cap: 0 });
  const firstDraw = drawn.cap !== Infinity;
  // A new list after the first draw starts at `step` rows, in the same render that brings it.
  const cap = firstDraw || drawn.rows === rows ? drawn.cap : list ? step : Infinity;
  useEffect(() => {
    const t = setTimeout(() => setCalendarOn(true));
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (!calendarOn || cap === Infinity) return;
    // The first draw goes on by steps; a later list has its rest in one go.
    const t = setTimeout(() => setDrawn({ rows, cap: firstDraw && list && cap + step < limit ? cap + step : Infinity }));
    return () => clearTimeout(t);
  }, [cap, calendarOn, list, rows]);
  return { calendarOn, cap };
}

/**
 * While a filter's files load (a region's shard: ≈ 50 ms here) the view keeps the items it shows,
 * the status line saying 加载中, rather than drawing an interim state that is redrawn at once.
 * Another day, month or view (`view` changes) is drawn at once: its rows come into it.
 */
export function useHeldWhileLoading<T>(items: T, view: string, loading: boolean): T {
  const held = useRef({ view, items });
  const shown = loading && held.current.view === view ? held.current.items : items;
  held.current = { view, items: shown };
  return shown;
}
