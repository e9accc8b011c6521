/**
 * Long calendar lists (src/lib/calendar/calendar-list.ts): rows counted the way FullCalendar's list draws
 * them, a dense month's 列表 going day by day, and pages of at most LIST_ROW_LIMIT rows.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../src/lib/calendar/calendar-data.ts';
import { addDays, nextDay, prevDay } from '../../src/lib/time/days.ts';
import { calendarEvent } from '../helpers/calendar-event.ts';
import { drawEvent, monthBounds, viewRange, weekStart, type DrawnEvent } from '../../src/lib/calendar/calendar-draw.ts';
import { drawnDays, endedBefore, inListOrder, LIST_ROW_LIMIT, listPage, listRows, listSpanFor } from '../../src/lib/calendar/calendar-list.ts';

const event = calendarEvent;
const drawn = (...events: CalendarEvent[]) => events.map(drawEvent);
/** `n` one-day events on `day`, titled so their list order is their number. */
const manyOn = (day: string, n: number, prefix = day) => Array.from({ length: n }, (_, i) => drawEvent(event(`${prefix}-${String(i).padStart(4, '0')}`, day)));

describe('day arithmetic', () => {
  it('nextDay and prevDay agree with addDays across months, years and leap days', () => {
    for (let d = '2023-12-25'; d < '2025-03-05'; d = addDays(d, 1)) {
      expect(nextDay(d)).toBe(addDays(d, 1));
      expect(prevDay(d)).toBe(addDays(d, -1));
    }
    expect(nextDay('2000-02-28')).toBe('2000-02-29');
    expect(nextDay('2100-02-28')).toBe('2100-03-01');
  });

  it('monthBounds gives the first day of the month and of the next', () => {
    expect(monthBounds('2026-09-14')).toEqual(['2026-09-01', '2026-10-01']);
    expect(monthBounds('2026-12-31')).toEqual(['2026-12-01', '2027-01-01']);
  });
});

describe('list rows', () => {
  it('a drawn item is listed from its first to its last day (all-day ends are exclusive; midnight ends do not count)', () => {
    const [fair, talk, night] = drawn(
      event('fair', '2026-09-19', '2026-09-21'),
      event('talk', '2026-09-12T09:00', '2026-09-12T11:00'),
      event('night', '2026-09-12T20:00', '2026-09-13T00:00'),
    );
    expect(drawnDays(fair!)).toEqual(['2026-09-19', '2026-09-21']);
    expect(drawnDays(talk!)).toEqual(['2026-09-12', '2026-09-12']);
    expect(drawnDays(night!)).toEqual(['2026-09-12', '2026-09-12']);
  });

  it('counts one row per item per visible day', () => {
    const items = drawn(event('fair', '2026-09-19', '2026-09-21'), event('expo', '2026-08-20', '2026-09-02'), event('talk', '2026-09-12T09:00'));
    expect(listRows(items, '2026-09-01', '2026-10-01')).toBe(3 + 2 + 1);
    expect(listRows(items, '2026-09-20', '2026-09-21')).toBe(1);
    expect(listRows(items, '2026-10-01', '2026-11-01')).toBe(0);
  });
});

describe('which list a month gets', () => {
  it('the whole month while it fits in a page, one day at a time beyond', () => {
    expect(LIST_ROW_LIMIT).toBe(100);
    expect(listSpanFor(0)).toBe('month');
    expect(listSpanFor(LIST_ROW_LIMIT)).toBe('month');
    expect(listSpanFor(LIST_ROW_LIMIT + 1)).toBe('day');
    expect(listSpanFor(30, 20)).toBe('day');
  });
});

describe('one page of a list', () => {
  it('draws everything when the rows fit', () => {
    const items = manyOn('2026-09-10', 40);
    const page = listPage(items, '2026-09-01', '2026-10-01');
    expect(page).toMatchObject({ rows: 40, shownRows: 40 });
    expect(page.shown).toHaveLength(40);
    expect(page.lastDay).toBeUndefined();
  });

  it('stops at the last whole day that fits and cuts longer items there', () => {
    const fair = drawEvent(event('fair', '2026-09-01', '2026-09-30'));
    const items = [fair, ...manyOn('2026-09-01', 40), ...manyOn('2026-09-02', 40), ...manyOn('2026-09-03', 40)];
    const page = listPage(items, '2026-09-01', '2026-10-01', 100);
    // 1 Sep: 41 rows, 2 Sep: 41 (82), 3 Sep would make 123.
    expect(page).toMatchObject({ rows: 30 + 120, shownRows: 82, lastDay: '2026-09-02' });
    expect(page.shown).toHaveLength(81);
    expect(page.shown.find((d) => d.id === 'e:fair')).toMatchObject({ start: '2026-09-01', end: '2026-09-03' });
    expect(page.shown.some((d) => d.start === '2026-09-03')).toBe(false);
    // What FullCalendar will draw is exactly the page.
    expect(listRows(page.shown, '2026-09-01', '2026-10-01')).toBe(page.shownRows);
  });

  it('a day with more rows than a page shows its first rows in list order, and more pages add more', () => {
    const obs: DrawnEvent = { id: 'o:day', title: '纪念日：某日', start: '2026-09-10', end: '2026-09-11', allDay: true, url: '/observances/day/', className: 'kp-observance', order: 1 };
    const timed = drawEvent(event('early', '2026-09-10T08:00', '2026-09-10T09:00'));
    const items = [...manyOn('2026-09-10', 250), timed, obs];
    const page = listPage(items, '2026-09-10', '2026-09-11', 100);
    expect(page).toMatchObject({ rows: 252, shownRows: 100, lastDay: '2026-09-10' });
    expect(page.shown).toHaveLength(100);
    // FullCalendar's order decides which: observance days first, then by start (all-day before 08:00), then title.
    expect(page.shown).toContain(obs);
    expect(page.shown.map((d) => d.id)).toContain('e:2026-09-10-0098');
    expect(page.shown.map((d) => d.id)).not.toContain('e:early');
    expect(listPage(items, '2026-09-10', '2026-09-11', 300).shown).toHaveLength(252);
  });

  it('a timed event cut at the page end ends at midnight', () => {
    const long = drawEvent(event('camp', '2026-09-01T09:00', '2026-09-05T17:00'));
    const page = listPage([long, ...manyOn('2026-09-02', 120)], '2026-09-01', '2026-10-01', 100);
    expect(page.lastDay).toBe('2026-09-01');
    expect(page.shown).toEqual([{ ...long, end: '2026-09-02T00:00' }]);
  });
});

