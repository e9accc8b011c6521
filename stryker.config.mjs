// Mutation testing (issue 22): `npm run test:mutation`, weekly in CI (.github/workflows/mutation.yml).
// Quick local run over one file: `npm run test:mutation -- --mutate src/lib/content/errors.ts`.
// Over the modules whose mistakes hurt people: what reaches a visitor's browser (the sanitiser and
// Markdown safety), what a contributor is told (validation, its messages and CI annotations), what
// lands in people's phone calendars (iCal escaping, folding, dates, UIDs; observance recurrence),
// what counts as "upcoming", and how an organizer's spreadsheet or .ics becomes content files.
// Scores per module and the rule (≥ 85 % killed each) are in docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation.config.ts', related: true },
  // Each mutant runs only the tests that reached it in the dry run.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/lib/content/sanitize.ts',
    'src/lib/content/markdown-safety.ts',
    'src/lib/content/validate.ts',
    // The validator's steps, once it is split into a folder (src/lib/content/validate/*.ts).
    'src/lib/content/validate/**/*.ts',
    'src/lib/content/zod-messages.ts',
    'src/lib/content/errors.ts',
    'src/lib/ical/ical.ts',
    'src/lib/ical/ical-fields.ts',
    'src/lib/ical/ical-render.ts',
    'src/lib/ical/ical-rrule.ts',
    'src/lib/ical/ical-observances.ts',
    // The calendar-day and wall-time arithmetic under the feeds, recurrence and import.
    'src/lib/time/days.ts',
    'src/lib/time/zones.ts',
    'src/lib/time/recurrence.ts',
    'src/lib/time/recurrence-rrule.ts',
    'src/lib/content/query.ts',
    // The mapping; import-fs.ts only reads and writes files (covered by tests/unit/import.test.ts).
    'src/lib/import/import-ics.ts',
    'src/lib/import/import-match.ts',
    'src/lib/import/import-plan.ts',
    'src/lib/import/import-rows.ts',
    'src/lib/import/event-from-flags.ts',
    'src/lib/import/import-table.ts',
  ],
  // No type checker: mutants that do not type-check still run (Stryker adds @ts-nocheck), and
  // TypeScript 7 has no Stryker checker plugin.
  checkers: [],
  // Stryker rewrites the sandbox's tsconfig.json through TypeScript's JS API, which TypeScript 7 (the
  // native compiler) no longer has (`ts.parseConfigFileTextToJson is not a function`). Ours needs no
  // rewriting (it extends a package, not a path outside the sandbox), so point the option at no file.
  tsconfigFile: 'tsconfig.stryker-none.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Per-module scores are the measure; the run fails only when the whole drops below the floor.
  thresholds: { high: 90, low: 85, break: 85 },
  // Build outputs and scratch folders need not be copied into the sandbox (git-ignored, but Stryker
  // copies what its own patterns do not exclude).
  ignorePatterns: ['tests/.tmp*', 'tests/screenshots', 'bench/out', 'dist', 'reports', '.astro', '.cache'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
