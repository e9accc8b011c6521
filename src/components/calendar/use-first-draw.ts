/**
 * The calendar's first draw, spread over short tasks so that a slow phone never blocks for long
 * (Lighthouse's total blocking time): the filters and status line first, FullCalendar a task later
 * (its first render is the page's longest task), then a list's rows `step` more per task until
 * `limit` (a list draws at most that many rows at once). A grid gets all its items in the task after
 * it is drawn: each step would redraw the whole month (≈ 15–45 ms here each), and a dense month's grid
 * holds counts, not rows. Later redraws are whole.
 *
 * `cap` is how many events to hand FullCalendar: Infinity once the first draw is done.
 */
import { useEffect, useState } from 'react';

export function useFirstDraw(step: number, limit: number, list: boolean): { calendarOn: boolean; cap: number } {
  const [calendarOn, setCalendarOn] = useState(false);
  const [cap, setCap] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setCalendarOn(true));
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (!calendarOn || cap === Infinity) return;
    const t = setTimeout(() => setCap((c) => (!list || c + step >= limit ? Infinity : c + step)));
    return () => clearTimeout(t);
  }, [cap, calendarOn, list]);
  return { calendarOn, cap };
}
