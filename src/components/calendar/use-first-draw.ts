/**
 * The calendar's first draw, spread over short tasks so that a slow phone never blocks for long
 * (Lighthouse's total blocking time): the filters and status line first, FullCalendar a task later
 * (its first render is the page's longest task), then the events `step` more per task until
 * `limit` (a list draws at most that many rows at once). Later redraws are whole.
 *
 * `cap` is how many events to hand FullCalendar: Infinity once the first draw is done.
 */
import { useEffect, useState } from 'react';

export function useFirstDraw(step: number, limit: number): { calendarOn: boolean; cap: number } {
  const [calendarOn, setCalendarOn] = useState(false);
  const [cap, setCap] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setCalendarOn(true));
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (!calendarOn || cap === Infinity) return;
    const t = setTimeout(() => setCap((c) => (c + step >= limit ? Infinity : c + step)));
    return () => clearTimeout(t);
  }, [cap, calendarOn]);
  return { calendarOn, cap };
}
