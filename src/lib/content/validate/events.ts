/**
 * Step 6: events — rules beyond the schema: the year folder, every date within YEAR_MIN–YEAR_MAX,
 * end after start and of the same kind, a span of at most MAX_EVENT_DAYS (an end in 9999 made the
 * build write 17 589 files, issue 17), the recurrence within its budget, somewhere to go,
 * references that exist, vocabulary values resolved. Pure.
 */
import { addDays, daysBetween } from '../../time/days.ts';
import type { ParsedFile } from '../frontmatter.ts';
import { MAX_EVENT_DAYS, yearInRange, yearRangeMessage } from '../limits.ts';
import type { EventEntry } from '../model.ts';
import { rruleBudgetProblem } from '../rrule-budget.ts';
import type { EventData } from '../schema.ts';
import type { Ctx, ShapedEntry } from './context.ts';
import { checkRef } from './references.ts';
import { checkRruleSyntax } from './rrule-syntax.ts';
import type { Resolver } from './vocab.ts';
import { regionFromAddress } from '../region-from-address.ts';
import { regionLabel } from '../../views/present.ts';

type Report = (field: string, message: string, at?: (string | number)[]) => void;

function checkWhen(d: EventData, sub: string[], report: Report): void {
  const year = d.start.slice(0, 4);
  if (!yearInRange(Number(year))) report('start', yearRangeMessage(year));
  if (sub.length !== 1 || sub[0] !== year)
    report('start', `文件应放在 content/events/${year}/ 文件夹里（按开始年份）/ the file belongs in content/events/${year}/`);
  for (const field of ['end', 'previousStart', 'updated'] as const) {
    const v = d[field];
    if (v && !yearInRange(Number(v.slice(0, 4)))) report(field, yearRangeMessage(v.slice(0, 4)));
  }
  const deadline = d.registration?.deadline;
  if (deadline && !yearInRange(Number(deadline.slice(0, 4)))) report('registration.deadline', yearRangeMessage(deadline.slice(0, 4)), ['registration', 'deadline']);
  if (d.end === undefined || !yearInRange(Number(d.end.slice(0, 4)))) return;
  const allDay = d.start.length === 10;
  if ((d.end.length === 10) !== allDay) {
    report('end', allDay
      ? `开始只写了日期（全天），结束也只写日期，例如 ${d.start} / start is a date, so end must be a date too`
      : `开始写了时间，结束也要写时间，例如 ${d.start.slice(0, 10)}T17:00 / start has a time, so end needs one too`);
  } else if (d.end < d.start) {
    report('end', `结束时间早于开始时间（${d.end.replace('T', ' ')} < ${d.start.replace('T', ' ')}），请改为开始之后的时间 / end is before start`);
  } else {
    // Stryker disable next-line MethodExpression: equivalent — daysBetween reads only the first 10 characters (the day) of what it is given
    const days = daysBetween(d.start.slice(0, 10), d.end.slice(0, 10)) + 1;
    if (days > MAX_EVENT_DAYS)
      // Stryker disable next-line MethodExpression: equivalent — addDays reads only the first 10 characters (the day) of what it is given
      report('end', `活动最长 ${MAX_EVENT_DAYS} 天（这里是 ${days} 天，到 ${addDays(d.start.slice(0, 10), MAX_EVENT_DAYS - 1)} 为止），长期项目请按阶段分成几个活动 / an event lasts at most ${MAX_EVENT_DAYS} days`);
  }
}

function checkStatus(ctx: Ctx, d: EventData, file: string, p: ParsedFile): void {
  if (d.status === 'postponed' && !d.previousStart)
    ctx.errors.push({ file, line: p.lineOf(['status']), field: 'previousStart', severity: 'warning', message: '延期的活动请写 previousStart（原定开始时间）/ postponed events should state previousStart' });
  if (d.status !== 'scheduled' && !d.updated)
    ctx.errors.push({ file, line: p.lineOf(['status']), field: 'updated', severity: 'warning', message: '状态改变时请写 updated（修改时间），日历订阅才会更新 / set updated when the status changes' });
}

