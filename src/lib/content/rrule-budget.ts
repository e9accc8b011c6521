/**
 * Whether a recurrence rule stays within the budget (src/lib/content/limits.ts) — checked before anything
 * expands it. Unbounded rules reached the build: `FREQ=YEARLY;BYMONTH=1..12;BYMONTHDAY=1..31;
 * BYHOUR=0..23;BYMINUTE=0..59;BYSECOND=0..59` (32 million instants a year) ran the build out of
 * heap after 100 s, and `FREQ=SECONDLY` reached every subscriber's feed (issue 17).
 *
 * The budget: events recur no finer than daily and at most MAX_EVENT_OCCURRENCES times in all;
 * observances recur yearly with at most MAX_OBSERVANCE_DAYS_PER_YEAR day a year; no rule sets hours,
 * minutes or seconds (the time is the entry's start); COUNT and UNTIL within the limits. The rule
 * is expanded with a counter that stops one past the limit, so checking costs milliseconds whatever
 * the rule. Pure: floating dates, UTC bounds, no tzid (as recurrence.ts).
 */
import { MAX_EVENT_OCCURRENCES, MAX_OBSERVANCE_DAYS_PER_YEAR, YEAR_MAX, YEAR_MIN } from './limits.ts';
import { RRule, datetime, type RRuleOptions } from '../time/rrule-compat.ts';

export type RruleOwner = 'event' | 'observance';

const FREQ_NAMES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];

/**
 * The Gregorian calendar repeats every 400 years, weekdays included. rrule.js looks for the next
 * occurrence until the year 9999 whatever the bounds, so a rule that never matches (BYMONTH=2;
 * BYMONTHDAY=30) walked 2.9 million days, 14 s, from 2026. Shifted by 7 600 years, the same window
 * ends within 300 years of 9999: the walk is bounded and the count unchanged.
 */
const SHIFT_YEARS = 7600;

function shifted(d: Date): Date {
  const s = new Date(d.getTime());
  s.setUTCFullYear(d.getUTCFullYear() + SHIFT_YEARS);
  return s;
}

/** Count occurrences between two instants, stopping at `cap + 1`. */
function countUpTo(options: Partial<RRuleOptions>, from: Date, to: Date, cap: number): number {
  let n = 0;
  const until = options.until ? shifted(options.until) : null;
  new RRule({ ...options, until, dtstart: shifted(from), tzid: null }).between(shifted(from), shifted(to), true, () => ++n <= cap);
  return n;
}

function staticProblem(o: Partial<RRuleOptions>, owner: RruleOwner, text: string): string | undefined {
  const freq = o.freq ?? 0;
  if (owner === 'event' && freq > RRule.DAILY)
    return `重复不能比每天更频繁（FREQ=${FREQ_NAMES[freq]}），请用 DAILY、WEEKLY、MONTHLY 或 YEARLY / recurrence finer than daily is not accepted`;
  if (/(^|;)BY(HOUR|MINUTE|SECOND)=/i.test(text))
    return '重复规则不能写 BYHOUR、BYMINUTE 或 BYSECOND：时间写在 start 里 / BYHOUR, BYMINUTE and BYSECOND are not accepted: the time is the start';
  if (o.count != null && (o.count < 1 || o.count > MAX_EVENT_OCCURRENCES))
    return `COUNT 要在 1–${MAX_EVENT_OCCURRENCES} 之间（现在是 ${o.count}）/ COUNT must be 1–${MAX_EVENT_OCCURRENCES}`;
  const untilYear = o.until ? o.until.getUTCFullYear() : undefined;
  if (untilYear !== undefined && (untilYear < YEAR_MIN || untilYear > YEAR_MAX))
    return `UNTIL 的年份 ${untilYear} 不在 ${YEAR_MIN}–${YEAR_MAX} 之间 / UNTIL year out of range`;
  return undefined;
}

/**
 * A daily, weekly or monthly rule whose day filters can never match walks day by day to 9999 (still
 * 0.7 s after the shift above). Its days are a subset of the yearly rule with the same filters,
 * which walks year by year: when that one is empty, so is the rule (BYSETPOS only picks among
 * those days, so it is left out). Not with numbered weekdays, whose meaning changes with FREQ.
 */
function neverMatches(o: Partial<RRuleOptions>, from: Date): boolean {
  if (o.freq === RRule.YEARLY || /[+-]?\d/.test(String(o.byweekday ?? ''))) return false;
  const filtered = o.bymonth != null || o.bymonthday != null || o.byyearday != null || o.byweekno != null;
  if (!filtered) return false;
  return countUpTo({ ...o, freq: RRule.YEARLY, interval: 1, count: null, bysetpos: null }, from, datetime(YEAR_MAX, 12, 31), 1) === 0;
}

/**
 * The budget problem of a rule, or undefined when it is within budget (or unreadable: the
 * validator's syntax check reports those). `start` is the entry's first day (YYYY-MM-DD…) for
 * events; observances are checked over a common and a leap year.
 */
export function rruleBudgetProblem(text: string, owner: RruleOwner, start?: string): string | undefined {
  const body = text.trim().replace(/^RRULE:/i, '');
  let o: Partial<RRuleOptions>;
  try {
    o = RRule.parseString(body);
  } catch {
    return undefined;
  }
  const fixed = staticProblem(o, owner, body);
  if (fixed) return fixed;
  if (owner === 'observance') {
    let empty = true;
    for (const year of [2025, 2028]) {
      const n = countUpTo(o, datetime(year, 1, 1), datetime(year, 12, 31), MAX_OBSERVANCE_DAYS_PER_YEAR);
      if (n === 0 && year === 2028 && empty)
        return '这条纪念日规则找不到任何一天，请检查月份和日期 / this observance rule gives no day';
      empty &&= n === 0;
      if (n > MAX_OBSERVANCE_DAYS_PER_YEAR)
        return `纪念日规则每年只能有 ${MAX_OBSERVANCE_DAYS_PER_YEAR} 天（这条规则在 ${year} 年有更多天），例如 9 月第二个星期六写 BYDAY=2SA / an observance rule must give one day a year`;
    }
    return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(start ?? '');
  const from = m ? datetime(Number(m[1]), Number(m[2]), Number(m[3])) : datetime(YEAR_MIN, 1, 1);
  if (neverMatches(o, from)) return '这条重复规则找不到任何日期，请检查月份和日期 / this rule gives no date';
  const n = countUpTo(o, from, datetime(YEAR_MAX, 12, 31), MAX_EVENT_OCCURRENCES);
  if (n === 0) return '这条重复规则找不到任何日期，请检查月份和日期 / this rule gives no date';
  if (n > MAX_EVENT_OCCURRENCES)
    return `重复次数太多（超过 ${MAX_EVENT_OCCURRENCES} 次），请用 COUNT 或 UNTIL 限定，例如 FREQ=WEEKLY;COUNT=10 / more than ${MAX_EVENT_OCCURRENCES} occurrences: bound the rule with COUNT or UNTIL`;
  return undefined;
}
