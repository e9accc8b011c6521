/**
 * The budgets of Kepu Calendar: one home for every limit a contributor's file, an import or an
 * image must stay within. The validator (src/lib/content/validate/), the build's own guard
 * (src/lib/content/content-budget.ts), the importer and the image check read them from here, so the
 * pull-request check refuses exactly what would break the build (issue 17).
 *
 * Why these numbers (measured on the shipped content, 2026-12): the longest real event runs 274 days
 * (an evaluation programme over a school year), no event recurs, and every observance rule gives one
 * day a year. A single 64 KB file must never cost the build more than a few seconds.
 */

/** Largest content file, in bytes; bigger files are refused before parsing. */
export const MAX_FILE_BYTES = 64 * 1024;

/** Years a date may fall in, everywhere (events, observance dates, RRULE UNTIL, KEPU_TODAY). */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** Longest event, first to last day inclusive: a year (the longest real one runs 274 days). */
export const MAX_EVENT_DAYS = 366;

/** Most occurrences one event's RRULE may give in all (one a day for a year). */
export const MAX_EVENT_OCCURRENCES = 366;

/** Most days an observance rule may give in one year (the engine uses one). */
export const MAX_OBSERVANCE_DAYS_PER_YEAR = 1;

/** SEQUENCE is a signed 32-bit integer in RFC 5545 (§3.8.7.4): larger values break clients. */
export const SEQUENCE_MAX = 2 ** 31 - 1;

/** Import: rows of one spreadsheet or VEVENTs of one feed, and the size of the file. */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Import: the unpacked size of one .xlsx sheet (a zip can hide a million rows in a few MB). */
export const MAX_IMPORT_SHEET_BYTES = 64 * 1024 * 1024;

/** Images in public/: size in bytes, and pixels per side (a small PNG can claim 100 000 × 100 000). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 10_000;

/** A calendar year within the budget. */
export function yearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;
}

export function yearRangeMessage(year: number | string): string {
  return `年份 ${year} 不在 ${YEAR_MIN}–${YEAR_MAX} 之间，请检查 / year out of range`;
}
