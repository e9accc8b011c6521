/**
 * iCalendar feeds (RFC 5545) that people subscribe to once and trust: /calendar.ics, the facet
 * feeds, one event's .ics, and /observances.ics. The contract (../shared/GUIDE.md §4):
 *
 * - UID = entry id @ site host, never from the title or the date;
 * - DTSTAMP, LAST-MODIFIED and SEQUENCE from the entry (`updated`, `sequence`), never the build clock;
 * - cancelled events stay, with STATUS:CANCELLED; postponed ones carry their new dates;
 * - all-day events are VALUE=DATE with an exclusive DTEND; timed events carry TZID and the feed a
 *   VTIMEZONE for each zone used;
 * - lines folded at 75 octets without splitting a UTF-8 character, CRLF, a final CRLF;
 * - the bytes depend on the entries only — not on the machine's TZ, not on the order given.
 *
 * ical-generator 11 writes the properties and escapes TEXT, given TZDates (@date-fns/tz) for zoned
 * times and plain `Date`s for UTC and all-day values (a plain `Date` with a TZID would make its
 * output depend on the process TZ: it reads local fields); VTIMEZONEs are made from the runtime's
 * own tz data (vtimezone.ts), so they agree with Intl. What it does not do right for us is done here: it does not escape
 * NAME / X-WR-CALNAME / X-WR-CALDESC (a newline there would inject a property), it can only write
 * ORGANIZER as `mailto:` (our organizers publish no e-mail address), it puts REFRESH-INTERVAL and
 * X-PUBLISHED-TTL after the VTIMEZONEs, and its folding is slow on large feeds. So the calendar
 * header and each event are taken from it unfolded, then assembled and folded in render() (ical-render.ts).
 */
import { ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { EventEntry } from '../content/model.ts';
import {
  eventDescription,
  eventGeo,
  eventLocation,
  eventTitle,
  eventUid,
  icalStatus,
  lastModifiedOf,
  oneLineText,
  sequenceOf,
  stampOf,
  startInstant,
  topicLabels,
  type FeedLookups,
} from './ical-fields.ts';
import { absolute, eventUrl, facetUrl } from '../urls.ts';
import { addDays } from '../time/days.ts';
import { SITE_ZONE, utcMidnight, zonedDate } from '../time/zones.ts';

import { type Draft, type FeedOptions, type Piece, paramValue, pieceOf, render, vtimezone, withAlarms } from './ical-render.ts';
import { normalizeRrule } from './ical-rrule.ts';

export type { FeedLookups } from './ical-fields.ts';
export { eventUid, observanceUid, sequenceOf } from './ical-fields.ts';
export { googleCalendarUrl, outlookCalendarUrl } from './ical-links.ts';
export type { Alarm, FeedOptions } from './ical-render.ts';
export { foldLine } from './ical-render.ts';
export { normalizeRrule } from './ical-rrule.ts';
export { observanceSequence, observancesFeed, type ObservanceFeedItem, type ObservanceFeedOccurrence } from './ical-observances.ts';

/**
 * An event appears in many feeds of one build (all, its topics, region, organizer, venue, its
 * own .ics…): render it once per (entry, lookups, site, bodyMax). Entries are treated as immutable.
 */
const eventPieces = new WeakMap<EventEntry, { lookups: FeedLookups; site: string; bodyMax: number; piece: Piece }>();

function eventPiece(e: EventEntry, lookups: FeedLookups, opts: FeedOptions): Piece {
  // Stryker disable next-line LogicalOperator: equivalent — only the cache key; the description applies the default itself
  const bodyMax = opts.bodyMax ?? 2000;
  const hit = eventPieces.get(e);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — a cache: rendering again gives the same text
  if (hit && hit.lookups === lookups && hit.site === opts.site && hit.bodyMax === bodyMax) return hit.piece;
  const piece = pieceOf(eventDraft(e, lookups, opts));
  // Stryker disable next-line ObjectLiteral,CallExpression: equivalent — an empty or missing cache entry never matches, so nothing is reused
  eventPieces.set(e, { lookups, site: opts.site, bodyMax, piece });
  return piece;
}

function eventDraft(e: EventEntry, lookups: FeedLookups, opts: FeedOptions): Draft {
  const site = opts.site;
  const zone = e.timezone || SITE_ZONE;
  const uid = eventUid(e, site);
  let timing: Pick<ICalEventData, 'start' | 'end' | 'allDay' | 'timezone' | 'transparency'>;
  if (e.allDay) {
    timing = {
      allDay: true,
      start: utcMidnight(e.startDate),
      // DTEND of a VALUE=DATE event is exclusive: the day after the last day.
      end: utcMidnight(addDays(e.endDate, 1)),
      // A multi-day exhibition should not mark the subscriber busy for a week.
      transparency: ICalEventTransparency.TRANSPARENT,
    };
  } else {
    // TZDates: ical-generator reads their wall time in `zone`, whatever the process TZ.
    const start = zonedDate(e.start, zone, 'start');
    const end = e.end ? zonedDate(e.end, zone, 'end') : undefined;
    const tz = vtimezone(zone);
    // Zoned: DTSTART;TZID=Asia/Shanghai:20260912T140000 + VTIMEZONE. Otherwise UTC (…Z).
    timing =
      tz !== null
        ? { start, end: end ?? null, timezone: zone }
        : { start: new Date(start.getTime()), end: end ? new Date(end.getTime()) : null };
  }
  const data: ICalEventData = {
    id: uid,
    sequence: sequenceOf(e),
    stamp: stampOf(e),
    ...timing,
    summary: oneLineText(eventTitle(e)),
    description: eventDescription(e, lookups, site, { bodyMax: opts.bodyMax ?? 2000 }),
    url: absolute(site, eventUrl(e.id)),
    status: ICalEventStatus[icalStatus(e)],
  };
  // UNTIL is read in the event's own zone ("through that local day"), whatever form DTSTART takes.
  if (e.rrule) data.repeating = normalizeRrule(e.rrule, { allDay: e.allDay, zone }, e.id);
  const lastModified = lastModifiedOf(e);
  // Stryker disable next-line ConditionalExpression: equivalent — ical-generator writes no LAST-MODIFIED for undefined
  if (lastModified) data.lastModified = lastModified;

  const location = eventLocation(e, lookups);
  const geo = eventGeo(e, lookups);
  if (location) data.location = geo ? { title: oneLineText(location), geo } : oneLineText(location);

  // Stryker disable next-line ArrayDeclaration: equivalent — e.topics is always a list
  const topics = topicLabels(e.topics ?? [], lookups.topics);
  // Stryker disable next-line ConditionalExpression: equivalent — ical-generator writes no CATEGORIES for an empty list
  if (topics.length) data.categories = topics.map((name) => ({ name }));

  const org = lookups.organizers.get(e.organizer);
  // ORGANIZER's value must be a URI (CAL-ADDRESS). Organizers publish no e-mail here, and a
  // made-up mailto: would be false; the organizer's page on this site is a true, stable URI.
  const organizer = org ? `ORGANIZER;CN=${paramValue(org.name)}:${absolute(site, facetUrl('organizers', org.id))}` : undefined;

  return { data, key: [startInstant(e).getTime(), uid], organizer };
}

/**
 * The full VCALENDAR text (CRLF line ends, a final CRLF) for these events. Order-independent: events
 * are sorted by start, then UID. Throws on two events with the same id.
 */
export function eventsFeed(events: EventEntry[], lookups: FeedLookups, opts: FeedOptions): string {
  return render(
    opts,
    events.map((e) => withAlarms(eventPiece(e, lookups, opts), opts.eventAlarms?.(e))),
  );
}

