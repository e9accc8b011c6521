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
 * header and each event are taken from it unfolded, then assembled and folded in render().
 */
import ical, { escape, ICalEvent, ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { EventEntry, ObservanceEntry } from './model.ts';
import type { VocabEntry } from './schema.ts';
import {
  eventDescription,
  eventGeo,
  eventLocation,
  eventTitle,
  eventUid,
  icalStatus,
  lastModifiedOf,
  observanceUid,
  oneLineText,
  sequenceOf,
  stampOf,
  startInstant,
  topicLabels,
  type FeedLookups,
} from './ical-fields.ts';
import { markdownToPlainText, truncateText } from './plain-text.ts';
import { LEVEL_LABEL } from './labels.ts';
import { absolute, eventUrl, facetUrl, observanceUrl } from './urls.ts';
import { addDays } from './time/days.ts';
import { periodLabel } from './time/labels.ts';
import { SITE_ZONE, utcMidnight, wallTime, zonedDate, zonedInstant } from './time/zones.ts';
import { vtimezoneFromIntl } from './vtimezone.ts';

export type { FeedLookups } from './ical-fields.ts';
export { eventUid, observanceUid, sequenceOf } from './ical-fields.ts';
export { googleCalendarUrl, outlookCalendarUrl } from './ical-links.ts';

export interface FeedOptions {
  /** The site's public URL, e.g. https://kepu.example.org — gives UIDs their host and links their base. */
  site: string;
  /** X-WR-CALNAME, in Chinese, e.g. 科普日历 · 全部活动. */
  name: string;
  /** X-WR-CALDESC. */
  description?: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL in hours (default 12). */
  ttlHours?: number;
  /** Longest Markdown body kept in an event's DESCRIPTION, in characters (default 2000). */
  bodyMax?: number;
  /** Reminders of an event (the …-alarm.ics feeds; the plain feeds have none). */
  eventAlarms?: (e: EventEntry) => Alarm[];
  /** Reminders of an observance day (every occurrence of it). */
  observanceAlarms?: (o: ObservanceEntry) => Alarm[];
}

/**
 * One VALARM (RFC 5545 §3.6.6): a display reminder at `trigger`, a duration before the event's start
 * (or its end, `related: 'END'`), e.g. `-PT15H` — for an all-day event, whose start is 00:00 of its
 * day where the phone is, 09:00 the day before.
 */
export interface Alarm {
  trigger: string;
  related?: 'END';
  description: string;
}

/** The VALARM blocks of `alarms`, folded, inserted before the event's END:VEVENT. */
function withAlarms(piece: Piece, alarms: Alarm[] | undefined): Piece {
  if (!alarms?.length) return piece;
  const blocks = alarms.map((a) =>
    ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(a.description)}`, `TRIGGER${a.related ? `;RELATED=${a.related}` : ''}:${a.trigger}`, 'END:VALARM']
      .map(foldLine)
      .join('\r\n'),
  );
  return { ...piece, text: piece.text.slice(0, -END_EVENT.length) + blocks.join('\r\n') + '\r\n' + END_EVENT };
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
function escapeText(s: string): string {
  return oneLineText(s).replace(/[\\;,]/g, (c) => `\\${c}`);
}

export interface ObservanceFeedItem {
  observance: ObservanceEntry;
  /** Dated occurrences: first and last day, inclusive, `YYYY-MM-DD`. */
  occurrences: ObservanceFeedOccurrence[];
  /**
   * A yearly RRULE (e.g. FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6): one recurring VEVENT starting at the
   * first occurrence replaces the per-year ones. Only for rules without per-year corrections.
   */
  rrule?: string;
}

/**
 * One year of an observance in a feed. `announced`: the days come from the file's `dates` of a rule
 * announced each year; `tentative`: not announced yet, start–end is the usual window (预计).
 */
export interface ObservanceFeedOccurrence {
  start: string;
  end: string;
  year: number;
  announced?: boolean;
  tentative?: boolean;
}

/**
 * SEQUENCE of one observance year, from the content alone (never the build clock): a usual window
 * is 0, the announced dates that replace it 1, so calendars that subscribed to the 预计 band move it
 * to the real days by themselves (same UID, higher SEQUENCE).
 */
export function observanceSequence(o: Pick<ObservanceEntry, 'rule'>, occ: ObservanceFeedOccurrence): number {
  return o.rule.type === 'announced' && occ.announced && !occ.tentative ? 1 : 0;
}

const END_EVENT = 'END:VEVENT\r\n';
const PRODID = '//kepu-calendar//Kepu Calendar 科普日历//ZH';
const TIMEZONE_PROP = `X-WR-TIMEZONE:${SITE_ZONE}`;

// ---------------------------------------------------------------------------------------------
// time zones
// ---------------------------------------------------------------------------------------------

/**
 * The VTIMEZONE for `tz`, or null for UTC (events are then written in UTC, which every client
 * reads right) and for a name the runtime does not know.
 */
function vtimezone(tz: string): string | null {
  if (tz === 'UTC' || tz === 'Etc/UTC') return null;
  try {
    return vtimezoneFromIntl(tz);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// RRULE
// ---------------------------------------------------------------------------------------------

/**
 * Check and normalise an RRULE value: one line, only rule characters (no CR/LF, so no property
 * can be injected), FREQ present, names upper-cased, UNTIL of the type RFC 5545 §3.3.10 demands —
 * a DATE for all-day events, a UTC date-time for zoned ones (a bare date there means "through that
 * local day").
 */
export function normalizeRrule(rule: string, opts: { allDay: boolean; zone: string }, owner = 'rrule'): string {
  // Stryker disable next-line Regex: equivalent — a valid rule holds “RRULE:” nowhere but at its start
  const s = rule.trim().replace(/^RRULE:/i, '');
  if (!/^[A-Za-z0-9=;,+-]+$/.test(s) || !/(^|;)FREQ=[A-Za-z]+(;|$)/i.test(s)) {
    throw new Error(`ical: ${owner}: invalid RRULE "${rule.slice(0, 80)}"`);
  }
  return s
    .split(';')
    .filter(Boolean)
    .map((part) => {
      // Stryker disable next-line StringLiteral: unreachable — split always gives a first part, and a missing value fails FREQ or UNTIL above
      const [k = '', v = ''] = part.split('=');
      const key = k.toUpperCase();
      if (key !== 'UNTIL') return `${key}=${v.toUpperCase()}`;
      return `UNTIL=${normalizeUntil(v.toUpperCase(), opts, owner)}`;
    })
    .join(';');
}

function normalizeUntil(v: string, { allDay, zone }: { allDay: boolean; zone: string }, owner: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(v);
  if (!m) throw new Error(`ical: ${owner}: invalid UNTIL "${v}"`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const compact = (s: string) => s.replace(/[-:]/g, '');
  if (allDay) {
    if (m[7]) return compact(wallTime(zonedInstant(`${date}T${m[4]}:${m[5]}:${m[6]}`, 'UTC', 'UNTIL'), zone).slice(0, 10));
    return `${m[1]}${m[2]}${m[3]}`;
  }
  if (m[7]) return v;
  // A bare date means "through that local day": its last second.
  const local = zonedInstant(m[4] ? `${date}T${m[4]}:${m[5]}:${m[6]}` : `${date}T23:59:59`, zone, 'UNTIL');
  return `${compact(wallTime(local, 'UTC'))}Z`;
}

// ---------------------------------------------------------------------------------------------
// the calendar
// ---------------------------------------------------------------------------------------------

/** Escape TEXT the way ical-generator does for event properties (`\ ; ,` and line breaks). */
function text(s: string): string {
  return escape(oneLineText(s), false);
}

/** Escape a parameter value (RFC 6868) and quote it. */
function paramValue(s: string): string {
  return `"${oneLineText(s).replace(/\^/g, '^^').replace(/"/g, "^'")}"`;
}

