/** Listing sizes shared by pages, and the static lists behind the quick date filters. */
import type { EventEntry } from '../content/model.ts';
import { whenRange, type When } from '../calendar/filters.ts';

export const EVENTS_PER_PAGE = 30;

/**
 * Longest static quick-filter list (/events/when/<when>/): a national 科普月 has 100 000 activities
 * in one month; past this the page sends people to the calendar, which loads month by month.
 */
export const WHEN_LIST_MAX = 100;

/** Events of a quick date filter on the build day: those overlapping its days, at most WHEN_LIST_MAX. */
export function eventsInWhen(events: readonly EventEntry[], when: When, today: string): { events: EventEntry[]; range: { start: string; end: string }; total: number } {
  const range = whenRange(when, today);
  const all = events.filter((e) => e.startDate <= range.end && e.endDate >= range.start);
  return { events: all.slice(0, WHEN_LIST_MAX), range, total: all.length };
}

/** Events per page of a year's archive and of a campaign's day and province pages (issue 21: 30–50). */
export const ARCHIVE_PER_PAGE = 50;
