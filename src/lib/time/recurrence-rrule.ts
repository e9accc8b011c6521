/**
 * The RRULE side of the observance recurrence engine (recurrence.ts), apart because it is the one
 * part that speaks RFC 5545 and the rrule library: reading a `rrule` rule's day in a year (UTC
 * bounds, no tzid, memoised) and writing the RRULE an iCal feed gives a `fixed` or `rrule` rule.
 * Pure, like the engine.
 */
import type { ObservanceRuleInput } from './recurrence.ts';
import { RRule, datetime } from './rrule-compat.ts';

// ---------------------------------------------------------------------------------------------
// reading: a yearly RRULE's day in a year
// ---------------------------------------------------------------------------------------------

/**
 * First occurrence of a yearly RRULE in `year`, as a floating date: UTC bounds, no tzid. DTSTART is
 * Jan 1 of `year`, or of the year established when INTERVAL or COUNT make the start matter.
 * Memoised: expanding from an early DTSTART costs milliseconds, and pages ask for the same years.
 */
export function rruleStart(text: string, year: number, established: number | undefined): string | undefined {
  // Stryker disable next-line Regex: equivalent — a valid rule holds “RRULE:” nowhere but at its start
  const body = text.trim().replace(/^RRULE:/i, '');
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,Regex: equivalent — anchoring a rule without INTERVAL>1 or COUNT to the year established gives the same days, and years before it never get here (isActiveInYear)
  const anchored = /(^|;)(INTERVAL=(?!1(;|$))|COUNT=)/i.test(body) && established !== undefined && established <= year;
  const from = anchored ? established : year;
  const key = `${body}|${from}|${year}`;
  // Stryker disable next-line ConditionalExpression: equivalent — a cache: computing again gives the same day
  if (rruleCache.has(key)) return rruleCache.get(key);
  let result: string | undefined;
  try {
    const options = RRule.parseString(body);
    if (options.freq === RRule.YEARLY) {
      const rule = new RRule({ ...options, dtstart: datetime(from, 1, 1), tzid: null });
      // Stryker disable next-line OptionalChaining: equivalent — without the ?. the TypeError is caught below and the result is undefined all the same
      result = rule.between(datetime(year, 1, 1), datetime(year, 12, 31), true)[0]?.toISOString().slice(0, 10);
    } // else: observances recur yearly (the validator says so); another FREQ gives no dates
  } catch {
    // the validator reports unreadable rules; here they simply have no dates
  }
  // Stryker disable next-line CallExpression: equivalent — a cache
  rruleCache.set(key, result);
  return result;
}

const rruleCache = new Map<string, string | undefined>();

// ---------------------------------------------------------------------------------------------
// writing: the RRULE of an iCal feed
// ---------------------------------------------------------------------------------------------

/**
 * An RRULE for an iCal feed (`FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6`), for `fixed` and `rrule` rules;
 * undefined for lunar, solar-term, announced and month rules, and whenever the file lists dates
 * (`dates` overrides would be lost by a plain RRULE: the feed should then list explicit instances
 * from `expandObservance`). Ended observances get `UNTIL=<endedYear>1231` (a DATE, to match an
 * all-day DTSTART). The caller puts DTSTART on an occurrence (e.g. the first one it emits) and
 * DTEND from `days`.
 */
export function rruleForIcal(o: ObservanceRuleInput): string | undefined {
  if (o.dates && Object.keys(o.dates).length > 0) return undefined;
  let rule: string;
  if (o.rule.type === 'fixed') {
    const [m, d] = o.rule.date.split('-').map(Number) as [number, number];
    rule = `FREQ=YEARLY;BYMONTH=${m};BYMONTHDAY=${d}`;
  } else if (o.rule.type === 'rrule') {
    // Stryker disable next-line Regex: equivalent — a valid rule holds “RRULE:” nowhere but at its start
    rule = o.rule.rrule.trim().replace(/^RRULE:/i, '').toUpperCase();
    if (!/(^|;)FREQ=YEARLY(;|$)/.test(rule)) return undefined;
  } else {
    return undefined;
  }
  if (o.endedYear !== undefined && !/(^|;)(UNTIL|COUNT)=/.test(rule)) rule += `;UNTIL=${o.endedYear}1231`;
  return rule;
}
