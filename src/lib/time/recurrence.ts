/**
 * The observance recurrence engine: turns an observance's date rule into concrete days for any year.
 *
 * Every date is a floating calendar date `YYYY-MM-DD` (a day in China, no time, no zone), so the
 * results never depend on the process time zone: day arithmetic is the time module's (src/lib/time/),
 * RRULEs are expanded with UTC bounds and no `tzid` (../shared/GUIDE.md §7; recurrence-rrule.ts,
 * which also writes the RRULE a feed gives a rule), lunar dates and solar terms come from
 * lunar-javascript rather than ICU. Pure: the caller passes `today`.
 */
import type { ObservanceData } from '../content/schema.ts';
import { rruleStart } from './recurrence-rrule.ts';
import { lunarDateInYear, solarTermInYear } from './lunar.ts';
import { addDays, daysInMonth, isRealDate } from './days.ts';

export { addDays };

/**
 * What the engine reads from an observance. Any `ObservanceData`/`ObservanceEntry` fits; everything
 * but `rule` may be left out (tests, the submission form).
 */
export type ObservanceRuleInput = Pick<ObservanceData, 'rule'> &
  Partial<Pick<ObservanceData, 'days' | 'usual' | 'expected' | 'established' | 'endedYear' | 'dates'>>;

/**
 * One year's occurrence. `dated`: first and last day (inclusive, YYYY-MM-DD); `announced` is true
 * when the days come from the file's `dates` (announced, or a correction of the rule for that year).
 * `pending`: dates announced each year and not yet known (待公布), with the usual period in words
 * and, when the file gives one, the usual window in that year (`expected`, shown as 预计 — never as
 * if it were the date).
 */
export type Occurrence =
  | { year: number; status: 'dated'; start: string; end: string; announced: boolean }
  | { year: number; status: 'pending'; usual?: string; expected?: { start: string; end: string } };

export type PendingOccurrence = Extract<Occurrence, { status: 'pending' }>;

export type DatedOccurrence = Extract<Occurrence, { status: 'dated' }>;

// ---------------------------------------------------------------------------------------------
// floating-date arithmetic
// ---------------------------------------------------------------------------------------------


function ymd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

function spanDays(o: ObservanceRuleInput): number {
  // Stryker disable next-line EqualityOperator: equivalent — days 1 gives Math.floor(1) = 1 either way
  return o.days && o.days > 1 ? Math.floor(o.days) : 1;
}

// ---------------------------------------------------------------------------------------------
// one year
// ---------------------------------------------------------------------------------------------

/** Whether the observance exists in `year` (between `established` and `endedYear`, inclusive). */
export function isActiveInYear(o: ObservanceRuleInput, year: number): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent — a comparison with undefined is false
  if (o.established !== undefined && year < o.established) return false;
  // Stryker disable next-line ConditionalExpression: equivalent — a comparison with undefined is false
  if (o.endedYear !== undefined && year > o.endedYear) return false;
  return true;
}

/** The first day the rule gives in `year`, before `days` is applied; undefined when there is none. */
function ruleStart(o: ObservanceRuleInput, year: number): string | undefined {
  const rule = o.rule;
  switch (rule.type) {
    case 'fixed': {
      const [m, d] = rule.date.split('-').map(Number) as [number, number];
      if (!isRealDate(year, m, d)) return undefined; // no 02-29: no day that year
      return ymd(year, m, d);
    }
    case 'rrule':
      return rruleStart(rule.rrule, year, o.established);
    case 'lunar': {
      const [m, d] = rule.date.split('-').map(Number) as [number, number];
      return lunarDateInYear(year, m, d);
    }
    case 'solar-term':
      return solarTermInYear(year, rule.term);
    // Stryker disable next-line all: unreachable — occurrenceInYear answers month and announced rules before asking for a rule's day
    case 'month':
    // Stryker disable next-line all: unreachable — see above
    case 'announced':
      return undefined; // handled by the caller
  }
}

/** The dates listed in the file for `year` (announced, or overriding the rule), if any. */
function listedDates(o: ObservanceRuleInput, year: number): DatedOccurrence | undefined {
  const listed = o.dates?.[String(year)];
  if (!listed) return undefined;
  const end = listed.end ?? addDays(listed.start, spanDays(o) - 1);
  // Stryker disable next-line EqualityOperator: equivalent — when end equals the start, either branch gives that day
  return { year, status: 'dated', start: listed.start, end: end < listed.start ? listed.start : end, announced: true };
}

/** The usual window (`expected`, month-days) placed in `year`; an end before the start runs into the next year. */
export function expectedWindow(o: ObservanceRuleInput, year: number): { start: string; end: string } | undefined {
  if (!o.expected) return undefined;
  const at = (md: string, y: number) => {
    const [m, d] = md.split('-').map(Number) as [number, number];
    // 02-29 in a common year: the last day of February.
    return isRealDate(y, m, d) ? ymd(y, m, d) : ymd(y, 2, 28);
  };
  const start = at(o.expected.start, year);
  let end = at(o.expected.end, year);
  if (end < start) end = at(o.expected.end, year + 1);
  return { start, end };
}

/**
 * Whether a year still without dates is over on `today` (its usual window, or else the year, has
 * ended): then its dates were simply not recorded here — it is no longer 待公布, and never 预计.
 */
export function pendingIsPast(occ: PendingOccurrence, today: string): boolean {
  return occ.expected ? occ.expected.end < today : `${occ.year}-12-31` < today;
}

