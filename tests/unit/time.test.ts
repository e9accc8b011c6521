/**
 * src/lib/time/: calendar days, wall times in zones, "today in China", Chinese date labels. Every
 * "now" is passed in; the results must not depend on the process TZ (vitest runs under the
 * machine's; the iCal golden test re-renders under four others).
 */
import { describe, expect, it } from 'vitest';
import { tzOffset } from '@date-fns/tz/tzOffset';
import { addDays, daysBetween, daysInMonth, isRealDate, monthsCovered, nextDay, nowIn, prevDay, SITE_ZONE, todayIn, weekday, zoneOffset } from '../../src/lib/time/days.ts';
import { convertWallTime, dayIn, offsetIso, offsetMinutes, utcIso, wallTime, zonedInstant } from '../../src/lib/time/zones.ts';
import { formatRangeZh, periodLabel, relativeHint, weekdayZh } from '../../src/lib/time/labels.ts';

describe('calendar days (no TZ drift)', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-09-10', 400)).toBe('2027-10-15');
    expect(daysBetween('2026-09-10', '2026-09-13')).toBe(3);
    expect(daysBetween('2026-09-13', '2026-09-10')).toBe(-3);
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
  });

  it('steps one day forward and back the same way addDays does', () => {
    for (let d = '2027-12-20'; d < '2029-03-05'; d = addDays(d, 1)) {
      expect(nextDay(d)).toBe(addDays(d, 1));
      expect(prevDay(d)).toBe(addDays(d, -1));
    }
  });

  it('knows the Gregorian leap years (one rule, date-fns)', () => {
    expect(isRealDate(2028, 2, 29)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2100, 2, 29)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 0, 10)).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
  });

  it('names the weekday', () => {
    expect(weekday('2026-09-12')).toBe(6);
    expect(weekdayZh('2026-09-12')).toBe('星期六');
    expect(weekdayZh('2026-11-25')).toBe('星期三');
  });

  it('lists the months a range touches, across a year end', () => {
    expect(monthsCovered('2026-12-30', '2027-01-02')).toEqual(['2026-12', '2027-01']);
    expect(monthsCovered('2026-09-01', '2026-09-30')).toEqual(['2026-09']);
    expect(monthsCovered('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('today and now in China', () => {
  it('is the calendar day in Asia/Shanghai, whatever the instant says in UTC', () => {
    expect(SITE_ZONE).toBe('Asia/Shanghai');
    // 2026-09-10 17:30 UTC is already 01:30 on the 11th in China.
    expect(todayIn(new Date('2026-09-10T17:30:00Z'))).toBe('2026-09-11');
    expect(todayIn(new Date('2026-09-10T15:59:00Z'))).toBe('2026-09-10');
    expect(nowIn(new Date('2026-09-10T17:30:59Z'))).toBe('2026-09-11T01:30');
    expect(todayIn(new Date('2026-09-10T17:30:00Z'), 'America/New_York')).toBe('2026-09-10');
  });

  it("answers China's offset without Intl only where the tz database says +8: every seven hours from 1992 to 2100, and asks it before", () => {
    // zoneOffset's shortcut for the site's zone must equal @date-fns/tz (the runtime's IANA data).
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2100, 0, 1); t += 3_600_000 * 7) {
      const d = new Date(t);
      if (zoneOffset(SITE_ZONE, d) !== tzOffset(SITE_ZONE, d)) expect(new Date(t).toISOString()).toBe('an instant where the shortcut is wrong');
    }
    // China kept summer time 1986–1991: then the library answers (UTC+9 in July 1991).
    expect(zoneOffset(SITE_ZONE, new Date('1991-07-01T00:00:00Z'))).toBe(540);
    expect(todayIn(new Date('1991-07-01T15:30:00Z'))).toBe('1991-07-02');
    expect(zoneOffset('Asia/Tokyo', new Date('2026-01-01T00:00:00Z'))).toBe(540);
  });
});

