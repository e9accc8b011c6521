/**
 * The iCalendar writer's core (RFC 5545), shared by the event feeds (ical.ts) and the observance
 * feeds (ical-observances.ts): feed options, one event rendered as a folded piece, VALARMs, the
 * VTIMEZONEs, and the whole VCALENDAR assembled and folded. Why by hand around ical-generator: see
 * ical.ts.
 */
import ical, { escape, ICalEvent, type ICalEventData } from 'ical-generator';
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import { oneLineText } from './ical-fields.ts';
import { SITE_ZONE } from '../time/zones.ts';
import { vtimezoneFromIntl } from './vtimezone.ts';

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
export function withAlarms(piece: Piece, alarms: Alarm[] | undefined): Piece {
  if (!alarms?.length) return piece;
  const blocks = alarms.map((a) =>
    ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(a.description)}`, `TRIGGER${a.related ? `;RELATED=${a.related}` : ''}:${a.trigger}`, 'END:VALARM']
      .map(foldLine)
      .join('\r\n'),
  );
  return { ...piece, text: piece.text.slice(0, -END_EVENT.length) + blocks.join('\r\n') + '\r\n' + END_EVENT };
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(s: string): string {
  return oneLineText(s).replace(/[\\;,]/g, (c) => `\\${c}`);
}

export const END_EVENT = 'END:VEVENT\r\n';
const PRODID = '//kepu-calendar//Kepu Calendar 科普日历//ZH';
const TIMEZONE_PROP = `X-WR-TIMEZONE:${SITE_ZONE}`;

// ---------------------------------------------------------------------------------------------
// time zones
// ---------------------------------------------------------------------------------------------

/**
 * The VTIMEZONE for `tz`, or null for UTC (events are then written in UTC, which every client
 * reads right) and for a name the runtime does not know.
 */
export function vtimezone(tz: string): string | null {
  if (tz === 'UTC' || tz === 'Etc/UTC') return null;
  try {
    return vtimezoneFromIntl(tz);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// the calendar
// ---------------------------------------------------------------------------------------------

/** Escape TEXT the way ical-generator does for event properties (`\ ; ,` and line breaks). */
export function text(s: string): string {
  return escape(oneLineText(s), false);
}

/** Escape a parameter value (RFC 6868) and quote it. */
export function paramValue(s: string): string {
  return `"${oneLineText(s).replace(/\^/g, '^^').replace(/"/g, "^'")}"`;
}

export interface Draft {
  data: ICalEventData;
  /** Sort key: start instant (ms), then UID. */
  key: [number, string];
  /** A complete ORGANIZER property line (unfolded), when there is an organizer. */
  organizer?: string;
}

/** One event, rendered: its folded lines (ending in CRLF), the zone it needs, its sort key. */
export interface Piece {
  key: [number, string];
  zone?: string;
  text: string;
}

/** ICalEvent needs a calendar only to ask for its zone, which is always none here. */
const zonelessCalendar = ical();

export function pieceOf(d: Draft): Piece {
  let ev = new ICalEvent(d.data, zonelessCalendar).toString();
  // Stryker disable next-line all: unreachable — guards against a change in ical-generator's output
  if (!ev.endsWith(END_EVENT)) throw new Error('ical: unexpected ical-generator event output');
  if (d.organizer) ev = ev.slice(0, -END_EVENT.length) + d.organizer + '\r\n' + END_EVENT;
  // One logical line per CRLF: every TEXT value arrives with its line breaks escaped.
  const text = ev.slice(0, -2).split('\r\n').map(foldLine).join('\r\n') + '\r\n';
  // Stryker disable next-line ConditionalExpression: equivalent — the timezone is a string or undefined
  return { key: d.key, zone: typeof d.data.timezone === 'string' ? d.data.timezone : undefined, text };
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
export function render(opts: FeedOptions, pieces: Piece[]): string {
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
    // Stryker disable next-line Regex,StringLiteral,MethodExpression: equivalent — vtimezone.ts writes its components with LF line ends
    lines.push(...c.replace(/\r\n?/g, '\n').trim().split('\n'));
  }
  const out = [lines.map(foldLine).join('\r\n') + '\r\n'];
  for (const p of pieces) out.push(p.text);
  out.push('END:VCALENDAR\r\n');
  return out.join('');
}

