/**
 * Moved to src/lib/time/ (days.ts, labels.ts). Kept only until the observance routes and modules
 * being changed on other branches import from there; then removed.
 */
export { addDays, daysBetween, daysInMonth, monthsCovered, weekday } from './time/days.ts';
export { formatDateZh, formatRangeZh, periodLabel, relativeHint as relativeHintZh, weekdayZh } from './time/labels.ts';