function pendingIn(o: ObservanceRuleInput, year: number): PendingOccurrence {
  const occ: PendingOccurrence = { year, status: 'pending' };
  if (o.usual) occ.usual = o.usual;
  const expected = expectedWindow(o, year);
  if (expected) occ.expected = expected;
  return occ;
}

/**
 * The occurrence of `o` in Gregorian `year`. Undefined outside `established`..`endedYear`, and in
 * the years a rule gives no day (02-29 in a common year, an unreadable rule).
 */
export function occurrenceInYear(o: ObservanceRuleInput, year: number): Occurrence | undefined {
  if (!isActiveInYear(o, year)) return undefined;
  const listed = listedDates(o, year);
  if (listed) return listed;
  const rule = o.rule;
  if (rule.type === 'announced') return pendingIn(o, year);
  if (rule.type === 'month') {
    // Day 0 of the next month is the last day of this one.
    return { year, status: 'dated', start: ymd(year, rule.month, 1), end: ymd(year, rule.month, daysInMonth(year, rule.month)), announced: false };
  }
  const start = ruleStart(o, year);
  if (!start) return undefined;
  return { year, status: 'dated', start, end: addDays(start, spanDays(o) - 1), announced: false };
}

/** One occurrence per year from `fromYear` to `toYear` (inclusive), skipping years without one. */
export function expandObservance(o: ObservanceRuleInput, fromYear: number, toYear: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const occ = occurrenceInYear(o, y);
    if (occ) out.push(occ);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// relative to a day
// ---------------------------------------------------------------------------------------------

/** Whether `day` (YYYY-MM-DD) falls within a dated occurrence. Pending occurrences have no days. */
export function isOnDay(occ: Occurrence, day: string): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent — a pending occurrence has no start or end, and comparisons with undefined are false
  return occ.status === 'dated' && occ.start <= day && day <= occ.end;
}

/**
 * Whether a year with no announced dates yet has probably already passed on `today`: judged by the
 * usual window when the file gives one, else by where the latest announced edition ended in its
 * year. With neither, we cannot tell, and the year counts as still to come.
 */
function pendingYearLikelyPast(o: ObservanceRuleInput, today: string): boolean {
  const expected = expectedWindow(o, yearOf(today));
  if (expected) return expected.end < today;
  // Stryker disable next-line EqualityOperator: equivalent — this runs only when this year has no listed dates
  const years = Object.keys(o.dates ?? {}).map(Number).filter((y) => y < yearOf(today)).sort((a, b) => b - a);
  // Stryker disable next-line ConditionalExpression: equivalent — listedDates of undefined finds no “undefined” year either
  const latest = years[0] !== undefined ? listedDates(o, years[0]) : undefined;
  if (!latest) return false;
  // Compare month-days; an edition that ran into the next year never counts as over.
  return yearOf(latest.end) === latest.year && latest.end.slice(5) < today.slice(5);
}

/**
 * The occurrence in progress on `today`, or else the next one, looking at this year and the two
 * after it. A pending (待公布) year is returned as such — never a guessed date; the current year's
 * pending edition is skipped when the latest announced edition had ended by this time of year.
 */
export function nextOccurrence(o: ObservanceRuleInput, today: string): Occurrence | undefined {
  const y0 = yearOf(today);
  // Last year's edition may still run (a span across New Year).
  const last = occurrenceInYear(o, y0 - 1);
  // Stryker disable next-line ConditionalExpression: equivalent — a pending occurrence has no end, and undefined >= today is false
  if (last && last.status === 'dated' && last.end >= today) return last;
  for (let y = y0; y <= y0 + 2; y++) {
    const occ = occurrenceInYear(o, y);
    if (!occ) continue;
    if (occ.status === 'dated') {
      if (occ.end >= today) return occ;
    } else if (y > y0 || !pendingYearLikelyPast(o, today)) {
      return occ;
    }
  }
  return undefined;
}

/** The observances that have a dated occurrence covering `day`, in list order. */
export function observancesOnDay<T extends ObservanceRuleInput>(list: T[], day: string): T[] {
  const y = yearOf(day);
  return list.filter((o) => [y - 1, y].some((year) => {
    const occ = occurrenceInYear(o, year);
    return occ !== undefined && isOnDay(occ, day);
  }));
}

/**
 * Dated occurrences that overlap the window from `today` to `today + days` (both inclusive): those
 * in progress on `today` and those starting within `days` days. Sorted by start, then by end, then
 * list order. Pending (待公布) years are left out: they have no days to place.
 */
export function upcomingObservances<T extends ObservanceRuleInput>(
  list: T[],
  today: string,
  days: number,
): { observance: T; occurrence: DatedOccurrence }[] {
  const last = addDays(today, Math.max(0, Math.floor(days)));
  const out: { observance: T; occurrence: DatedOccurrence; i: number }[] = [];
  list.forEach((observance, i) => {
    for (let y = yearOf(today) - 1; y <= yearOf(last); y++) {
      const occ = occurrenceInYear(observance, y);
      if (occ?.status === 'dated' && occ.end >= today && occ.start <= last) out.push({ observance, occurrence: occ, i });
    }
  });
  out.sort((a, b) =>
    a.occurrence.start < b.occurrence.start ? -1 : a.occurrence.start > b.occurrence.start ? 1
      : a.occurrence.end < b.occurrence.end ? -1 : a.occurrence.end > b.occurrence.end ? 1
      : a.i - b.i);
  return out.map(({ observance, occurrence }) => ({ observance, occurrence }));
}
