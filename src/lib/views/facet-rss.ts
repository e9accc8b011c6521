/**
 * RSS per listing (issue 19): `/topics/<id>/feed.xml`, `/regions/<id>/feed.xml`,
 * `/organizers/<id>/feed.xml` — "what's new" in one topic, district or organizer for people who
 * follow it without a calendar (as Gancio offers). The items of /feed.xml (src/lib/views/open-data.ts),
 * newest first, narrowed to the listing's events. Written beside the build with the data files; each
 * listing page links its feed with the feed's title. Pure.
 */
import type { SiteQuery } from '../content/query.ts';
import { FEED_BRAND, facetSpec } from '../ical/feeds.ts';
import { FACET_INFO, facetIds, facetLabel, type Facet } from '../facets.ts';
import { rssItems, type RssItem } from './open-data.ts';

export const RSS_FACETS = ['topics', 'regions', 'organizers'] as const satisfies readonly Facet[];
export type RssFacet = (typeof RSS_FACETS)[number];

export function hasFacetRss(facet: string): facet is RssFacet {
  return (RSS_FACETS as readonly string[]).includes(facet);
}

/** `/topics/health/feed.xml`. */
export const facetRssPath = (facet: RssFacet, id: string) => `/${facet}/${id}/feed.xml`;

/** The feed's title, as readers list it and as the listing page's link names it. */
export function facetRssTitle(q: SiteQuery, facet: RssFacet, id: string): string {
  return `${FEED_BRAND} · ${FACET_INFO[facet].feedLabel}：${facetLabel(q, facet, id)} · 新活动`;
}

export interface RssFile {
  path: string;
  title: string;
  description: string;
  items: RssItem[];
}

/** Every listing's RSS file, in a fixed order; @astrojs/rss turns each into XML (scripts/write-data-files.ts). */
export function* facetRssFiles(q: SiteQuery, today: string, site: string): Generator<RssFile> {
  for (const facet of RSS_FACETS) {
    for (const id of facetIds(q, facet)) {
      const spec = facetSpec(q, facet, id, today);
      const events = (facet === 'topics' ? q.byTopic : facet === 'regions' ? q.byRegion : q.byOrganizer).get(id) ?? [];
      yield {
        path: facetRssPath(facet, id),
        title: facetRssTitle(q, facet, id),
        description: spec.description.replace(/活动。.*$/, '活动（含征集与申报截止），最近登记和更新的在前。'),
        items: rssItems(q, today, site, undefined, events),
      };
    }
  }
}
