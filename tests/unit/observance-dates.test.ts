/**
 * The 2026 and 2027 dates of every shipped observance, pinned. The table was checked by hand
 * (nth weekdays against a calendar, 重阳/秋分 against lunar tables); a change to a rule or to the
 * engine that moves any date shows up here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { occurrenceInYear } from '../../src/lib/time/recurrence.ts';

const ROOT = join(import.meta.dirname, '../..');
const golden: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/observance-dates-2026-2027.json'), 'utf8'));

it('every shipped observance has the pinned 2026 and 2027 dates', () => {
  const { content, errors } = loadContent(join(ROOT, 'content'), ROOT);
  expect(errors).toEqual([]);
  const actual: Record<string, string> = {};
  for (const o of [...content.observances].sort((a, b) => a.id.localeCompare(b.id))) {
    const f = (y: number) => {
      const x = occurrenceInYear(o, y);
      return !x ? '—' : x.status === 'pending' ? (x.expected ? `待公布，预计 ${x.expected.start}..${x.expected.end}` : '待公布') : x.start === x.end ? x.start : `${x.start}..${x.end}`;
    };
    actual[o.id] = `${o.name} | ${o.rule.type} | 2026: ${f(2026)} | 2027: ${f(2027)}`;
  }
  expect(actual).toEqual(golden);
});

it('spot checks that do not come from the table', () => {
  const { content } = loadContent(join(ROOT, 'content'), ROOT);
  const by = (id: string) => content.observances.find((o) => o.id === id)!;
  expect(occurrenceInYear(by('world-first-aid-day'), 2026)).toMatchObject({ start: '2026-09-12' });
  expect(occurrenceInYear(by('double-ninth'), 2027)).toMatchObject({ start: '2027-10-08' });
  expect(occurrenceInYear(by('harvest-festival'), 2026)).toMatchObject({ start: '2026-09-23' });
  expect(occurrenceInYear(by('national-science-day'), 2025)).toBeUndefined();
  expect(occurrenceInYear(by('national-science-month'), 2025)).toMatchObject({ start: '2025-09-01', end: '2025-09-30' });
});
