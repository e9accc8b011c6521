/**
 * The recurrence engine against dates checked by hand for 2024–2028. Nth weekdays were computed
 * independently (Python's calendar module) and agree with a wall calendar; lunar dates and solar
 * terms were compared with published almanac dates (重阳 2026-10-18, 2027-10-08; 秋分 2026-09-23,
 * 2027-09-23) and with ICU, which agrees except for the known 2027 春节 error.
 * Run under TZ=UTC and TZ=Asia/Shanghai: nothing here may depend on the process zone.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  expandObservance,
  isOnDay,
  nextOccurrence,
  observancesOnDay,
  occurrenceInYear,
  upcomingObservances,
  type ObservanceRuleInput,
  type Occurrence,
} from '../../src/lib/time/recurrence.ts';
import { rruleForIcal } from '../../src/lib/time/recurrence-rrule.ts';
import { lunarDateInYear, lunarToSolar, solarTermInYear, solarTermsOfYear } from '../../src/lib/time/lunar.ts';

type Named = ObservanceRuleInput & { name: string };

const YEARS = [2024, 2025, 2026, 2027, 2028];

/** The start days of 2024–2028, in order. */
function starts(o: ObservanceRuleInput): (string | undefined)[] {
  return YEARS.map((y) => {
    const occ = occurrenceInYear(o, y);
    return occ?.status === 'dated' ? occ.start : undefined;
  });
}

function dated(year: number, start: string, end = start, announced = false): Occurrence {
  return { year, status: 'dated', start, end, announced };
}

