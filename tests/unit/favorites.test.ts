/**
 * 我的收藏 (src/lib/browser/favorites.ts, issue 18): what localStorage holds is read defensively (it is
 * anyone's to edit), and the one-time .ics joins the events' own published files — checked here on
 * the golden files by the three readings of tests/helpers/ics-check.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAVORITES_MAX, joinCalendars, readFavorites, sortFavorites, toggleFavorite, writeFavorites } from '../../src/lib/browser/favorites.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';

const GOLDEN = join(import.meta.dirname, '../fixtures/ical');
const golden = (name: string) => readFileSync(join(GOLDEN, `${name}.ics`), 'utf8');

describe('what the browser keeps', () => {
  const fossil = { id: '2026-11-07-fossil-class', title: '化石里的远古世界', start: '2026-11-07T10:00', end: '2026-11-07T11:30', place: '样例自然馆' };
  const birds = { id: '2026-11-14-bird-lecture', title: '观鸟', start: '2026-11-14T09:30' };

  it('round-trips, toggles, and sorts by start', () => {
    const list = toggleFavorite(toggleFavorite([], birds), fossil);
    expect(readFavorites(writeFavorites(list))).toEqual(list);
    expect(sortFavorites(list).map((f) => f.id)).toEqual([fossil.id, birds.id]);
    expect(toggleFavorite(list, birds)).toEqual([fossil]);
  });

  it('drops whatever is not a favourite: bad JSON, wrong shapes, bad ids, duplicates', () => {
    expect(readFavorites(null)).toEqual([]);
    expect(readFavorites('{oops')).toEqual([]);
    expect(readFavorites('{"id":"x"}')).toEqual([]);
    const raw = JSON.stringify([fossil, { ...fossil, title: 'twin' }, { id: '../../etc', title: 'x', start: '2026-01-01' }, { id: 'ok', title: 1, start: '2026-01-01' }, { id: 'no-start', title: 'x' }, { id: 'bad-date', title: 'x', start: 'tomorrow' }, 'text', null]);
    expect(readFavorites(raw)).toEqual([fossil]);
  });

  it(`keeps at most ${FAVORITES_MAX}`, () => {
    const many = Array.from({ length: FAVORITES_MAX + 5 }, (_, i) => ({ id: `e-${i}`, title: String(i), start: '2026-11-07' }));
    expect(readFavorites(JSON.stringify(many))).toHaveLength(FAVORITES_MAX);
  });
});

describe('one .ics of them', () => {
  const files = ['timed', 'all-day-multi-day', 'cancelled', 'rrule'].map(golden);
  const joined = joinCalendars(files, '科普日历 · 我的收藏');

  it('passes the byte checks, ical.js and python3-icalendar', () => {
    assertIcs({ label: 'favourites.ics', bytes: joined });
  });

  it('holds each file’s events as published (same UIDs and lines) and each time zone once', () => {
    const uids = files.flatMap((f) => readIcsEvents(f).map((e) => e.uid));
    expect(readIcsEvents(joined).map((e) => e.uid)).toEqual(uids);
    for (const f of files) for (const v of f.match(/BEGIN:VEVENT[\s\S]*?END:VEVENT/g)!) expect(joined).toContain(v);
    expect(joined.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(joined).toContain('\r\nX-WR-CALNAME:科普日历 · 我的收藏\r\n');
    expect(joined.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
