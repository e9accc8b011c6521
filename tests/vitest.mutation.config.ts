/**
 * The unit tests that own the mutated modules, for mutation testing (stryker.config.mjs). Stryker
 * re-runs the tests that reach a mutant, thousands of times, so:
 * - the site project (one Astro build + Chromium) stays out;
 * - so do unit tests that only *use* these modules as plumbing (feeds, open data, search, calendar
 *   data …): a module's mutants must be killed by tests of that module, and every extra file that
 *   imports validate.ts or ical.ts would be re-run for every mutant that touches module-level code.
 * A mutant that survives here is one no test of its module notices — the measure we want.
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export const MUTATION_TESTS = [
  // sanitize.ts, markdown-safety.ts
  'tests/unit/sanitize.test.ts',
  'tests/unit/markdown-safety.test.ts',
  'tests/unit/hostile.test.ts',
  'tests/unit/hostile2.test.ts',
  // validate.ts, zod-messages.ts, errors.ts
  'tests/unit/validate.test.ts',
  'tests/unit/validate-rules.test.ts',
  'tests/unit/validate-edges.test.ts',
  // the message table through validate, import and the form (the "write the id, not the name" hint)
  'tests/unit/messages.test.ts',
  'tests/unit/zod-messages.test.ts',
  'tests/unit/errors.test.ts',
  // ical.ts, ical-fields.ts
  'tests/unit/ical.test.ts',
  'tests/unit/ical-fields.test.ts',
  'tests/unit/ical-feeds.test.ts',
  'tests/unit/ical-golden.test.ts',
  // ical-render.ts withAlarms: the reminder feeds' VALARM blocks
  'tests/unit/reminders.test.ts',
  // time/days.ts, time/zones.ts
  'tests/unit/time.test.ts',
  'tests/unit/time-edges.test.ts',
  // recurrence.ts, recurrence-rrule.ts
  'tests/unit/recurrence.test.ts',
  'tests/unit/recurrence-edges.test.ts',
  'tests/unit/observance-dates.test.ts',
  // query.ts
  'tests/unit/query.test.ts',
  // import-*.ts (import-limits.test.ts is left out: it builds a 70 MB sheet, for import-read-fs.ts)
  'tests/unit/import.test.ts',
  'tests/unit/import-ics.test.ts',
  'tests/unit/import-match.test.ts',
  'tests/unit/import-rows.test.ts',
];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'unit',
    include: MUTATION_TESTS,
    environment: 'node',
  },
});