interface Draft {
  data: ICalEventData;
  /** Sort key: start instant (ms), then UID. */
  key: [number, string];
  /** A complete ORGANIZER property line (unfolded), when there is an organizer. */
  organizer?: string;
}

/** One event, rendered: its folded lines (ending in CRLF), the zone it needs, its sort key. */
interface Piece {
  key: [number, string];
  zone?: string;
  text: string;
}

/** ICalEvent needs a calendar only to ask for its zone, which is always none here. */
const zonelessCalendar = ical();

function pieceOf(d: Draft): Piece {
  let ev = new ICalEvent(d.data, zonelessCalendar).toString();
  // Stryker disable next-line all: unreachable — guards against a change in ical-generator's output
  if (!ev.endsWith(END_EVENT)) throw new Error('ical: unexpected ical-generator event output');
  if (d.organizer) ev = ev.slice(0, -END_EVENT.length) + d.organizer + '\r\n' + END_EVENT;
  // One logical line per CRLF: every TEXT value arrives with its line breaks escaped.
  const text = ev.slice(0, -2).split('\r\n').map(foldLine).join('\r\n') + '\r\n';
  // Stryker disable next-line ConditionalExpression: equivalent — the timezone is a string or undefined
  return { key: d.key, zone: typeof d.data.timezone === 'string' ? d.data.timezone : undefined, text };
}

/**
 * An event appears in many feeds of one build (all, its topics, region, organizer, venue, its
 * own .ics…): render it once per (entry, lookups, site, bodyMax). Entries are treated as immutable.
 */
