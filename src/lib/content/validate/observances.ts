/**
 * Step 5: observances — rules beyond the schema: the rule within its budget (one day a year, no
 * times: src/lib/content/rrule-budget.ts), dates listed per year in that year and within YEAR_MIN–YEAR_MAX,
 * end after start, related observances that exist. Pure.
 */
import { yearInRange, yearRangeMessage } from '../limits.ts';
import { expectedWindow, occurrenceInYear } from '../../time/recurrence.ts';
import { daysBetween } from '../../time/days.ts';
import { rruleBudgetProblem } from '../rrule-budget.ts';
import type { Ctx, ShapedEntry } from './context.ts';
import { checkRef } from './references.ts';
import { checkRruleSyntax } from './rrule-syntax.ts';
import type { Resolver } from './vocab.ts';

function checkDates(ctx: Ctx, s: ShapedEntry): void {
  for (const [year, r] of Object.entries(s.data.dates as Record<string, { start: string; end?: string }>)) {
    const at = (f: string) => s.p.lineOf(['dates', year, f]);
    if (!yearInRange(Number(year))) ctx.err(s.file, s.p.lineOf(['dates', year]), `dates.${year}`, yearRangeMessage(year));
    else if (r.start.slice(0, 4) !== year) ctx.err(s.file, at('start'), `dates.${year}.start`, `${year} 年的日期应在 ${year} 年内（${r.start}）/ date is not in year ${year}`);
    if (r.end && r.end < r.start) ctx.err(s.file, at('end'), `dates.${year}.end`, `结束日期早于开始日期（${r.end} < ${r.start}），请改正 / end is before start`);
    else if (r.end && !yearInRange(Number(r.end.slice(0, 4)))) ctx.err(s.file, at('end'), `dates.${year}.end`, yearRangeMessage(r.end.slice(0, 4)));
  }
}

/** Days a listed date may lie from the usual window (or the rule's own day) before it is questioned. */
const USUAL_SLACK_DAYS = 60;

/**
 * A listed year far from where the observance usually falls is most often a typo (2025-15-24 fixed
 * as 2025-05-24 but typed 2025-11-24): a warning, since real years do move (2020's science week was
 * held in August).
 */
function checkUsualPeriod(ctx: Ctx, s: ShapedEntry): void {
  const d = s.data;
  for (const [year, r] of Object.entries(d.dates as Record<string, { start: string; note?: string }>)) {
    // A year that moved for a reason says so in its note; then it is not questioned.
    if (r.note || !yearInRange(Number(year)) || r.start.slice(0, 4) !== year) continue;
    let ref: { start: string; end: string } | undefined = expectedWindow(d, Number(year));
    if (
      !ref &&
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — a shortcut: an announced rule without dates has no 'dated' occurrence to compare with
      d.rule.type !== 'announced'
    ) {
      const occ = occurrenceInYear({ ...d, dates: {} }, Number(year));
      if (occ?.status === 'dated') ref = { start: occ.start, end: occ.end };
    }
    if (!ref) continue;
    // Days before the window's start or after its end (inside it, neither is positive).
    const off = Math.max(daysBetween(r.start, ref.start), daysBetween(ref.end, r.start), 0);
    if (off > USUAL_SLACK_DAYS)
      ctx.errors.push({
        file: s.file,
        line: s.p.lineOf(['dates', year, 'start']),
        field: `dates.${year}.start`,
        severity: 'warning',
        message: `${r.start} 离通常的时间（${ref.start}—${ref.end}）相差 ${off} 天，请核对是否写错；确实如此时，在这一年写 note 说明原因 / ${off} days from the usual period: check for a typo, or give the reason in this year's note`,
      });
  }
}

function checkRule(ctx: Ctx, s: ShapedEntry): void {
  const d = s.data;
  if (d.rule.type === 'rrule') {
    const line = s.p.lineOf(['rule', 'rrule']);
    if (checkRruleSyntax(ctx, d.rule.rrule, true, s.file, line, 'rule.rrule')) {
      const budget = rruleBudgetProblem(d.rule.rrule, 'observance');
      if (budget) ctx.err(s.file, line, 'rule.rrule', budget);
    }
  }
  if (d.rule.type === 'month' && d.days) ctx.err(s.file, s.p.lineOf(['days']), 'days', '整月规则不用写 days，请删掉这一行 / days is not used with a whole-month rule');
  if (d.rule.type === 'announced' && Object.keys(d.dates).length === 0 && !d.usual)
    ctx.err(s.file, s.p.lineOf(['rule']), 'rule', '每年公布的纪念日要在 dates 里写已公布的日期，或在 usual 里写通常的时间 / announced rules need dates or usual');
}

export function addObservances(ctx: Ctx, shaped: ShapedEntry[], vocab: Resolver): void {
  for (const s of shaped.filter((x) => x.coll === 'observances')) {
    const d = s.data;
    const topics = vocab.resolve('topics', d.topics, s.file, s.p, 'topics');
    checkRule(ctx, s);
    // A missing year never compares: no end is after every start, no start before every end.
    if ((d.endedYear ?? Infinity) < (d.established ?? -Infinity))
      ctx.err(s.file, s.p.lineOf(['endedYear']), 'endedYear', '停办年份早于设立年份 / endedYear is before established');
    checkDates(ctx, s);
    checkUsualPeriod(ctx, s);
    // /observances/2027/ is the year page: an observance named 2027 would take its address.
    if (/^\d+$/.test(s.id))
      ctx.err(s.file, 1, 'id', `纪念日的文件名不能只有数字（${s.id}），会和年历页 /observances/${s.id}/ 冲突，请用英文或拼音短名 / an observance id of digits only clashes with the year pages`);
    for (const rel of d.related) checkRef(ctx, 'observances', rel, s.file, s.p, 'related', '纪念日');
    ctx.content.observances.push({ ...d, topics, id: s.id, file: s.file, body: s.p.body });
  }
}
