/**
 * Listing pages by topic, audience, region, organizer and venue (/topics/<id>/ …), their index pages
 * with counts, and the embeddable upcoming lists (/embed/organizers/<id>/ …). What a facet is (names,
 * ids, labels) is in facets.ts, its addresses in urls.ts; what a listing route shows beyond that
 * comes from here, so the routes only wire. Pure: `today` and the site URL are passed in.
 */
import type { EventEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { past, upcoming } from '../content/query.ts';
import { type EmbedFacet, type Facet, facetEntries, facetIndex } from '../facets.ts';
import { absolute, embedUrl } from '../urls.ts';

/** How many events a listing page shows before pointing to the calendar or the archive. */
export const LISTING_UPCOMING_MAX = 100;
export const LISTING_PAST_MAX = 30;
/** How many upcoming events an embed shows. */
export const EMBED_MAX = 20;

export interface ListingEntry {
  id: string;
  label: string;
  /** Nesting depth on the regions index (0 province/city, 1 district …). */
  depth: number;
  total: number;
  upcoming: number;
}

function countsOf(list: EventEntry[] | undefined, today: string): { total: number; upcoming: number } {
  return { total: list?.length ?? 0, upcoming: list ? upcoming(list, today).length : 0 };
}

/**
 * The index page: entries with counts. Vocabularies keep their own order (regions nested under
 * their parent); organizers and venues are sorted by how many events they have, then by name.
 */
export function listingIndex(q: SiteQuery, kind: Facet, today: string): ListingEntry[] {
  const idx = facetIndex(q, kind);
  const ids = facetEntries(q, kind);
  const entry = (x: { id: string; label: string }, depth = 0): ListingEntry => ({ ...x, depth, ...countsOf(idx.get(x.id), today) });
  if (kind === 'regions') {
    const out: ListingEntry[] = [];
    const walk = (parent: string | undefined, depth: number) => {
      for (const r of ids) if (r.parent === parent && depth < 5) out.push(entry(r, depth)), walk(r.id, depth + 1);
    };
    walk(undefined, 0);
    return out;
  }
  const list = ids.map((x) => entry(x));
  if (kind === 'organizers' || kind === 'venues') list.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'zh-Hans-CN'));
  return list;
}

export interface ListingEvents {
  upcoming: EventEntry[];
  past: EventEntry[];
  upcomingTotal: number;
  pastTotal: number;
}

/** One listing's events: upcoming first (in date order), then past (newest first), each capped. */
export function listingEvents(q: SiteQuery, kind: Facet, id: string, today: string): ListingEvents {
  const list = facetIndex(q, kind).get(id) ?? [];
  const up = upcoming(list, today);
  const done = past(list, today);
  return { upcoming: up.slice(0, LISTING_UPCOMING_MAX), past: done.slice(0, LISTING_PAST_MAX), upcomingTotal: up.length, pastTotal: done.length };
}

/** The HTML an organizer pastes into its own site. Attribute values are escaped. */
export function embedSnippet(siteUrl: string, kind: EmbedFacet, id: string, label: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(absolute(siteUrl, embedUrl(kind, id)))}" title="${attr(`${label}的科普活动（科普日历）`)}" width="100%" height="520" style="border:1px solid #d7dde3;border-radius:8px;max-width:44rem" loading="lazy"></iframe>`;
}

/** The events an embed lists: upcoming only, capped. */
export function embedEvents(q: SiteQuery, kind: EmbedFacet, id: string, today: string): EventEntry[] {
  return upcoming(facetIndex(q, kind).get(id) ?? [], today).slice(0, EMBED_MAX);
}

/** Observances that share a topic (shown on topic pages). */
export function observancesForTopic(q: SiteQuery, topic: string) {
  return q.content.observances.filter((o) => o.topics.includes(topic) && !o.endedYear);
}
