/**
 * The browser side of the calendar: which month files a visible range needs, and what FullCalendar
 * draws for an event or an observance day (plain objects shaped like FullCalendar's `EventInput`,
 * so this stays free of FullCalendar and testable). Imports nothing heavy: it ships in the island.
 */
import type { CalendarEvent, CalendarObservance } from './calendar-data.ts';
import { addDays } from './dates.ts';
import { KIND_ZH, STATUS_ZH } from './present.ts';
import { type CalendarState, matchesFilters, observanceMatches } from './filters.ts';

/** `YYYY-MM` keys of the months touched by the visible range [startDay, endDay) (exclusive end). */
export function monthsInRange(startDay: string, endDayExclusive: string): string[] {
  const last = addDays(endDayExclusive, -1);
  const out: string[] = [];
  let [y, m] = [Number(startDay.slice(0, 4)), Number(startDay.slice(5, 7))];
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last.slice(0, 7)) break;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// what FullCalendar draws
// ---------------------------------------------------------------------------------------------

/** A plain FullCalendar event input (its `EventInput`), built without importing FullCalendar. */
export interface DrawnEvent {
  id: string;
  title: string;
  start: string;
  /** Exclusive, as FullCalendar wants it (the day after the last day for all-day items). */
  end?: string;
  allDay: boolean;
  url: string;
  className: string;
  /** 0 campaigns, 1 observance days, 2 activities: keeps the banners on top. */
  order: number;
}

/** `kp-event`, plus the status (`kp-cancelled`) and kind (`kp-deadline`) for styling. */
export function drawEvent(e: CalendarEvent): DrawnEvent {
  const prefix = e.status !== 'scheduled' ? `【${STATUS_ZH[e.status]}】` : e.kind !== 'activity' ? `【${KIND_ZH[e.kind]}】` : '';
  const classes = ['kp-event', `kp-${e.status}`, e.kind !== 'activity' ? `kp-${e.kind}` : ''].filter(Boolean).join(' ');
  const end = e.allDay ? addDays((e.end ?? e.start).slice(0, 10), 1) : e.end;
  return { id: `e:${e.id}`, title: prefix + e.title, start: e.start, ...(end ? { end } : {}), allDay: e.allDay, url: `/events/${e.id}/`, className: classes, order: 2 };
}

export function drawObservance(o: CalendarObservance): DrawnEvent {
  const campaign = o.kind === 'campaign';
  return {
    id: `o:${o.id}:${o.start}`,
    title: campaign ? o.name : `纪念日：${o.name}`,
    start: o.start,
    end: addDays(o.end, 1),
    allDay: true,
    url: `/observances/${o.id}/`,
    className: campaign ? 'kp-campaign' : 'kp-observance',
    order: campaign ? 0 : 1,
  };
}

/**
 * Whole-month observances (质量月, 敬老月 …) would fill every week row of a month grid, so the
 * calendar lists them above the grid instead; campaigns stay as range banners. In the list view
 * every multi-day observance goes there too (a list would repeat 全国科普月 on all 30 days).
 */
export function isAside(o: CalendarObservance, spansAside = false): boolean {
  return o.kind === 'month' || (spansAside && o.start !== o.end);
}

/** 9月1日—30日, 5月12日 */
export function spanLabel(o: { start: string; end: string }): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (o.start === o.end) return md(o.start);
  return o.start.slice(0, 7) === o.end.slice(0, 7) ? `${md(o.start)}—${Number(o.end.slice(8, 10))}日` : `${md(o.start)}—${md(o.end)}`;
}

/** Years touched by a list of `YYYY-MM` keys. */
export function yearsOf(months: string[]): number[] {
  return [...new Set(months.map((m) => Number(m.slice(0, 4))))];
}

/** Events from several month files, each once (a multi-month event is in every file it touches). */
export function uniqueEvents(lists: CalendarEvent[][]): CalendarEvent[] {
  const seen = new Map<string, CalendarEvent>();
  for (const list of lists) for (const e of list) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

export interface VisibleItems {
  /** What FullCalendar draws: campaign banners, observance days, then matching activities. */
  drawn: DrawnEvent[];
  /** Matching activities (for the "N 项活动" count). */
  events: CalendarEvent[];
  /** Observances listed above the calendar instead of drawn (see isAside). */
  aside: CalendarObservance[];
}

/** Apply the filters to loaded data and turn what remains into FullCalendar inputs. */
export function visibleItems(
  events: CalendarEvent[],
  observances: CalendarObservance[],
  state: Pick<CalendarState, 'filters' | 'observances'>,
  opts: { spansAside?: boolean } = {},
): VisibleItems {
  const matching = events.filter((e) => matchesFilters(e, state.filters));
  const obs = observances.filter((o) => observanceMatches(o, state));
  return {
    drawn: [...obs.filter((o) => !isAside(o, opts.spansAside)).map(drawObservance), ...matching.map(drawEvent)],
    events: matching,
    aside: obs.filter((o) => isAside(o, opts.spansAside)),
  };
}

/** Whether a day range [start, end] (inclusive) overlaps the visible range [from, toExclusive). */
export function overlaps(item: { start: string; end?: string }, from: string, toExclusive: string): boolean {
  return item.start.slice(0, 10) < toExclusive && (item.end ?? item.start).slice(0, 10) >= from;
}
