/**
 * Wall times in a zone ↔ instants, via @date-fns/tz (the runtime's IANA data through Intl): what a
 * timed event means on the time line, its offset, the same instant on another zone's clock. Build
 * side (iCal, open data, the calendar's data, import); never depends on the process TZ.
 * Part of src/lib/time/ (see days.ts).
 */
import { TZDate } from '@date-fns/tz/date';
import { isRealDate, SITE_ZONE, zoneOffset } from './days.ts';

export { SITE_ZONE };

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

// A feed renders each event's times several times (start, stamp, sequence, sort key) and one
// event appears in many feeds: a bounded cache keeps the Intl look-ups to one per value.
const instantCache = new Map<string, number>();

/**
 * The instant at which the wall clock in `zone` shows `local` (`YYYY-MM-DD` is its midnight,
 * `YYYY-MM-DDTHH:mm[:ss]`). Throws on an invalid value or zone: the validator refuses both, so
 * reaching here with one is a bug worth stopping the build for.
 */
export function zonedInstant(local: string, zone: string, what = 'time'): Date {
  const key = `${zone} ${local}`;
  let ms = instantCache.get(key);
  // Stryker disable next-line ConditionalExpression: skipping the cache gives the same instant (only slower).
  if (ms === undefined) {
    const m = WALL_RE.exec(local);
    // TZDate, like Date, rolls 2026-02-30 over to 2026-03-02 and 24:00 to the next day: refuse them.
    // Stryker disable next-line UnaryOperator: a negated year has the same leap years (−2028 % 4 is −0).
    const real = m && isRealDate(+m[1]!, +m[2]!, +m[3]!) && +(m[4] ?? 0) < 24 && +(m[5] ?? 0) < 60 && +(m[6] ?? 0) < 60;
    ms = real ? new TZDate(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zone).getTime() : NaN;
    if (Number.isNaN(ms)) throw new Error(`time: invalid ${what} "${local}" in zone "${zone}"`);
    // Stryker disable next-line all: the cache's bound and filling change speed and memory, not results.
    if (instantCache.size >= 50_000) instantCache.clear();
    // Stryker disable next-line all: as above.
    instantCache.set(key, ms);
  }
  return new Date(ms);
}

/** The same local value as a TZDate in `zone` (what ical-generator writes as DTSTART;TZID=…). */
export function zonedDate(local: string, zone: string, what = 'time'): TZDate {
  return new TZDate(zonedInstant(local, zone, what).getTime(), zone);
}

/** Offset in minutes east of UTC of the wall time `local` in `zone` (480 for China). */
export function offsetMinutes(local: string, zone: string): number {
  return zoneOffset(zone, zonedInstant(local, zone));
}

/** The wall time in `zone` at `instant`: `YYYY-MM-DDTHH:mm:ss`. */
export function wallTime(instant: Date, zone: string): string {
  return new Date(instant.getTime() + zoneOffset(zone, instant) * 60_000).toISOString().slice(0, 19);
}

/** `local` in `from` re-read on the wall clock of `to` (`YYYY-MM-DDTHH:mm`); a date stays as it is. */
export function convertWallTime(local: string, from: string, to: string): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: `from === to` is a shortcut (converting to the same zone gives the same time); the date case is tested.
  if (local.length === 10 || from === to) return local;
  return wallTime(zonedInstant(local, from), to).slice(0, 16);
}

/** An instant as ISO 8601 in UTC without milliseconds: `2026-09-12T06:00:00Z`. */
export function utcIso(instant: Date): string {
  // Stryker disable next-line Regex: toISOString always ends in .sssZ, so the anchor changes nothing.
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2026-09-12T14:00` in Asia/Shanghai → `2026-09-12T14:00:00+08:00` (`Z` for the UTC zone itself). */
export function offsetIso(local: string, zone: string): string {
  const instant = zonedInstant(local, zone);
  const wall = wallTime(instant, zone);
  if (/^(utc|gmt|z)$/i.test(zone)) return `${wall}Z`;
  const off = zoneOffset(zone, instant);
  const abs = Math.abs(off);
  return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The calendar day in `zone` at the instant the wall clock in `from` shows `local`. */
export function dayIn(local: string, from: string, zone: string = SITE_ZONE): string {
  return wallTime(zonedInstant(local, from), zone).slice(0, 10);
}

/** The instant of a calendar day's midnight in UTC, the form ical-generator takes for VALUE=DATE. */
export function utcMidnight(day: string): Date {
  return zonedInstant(day.slice(0, 10), 'UTC', 'date');
}
