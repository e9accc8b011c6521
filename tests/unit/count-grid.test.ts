/**
 * The dense month's own grid (src/lib/calendar/count-grid.ts): the six weeks it shows, Monday first like
 * FullCalendar's zh-CN grid, and which items go under which day and which above the grid.
 */
import { describe, expect, it } from 'vitest';
import { countItem, isCountItem } from '../../src/lib/calendar/calendar-dense.ts';
import type { DrawnEvent } from '../../src/lib/calendar/calendar-draw.ts';
import { monthGridWeeks, placeItems } from '../../src/lib/calendar/count-grid.ts';
import { weekday } from '../../src/lib/time/days.ts';

const item = (id: string, start: string, end: string | undefined, order: number, allDay = true): DrawnEvent => ({ id, title: id, start, ...(end ? { end } : {}), allDay, url: `/x/${id}/`, className: '', order });

describe('monthGridWeeks', () => {
  it('shows September 2026 in six weeks from Monday 31 August, the month’s days marked', () => {
    const weeks = monthGridWeeks('2026-09-01');
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]![0]).toEqual({ day: '2026-08-31', inMonth: false });
    expect(weeks[0]![1]).toEqual({ day: '2026-09-01', inMonth: true });
    expect(weeks[4]![2]).toEqual({ day: '2026-09-30', inMonth: true });
    expect(weeks[5]![6]).toEqual({ day: '2026-10-11', inMonth: false });
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
    expect(weeks.map((w) => weekday(w[0]!.day))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('starts on the 1st when the month begins on a Monday (June 2026), across a year’s end too', () => {
    expect(monthGridWeeks('2026-06-15')[0]![0]).toEqual({ day: '2026-06-01', inMonth: true });
    const dec = monthGridWeeks('2026-12-01');
    expect(dec[0]![0]!.day).toBe('2026-11-30');
    expect(dec[5]![6]!.day).toBe('2027-01-10');
  });
});

describe('placeItems', () => {
  it('puts one-day items under their day, in drawing order, and campaigns over several days apart', () => {
    const campaign = item('campaign', '2026-09-01', '2026-10-01', 0);
    const obs = item('obs', '2026-09-12', '2026-09-13', 1);
    const count = countItem('2026-09-12', 1234, true, { filters: {}, observances: true });
    const { spans, byDay } = placeItems([count, obs, campaign], '2026-08-31', '2026-10-12');
    expect(spans.map((d) => d.id)).toEqual(['campaign']);
    expect(byDay.get('2026-09-12')!.map((d) => d.id)).toEqual(['obs', 'n:2026-09-12']);
    expect(byDay.size).toBe(1);
  });

  it('puts an activity over three days under each of them, clipped to the grid, and leaves out what is outside', () => {
    const show = item('show', '2026-10-10', '2026-10-14', 2); // 10–13 October, the grid ends on the 11th
    const timed = item('talk', '2026-09-05T19:00', '2026-09-05T21:00', 2, false);
    const before = item('old', '2026-08-01', '2026-08-02', 2);
    const { spans, byDay } = placeItems([show, timed, before], '2026-08-31', '2026-10-12');
    expect(spans).toEqual([]);
    expect([...byDay.keys()].sort()).toEqual(['2026-09-05', '2026-10-10', '2026-10-11']);
    expect(byDay.get('2026-09-05')!.map((d) => d.id)).toEqual(['talk']);
  });

  it('knows counts from rows', () => {
    expect(isCountItem(countItem('2026-09-12', 5, true, { filters: {}, observances: true }))).toBe(true);
    expect(isCountItem(item('e:a', '2026-09-12', undefined, 2))).toBe(false);
  });
});