const eventPieces = new WeakMap<EventEntry, { lookups: FeedLookups; site: string; bodyMax: number; piece: Piece }>();

function eventPiece(e: EventEntry, lookups: FeedLookups, opts: FeedOptions): Piece {
  // Stryker disable next-line LogicalOperator: equivalent — only the cache key; the description applies the default itself
  const bodyMax = opts.bodyMax ?? 2000;
  const hit = eventPieces.get(e);
  // Stryker disable next-line ConditionalExpression: equivalent — a cache: rendering again gives the same text
  if (hit && hit.lookups === lookups && hit.site === opts.site && hit.bodyMax === bodyMax) return hit.piece;
  const piece = pieceOf(eventDraft(e, lookups, opts));
  // Stryker disable next-line ObjectLiteral: equivalent — an empty cache entry never matches, so nothing is reused
  eventPieces.set(e, { lookups, site: opts.site, bodyMax, piece });
  return piece;
}

function newCalendar(opts: FeedOptions) {
  const ttl = Math.round((opts.ttlHours ?? 12) * 3600);
  const cal = ical({
    prodId: PRODID,
    name: text(opts.name),
    ttl,
    // No calendar-level zone: it would make ical-generator write DTSTAMP in local time without
    // the Z. X-WR-TIMEZONE and the VTIMEZONEs are added in render().
  });
  cal.scale('GREGORIAN');
  if (opts.description) cal.description(text(opts.description));
  return cal;
}

/**
 * Fold one content line (RFC 5545 §3.1): at most 75 octets per physical line, the continuation
 * lines starting with a space, and never inside a UTF-8 character (a Chinese character is 3
 * octets, an emoji 4 — a surrogate pair is never split). ical-generator's own folding is right
 * too, but it builds the output one character at a time: on a 10k-event feed that was most of
 * the time and memory, so each line is cut here with slices.
 */
export function foldLine(line: string): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — a fast path; the loop below returns short lines unchanged
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  const parts: string[] = [];
  let from = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : high ? 4 : 3;
    if (octets + size > limit) {
      parts.push(line.slice(from, i));
      from = i;
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    octets += size;
    i += high ? 2 : 1;
  }
  parts.push(line.slice(from));
  return parts.join('\r\n ');
}

/**
 * Render a whole feed: the calendar properties (all before the first component, RFC 5545 §3.4 —
 * ical-generator would put REFRESH-INTERVAL after the VTIMEZONEs), one VTIMEZONE per zone used,
 * the events in a stable order with their ORGANIZER, each line folded, a final CRLF.
 */
