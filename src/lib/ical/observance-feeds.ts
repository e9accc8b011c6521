/**
 * The observance feeds, the planners' calendars: /observances.ics, /observances/<id>.ics and the
 * year files /observances/<year>.ics — which days each holds, what each is called. The events
 * feeds are feeds.ts's; both render through the iCal library (ical.ts).
 */
import type { ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { observancesFeed, type ObservanceFeedItem, type ObservanceFeedOccurrence } from './ical.ts';
import { expandObservance, occurrenceInYear, pendingIsPast } from '../time/recurrence.ts';
import { rruleForIcal } from '../time/recurrence-rrule.ts';
import { observanceFeedUrl, observanceYearFileUrl } from '../urls.ts';
import { FEED_BRAND, feedOptions, type FeedSpec } from './feeds.ts';


/** Recurring observance events (RRULE) start in this year, or in the year established if later. */
export const RRULE_ANCHOR_YEAR = 2024;

/** Years the observance feeds list year by year: last year (recent history) to two years ahead. */
export function observanceYears(today: string): { from: number; to: number } {
  const y = Number(today.slice(0, 4));
  return { from: y - 1, to: y + 2 };
}

/**
 * One feed item per observance: its dated occurrences in the years covered, and an RRULE when the
 * rule is a fixed date or a yearly RRULE without per-year corrections (one recurring VEVENT, which
 * keeps working after the feed's years). Lunar dates, solar terms, whole months and announced
 * dates are listed year by year. A year still 待公布 is there as its usual window, TENTATIVE, with
 * 【日期待公布】 in its SUMMARY and the UID its announced dates will keep; without a usual window
 * it is left out — never a guessed date.
 */
export function observanceFeedItem(o: ObservanceEntry, today: string): ObservanceFeedItem {
  const { from, to } = observanceYears(today);
  const rrule = rruleForIcal(o);
  // A recurring event starts at a fixed year, not at "last year": its DTSTART and DTSTAMP then
  // stay the same from one year's builds to the next, so subscribers see no yearly change.
  const first = rrule ? Math.max(o.established ?? RRULE_ANCHOR_YEAR, RRULE_ANCHOR_YEAR) : from;
  const occurrences = expandObservance(o, first, to).flatMap((occ): ObservanceFeedOccurrence[] => {
    if (occ.status === 'dated') return [occ.announced ? { start: occ.start, end: occ.end, year: occ.year, announced: true } : { start: occ.start, end: occ.end, year: occ.year }];
    return occ.expected && !pendingIsPast(occ, today) ? [{ ...occ.expected, year: occ.year, tentative: true }] : [];
  });
  return rrule ? { observance: o, occurrences: occurrences.slice(0, 1), rrule } : { observance: o, occurrences };
}

/** The year file for planners: that year's days only, year by year (no RRULE), 预计 windows TENTATIVE. */
export function observanceYearItem(o: ObservanceEntry, year: number, today: string): ObservanceFeedItem {
  const occ = occurrenceInYear(o, year);
  const occurrences: ObservanceFeedOccurrence[] = [];
  if (occ?.status === 'dated') occurrences.push(occ.announced ? { start: occ.start, end: occ.end, year, announced: true } : { start: occ.start, end: occ.end, year });
  else if (occ?.expected && !pendingIsPast(occ, today)) occurrences.push({ ...occ.expected, year, tentative: true });
  return { observance: o, occurrences };
}

export function observanceYearSpec(year: number): Omit<FeedSpec, 'events'> {
  return {
    path: observanceYearFileUrl(year, 'ics'),
    name: `${FEED_BRAND} · ${year} 年科普纪念日`,
    description: `${year} 年的科普纪念日、宣传周、宣传月和活动季（全天事件）；尚未公布日期的按通常时间标“预计”。`,
  };
}

/** The VCALENDAR text of one year's observances (/observances/<year>.ics). */
export function renderObservanceYearFeed(q: SiteQuery, year: number, today: string, site: string): string {
  return observancesFeed(
    q.content.observances.map((o) => observanceYearItem(o, year, today)).filter((i) => i.occurrences.length > 0),
    feedOptions(site, observanceYearSpec(year)),
    { topics: q.vocab.topics },
  );
}

export function observancesSpec(): Omit<FeedSpec, 'events'> {
  return {
    path: '/observances.ics',
    name: `${FEED_BRAND} · 科普纪念日`,
    description: '国际和全国的科普相关纪念日、宣传周和宣传月（全天事件），附设立机构、依据和历史背景。',
  };
}

export function observanceSpec(o: ObservanceEntry): Omit<FeedSpec, 'events'> {
  return {
    path: observanceFeedUrl(o.id),
    name: `${FEED_BRAND} · ${o.name}`,
    description: `${o.name}：${o.authority}设立。每年的日期（全天事件）。`,
  };
}

/** The VCALENDAR text of an observance feed. */
export function renderObservancesFeed(q: SiteQuery, list: readonly ObservanceEntry[], spec: Omit<FeedSpec, 'events'>, today: string, site: string): string {
  return observancesFeed(
    list.map((o) => observanceFeedItem(o, today)),
    feedOptions(site, spec),
    { topics: q.vocab.topics },
  );
}
