/**
 * "Add to Google Calendar" and "Add to Outlook" links for one event. Neither service documents
 * these URLs formally; the parameters below are the ones both have accepted for years
 * (Google: action=TEMPLATE, text, dates, details, location, ctz; Outlook on the web: the
 * deeplink/compose path with rru=addevent, subject, startdt, enddt, allday, body, location).
 * Times go out in UTC (…Z), so the links do not depend on the reader's or the builder's zone;
 * all-day events use dates with an exclusive end day, as in iCalendar. Pure, no node or zone data:
 * safe to import from a component.
 */
import type { EventEntry } from '../content/model.ts';
import { eventDescription, eventLocation, eventTitle, type FeedLookups } from './ical-fields.ts';
import { addDays } from '../time/days.ts';
import { SITE_ZONE, utcIso, zonedInstant } from '../time/zones.ts';

/**
 * No description body in a link: the summary, the practical facts and the page URL are enough, and
 * the body made every event page 7.6 KB heavier (two percent-encoded copies), slower to build and
 * to index (issue 9). URLs over a few thousand characters get refused anyway.
 */
const LINK_BODY_MAX = 0;

function query(params: [string, string | undefined][]): string {
  return params
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

function utcRange(e: EventEntry): { start: string; end: string } {
  const zone = e.timezone || SITE_ZONE;
  const start = zonedInstant(e.start, zone, 'start');
  // No end time: an instant event, not an invented duration.
  const end = e.end ? zonedInstant(e.end, zone, 'end') : start;
  return { start: utcIso(start), end: utcIso(end) };
}

/** https://calendar.google.com/calendar/render?action=TEMPLATE&… for this event. */
export function googleCalendarUrl(e: EventEntry, lookups: FeedLookups, site: string): string {
  let dates: string;
  if (e.allDay) {
    dates = `${e.startDate.replace(/-/g, '')}/${addDays(e.endDate, 1).replace(/-/g, '')}`;
  } else {
    const { start, end } = utcRange(e);
    const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
    dates = `${compact(start)}/${compact(end)}`;
  }
  return (
    'https://calendar.google.com/calendar/render?' +
    query([
      ['action', 'TEMPLATE'],
      ['text', eventTitle(e)],
      ['dates', dates],
      ['details', eventDescription(e, lookups, site, { bodyMax: LINK_BODY_MAX })],
      ['location', eventLocation(e, lookups)],
      ['ctz', e.allDay ? undefined : e.timezone || SITE_ZONE],
    ])
  );
}

/** https://outlook.live.com/calendar/0/deeplink/compose?…&rru=addevent for this event. */
export function outlookCalendarUrl(e: EventEntry, lookups: FeedLookups, site: string): string {
  const range = e.allDay ? { start: e.startDate, end: addDays(e.endDate, 1) } : utcRange(e);
  return (
    'https://outlook.live.com/calendar/0/deeplink/compose?' +
    query([
      ['path', '/calendar/action/compose'],
      ['rru', 'addevent'],
      ['subject', eventTitle(e)],
      ['startdt', range.start],
      ['enddt', range.end],
      ['allday', e.allDay ? 'true' : 'false'],
      ['body', eventDescription(e, lookups, site, { bodyMax: LINK_BODY_MAX })],
      ['location', eventLocation(e, lookups)],
    ])
  );
}
