/**
 * Wall times that do not exist are refused by the time module (src/lib/time/zones.ts), not rolled
 * over: Date and TZDate read 2026-02-30 as 2026-03-02 and 24:00 as the next midnight, and a feed
 * would then carry a day nobody wrote. The validator refuses these first; this is the second check.
 */
import { describe, expect, it } from 'vitest';
import { monthsCovered } from '../../src/lib/time/days.ts';
import { convertWallTime, offsetIso, utcMidnight, zonedDate, zonedInstant } from '../../src/lib/time/zones.ts';

describe('zonedInstant', () => {
  it('refuses impossible dates and times, naming what it was', () => {
    for (const local of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-09-00', '2026-09-12T24:00', '2026-09-12T23:60', '2026-09-12T23:59:60', '2026-9-12', 'x']) {
      expect(() => zonedInstant(local, 'Asia/Shanghai', 'start'), local).toThrow(`time: invalid start "${local}" in zone "Asia/Shanghai"`);
    }
  });

  it('reads the last moments of a day and a leap day', () => {
    expect(zonedInstant('2026-09-12T23:59:59', 'Asia/Shanghai').toISOString()).toBe('2026-09-12T15:59:59.000Z');
    expect(zonedInstant('2028-02-29', 'UTC').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(zonedInstant('2026-09-12 14:00', 'Asia/Shanghai').toISOString()).toBe('2026-09-12T06:00:00.000Z');
  });
});

// Mutation testing (issue 22) found these unchecked.

describe('zones: what the iCal and open-data writers rely on', () => {
  it('a wall time must be the whole value (no prefix, no suffix)', () => {
    expect(() => zonedInstant('x2026-09-12T10:00', 'Asia/Shanghai')).toThrow(/invalid time/);
    expect(() => zonedInstant('2026-09-12T10:00x', 'Asia/Shanghai')).toThrow(/invalid time/);
    expect(() => zonedDate('2026-02-30T10:00', 'Asia/Shanghai')).toThrow('time: invalid time "2026-02-30T10:00" in zone "Asia/Shanghai"');
  });

  it('a date converts to another zone as the same date; a time moves with the clock', () => {
    expect(convertWallTime('2026-09-12', 'Asia/Shanghai', 'America/New_York')).toBe('2026-09-12');
    expect(convertWallTime('2026-09-12T09:00', 'Asia/Shanghai', 'UTC')).toBe('2026-09-12T01:00');
  });

  it('offsets: Z only for the UTC zone itself; +00:00 for zones that are merely at zero', () => {
    expect(offsetIso('2026-09-12T14:00', 'UTC')).toBe('2026-09-12T14:00:00Z');
    expect(offsetIso('2026-09-12T14:00', 'Etc/UTC')).toBe('2026-09-12T14:00:00+00:00');
    expect(offsetIso('2026-09-12T14:00', 'Zulu')).toBe('2026-09-12T14:00:00+00:00');
    expect(offsetIso('2026-01-12T14:00', 'Europe/London')).toBe('2026-01-12T14:00:00+00:00');
    expect(offsetIso('2026-09-12T14:00', 'America/St_Johns')).toBe('2026-09-12T14:00:00-02:30');
    expect(offsetIso('2026-09-12T14:00', 'Asia/Shanghai')).toBe('2026-09-12T14:00:00+08:00');
  });

  it('utcMidnight takes the day of a date-time', () => {
    expect(utcMidnight('2026-09-12T23:30').toISOString()).toBe('2026-09-12T00:00:00.000Z');
  });
});

describe('monthsCovered', () => {
  it('an end before the start (bad input) still gives the start month', () => {
    expect(monthsCovered('2026-09-12', '2026-08-01')).toEqual(['2026-09']);
    expect(monthsCovered('2026-09-12', '2026-11-01')).toEqual(['2026-09', '2026-10', '2026-11']);
  });
});
