/**
 * Time, one home (src/lib/time/). The site lives in one zone, China's (`SITE_ZONE`); an all-day
 * date is a calendar day written `YYYY-MM-DD`, a timed value a wall time `YYYY-MM-DDTHH:mm` in a
 * named IANA zone. The rooms:
 * - days.ts (this file): calendar days — the site's zone, "today in China", day arithmetic, real
 *   dates. Light enough for the browser (the calendar island, the page script, the search page);
 * - zones.ts: wall times in a zone ↔ instants (build side: iCal, open data, import);
 * - labels.ts: how dates read in Chinese (2026年9月12日（星期六）, 5月下旬, 还有 3 天).
 *
 * Built on date-fns and @date-fns/tz, the stack's date library: no hand-written calendar rules here
 * (the leap year is date-fns's). Calendar-day arithmetic goes through local-midnight `Date`s, which
 * date-fns moves by calendar days (DST-safe), so no process TZ ever shifts a day. Pure: "now" is
 * always passed in.
 */
// Subpath imports: date-fns' index is ~250 modules, which Node (unbundled: scripts, tests, the build's
// children) took 3.5 s to load on a busy machine, against 0.08 s for these; @date-fns/tz's index
// would also pull TZDate (1.4 KB gz) into the browser bundles, where tzOffset is 0.3 KB.
import { addDays as addCalendarDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { eachMonthOfInterval } from 'date-fns/eachMonthOfInterval';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { isExists } from 'date-fns/isExists';
import { tzOffset } from '@date-fns/tz/tzOffset';

/** The site's zone: every observance day, every "today", and the default of an event's `timezone`. */
export const SITE_ZONE = 'Asia/Shanghai';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` → a local-midnight Date for date-fns' calendar arithmetic. */
function dayDate(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** A local Date → its `YYYY-MM-DD` calendar day. */
function dayOf(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** True for a real Gregorian calendar date such as 2026-02-28 (2026-02-30 and month 13 are false). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return isExists(year, month - 1, day);
}

/** `YYYY-MM-DD` plus `days` (negative goes back). */
export function addDays(day: string, days: number): string {
  return dayOf(addCalendarDays(dayDate(day), days));
}

/**
 * The day after. A day before the 28th just counts up: the calendar island calls this for every
 * event of a month (3,000+ in a dense month), on phones.
 */
export function nextDay(day: string): string {
  const d = Number(day.slice(8, 10));
  // Stryker disable next-line all: a shortcut; addDays gives the same day (time.test.ts checks every month end).
  return d < 28 ? `${day.slice(0, 8)}${pad(d + 1)}` : addDays(day, 1);
}

/** The day before. */
export function prevDay(day: string): string {
  // Stryker disable next-line MethodExpression: as in nextDay.
  const d = Number(day.slice(8, 10));
  // Stryker disable next-line all: a shortcut, as in nextDay.
  return d > 1 ? `${day.slice(0, 8)}${pad(d - 1)}` : addDays(day, -1);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(dayDate(b), dayDate(a));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return getDay(dayDate(day));
}

/** Days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1));
}

/** `YYYY-MM` keys of every month touched by [start, end] (inclusive days). */
export function monthsCovered(start: string, end: string): string[] {
  // Stryker disable next-line EqualityOperator,MethodExpression: one month or a reversed range give the start month either way (tested); only dropping the guard matters.
  if (end.slice(0, 7) <= start.slice(0, 7)) return [start.slice(0, 7)];
  return eachMonthOfInterval({ start: dayDate(start), end: dayDate(end) }).map((d) => dayOf(d).slice(0, 7));
}

/** China has kept UTC+8 all year since its last summer time ended in September 1991: from 1992 at the latest. */
const CHINA_FIXED_SINCE = Date.UTC(1992, 0, 1);
const CHINA_OFFSET = 480;

/**
 * Minutes east of UTC in `zone` at `instant` (tzOffset of @date-fns/tz). The site's zone after 1991
 * is answered without Intl: its first time-zone lookup blocks a slow phone's main thread ≈ 100 ms
 * (Intl loads its zone data) on every page with a date, and the build asks it ≈ 10 times an event.
 * tests/unit/time.test.ts holds this against tzOffset every seven hours from 1992 to 2100.
 */
export function zoneOffset(zone: string, instant: Date): number {
  return zone === SITE_ZONE && instant.getTime() >= CHINA_FIXED_SINCE ? CHINA_OFFSET : tzOffset(zone, instant);
}

/** The calendar day in `zone` at the instant `now` ("today in China" by default). */
export function todayIn(now: Date, zone: string = SITE_ZONE): string {
  return new Date(now.getTime() + zoneOffset(zone, now) * 60_000).toISOString().slice(0, 10);
}

/** The wall time in `zone` at the instant `now`, to the minute: `YYYY-MM-DDTHH:mm`. */
export function nowIn(now: Date, zone: string = SITE_ZONE): string {
  return new Date(now.getTime() + zoneOffset(zone, now) * 60_000).toISOString().slice(0, 16);
}
