/**
 * Wall times that do not exist are refused by the time module (src/lib/time/zones.ts), not rolled
 * over: Date and TZDate read 2026-02-30 as 2026-03-02 and 24:00 as the next midnight, and a feed
 * would then carry a day nobody wrote. The validator refuses these first; this is the second check.
 */
import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/lib/time/zones.ts';

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