function render(opts: FeedOptions, pieces: Piece[]): string {
  const uids = new Set<string>();
  for (const p of pieces) {
    if (uids.has(p.key[1])) throw new Error(`ical: duplicate UID ${p.key[1]} in feed "${opts.name}"`);
    uids.add(p.key[1]);
  }
  pieces.sort((a, b) => a.key[0] - b.key[0] || (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0));

  const head = newCalendar(opts).toString().replace(/\r\n[ \t]/g, '').split('\r\n');
  // Stryker disable next-line all: unreachable — guards against a change in ical-generator's output
  if (head[0] !== 'BEGIN:VCALENDAR' || head.at(-1) !== 'END:VCALENDAR' || head.slice(1).some((l) => l.startsWith('BEGIN:')))
    // Stryker disable next-line all: unreachable — guards against a change in ical-generator's output
    throw new Error('ical: unexpected ical-generator calendar header');
  const lines: string[] = [...head.slice(0, -1), TIMEZONE_PROP];
  const zones = [...new Set(pieces.map((p) => p.zone).filter((z): z is string => !!z))].sort();
  for (const tz of zones) {
    const c = vtimezone(tz);
    // Stryker disable next-line all: unreachable — eventDraft only sets zones it has a VTIMEZONE for
    if (!c) throw new Error(`ical: no VTIMEZONE for ${tz}`); // eventDraft only sets zones it has one for
    // Stryker disable next-line Regex,StringLiteral: equivalent — vtimezone.ts writes its components with LF line ends
    lines.push(...c.replace(/\r\n?/g, '\n').trim().split('\n'));
  }
  const out = [lines.map(foldLine).join('\r\n') + '\r\n'];
  for (const p of pieces) out.push(p.text);
  out.push('END:VCALENDAR\r\n');
  return out.join('');
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

// ---------------------------------------------------------------------------------------------
// observances
// ---------------------------------------------------------------------------------------------

function observanceDescription(o: ObservanceEntry, site: string, year: number | undefined, tentative?: { start: string; end: string }): string {
  const lines: string[] = [];
  lines.push(o.nameEn ? `${oneLineText(o.name)}（${oneLineText(o.nameEn)}）` : oneLineText(o.name));
  if (tentative) lines.push(`日期待公布：这是通常的时间（预计${periodLabel(tentative)}），公布后本日程会自动改为正式日期。`);
  const level = LEVEL_LABEL[o.level];
  lines.push(`设立：${oneLineText(o.authority)}（${level}${o.established ? `，${o.established} 年起` : ''}${o.endedYear ? `，${o.endedYear} 年止` : ''}）`);
  lines.push(`依据：${oneLineText(o.source.title)}${o.source.url ? ` ${o.source.url}` : ''}`);
  // Stryker disable next-line ConditionalExpression: equivalent — no file has a theme or dates under the key “undefined”
  if (year !== undefined) {
    const theme = o.themes?.[String(year)];
    if (theme) lines.push(`${year} 年主题：${oneLineText(theme.text)}`);
    const dated = o.dates?.[String(year)]?.source;
    if (dated) lines.push(`${year} 年日期依据：${oneLineText(dated.title)}${dated.url ? ` ${dated.url}` : ''}`);
  }
  if (o.verified === false) lines.push(`注：本条信息尚待核实${o.note ? `（${oneLineText(o.note)}）` : ''}。`);
  // The first paragraph of 历史背景, without the headings contributors put above it.
  const prose = (o.body ?? '').split('\n').filter((l) => !/^\s{0,3}#{1,6}(\s|$)/.test(l)).join('\n');
  // Stryker disable next-line Regex: equivalent — markdownToPlainText already empties blank lines
  const history = markdownToPlainText(prose).split(/\n\s*\n/)[0];
  const blocks = [lines.join('\n')];
  if (history) blocks.push(`历史背景：${truncateText(history, 300)}`);
  blocks.push(`详情：${absolute(site, observanceUrl(o.id))}`);
  return blocks.join('\n\n');
}

function observanceDraft(
  o: ObservanceEntry,
  occ: ObservanceFeedOccurrence,
  site: string,
  topics: Map<string, VocabEntry> | undefined,
  rrule: string | undefined,
): Draft {
  const uid = observanceUid(o, site, rrule ? undefined : occ.year);
  const start = utcMidnight(occ.start);
  const data: ICalEventData = {
    id: uid,
    sequence: observanceSequence(o, occ),
    // No history in observance files: the day's own start (midnight in China) keeps the bytes stable.
    stamp: zonedInstant(occ.start, SITE_ZONE, `${o.id} start`),
    allDay: true,
    start,
    end: utcMidnight(addDays(occ.end, 1)),
    summary: occ.tentative ? `【日期待公布】${oneLineText(o.name)}（预计${periodLabel(occ)}）` : oneLineText(o.name),
    description: observanceDescription(o, site, rrule ? undefined : occ.year, occ.tentative ? occ : undefined),
    url: absolute(site, observanceUrl(o.id)),
    status: o.verified === false || occ.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
  };
  if (rrule) {
    let r = normalizeRrule(rrule, { allDay: true, zone: SITE_ZONE }, o.id);
    // A discontinued day (全国科普日, last held 2024) must not recur for ever.
    if (o.endedYear && !/(^|;)(UNTIL|COUNT)=/.test(r)) r += `;UNTIL=${o.endedYear}1231`;
    data.repeating = r;
  }
  // Stryker disable next-line ArrayDeclaration: equivalent — o.topics is always a list
  const labels = topicLabels(o.topics ?? [], topics);
  // Stryker disable next-line ConditionalExpression: equivalent — ical-generator writes no CATEGORIES for an empty list
  if (labels.length) data.categories = labels.map((name) => ({ name }));
  return { data, key: [start.getTime(), uid] };
}

/**
 * The observance-day feed: all-day events, one per observance and year (`obs-<id>-<year>@host`),
 * or one recurring event per observance (`obs-<id>@host`, RRULE, starting at its first occurrence)
 * when `rrule` is given. `lookups.topics` turns topic ids into CATEGORIES labels.
 */
export function observancesFeed(
  items: ObservanceFeedItem[],
  opts: FeedOptions,
  lookups?: { topics?: Map<string, VocabEntry> },
): string {
  const pieces: Piece[] = [];
  for (const item of items) {
    const occs = [...item.occurrences].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const alarms = opts.observanceAlarms?.(item.observance);
    const add = (d: Draft) => pieces.push(withAlarms(pieceOf(d), alarms));
    if (item.rrule) {
      if (occs[0]) add(observanceDraft(item.observance, occs[0], opts.site, lookups?.topics, item.rrule));
    } else {
      for (const occ of occs) add(observanceDraft(item.observance, occ, opts.site, lookups?.topics, undefined));
    }
  }
  return render(opts, pieces);
}
