/**
 * The calendar's draws, spread over short tasks so that a slow phone never blocks for long
 * (Lighthouse's total blocking time, and the 100 ms an interaction may take): the filters and
 * status line first, FullCalendar a task later, once it is `ready` (loaded: engine.ts; its first
 * render is the page's longest task), then
 * a list's rows `step` more per task until `limit` (a list draws at most that many rows at once) —
 * but only while the end of the list (`end`, an element just after it) is within a screen of the
 * bottom of the window. Each step redraws every row drawn so far (FullCalendar's list): at a dense
 * day's 100 rows the last steps took 26–37 ms here, 100–150 ms on Lighthouse's phone, for rows
 * below the fold. Now a phone draws the rows of its first two screens, and the rest as they are
 * scrolled to (an IntersectionObserver wakes the steps). Each later list (another day, another
 * filter: `rows` is a new array) draws its first `step` rows at once and goes on the same way.
 * A grid gets all its items at once: each step would redraw the whole month (≈ 15–45 ms here
 * each), and a dense month's grid holds counts, not rows.
 *
 * `cap` is how many events to hand FullCalendar: Infinity once the draw is done. `drawing` is
 * whether more rows are on their way without anyone scrolling (the calendar's aria-busy);
 * `waiting`, whether the list waits for a scroll, and `drawMore` draws its next rows at once (the
 * list's 继续列出 button, for a keyboard or a screen reader, which need not scroll).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * How far below the window the end of a list may be for its next rows to be drawn: one screen. The
 * next rows are drawn a screen before the reader gets to them; more screens would bring back the
 * long steps at load (two screens: ≈ 45 rows on Lighthouse's phone).
 */
const AHEAD = 1;

/** Whether an element is at most AHEAD screens below the bottom of the window (or not measurable). */
function nearView(el: Element | null): boolean {
  if (!el || typeof window === 'undefined') return true;
  return el.getBoundingClientRect().top < window.innerHeight * (1 + AHEAD);
}

export function useFirstDraw(
  step: number,
  limit: number,
  list: boolean,
  rows: unknown,
  end: RefObject<Element | null>,
  ready = true,
): { calendarOn: boolean; cap: number; drawing: boolean; waiting: boolean; drawMore: () => void } {
  const [calendarOn, setCalendarOn] = useState(false);
  const [drawn, setDrawn] = useState({ rows, cap: 0 });
  // Whether the end of these rows was within reach when last measured (a new list: not yet measured).
  const [nearFor, setNearFor] = useState({ rows, near: true });
  const near = nearFor.rows !== rows || nearFor.near;
  const [wake, setWake] = useState(0);
  // A new list after the first draw starts at `step` rows, in the same render that brings it.
  const cap = drawn.rows === rows || drawn.cap === 0 ? drawn.cap : list ? step : Infinity;
  const next = list && cap + step < limit ? cap + step : Infinity;
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => setCalendarOn(true));
    return () => clearTimeout(t);
  }, [ready]);
  useEffect(() => {
    if (!calendarOn || cap === Infinity) return;
    // Measured after the rows so far are drawn: the next ones only when they would soon be seen.
    const more = !list || cap === 0 || nearView(end.current);
    setNearFor((p) => (p.rows === rows && p.near === more ? p : { rows, near: more }));
    if (!more) return;
    const t = setTimeout(() => setDrawn({ rows, cap: next }));
    return () => clearTimeout(t);
  }, [cap, calendarOn, list, rows, wake]);
  useScrolledTo(end, calendarOn && list && cap !== Infinity, () => setWake((w) => w + 1));
  return {
    calendarOn,
    cap,
    drawing: !calendarOn || (cap !== Infinity && near),
    // Waiting for a scroll: a button says so too (a keyboard or a screen reader need not scroll).
    waiting: calendarOn && list && cap !== Infinity && !near,
    drawMore: () => setDrawn({ rows, cap: next }),
  };
}

/** Calls `onNear` when `el` comes within AHEAD screens of the window (scrolled to, or the page got shorter). */
function useScrolledTo(el: RefObject<Element | null>, on: boolean, onNear: () => void): void {
  const call = useRef(onNear);
  call.current = onNear;
  useEffect(() => {
    const node = el.current;
    if (!on || !node || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && call.current(), { rootMargin: `0px 0px ${AHEAD * 100}% 0px` });
    io.observe(node);
    return () => io.disconnect();
  }, [on, el]);
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
