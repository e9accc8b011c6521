import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatRangeZh, monthsCovered, relativeHintZh, weekdayZh } from '../../src/lib/dates.ts';

describe('calendar dates (no TZ drift)', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-09-10', '2026-09-13')).toBe(3);
  });

  it('names the Chinese weekday', () => {
    expect(weekdayZh('2026-09-12')).toBe('星期六');
    expect(weekdayZh('2026-11-25')).toBe('星期三');
  });

  it('formats single-day, timed and multi-day ranges', () => {
    expect(formatRangeZh('2026-09-12T14:00', '2026-09-12T16:30')).toBe('2026年9月12日（星期六）14:00–16:30');
    expect(formatRangeZh('2026-09-12', undefined)).toBe('2026年9月12日（星期六）');
    expect(formatRangeZh('2026-09-19', '2026-09-21')).toBe('2026年9月19日（星期六） 至 9月21日（星期一）');
    expect(formatRangeZh('2026-12-30', '2027-01-02')).toBe('2026年12月30日（星期三） 至 2027年1月2日（星期六）');
  });

  it('lists the months a range touches, across a year end', () => {
    expect(monthsCovered('2026-12-30', '2027-01-02')).toEqual(['2026-12', '2027-01']);
    expect(monthsCovered('2026-09-01', '2026-09-30')).toEqual(['2026-09']);
  });

  it('gives a relative hint against the today it is given', () => {
    expect(relativeHintZh('2026-09-13', '2026-09-13', '2026-09-10')).toBe('还有 3 天');
    expect(relativeHintZh('2026-09-11', '2026-09-11', '2026-09-10')).toBe('明天');
    expect(relativeHintZh('2026-09-01', '2026-09-30', '2026-09-10')).toBe('进行中');
    expect(relativeHintZh('2026-09-01', '2026-09-02', '2026-09-10')).toBe('已结束');
  });
});
