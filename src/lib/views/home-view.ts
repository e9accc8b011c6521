/**
 * What the home page shows on any day of the year — never an empty page: today's observances, the
 * campaigns in progress, the next observance days with a countdown however far away they are, the
 * next edition of 全国科技活动周 and 全国科普月 (dates, or 预计), the next activities, and when none
 * are registered, the latest campaign hub to look back at. Pure: `today` comes in.
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { upcoming } from '../content/query.ts';
import { type DatedOccurrence, type Occurrence, nextOccurrence, observancesOnDay, upcomingObservances } from '../time/recurrence.ts';
import { relativeHint } from '../time/labels.ts';
import { campaignUrl, observanceUrl } from '../urls.ts';
import { campaignYears } from './campaign-view.ts';

/** How many observance days the home page lists, however far ahead they are. */
export const HOME_NEXT_DAYS = 8;
/** The two campaigns this site exists for, in the order the home page shows them. */
export const FLAGSHIP_CAMPAIGNS = ['national-science-week', 'national-science-month'] as const;

export interface NextDay {
  observance: ObservanceEntry;
  occurrence: DatedOccurrence;
  /** 今天 / 明天 / 还有 12 天 / 进行中 */
  hint: string;
}

export interface Edition {
  observance: ObservanceEntry;
  occurrence: Occurrence;
  /** The edition's hub when it has one (activities, or a year the hub covers), else the observance page. */
  href: string;
}

export interface HomeView {
  todays: ObservanceEntry[];
  campaignsNow: { observance: ObservanceEntry; occurrence: DatedOccurrence }[];
  nextDays: NextDay[];
  editions: Edition[];
  events: EventEntry[];
  /** When no activity is upcoming: the most recent campaign edition with activities. */
  latestHub?: { observance: ObservanceEntry; year: number; count: number };
}

/** Look this far ahead for the next observance days: a year and a bit covers every yearly rule. */
const LOOKAHEAD_DAYS = 400;

/**
 * The next `n` observance days with their countdown, however far ahead: not campaigns, not a one-day
 * observance that is today (the page names those apart), not a month already in progress. Also
 * /events/ when nothing is registered ahead.
 */
export function nextObservanceDays(q: SiteQuery, today: string, n = HOME_NEXT_DAYS): NextDay[] {
  return nextDaysOf(upcomingObservances(q.content.observances, today, LOOKAHEAD_DAYS), observancesOnDay(q.content.observances, today), today, n);
}

function nextDaysOf(soon: { observance: ObservanceEntry; occurrence: DatedOccurrence }[], onToday: ObservanceEntry[], today: string, n: number): NextDay[] {
  const todayIds = new Set(onToday.filter((o) => o.kind !== 'campaign').map((o) => o.id));
  return soon
    .filter((s) => s.observance.kind !== 'campaign' && !(todayIds.has(s.observance.id) && s.occurrence.start === s.occurrence.end))
    // A month in progress is not "next": it is listed while it starts within the window only.
    .filter((s) => s.occurrence.start > today || s.observance.kind !== 'month')
    .slice(0, n)
    .map((s) => ({ ...s, hint: relativeHint(s.occurrence.start, s.occurrence.end, today) }));
}

export function homeView(q: SiteQuery, today: string): HomeView {
  const list = q.content.observances;
  const soon = upcomingObservances(list, today, LOOKAHEAD_DAYS);
  const campaignsNow = soon.filter((s) => s.observance.kind === 'campaign' && s.occurrence.start <= today);
  const onToday = observancesOnDay(list, today);
  const todays = onToday.filter((o) => o.kind !== 'campaign');
  const nextDays = nextDaysOf(soon, onToday, today, HOME_NEXT_DAYS);
  const editions = FLAGSHIP_CAMPAIGNS.flatMap((id) => {
    const o = q.observance.get(id);
    const occ = o && nextOccurrence(o, today);
    if (!o || !occ) return [];
    const href = campaignYears(o, q, today).includes(occ.year) ? campaignUrl(id, occ.year) : observanceUrl(id);
    return [{ observance: o, occurrence: occ, href }];
  });
  const events = upcoming(q.events, today).slice(0, HOME_NEXT_DAYS);
  return { todays, campaignsNow, nextDays, editions, events, latestHub: events.length ? undefined : latestHub(q, today) };
}

/** The campaign edition with activities that started most recently before `today` (ties: more activities). */
function latestHub(q: SiteQuery, today: string): HomeView['latestHub'] {
  let best: HomeView['latestHub'] & { first: string } | undefined;
  for (const [key, events] of q.byCampaignYear) {
    const [id, year] = key.split('/') as [string, string];
    const o = q.observance.get(id);
    const first = events.reduce((m, e) => (e.startDate < m ? e.startDate : m), '9999');
    if (!o || first > today) continue;
    if (!best || first > best.first || (first === best.first && events.length > best.count)) best = { observance: o, year: Number(year), count: events.length, first };
  }
  return best && { observance: best.observance, year: best.year, count: best.count };
}