describe('what a view shows', () => {
  it('weeks start on Monday', () => {
    expect(weekStart('2026-09-14')).toBe('2026-09-14'); // a Monday
    expect(weekStart('2026-09-20')).toBe('2026-09-14'); // Sunday
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });

  it('a month grid is six whole weeks around the month; lists are the month, week or day', () => {
    // The calendar test's first view: 31 Aug – 11 Oct 2026.
    expect(viewRange('monthGrid', '2026-09-10')).toEqual({ start: '2026-08-31', end: '2026-10-12', currentStart: '2026-09-01', currentEnd: '2026-10-01' });
    expect(viewRange('month', '2026-09-10')).toEqual({ start: '2026-09-01', end: '2026-10-01', currentStart: '2026-09-01', currentEnd: '2026-10-01' });
    expect(viewRange('week', '2026-09-10')).toMatchObject({ start: '2026-09-07', end: '2026-09-14' });
    expect(viewRange('day', '2026-12-31')).toMatchObject({ start: '2026-12-31', end: '2027-01-01' });
  });
});

describe('the order a list is drawn in (inListOrder)', () => {
  it('orders by the first day shown, then campaigns, observance days, activities, then start, longer first, title', () => {
    const obs: DrawnEvent = { id: 'o:day', title: '纪念日：某日', start: '2026-09-10', end: '2026-09-11', allDay: true, url: '/observances/day/', className: 'kp-observance', order: 1 };
    const fair = drawEvent(event('fair', '2026-08-28', '2026-09-12'));
    const short = drawEvent(event('short', '2026-09-10', '2026-09-11'));
    const timed = drawEvent(event('early', '2026-09-10T08:00', '2026-09-10T09:00'));
    const later = drawEvent(event('later', '2026-09-11'));
    // Titles that sort differently as text and as numbers: “活动 10” before “活动 2”, as FullCalendar would.
    const numbered = [2, 10, 1].map((i) => drawEvent(event(`n${i}`, '2026-09-10', undefined, { title: `活动 ${i}` })));
    const sorted = inListOrder([later, ...numbered, timed, short, obs, fair], '2026-09-01');
    // The fair began before the list: it is listed from the list's first day, so first of all.
    expect(sorted.map((d) => d.id)).toEqual(['e:fair', 'o:day', 'e:short', 'e:n1', 'e:n10', 'e:n2', 'e:early', 'e:later']);
  });

  it('so every prefix of it is drawn above what follows: a list drawn a few rows at a time only grows downwards', () => {
    const items = [...manyOn('2026-09-12', 30), ...manyOn('2026-09-10', 30, 'b'), ...manyOn('2026-09-10', 30, 'a')].reverse();
    const sorted = inListOrder(items, '2026-09-01');
    const days = sorted.map((d) => d.start);
    expect(days).toEqual([...days].sort());
    expect(sorted.slice(0, 30).every((d) => d.id.startsWith('e:a-'))).toBe(true);
    expect(sorted).toHaveLength(90);
  });
});

describe('what a list started at today folds (endedBefore)', () => {
  it('counts the items over before today and drawn from the list’s first day, not those still on', () => {
    const items = drawn(
      event('aug', '2026-08-30', '2026-08-31'), // before the list
      event('sep1', '2026-09-01'),
      event('sep9', '2026-09-09'),
      event('lastedFromAugust', '2026-08-28', '2026-09-02'),
      event('fair', '2026-09-05', '2026-09-12'), // still on today: listed, not folded
      event('timedTillMidnight', '2026-09-09T20:00', '2026-09-10T00:00'), // ends as today begins
      event('today', '2026-09-10'),
    );
    expect(endedBefore(items, '2026-09-01', '2026-09-10')).toBe(4);
    expect(endedBefore(items, '2026-09-01', '2026-09-01')).toBe(0);
  });
});
