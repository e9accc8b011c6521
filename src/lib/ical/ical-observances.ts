/**
 * The observance-day feeds (/observances.ics, /observances/<id>.ics, /observances/<year>.ics):
 * all-day events with authority, source and history in the DESCRIPTION; one VEVENT per year, or one
 * recurring VEVENT for a fixed rule; a year not announced yet as its usual window, TENTATIVE, under
 * the UID its announced dates will keep (SEQUENCE 0 → 1).
 */
import { ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { ObservanceEntry } from '../content/model.ts';
import type { VocabEntry } from '../content/schema.ts';
import { observanceUid, oneLineText, topicLabels } from './ical-fields.ts';
import { markdownToPlainText, truncateText } from '../content/plain-text.ts';
import { LEVEL_LABEL } from '../labels.ts';
import { absolute, observanceUrl } from '../urls.ts';
import { addDays } from '../time/days.ts';
import { periodLabel } from '../time/labels.ts';
import { SITE_ZONE, utcMidnight, zonedInstant } from '../time/zones.ts';
import { type Draft, type FeedOptions, type Piece, pieceOf, render, withAlarms } from './ical-render.ts';
import { normalizeRrule } from './ical-rrule.ts';

export interface ObservanceFeedItem {
  observance: ObservanceEntry;
  /** Dated occurrences: first and last day, inclusive, `YYYY-MM-DD`. */
  occurrences: ObservanceFeedOccurrence[];
  /**
   * A yearly RRULE (e.g. FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6): one recurring VEVENT starting at the
   * first occurrence replaces the per-year ones. Only for rules without per-year corrections.
   */
  rrule?: string;
}

/**
 * One year of an observance in a feed. `announced`: the days come from the file's `dates` of a rule
 * announced each year; `tentative`: not announced yet, start–end is the usual window (预计).
 */
export interface ObservanceFeedOccurrence {
  start: string;
  end: string;
  year: number;
  announced?: boolean;
  tentative?: boolean;
}

/**
 * SEQUENCE of one observance year, from the content alone (never the build clock): a usual window
 * is 0, the announced dates that replace it 1, so calendars that subscribed to the 预计 band move it
 * to the real days by themselves (same UID, higher SEQUENCE).
 */
export function observanceSequence(o: Pick<ObservanceEntry, 'rule'>, occ: ObservanceFeedOccurrence): number {
  return o.rule.type === 'announced' && occ.announced && !occ.tentative ? 1 : 0;
}


function observanceDescription(o: ObservanceEntry, site: string, year: number | undefined, tentative?: { start: string; end: string }): string {
  const lines: string[] = [];
  lines.push(o.nameEn ? `${oneLineText(o.name)}（${oneLineText(o.nameEn)}）` : oneLineText(o.name));
  if (tentative) lines.push(`日期待公布：这是通常的时间（预计${periodLabel(tentative)}），公布后本日程会自动改为正式日期。`);
  const level = LEVEL_LABEL[o.level];
  lines.push(`设立：${oneLineText(o.authority)}（${level}${o.established ? `，${o.established} 年起` : ''}${o.endedYear ? `，${o.endedYear} 年止` : ''}）`);
  lines.push(`依据：${oneLineText(o.source.title)}${o.source.url ? ` ${o.source.url}` : ''}`);
  // Stryker disable next-line ConditionalExpression: equivalent — no file has a theme or dates under the key “undefined”
  if (year !== undefined) {
    const theme = o.themes?.[String(year)];
    if (theme) lines.push(`${year} 年主题：${oneLineText(theme.text)}`);
    const dated = o.dates?.[String(year)]?.source;
    if (dated) lines.push(`${year} 年日期依据：${oneLineText(dated.title)}${dated.url ? ` ${dated.url}` : ''}`);
  }
  if (o.verified === false) lines.push(`注：本条信息尚待核实${o.note ? `（${oneLineText(o.note)}）` : ''}。`);
  // The first paragraph of 历史背景, without the headings contributors put above it.
  // Stryker disable next-line Regex: equivalent — a bare “##” line left in is an empty heading, which markdownToPlainText drops
  const prose = (o.body ?? '').split('\n').filter((l) => !/^\s{0,3}#{1,6}(\s|$)/.test(l)).join('\n');
  // Stryker disable next-line Regex: equivalent — markdownToPlainText already empties blank lines
  const history = markdownToPlainText(prose).split(/\n\s*\n/)[0];
  const blocks = [lines.join('\n')];
  if (history) blocks.push(`历史背景：${truncateText(history, 300)}`);
  blocks.push(`详情：${absolute(site, observanceUrl(o.id))}`);
  return blocks.join('\n\n');
}

function observanceDraft(
  o: ObservanceEntry,
  occ: ObservanceFeedOccurrence,
  site: string,
  topics: Map<string, VocabEntry> | undefined,
  rrule: string | undefined,
): Draft {
  const uid = observanceUid(o, site, rrule ? undefined : occ.year);
  const start = utcMidnight(occ.start);
  const data: ICalEventData = {
    id: uid,
    sequence: observanceSequence(o, occ),
    // No history in observance files: the day's own start (midnight in China) keeps the bytes stable.
    // Stryker disable next-line StringLiteral: only the wording of an error the validator makes unreachable
    stamp: zonedInstant(occ.start, SITE_ZONE, `${o.id} start`),
    allDay: true,
    start,
    end: utcMidnight(addDays(occ.end, 1)),
    summary: occ.tentative ? `【日期待公布】${oneLineText(o.name)}（预计${periodLabel(occ)}）` : oneLineText(o.name),
    description: observanceDescription(o, site, rrule ? undefined : occ.year, occ.tentative ? occ : undefined),
    url: absolute(site, observanceUrl(o.id)),
    status: o.verified === false || occ.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
  };
  if (rrule) {
    let r = normalizeRrule(rrule, { allDay: true, zone: SITE_ZONE }, o.id);
    // A discontinued day (全国科普日, last held 2024) must not recur for ever.
    if (o.endedYear && !/(^|;)(UNTIL|COUNT)=/.test(r)) r += `;UNTIL=${o.endedYear}1231`;
    data.repeating = r;
  }
  // Stryker disable next-line ArrayDeclaration: equivalent — o.topics is always a list
  const labels = topicLabels(o.topics ?? [], topics);
  // Stryker disable next-line ConditionalExpression: equivalent — ical-generator writes no CATEGORIES for an empty list
  if (labels.length) data.categories = labels.map((name) => ({ name }));
  return { data, key: [start.getTime(), uid] };
}

/**
 * The observance-day feed: all-day events, one per observance and year (`obs-<id>-<year>@host`),
 * or one recurring event per observance (`obs-<id>@host`, RRULE, starting at its first occurrence)
 * when `rrule` is given. `lookups.topics` turns topic ids into CATEGORIES labels.
 */
export function observancesFeed(
  items: ObservanceFeedItem[],
  opts: FeedOptions,
  lookups?: { topics?: Map<string, VocabEntry> },
): string {
  const pieces: Piece[] = [];
  for (const item of items) {
    const occs = [...item.occurrences].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const alarms = opts.observanceAlarms?.(item.observance);
    const add = (d: Draft) => pieces.push(withAlarms(pieceOf(d), alarms));
    if (item.rrule) {
      if (occs[0]) add(observanceDraft(item.observance, occs[0], opts.site, lookups?.topics, item.rrule));
    } else {
      for (const occ of occs) add(observanceDraft(item.observance, occ, opts.site, lookups?.topics, undefined));
    }
  }
  return render(opts, pieces);
}
