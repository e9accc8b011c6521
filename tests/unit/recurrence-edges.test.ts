/**
 * The recurrence engine (src/lib/time/recurrence.ts) at its edges, on made-up rules: leap years, spans,
 * RRULEs anchored to the year established (INTERVAL, COUNT) or not, rules written with a prefix or
 * spaces, Jan 1 and Dec 31, the usual window (预计) of announced observances, when a 待公布 year
 * counts as past, editions across New Year, and the order of upcoming observances. The hand-checked
 * dates of real observances are in recurrence.test.ts and observance-dates.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  expectedWindow,
  nextOccurrence,
  pendingIsPast,
  occurrenceInYear,
  upcomingObservances,
  type ObservanceRuleInput,
} from '../../src/lib/time/recurrence.ts';
import { rruleForIcal } from '../../src/lib/time/recurrence-rrule.ts';

const fixed = (date: string, extra: Partial<ObservanceRuleInput> = {}): ObservanceRuleInput => ({ rule: { type: 'fixed', date }, ...extra });
const rrule = (text: string, extra: Partial<ObservanceRuleInput> = {}): ObservanceRuleInput => ({ rule: { type: 'rrule', rrule: text }, ...extra });
const announced = (extra: Partial<ObservanceRuleInput> = {}): ObservanceRuleInput => ({ rule: { type: 'announced' }, ...extra });
const span = (o: ObservanceRuleInput, y: number) => {
  const occ = occurrenceInYear(o, y);
  return occ?.status === 'dated' ? `${occ.start}..${occ.end}` : occ?.status;
};

describe('one year', () => {
  it('02-29 exists in leap years only: every 4th, not every 100th, but every 400th', () => {
    expect([2000, 2024, 2026, 2028, 2100].map((y) => span(fixed('02-29'), y))).toEqual(['2000-02-29..2000-02-29', '2024-02-29..2024-02-29', undefined, '2028-02-29..2028-02-29', undefined]);
  });

  it('days: whole days of at least one (a fraction is rounded down, never below one)', () => {
    expect(span(fixed('03-22', { days: 7 }), 2026)).toBe('2026-03-22..2026-03-28');
    expect(span(fixed('03-22', { days: 2.7 }), 2026)).toBe('2026-03-22..2026-03-23');
    expect(span(fixed('03-22', { days: 0.5 }), 2026)).toBe('2026-03-22..2026-03-22');
    expect(span(fixed('03-22', { days: 1 }), 2026)).toBe('2026-03-22..2026-03-22');
  });

  it('listed dates whose end is before the start are one day', () => {
    expect(span(fixed('05-01', { dates: { '2026': { start: '2026-05-10', end: '2026-05-01' } } }), 2026)).toBe('2026-05-10..2026-05-10');
  });
});

describe('RRULEs', () => {
  it('INTERVAL and COUNT count from the year established; INTERVAL=1 and plain rules do not', () => {
    const every2 = rrule('FREQ=YEARLY;INTERVAL=2;BYMONTH=5;BYMONTHDAY=1', { established: 2001 });
    expect([2025, 2026, 2027].map((y) => span(every2, y))).toEqual(['2025-05-01..2025-05-01', undefined, '2027-05-01..2027-05-01']);
    // INTERVAL first in the rule counts too.
    expect(span(rrule('INTERVAL=2;FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1', { established: 2001 }), 2026)).toBeUndefined();
    expect([2022, 2023, 2026].map((y) => span(rrule('FREQ=YEARLY;COUNT=3;BYMONTH=5;BYMONTHDAY=1', { established: 2020 }), y))).toEqual(['2022-05-01..2022-05-01', undefined, undefined]);
    expect(span(rrule('FREQ=YEARLY;INTERVAL=1;BYMONTH=5;BYMONTHDAY=1', { established: 2001 }), 2026)).toBe('2026-05-01..2026-05-01');
    // Without a year established there is nothing to count from: every year.
    expect([2026, 2027].map((y) => span(rrule('FREQ=YEARLY;INTERVAL=2;BYMONTH=5;BYMONTHDAY=1'), y))).toEqual(['2026-05-01..2026-05-01', '2027-05-01..2027-05-01']);
  });

  it('reads a rule written with an RRULE: prefix, in lower case or with spaces around it', () => {
    for (const text of ['RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=2SA', 'rrule:FREQ=YEARLY;BYMONTH=9;BYDAY=2SA', '  FREQ=YEARLY;BYMONTH=9;BYDAY=2SA ', ' RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=2SA']) {
      expect(span(rrule(text), 2026), text).toBe('2026-09-12..2026-09-12');
    }
  });

  it('a day on 1 January or 31 December is inside its year', () => {
    expect(span(rrule('FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1'), 2026)).toBe('2026-01-01..2026-01-01');
    expect(span(rrule('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31'), 2026)).toBe('2026-12-31..2026-12-31');
  });

  it('no day that year, an unreadable rule or another FREQ: no occurrence', () => {
    expect(span(rrule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), 2026)).toBeUndefined();
    expect(span(rrule('FREQ=SOMETIMES'), 2026)).toBeUndefined();
    expect(span(rrule('FREQ=MONTHLY;BYMONTHDAY=1'), 2026)).toBeUndefined();
  });
});

describe('the usual window (预计) of observances announced each year', () => {
  it('is placed in the year asked; an end before the start runs into the next year', () => {
    expect(expectedWindow(announced({ expected: { start: '05-20', end: '05-26' } }), 2026)).toEqual({ start: '2026-05-20', end: '2026-05-26' });
    expect(expectedWindow(announced({ expected: { start: '12-28', end: '01-03' } }), 2026)).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(expectedWindow(announced(), 2026)).toBeUndefined();
  });

  it('only 02-29 moves; a one-day window stays in its year', () => {
    expect(expectedWindow(announced({ expected: { start: '03-29', end: '04-02' } }), 2026)).toEqual({ start: '2026-03-29', end: '2026-04-02' });
    expect(expectedWindow(announced({ expected: { start: '05-20', end: '05-20' } }), 2026)).toEqual({ start: '2026-05-20', end: '2026-05-20' });
  });

  it('a year without dates is over once its window (or else the year) has ended', () => {
    const withWindow = { year: 2026, status: 'pending' as const, expected: { start: '2026-05-20', end: '2026-05-26' } };
    expect([pendingIsPast(withWindow, '2026-05-26'), pendingIsPast(withWindow, '2026-05-27')]).toEqual([false, true]);
    const bare = { year: 2026, status: 'pending' as const };
    expect([pendingIsPast(bare, '2026-12-31'), pendingIsPast(bare, '2027-01-01')]).toEqual([false, true]);
  });

  it('02-29 is the last day of February in a common year', () => {
    expect(expectedWindow(announced({ expected: { start: '02-29', end: '03-05' } }), 2026)).toEqual({ start: '2026-02-28', end: '2026-03-05' });
    expect(expectedWindow(announced({ expected: { start: '02-29', end: '03-05' } }), 2028)).toEqual({ start: '2028-02-29', end: '2028-03-05' });
    expect(expectedWindow(announced({ expected: { start: '02-20', end: '02-29' } }), 2026)).toEqual({ start: '2026-02-20', end: '2026-02-28' });
  });

  it('a 待公布 year carries the usual words and window, never a date', () => {
    expect(occurrenceInYear(announced({ usual: '每年5月下旬', expected: { start: '05-20', end: '05-26' } }), 2026)).toEqual({
      year: 2026,
      status: 'pending',
      usual: '每年5月下旬',
      expected: { start: '2026-05-20', end: '2026-05-26' },
    });
    expect(occurrenceInYear(announced(), 2026)).toEqual({ year: 2026, status: 'pending' });
  });
});

describe('the next occurrence', () => {
  const at = (o: ObservanceRuleInput, today: string) => {
    const occ = nextOccurrence(o, today);
    return occ && (occ.status === 'dated' ? `${occ.start}..${occ.end}` : `${occ.year} pending`);
  };

  it('this year’s 待公布 edition is skipped once its usual window has ended (not on its last day)', () => {
    const o = announced({ expected: { start: '05-20', end: '05-26' } });
    expect(at(o, '2026-05-26')).toBe('2026 pending');
    expect(at(o, '2026-05-27')).toBe('2027 pending');
  });

  it('without a window, by where the latest earlier edition ended in its year', () => {
    const o = announced({ dates: { '2024': { start: '2024-05-18', end: '2024-05-25' }, '2025': { start: '2025-06-01', end: '2025-06-10' } } });
    // The latest (2025) decides, not the first listed.
    expect(at(o, '2026-06-01')).toBe('2026 pending');
    expect(at(o, '2026-06-10')).toBe('2026 pending');
    expect(at(o, '2026-06-11')).toBe('2027 pending');
    // An edition announced early for a later year does not count as an earlier one.
    const early = announced({ dates: { '2025': { start: '2025-05-17', end: '2025-05-24' }, '2027': { start: '2027-09-01', end: '2027-09-07' } } });
    expect(at(early, '2026-06-01')).toBe('2027-09-01..2027-09-07');
    // With neither, we cannot tell: this year is still to come.
    expect(at(announced(), '2026-12-31')).toBe('2026 pending');
  });

  it('an edition that ran into the next year never counts as over by its month-day', () => {
    const o = announced({ dates: { '2025': { start: '2025-12-28', end: '2026-01-03' } } });
    expect(at(o, '2026-06-01')).toBe('2026 pending');
  });

  it('last year’s edition running into this year is the current one, to its last day', () => {
    const o = fixed('12-28', { days: 7 });
    expect(at(o, '2026-01-03')).toBe('2025-12-28..2026-01-03');
    expect(at(o, '2026-01-04')).toBe('2026-12-28..2027-01-03');
  });
});

describe('upcoming observances', () => {
  const names = (list: (ObservanceRuleInput & { n: string })[], today: string, days: number) =>
    upcomingObservances(list, today, days).map((u) => `${u.observance.n} ${u.occurrence.start}..${u.occurrence.end}`);

  it('includes one ending today; sorts by start, then end, then list order; skips years before it existed', () => {
    const list = [
      { ...fixed('09-01', { days: 7 }), n: 'week' },
      { ...fixed('09-01'), n: 'day-b' },
      { ...fixed('09-01'), n: 'day-a' },
      { ...fixed('08-25', { days: 7 }), n: 'ends-today' },
      { ...fixed('08-20'), n: 'over' },
      { ...fixed('09-02', { established: 2030 }), n: 'not-yet' },
      { ...announced(), n: 'pending' },
    ];
    expect(names(list, '2026-08-31', 3)).toEqual(['ends-today 2026-08-25..2026-08-31', 'day-b 2026-09-01..2026-09-01', 'day-a 2026-09-01..2026-09-01', 'week 2026-09-01..2026-09-07']);
  });

  it('the start decides before the end, the end before list order — whatever order the list is in', () => {
    const long = { ...fixed('08-25', { days: 37 }), n: 'long' };
    const week = { ...fixed('09-01', { days: 7 }), n: 'week' };
    const [a, b] = [{ ...fixed('09-01'), n: 'a' }, { ...fixed('09-01'), n: 'b' }];
    expect(names([week, b, a, long], '2026-08-31', 3)).toEqual(['long 2026-08-25..2026-09-30', 'b 2026-09-01..2026-09-01', 'a 2026-09-01..2026-09-01', 'week 2026-09-01..2026-09-07']);
    expect(names([long, a, b, week], '2026-08-31', 3)).toEqual(['long 2026-08-25..2026-09-30', 'a 2026-09-01..2026-09-01', 'b 2026-09-01..2026-09-01', 'week 2026-09-01..2026-09-07']);
  });
});

describe('rruleForIcal', () => {
  it('a fixed date or a yearly RRULE, tidied; UNTIL added for an ended observance unless the rule has an end', () => {
    expect(rruleForIcal(fixed('06-06'))).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6');
    expect(rruleForIcal(fixed('06-06', { dates: {} }))).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6');
    expect(rruleForIcal(fixed('06-06', { dates: { '2026': { start: '2026-06-07' } } }))).toBeUndefined();
    expect(rruleForIcal(rrule(' RRULE:freq=yearly;bymonth=9;byday=2sa '))).toBe('FREQ=YEARLY;BYMONTH=9;BYDAY=2SA');
    expect(rruleForIcal(rrule('BYMONTH=9;BYMONTHDAY=1;FREQ=YEARLY'))).toBe('BYMONTH=9;BYMONTHDAY=1;FREQ=YEARLY');
    expect(rruleForIcal(rrule('FREQ=MONTHLY;BYMONTHDAY=1'))).toBeUndefined();
    expect(rruleForIcal(rrule('FREQ=YEARLY;BYMONTH=9;BYDAY=3SA', { endedYear: 2024 }))).toBe('FREQ=YEARLY;BYMONTH=9;BYDAY=3SA;UNTIL=20241231');
    expect(rruleForIcal(rrule('COUNT=3;FREQ=YEARLY;BYMONTH=9;BYDAY=3SA', { endedYear: 2024 }))).toBe('COUNT=3;FREQ=YEARLY;BYMONTH=9;BYDAY=3SA');
    expect(rruleForIcal({ rule: { type: 'month', month: 9 } })).toBeUndefined();
    expect(rruleForIcal({ rule: { type: 'month', month: 9 }, endedYear: 2024 })).toBeUndefined();
    expect(rruleForIcal({ rule: { type: 'lunar', date: '09-09' }, endedYear: 2024 })).toBeUndefined();
  });
});
