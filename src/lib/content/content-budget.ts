/**
 * The build's own guard (defence in depth): before any page, feed or archive is made, the content
 * it was handed is checked against the same budgets as the validator (src/lib/content/limits.ts) — years,
 * event spans, recurrences. The build validates first, so this never fires on content that passed
 * `npm run validate`; it stops a snapshot or a code path that skipped validation from spending
 * minutes on an end date in 9999 (17 589 archive pages, issue 17). One problem per line. Pure.
 */
import { daysBetween } from '../time/days.ts';
import { MAX_EVENT_DAYS, yearInRange } from './limits.ts';
import type { ContentSet } from './model.ts';
import { rruleBudgetProblem } from './rrule-budget.ts';

export function contentBudgetProblems(content: ContentSet): string[] {
  const out: string[] = [];
  for (const e of content.events) {
    if (!yearInRange(Number(e.startDate.slice(0, 4))) || !yearInRange(Number(e.endDate.slice(0, 4))))
      out.push(`${e.file} start/end: 年份超出范围 / year out of range`);
    else if (daysBetween(e.startDate, e.endDate) + 1 > MAX_EVENT_DAYS) out.push(`${e.file} end: 活动超过 ${MAX_EVENT_DAYS} 天 / event longer than ${MAX_EVENT_DAYS} days`);
    const rule = e.rrule ? rruleBudgetProblem(e.rrule, 'event', e.startDate) : undefined;
    if (rule) out.push(`${e.file} rrule: ${rule}`);
  }
  for (const o of content.observances) {
    if (o.rule.type === 'rrule') {
      const rule = rruleBudgetProblem(o.rule.rrule, 'observance');
      if (rule) out.push(`${o.file} rule.rrule: ${rule}`);
    }
    for (const y of Object.keys(o.dates)) if (!yearInRange(Number(y))) out.push(`${o.file} dates.${y}: 年份超出范围 / year out of range`);
  }
  return out;
}
