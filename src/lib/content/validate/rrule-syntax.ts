/** An RRULE that parses, without DTSTART/TZID, yearly for observances. Returns whether it is readable. Pure. */
import { rrulestr } from '../../time/rrule-compat.ts';
import type { Ctx } from './context.ts';

export function checkRruleSyntax(ctx: Ctx, text: string, yearly: boolean, file: string, line: number, field: string): boolean {
  const example = 'FREQ=YEARLY;BYMONTH=9;BYDAY=2SA';
  if (/DTSTART|TZID|\n/i.test(text)) {
    ctx.err(file, line, field, `只写规则本身，不写 DTSTART/TZID，例如 ${example} / write the rule only, without DTSTART or TZID`);
    return false;
  }
  try {
    const r = rrulestr(text.replace(/^RRULE:/i, ''));
    if (yearly && r.options.freq !== 0) {
      ctx.err(file, line, field, `纪念日规则必须是 FREQ=YEARLY，例如 ${example} / observance rules must be yearly`);
      return false;
    }
    if (!/FREQ=/i.test(text)) throw new Error('no FREQ');
    return true;
  } catch {
    ctx.err(file, line, field, `重复规则写得不对（${text}），例如 ${yearly ? example : 'FREQ=WEEKLY;COUNT=4'} / invalid RRULE`);
    return false;
  }
}