// --- fixtures (rules as the content files write them) ----------------------------------------
const firstAid: Named = { name: '世界急救日', rule: { type: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=9;BYDAY=2SA' }, established: 2000 };
const marrow: Named = { name: '世界骨髓捐献者日', rule: { type: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=9;BYDAY=3SA' }, established: 2015 };
const disability: Named = { name: '全国助残日', rule: { type: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=5;BYDAY=3SU' }, established: 1991 };
const schoolSafety: Named = { name: '全国中小学生安全教育日', rule: { type: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1MO' }, established: 1996 };
const chongyang: Named = { name: '重阳节', rule: { type: 'lunar', date: '09-09' } };
const harvest: Named = { name: '中国农民丰收节', rule: { type: 'solar-term', term: '秋分' }, established: 2018 };
const waterWeek: Named = { name: '中国水周', rule: { type: 'fixed', date: '03-22' }, days: 7, established: 1994 };
const earDay: Named = { name: '全国爱耳日', rule: { type: 'fixed', date: '03-03' }, established: 2000 };
const aidsDay: Named = { name: '世界艾滋病日', rule: { type: 'fixed', date: '12-01' }, established: 1988 };
const scienceMonth: Named = { name: '全国科普月', rule: { type: 'month', month: 9 }, established: 2025 };
const fireMonth: Named = { name: '“119”消防宣传月', rule: { type: 'month', month: 11 } };
const winterSolstice: Named = { name: '冬至', rule: { type: 'solar-term', term: '冬至' } };
// Dates under `dates` below are test fixtures exercising the engine, not claims about real editions.
const techWeek: Named = {
  name: '全国科技活动周',
  rule: { type: 'announced' },
  usual: '每年5月下旬',
  established: 2001,
  dates: { '2025': { start: '2025-05-17', end: '2025-05-24' } },
};
const scienceDay: Named = {
  name: '全国科普日',
  rule: { type: 'announced' },
  established: 2003,
  endedYear: 2024,
  dates: { '2024': { start: '2024-09-14', end: '2024-09-20' } },
};

describe('rrule: nth weekdays', () => {
  it('世界急救日 = 2nd Saturday of September', () => {
    expect(starts(firstAid)).toEqual(['2024-09-14', '2025-09-13', '2026-09-12', '2027-09-11', '2028-09-09']);
  });
  it('世界骨髓捐献者日 = 3rd Saturday of September', () => {
    expect(starts(marrow)).toEqual(['2024-09-21', '2025-09-20', '2026-09-19', '2027-09-18', '2028-09-16']);
  });
  it('全国助残日 = 3rd Sunday of May', () => {
    expect(starts(disability)).toEqual(['2024-05-19', '2025-05-18', '2026-05-17', '2027-05-16', '2028-05-21']);
  });
  it('全国中小学生安全教育日 = last Monday of March', () => {
    expect(starts(schoolSafety)).toEqual(['2024-03-25', '2025-03-31', '2026-03-30', '2027-03-29', '2028-03-27']);
  });
  it('is a one-day occurrence, not announced', () => {
    expect(occurrenceInYear(firstAid, 2026)).toEqual(dated(2026, '2026-09-12'));
  });
  it('accepts an RRULE: prefix and spans with days', () => {
    const o: ObservanceRuleInput = { rule: { type: 'rrule', rrule: 'RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=2SA' }, days: 3 };
    expect(occurrenceInYear(o, 2026)).toEqual(dated(2026, '2026-09-12', '2026-09-14'));
  });
  it('counts INTERVAL from the year established', () => {
    const o: ObservanceRuleInput = { rule: { type: 'rrule', rrule: 'FREQ=YEARLY;INTERVAL=2;BYMONTH=6;BYMONTHDAY=1' }, established: 2024 };
    expect(starts(o)).toEqual(['2024-06-01', undefined, '2026-06-01', undefined, '2028-06-01']);
  });
  it('gives no dates for an unreadable or non-yearly rule instead of throwing', () => {
    expect(occurrenceInYear({ rule: { type: 'rrule', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' } }, 2026)).toBeUndefined();
    expect(occurrenceInYear({ rule: { type: 'rrule', rrule: 'FREQ=SOMETIMES' } }, 2026)).toBeUndefined();
  });
});

describe('lunar dates and solar terms (lunar-javascript, not ICU)', () => {
  it('重阳节 = lunar 09-09', () => {
    expect(starts(chongyang)).toEqual(['2024-10-11', '2025-10-29', '2026-10-18', '2027-10-08', '2028-10-26']);
  });
  it('2027 春节 is 2027-02-06 (ICU says 02-07)', () => {
    expect(occurrenceInYear({ rule: { type: 'lunar', date: '01-01' } }, 2027)).toEqual(dated(2027, '2027-02-06'));
    expect(starts({ rule: { type: 'lunar', date: '01-01' } })).toEqual(['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26']);
  });
  it('uses the ordinary month in a year with that leap month (2025 has a leap 6th month)', () => {
    // 2025: 六月 starts 06-25 (30 days), 闰六月 starts 07-25.
    expect(lunarToSolar(2025, 6, 1)).toBe('2025-06-25');
    expect(lunarToSolar(2025, 7, 1)).toBe('2025-08-23');
  });
  it('puts day 30 of a 29-day month on its last day (除夕)', () => {
    // Lunar 2024's 12th month has 29 days: 除夕 2025-01-28, the day before 春节 2025-01-29.
    expect(lunarDateInYear(2025, 12, 30)).toBe('2025-01-28');
    expect(lunarDateInYear(2027, 12, 30)).toBe('2027-02-05');
  });
  it('picks the 12th-month date that falls in the Gregorian year asked for', () => {
    // 腊八 (12-08) of lunar 2024 falls on 2025-01-07; that of lunar 2025 on 2026-01-26.
    expect(lunarDateInYear(2025, 12, 8)).toBe('2025-01-07');
    expect(lunarDateInYear(2026, 12, 8)).toBe('2026-01-26');
  });
  it('refuses impossible lunar dates', () => {
    expect(lunarToSolar(2026, 13, 1)).toBeUndefined();
    expect(lunarToSolar(2026, 1, 31)).toBeUndefined();
    expect(occurrenceInYear({ rule: { type: 'lunar', date: '00-10' } }, 2026)).toBeUndefined();
  });
  it('中国农民丰收节 = 秋分', () => {
    expect(starts(harvest)).toEqual(['2024-09-22', '2025-09-23', '2026-09-23', '2027-09-23', '2028-09-22']);
  });
  it('finds terms at both ends of the Gregorian year, where the lunar-year tables overlap', () => {
    expect(solarTermInYear(2026, '小寒')).toBe('2026-01-05');
    expect(solarTermInYear(2026, '冬至')).toBe('2026-12-22');
    expect(solarTermInYear(2028, '冬至')).toBe('2028-12-21');
    expect(solarTermInYear(2027, '惊蛰')).toBe('2027-03-06');
    for (const y of YEARS) expect(solarTermsOfYear(y).size).toBe(24);
  });
});

describe('fixed dates, spans and months', () => {
  it('中国水周 03-22 for 7 days', () => {
    expect(expandObservance(waterWeek, 2026, 2027)).toEqual([
      dated(2026, '2026-03-22', '2026-03-28'),
      dated(2027, '2027-03-22', '2027-03-28'),
    ]);
  });
  it('a span may cross New Year', () => {
    expect(occurrenceInYear({ rule: { type: 'fixed', date: '12-28' }, days: 7 }, 2026)).toEqual(dated(2026, '2026-12-28', '2027-01-03'));
  });
  it('02-29 only in leap years', () => {
    const o: ObservanceRuleInput = { rule: { type: 'fixed', date: '02-29' } };
    expect(starts(o)).toEqual(['2024-02-29', undefined, undefined, undefined, '2028-02-29']);
    expect(expandObservance(o, 2024, 2028).map((x) => x.year)).toEqual([2024, 2028]);
  });
  it('全国科普月 = all of September', () => {
    expect(occurrenceInYear(scienceMonth, 2026)).toEqual(dated(2026, '2026-09-01', '2026-09-30'));
  });
  it('a February month has 29 days in 2028 and 28 in 2027; December ends on the 31st', () => {
    const feb: ObservanceRuleInput = { rule: { type: 'month', month: 2 } };
    expect(occurrenceInYear(feb, 2028)).toEqual(dated(2028, '2028-02-01', '2028-02-29'));
    expect(occurrenceInYear(feb, 2027)).toEqual(dated(2027, '2027-02-01', '2027-02-28'));
    expect(occurrenceInYear({ rule: { type: 'month', month: 12 } }, 2026)).toEqual(dated(2026, '2026-12-01', '2026-12-31'));
  });
});

describe('announced dates, overrides and bounds', () => {
  it('uses the announced dates of a year', () => {
    expect(occurrenceInYear(techWeek, 2025)).toEqual(dated(2025, '2025-05-17', '2025-05-24', true));
  });
  it('shows 待公布 with the usual period when a year has no dates — never a guess', () => {
    expect(occurrenceInYear(techWeek, 2026)).toEqual({ year: 2026, status: 'pending', usual: '每年5月下旬' });
    const bare: ObservanceRuleInput = { rule: { type: 'announced' } };
    expect(occurrenceInYear(bare, 2026)).toStrictEqual({ year: 2026, status: 'pending' });
  });
  it('an announced start without end lasts `days`', () => {
    const o: ObservanceRuleInput = { rule: { type: 'announced' }, days: 7, dates: { '2026': { start: '2026-05-16' } } };
    expect(occurrenceInYear(o, 2026)).toEqual(dated(2026, '2026-05-16', '2026-05-22', true));
  });
  it('dates[year] overrides a computed rule for that year only', () => {
    const o: ObservanceRuleInput = { rule: { type: 'fixed', date: '06-06' }, dates: { '2026': { start: '2026-06-08', end: '2026-06-09' } } };
    expect(expandObservance(o, 2025, 2027)).toEqual([
      dated(2025, '2025-06-06'),
      dated(2026, '2026-06-08', '2026-06-09', true),
      dated(2027, '2027-06-06'),
    ]);
  });
  it('全国科普日 ended in 2024: nothing in 2025, nothing before 2003', () => {
    expect(occurrenceInYear(scienceDay, 2024)).toEqual(dated(2024, '2024-09-14', '2024-09-20', true));
    expect(occurrenceInYear(scienceDay, 2025)).toBeUndefined();
    expect(occurrenceInYear(scienceDay, 2002)).toBeUndefined();
    expect(expandObservance(scienceDay, 2023, 2026)).toEqual([{ year: 2023, status: 'pending' }, dated(2024, '2024-09-14', '2024-09-20', true)]);
    expect(nextOccurrence(scienceDay, '2026-11-25')).toBeUndefined();
  });
  it('全国科普月 begins in 2025', () => {
    expect(expandObservance(scienceMonth, 2024, 2025)).toEqual([dated(2025, '2025-09-01', '2025-09-30')]);
  });
});

describe('relative to today', () => {
  it('nextOccurrence crosses the year end', () => {
    expect(nextOccurrence(earDay, '2026-12-20')).toEqual(dated(2027, '2027-03-03'));
  });
  it('nextOccurrence returns today’s and the ongoing occurrence', () => {
    expect(nextOccurrence(earDay, '2026-03-03')).toEqual(dated(2026, '2026-03-03'));
    expect(nextOccurrence(scienceMonth, '2026-09-15')).toEqual(dated(2026, '2026-09-01', '2026-09-30'));
    expect(nextOccurrence(scienceMonth, '2026-10-01')).toEqual(dated(2027, '2027-09-01', '2027-09-30'));
  });
  it('nextOccurrence finds last year’s span still running in January', () => {
    const o: ObservanceRuleInput = { rule: { type: 'fixed', date: '12-28' }, days: 7 };
    expect(nextOccurrence(o, '2027-01-02')).toEqual(dated(2026, '2026-12-28', '2027-01-03'));
  });
  it('nextOccurrence skips a 02-29 to the next leap year within two years', () => {
    const o: ObservanceRuleInput = { rule: { type: 'fixed', date: '02-29' } };
    expect(nextOccurrence(o, '2026-03-01')).toEqual(dated(2028, '2028-02-29'));
    expect(nextOccurrence(o, '2024-03-01')).toBeUndefined(); // 2025–2026 have none
  });
  it('nextOccurrence of an announced day: 待公布 this year before its usual time, next year after it', () => {
    expect(nextOccurrence(techWeek, '2026-03-01')).toEqual({ year: 2026, status: 'pending', usual: '每年5月下旬' });
    expect(nextOccurrence(techWeek, '2026-11-25')).toEqual({ year: 2027, status: 'pending', usual: '每年5月下旬' });
    const withNext = { ...techWeek, dates: { ...techWeek.dates, '2027': { start: '2027-05-15', end: '2027-05-22' } } };
    expect(nextOccurrence(withNext, '2026-11-25')).toEqual(dated(2027, '2027-05-15', '2027-05-22', true));
  });
  it('isOnDay covers first and last day, never a pending year', () => {
    const occ = occurrenceInYear(waterWeek, 2026)!;
    expect(['2026-03-21', '2026-03-22', '2026-03-28', '2026-03-29'].map((d) => isOnDay(occ, d))).toEqual([false, true, true, false]);
    expect(isOnDay({ year: 2026, status: 'pending' }, '2026-05-20')).toBe(false);
  });
  it('observancesOnDay', () => {
    const list = [firstAid, scienceMonth, waterWeek, chongyang, techWeek, scienceDay];
    expect(observancesOnDay(list, '2026-09-12').map((o) => o.name)).toEqual(['世界急救日', '全国科普月']);
    expect(observancesOnDay(list, '2026-03-25').map((o) => o.name)).toEqual(['中国水周']);
    expect(observancesOnDay(list, '2027-10-08').map((o) => o.name)).toEqual(['重阳节']);
    expect(observancesOnDay(list, '2024-09-14').map((o) => o.name)).toEqual(['世界急救日', '全国科普日']);
    const span = { name: 'span', rule: { type: 'fixed', date: '12-28' }, days: 7 } satisfies Named;
    expect(observancesOnDay([span], '2027-01-03').map((o) => o.name)).toEqual(['span']);
  });
  it('upcomingObservances: in progress and starting within the window, sorted by start', () => {
    const list = [winterSolstice, firstAid, aidsDay, techWeek, fireMonth, chongyang, scienceMonth];
    const got = upcomingObservances(list, '2026-11-25', 30).map((u) => [u.observance.name, u.occurrence.start, u.occurrence.end]);
    expect(got).toEqual([
      ['“119”消防宣传月', '2026-11-01', '2026-11-30'],
      ['世界艾滋病日', '2026-12-01', '2026-12-01'],
      ['冬至', '2026-12-22', '2026-12-22'],
    ]);
    // The window's last day (today + days) is included, the day after is not.
    expect(upcomingObservances([aidsDay], '2026-11-01', 30)).toHaveLength(1);
    expect(upcomingObservances([aidsDay], '2026-11-01', 29)).toHaveLength(0);
    // Across New Year: a span still running and next year's days.
    const span = { name: 'span', rule: { type: 'fixed', date: '12-28' }, days: 7 } satisfies Named;
    const jan = upcomingObservances([earDay, span, aidsDay], '2026-12-30', 70).map((u) => [u.observance.name, u.occurrence.start]);
    expect(jan).toEqual([['span', '2026-12-28'], ['全国爱耳日', '2027-03-03']]);
  });
  it('upcomingObservances lists every occurrence in a window longer than a year', () => {
    const got = upcomingObservances([earDay], '2026-01-01', 790).map((u) => u.occurrence.start);
    expect(got).toEqual(['2026-03-03', '2027-03-03']);
  });
});

describe('rruleForIcal', () => {
  it('fixed and rrule rules become yearly RRULEs', () => {
    expect(rruleForIcal({ rule: { type: 'fixed', date: '06-06' } })).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6');
    expect(rruleForIcal(firstAid)).toBe('FREQ=YEARLY;BYMONTH=9;BYDAY=2SA');
    expect(rruleForIcal(waterWeek)).toBe('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=22');
  });
  it('lunar, solar-term, announced and month rules need explicit instances', () => {
    for (const o of [chongyang, harvest, techWeek, scienceMonth]) expect(rruleForIcal(o)).toBeUndefined();
  });
  it('so do rules with dates listed (overrides), and ended ones get UNTIL', () => {
    expect(rruleForIcal({ rule: { type: 'fixed', date: '06-06' }, dates: { '2026': { start: '2026-06-08' } } })).toBeUndefined();
    expect(rruleForIcal({ rule: { type: 'fixed', date: '09-20' }, endedYear: 2024 })).toBe('FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=20;UNTIL=20241231');
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
