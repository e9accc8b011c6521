/**
 * The landing page of every feed, `/subscribe/<feed path without .ics>/` (issue 19): every QR code
 * encodes one of these https pages instead of a `webcal:` URL, because WeChat and most Android
 * phones do nothing with `webcal:` (src/lib/browser/devices.ts). The page names the feed, says what it
 * contains and shows the buttons that work on the device it is opened on. Pure.
 */
import type { SiteQuery } from '../content/query.ts';
import { campaignYears } from './campaign-view.ts';
import { callsAlarmSpec, observancesAlarmSpec } from '../ical/reminders.ts';
import { FEED_BRAND, calendarSpec, callsSpec, campaignSpec, facetSpec } from '../ical/feeds.ts';
import { observanceSpec, observancesSpec } from '../ical/observance-feeds.ts';
import { FACETS, FACET_INFO, facetIds, type Facet } from '../facets.ts';
import { campaignUrl, facetUrl, observanceUrl } from '../urls.ts';

/** `/topics/health.ics` → `/subscribe/topics/health/` (the page a QR code for that feed opens). */
export function subscribePagePath(feedPath: string): string {
  const bare = feedPath.replace(/^\/+/, '').replace(/\.ics$/, '');
  return `/subscribe/${bare}/`;
}

export type LandingKind = 'calendar' | 'observances' | 'calls' | 'reminders' | 'observance' | 'campaign' | Facet;

export interface LandingFeed {
  kind: LandingKind;
  /** Feed path, e.g. /topics/health.ics. */
  path: string;
  /** The feed's name as calendar apps show it (X-WR-CALNAME). */
  name: string;
  /** The name without the brand: 主题：卫生健康. */
  title: string;
  /** What the feed contains (X-WR-CALDESC). */
  description: string;
  /** The page the feed belongs to (back link), e.g. /topics/health/. */
  page: string;
  /** How many entries the feed holds at build time (observance feeds: undefined). */
  count?: number;
}

const unbrand = (name: string) => name.replace(new RegExp(`^${FEED_BRAND} · `), '');

/**
 * Every feed that has a QR code on some page, hence a landing page: the three main feeds, each
 * observance, each campaign edition the site has a page for, and each topic, audience, region,
 * organizer and venue feed.
 */
export function* landingFeeds(q: SiteQuery, today: string): Generator<LandingFeed> {
  const main = [
    { kind: 'calendar' as const, spec: calendarSpec(q, today), page: '/calendar/' },
    { kind: 'calls' as const, spec: callsSpec(q, today), page: '/subscribe/' },
  ];
  for (const { kind, spec, page } of main) yield { kind, path: spec.path, name: spec.name, title: unbrand(spec.name), description: spec.description, page, count: spec.events.length };
  const all = observancesSpec();
  yield { kind: 'observances', path: all.path, name: all.name, title: unbrand(all.name), description: all.description, page: '/observances/' };
  const obsAlarm = observancesAlarmSpec();
  yield { kind: 'reminders', path: obsAlarm.path, name: obsAlarm.name, title: unbrand(obsAlarm.name), description: obsAlarm.description, page: '/observances/' };
  const callsAlarm = callsAlarmSpec(q, today);
  yield { kind: 'reminders', path: callsAlarm.path, name: callsAlarm.name, title: unbrand(callsAlarm.name), description: callsAlarm.description, page: '/subscribe/', count: callsAlarm.events.length };
  for (const o of q.content.observances) {
    const spec = observanceSpec(o);
    yield { kind: 'observance', path: spec.path, name: spec.name, title: unbrand(spec.name), description: spec.description, page: observanceUrl(o.id) };
  }
  for (const o of q.content.observances) {
    if (o.kind !== 'campaign') continue;
    for (const year of campaignYears(o, q, today)) {
      const spec = campaignSpec(q, o.id, year, today);
      yield { kind: 'campaign', path: spec.path, name: spec.name, title: unbrand(spec.name), description: spec.description, page: campaignUrl(o.id, year), count: spec.events.length };
    }
  }
  for (const facet of FACETS) {
    for (const id of facetIds(q, facet)) {
      const spec = facetSpec(q, facet, id, today);
      yield { kind: facet, path: spec.path, name: spec.name, title: unbrand(spec.name), description: spec.description, page: facetUrl(facet, id), count: spec.events.length };
    }
  }
}

/** 主题 · 地区 … for the kicker of a landing page. */
export function landingKindLabel(kind: LandingKind): string {
  switch (kind) {
    case 'calendar':
    case 'calls':
    case 'observances':
      return '订阅日历';
    case 'reminders':
      return '带提醒的订阅';
    case 'observance':
      return '科普纪念日';
    case 'campaign':
      return '活动季';
    default:
      return FACET_INFO[kind].feedLabel;
  }
}
