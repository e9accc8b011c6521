/**
 * Which entries go in which iCal feed, and what each feed is called. Pure glue between the query
 * indexes (query.ts) and the iCal library (ical.ts): the routes under src/pages only wire these.
 *
 * The feeds (URLs are subscribed to: never rename them):
 * - /calendar.ics — activities (kind `activity`) not over, plus those that ended in the last 90 days;
 * - /calls.ics — calls for entries and deadlines (kind `call` | `deadline`), same window, kept out
 *   of the activity calendars so they do not clutter a citizen's phone;
 * - /topics|audiences|regions|organizers|venues/<id>.ics — the activities of one facet, same window;
 * - /campaigns/<id>/<year>.ics — every activity of one edition (no window);
 * every feed of many events holds at most FEED_MAX_EVENTS of them, the nearest to today (issue 21);
 * - /events/<slug>.ics — one entry, whatever its kind or date;
 * The observance feeds (/observances.ics …) are observance-feeds.ts's.
 * The links that subscribe to a feed (webcal:, Google, Outlook) are subscribe-urls.ts's.
 */
import type { EventEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { eventsFeed, type FeedLookups, type FeedOptions } from './ical.ts';
import { addDays } from '../time/days.ts';
import { FACET_INFO, facetIndex, facetLabel, type Facet } from '../facets.ts';
import { campaignFeedUrl, eventFeedUrl, facetFeedUrl } from '../urls.ts';

/** Past activities stay in the feeds this many days after they end (subscribers keep recent history). */
export const RECENT_DAYS = 90;
/**
 * Most events in one feed of many (all but the one-event feeds). Why (issue 21): in a national
 * 科普月 of 100,000 activities in one month, /calendar.ics held all of them (≈ 290 MB) and a topic's
 * feed ≈ 5,000 (≈ 15 MB); phone calendars that subscribe (Xiaomi, Huawei, Outlook) slow down or give
 * up long before, and nobody reads 5,000 entries in a phone calendar. 1,000 events is ≈ 3 MB. When a
 * feed has more, it keeps the upcoming ones nearest to today, then the most recently ended: the days
 * a subscriber is about to live through. The feed's description says so (X-WR-CALDESC).
 */
export const FEED_MAX_EVENTS = 1000;
/** REFRESH-INTERVAL / X-PUBLISHED-TTL, in hours. */
export const FEED_TTL_HOURS = 12;
/** The site name at the front of every feed name. */
export const FEED_BRAND = '科普日历';
/** Response headers of every .ics route. */
export const ICS_HEADERS = { 'Content-Type': 'text/calendar; charset=utf-8' } as const;

// ---------------------------------------------------------------------------------------------
// selection
// ---------------------------------------------------------------------------------------------

/** Entries not over on `today`, plus those that ended within the last `days` days. Order kept. */
export function recentAndUpcoming(list: readonly EventEntry[], today: string, days = RECENT_DAYS): EventEntry[] {
  const from = addDays(today, -days);
  return list.filter((e) => e.endDate >= from);
}

/**
 * At most `max` entries, nearest to `today` first: those not over in start order, then those over,
 * most recently ended first; returned in the list's own order. Shorter lists are returned as they are.
 */
export function nearestFirst(list: readonly EventEntry[], today: string, max = FEED_MAX_EVENTS): EventEntry[] {
  if (list.length <= max) return [...list];
  const ahead = list.filter((e) => e.endDate >= today);
  const keep = new Set(ahead.slice(0, max));
  if (keep.size < max) {
    const over = list.filter((e) => e.endDate < today).sort((a, b) => (a.endDate < b.endDate ? 1 : a.endDate > b.endDate ? -1 : 0));
    for (const e of over.slice(0, max - keep.size)) keep.add(e);
  }
  return list.filter((e) => keep.has(e));
}

/** The description's note when a feed was cut to FEED_MAX_EVENTS. */
function capNote(all: number, kept: number): string {
  return all > kept ? `活动很多，只收最近的 ${kept} 项（共 ${all} 项），每天更新。` : '';
}

export function activitiesOf(list: readonly EventEntry[]): EventEntry[] {
  return list.filter((e) => e.kind === 'activity');
}

export function callsOf(list: readonly EventEntry[]): EventEntry[] {
  return list.filter((e) => e.kind === 'call' || e.kind === 'deadline');
}

/** Each entry once (an index list may name an entry twice, e.g. organizer and co-organizer). */
function unique(list: readonly EventEntry[]): EventEntry[] {
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
}

// ---------------------------------------------------------------------------------------------
// per-build caches, keyed by the query (one query per build)
// ---------------------------------------------------------------------------------------------

const lookupsCache = new WeakMap<SiteQuery, FeedLookups>();

/**
 * What the iCal library looks up beside the events. One object per query: ical.ts renders each
 * event once per lookups object, so 5 000 facet feeds share the rendering of every event.
 */
export function feedLookups(q: SiteQuery): FeedLookups {
  let l = lookupsCache.get(q);
  if (!l) {
    l = { organizers: q.organizer, venues: q.venue, observances: q.observance, regions: q.vocab.regions, topics: q.vocab.topics };
    lookupsCache.set(q, l);
  }
  return l;
}

// ---------------------------------------------------------------------------------------------
// feeds: what goes in, what it is called
// ---------------------------------------------------------------------------------------------

export interface FeedSpec {
  /** Path on the site, e.g. /topics/health.ics. */
  path: string;
  /** X-WR-CALNAME. */
  name: string;
  /** X-WR-CALDESC. */
  description: string;
  events: EventEntry[];
}

const WINDOW_NOTE = `即将举行的和最近 ${RECENT_DAYS} 天内结束的`;
const CALLS_NOTE = '征集和申报截止另见 /calls.ics。';

/** /calendar.ics: every activity in the window. */
export function calendarSpec(q: SiteQuery, today: string): FeedSpec {
  const all = activitiesOf(recentAndUpcoming(q.events, today));
  const events = nearestFirst(all, today);
  return {
    path: '/calendar.ics',
    name: `${FEED_BRAND} · 全部活动`,
    description: `全国科普活动：${WINDOW_NOTE}活动。${capNote(all.length, events.length)}${CALLS_NOTE}`,
    events,
  };
}

/** /calls.ics: calls for entries and deadlines in the window. */
export function callsSpec(q: SiteQuery, today: string): FeedSpec {
  const all = callsOf(recentAndUpcoming(q.events, today));
  const events = nearestFirst(all, today);
  return {
    path: '/calls.ics',
    name: `${FEED_BRAND} · 征集与申报截止`,
    description: `科普作品征集、项目申报和材料报送的截止日期：${WINDOW_NOTE}。${capNote(all.length, events.length)}`,
    events,
  };
}

/** /<facet>/<id>.ics: the activities of one topic, audience, region, organizer or venue. */
export function facetSpec(q: SiteQuery, facet: Facet, id: string, today: string): FeedSpec {
  const label = facetLabel(q, facet, id);
  const noun = FACET_INFO[facet].feedLabel;
  const what =
    facet === 'organizers' ? `由“${label}”主办或协办的` : facet === 'venues' ? `在“${label}”举办的` : facet === 'regions' ? `${label}的` : `${noun}为“${label}”的`;
  const all = activitiesOf(recentAndUpcoming(unique(facetIndex(q, facet).get(id) ?? []), today));
  const events = nearestFirst(all, today);
  return {
    path: facetFeedUrl(facet, id),
    name: `${FEED_BRAND} · ${noun}：${label}`,
    description: `${what}科普活动：${WINDOW_NOTE}活动。${capNote(all.length, events.length)}${CALLS_NOTE}`,
    events,
  };
}

/** /campaigns/<id>/<year>.ics: every activity of one edition of a campaign (the FEED_MAX_EVENTS nearest to `today`). */
export function campaignSpec(q: SiteQuery, id: string, year: number, today: string): FeedSpec {
  const name = `${year} 年${q.observance.get(id)?.name ?? id}`;
  const all = activitiesOf(unique(q.byCampaignYear.get(`${id}/${year}`) ?? []));
  const events = nearestFirst(all, today);
  return {
    path: campaignFeedUrl(id, year),
    name: `${FEED_BRAND} · ${name}`,
    description: `${name}的${all.length > events.length ? '' : '全部'}登记活动。${capNote(all.length, events.length)}${CALLS_NOTE}`,
    events,
  };
}

/** /events/<slug>.ics: one entry. */
export function eventSpec(e: EventEntry): FeedSpec {
  return { path: eventFeedUrl(e.id), name: `${FEED_BRAND} · ${e.title}`, description: e.summary ?? e.title, events: [e] };
}

export function feedOptions(site: string, spec: Pick<FeedSpec, 'name' | 'description'>): FeedOptions {
  return { site, name: spec.name, description: spec.description, ttlHours: FEED_TTL_HOURS };
}

/** The VCALENDAR text of an events feed. */
export function renderEventsFeed(q: SiteQuery, spec: FeedSpec, site: string): string {
  return eventsFeed(spec.events, feedLookups(q), feedOptions(site, spec));
}