function checkRefs(ctx: Ctx, d: EventData, file: string, p: ParsedFile): void {
  checkRef(ctx, 'organizers', d.organizer, file, p, 'organizer', '主办单位');
  d.coOrganizers.forEach((o) => checkRef(ctx, 'organizers', o, file, p, 'coOrganizers', '协办单位'));
  checkRef(ctx, 'venues', d.venue, file, p, 'venue', '场馆');
  checkRef(ctx, 'observances', d.observance, file, p, 'observance', '纪念日');
  checkRef(ctx, 'observances', d.campaign, file, p, 'campaign', '活动季');
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent — a shortcut: for a missing or unknown campaign the find below finds no observance
  if (d.campaign && ctx.ids.observances.has(d.campaign)) {
    const camp = ctx.content.observances.find((o) => o.id === d.campaign);
    if (camp && camp.kind !== 'campaign')
      ctx.err(file, p.lineOf(['campaign']), 'campaign', `“${d.campaign}”不是活动季（kind: campaign），相关纪念日请写在 observance 字段 / not a campaign: use observance instead`);
  }
}

function checkEvent(ctx: Ctx, s: ShapedEntry): void {
  const d = s.data as EventData;
  const { file, p } = s;
  const report: Report = (field, message, at = [field]) => ctx.err(file, p.lineOf(at), field, message);
  checkWhen(d, s.sub, report);
  // Calls and deadlines happen on paper; activities need somewhere to go (a region suffices for
  // programmes held across a whole district or city).
  if (d.kind === 'activity' && !d.venue && !d.online && !d.address && !d.region)
    // Stryker disable next-line ArrayDeclaration: equivalent — lineOf stops at the first key the file lacks, so any missing key names the same line as []
    ctx.err(file, p.lineOf([]), 'venue', '请写场馆 venue（线下）、地址 address、地区 region 或线上网址 online 之一 / give a venue, an address, a region or an online URL');
  if (d.rrule !== undefined && checkRruleSyntax(ctx, d.rrule, false, file, p.lineOf(['rrule']), 'rrule')) {
    const budget = rruleBudgetProblem(d.rrule, 'event', d.start);
    if (budget) report('rrule', budget);
  }
  checkStatus(ctx, d, file, p);
  checkRefs(ctx, d, file, p);
}

/** A warning: the address names a region the file does not state (the importer and the form write it themselves). */
function suggestRegion(ctx: Ctx, s: ShapedEntry, id: string): void {
  const label = regionLabel({ organizer: new Map(), venue: new Map(), vocab: { regions: new Map(ctx.content.vocab.regions.map((r) => [r.id, r])) } }, id) ?? id;
  ctx.errors.push({
    file: s.file,
    line: s.p.lineOf(['address']),
    field: 'region',
    severity: 'warning',
    message: `地址里写的是${label}，请加上 region: "${id}"（${label}），活动才会出现在${label}的列表和筛选里 / the address names ${label}: add region: "${id}"`,
  });
}

export function addEvents(ctx: Ctx, shaped: ShapedEntry[], vocab: Resolver): void {
  const venueRegion = new Map(ctx.content.venues.map((v) => [v.id, v.region]));
  const organizerRegion = new Map(ctx.content.organizers.map((o) => [o.id, o.region]));
  for (const s of shaped.filter((x) => x.coll === 'events')) {
    const d = s.data as EventData;
    const { file, p } = s;
    checkEvent(ctx, s);
    const topics = vocab.resolve('topics', d.topics, file, p, 'topics');
    const audiences = vocab.resolve('audiences', d.audiences, file, p, 'audiences');
    const formats = vocab.resolve('formats', d.formats, file, p, 'formats');
    const ownRegion = vocab.region(d.region, file, p, 'region');
    // An address naming its district files the event there (before the organizer's region, a guess).
    const named = !d.region && !d.venue ? regionFromAddress(d.address, ctx.content.vocab.regions) : undefined;
    if (named) suggestRegion(ctx, s, named);
    const regionId = ownRegion ?? (d.venue ? venueRegion.get(d.venue) : undefined) ?? named ?? organizerRegion.get(d.organizer);
    const endDate = (d.end ?? d.start).slice(0, 10);
    const ev: EventEntry = { ...d, topics, audiences, formats, region: ownRegion, regionId, id: s.id, file, body: p.body, allDay: d.start.length === 10, startDate: d.start.slice(0, 10), endDate };
    ctx.content.events.push(ev);
  }
}