describe('wall times in zones', () => {
  it('turns a wall time in a zone into its instant, and back', () => {
    expect(zonedInstant('2026-09-12T14:00', 'Asia/Shanghai').toISOString()).toBe('2026-09-12T06:00:00.000Z');
    expect(zonedInstant('2026-09-12', 'Asia/Shanghai').toISOString()).toBe('2026-09-11T16:00:00.000Z');
    expect(wallTime(new Date('2026-09-12T06:00:00Z'), 'Asia/Shanghai')).toBe('2026-09-12T14:00:00');
    expect(utcIso(zonedInstant('2026-09-12T14:00', 'Asia/Shanghai'))).toBe('2026-09-12T06:00:00Z');
    expect(() => zonedInstant('2026-09-12T14:00', 'Mars/Olympus')).toThrow(/invalid time/);
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(offsetMinutes('2026-07-04T18:00', 'America/New_York')).toBe(-240);
    expect(offsetMinutes('2026-12-04T18:00', 'America/New_York')).toBe(-300);
    expect(offsetMinutes('2026-09-12T14:00', 'Asia/Shanghai')).toBe(480);
    // convertWallTime is what the calendar shows (calendar-data.test.ts: toCalendarZone); here across a DST change.
    expect(convertWallTime('2026-03-08T12:00', 'America/New_York', 'UTC')).toBe('2026-03-08T16:00');
    expect(dayIn('2026-09-12T20:00', 'America/New_York')).toBe('2026-09-13');
  });

  it.each([
    ['2026-09-12T14:00', 'Asia/Shanghai', '2026-09-12T14:00:00+08:00'],
    ['2026-09-12', 'Asia/Shanghai', '2026-09-12T00:00:00+08:00'],
    ['2026-01-10T09:30', 'America/St_Johns', '2026-01-10T09:30:00-03:30'],
    ['2026-01-10T09:30', 'UTC', '2026-01-10T09:30:00Z'],
  ])('writes %s in %s as ISO 8601 with its offset (as the open data does)', (local, zone, iso) => {
    expect(offsetIso(local, zone)).toBe(iso);
  });
});

describe('dates in Chinese', () => {
  it('formats single-day, timed and multi-day ranges', () => {
    expect(formatRangeZh('2026-09-12T14:00', '2026-09-12T16:30')).toBe('2026年9月12日（星期六）14:00–16:30');
    expect(formatRangeZh('2026-09-12', undefined)).toBe('2026年9月12日（星期六）');
    expect(formatRangeZh('2026-09-19', '2026-09-21')).toBe('2026年9月19日（星期六） 至 9月21日（星期一）');
    expect(formatRangeZh('2026-12-30', '2027-01-02')).toBe('2026年12月30日（星期三） 至 2027年1月2日（星期六）');
  });

  it('gives a relative hint against the today it is given (the page script uses the same function)', () => {
    expect(relativeHint('2026-09-13', '2026-09-13', '2026-09-10')).toBe('还有 3 天');
    expect(relativeHint('2026-09-11', '2026-09-11', '2026-09-10')).toBe('明天');
    expect(relativeHint('2026-09-12', '2026-09-14', '2026-09-10')).toBe('后天');
    expect(relativeHint('2026-09-10', '2026-09-10', '2026-09-10')).toBe('今天');
    expect(relativeHint('2026-09-01', '2026-09-30', '2026-09-10')).toBe('进行中');
    expect(relativeHint('2026-09-01', '2026-09-02', '2026-09-10')).toBe('已结束');
    expect(relativeHint('2027-01-01', '2027-01-01', '2026-12-31')).toBe('明天');
    expect(relativeHint('2026-10-01', '2026-10-01', '2026-03-01')).toBe('还有 214 天');
  });

  it('writes a usual window by 旬', () => {
    expect(periodLabel({ start: '2026-05-21', end: '2026-05-31' })).toBe('5月下旬');
    expect(periodLabel({ start: '2026-05-11', end: '2026-05-31' })).toBe('5月中下旬');
    expect(periodLabel({ start: '2026-09-01', end: '2026-09-30' })).toBe('9月');
    expect(periodLabel({ start: '2026-05-21', end: '2026-06-10' })).toBe('5月下旬至6月上旬');
  });
});
