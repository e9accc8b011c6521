/**
 * Golden files for the iCal feeds: each scenario's bytes must equal tests/fixtures/ical/<name>.ics,
 * and pass the three readings of tests/helpers/ics-check.ts (bytes, ical.js, python3-icalendar).
 * That the bytes do not depend on the machine's zone is ical-zones.test.ts.
 *
 * The test only reads the golden files. After an intended change: `npm run golden` (scripts/golden.ts)
 * rewrites them; read the diff of the .ics files before committing. The old `UPDATE_GOLDEN=1` switch,
 * which made this test write what it then compared (passing by construction), is refused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertIcs } from '../helpers/ics-check.ts';
import { renderAll } from '../fixtures/ical/render.ts';

const dir = fileURLToPath(new URL('../fixtures/ical/', import.meta.url));
/** The scenarios, named by their golden files (what npm run golden wrote; the first test checks they match). */
const names = readdirSync(dir).filter((f) => f.endsWith('.ics')).map((f) => f.slice(0, -4)).sort();
/**
 * Rendered inside each test, not once for the file: mutation testing credits a line to the tests that
 * run it, and a line run outside any test to all of them (a "static" mutant, ~100× slower).
 */
const render = (name: string) => renderAll()[name]!;

if (process.env.UPDATE_GOLDEN) {
  throw new Error(
    process.env.CI
      ? 'UPDATE_GOLDEN is set in CI: golden files are never rewritten there. Unset it.'
      : 'UPDATE_GOLDEN no longer rewrites golden files (a test that writes what it compares cannot fail): run `npm run golden`, review the diff, then run the tests without UPDATE_GOLDEN.',
  );
}

function golden(name: string): Buffer {
  const file = `${dir}${name}.ics`;
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run \`npm run golden\` and review it`);
  return readFileSync(file);
}

describe('iCal golden files', () => {
  it('covers every scenario the issue names, each with its golden file', () => {
    expect(Object.keys(renderAll()).sort()).toEqual(names);
    expect(names).toEqual(
      expect.arrayContaining(['timed', 'all-day-multi-day', 'cancelled', 'postponed', 'long-chinese', 'online-only', 'rrule', 'all-events', 'observances']),
    );
  });

  it.each(names)('%s: bytes equal the golden file', (name) => {
    const bytes = Buffer.from(render(name), 'utf8');
    const want = golden(name);
    // Compare as text first for a readable diff, then byte for byte.
    expect(bytes.toString('utf8')).toBe(want.toString('utf8'));
    expect(bytes.equals(want)).toBe(true);
  });

  it('every golden file passes ical.js, python3-icalendar and the byte checks', () => {
    assertIcs(names.map((name) => ({ label: `${name}.ics`, bytes: golden(name) })));
  });
});
