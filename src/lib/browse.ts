/**
 * Listing pages by topic, audience, region, organizer and venue (/topics/<id>/ …), their index pages
 * with counts, and the embeddable upcoming lists (/embed/organizers/<id>/ …). Everything a listing
 * route shows comes from here, so the routes only wire. Pure: `today` and the site URL are passed in.
 */
import type { EventEntry } from './model.ts';
import type { SiteQuery } from './query.ts';
import { past, upcoming } from './query.ts';
import { regionLabel } from './present.ts';

export const LISTING_KINDS = ['topics', 'audiences', 'regions', 'organizers', 'venues'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
/** Listings that have an embeddable view (`/embed/<kind>/<id>/`). */
export const EMBED_KINDS = ['organizers', 'venues', 'topics', 'regions'] as const satisfies readonly ListingKind[];
export type EmbedKind = (typeof EMBED_KINDS)[number];

/** How many events a listing page shows before pointing to the calendar or the archive. */
export const LISTING_UPCOMING_MAX = 100;
export const LISTING_PAST_MAX = 30;
/** How many upcoming events an embed shows. */
export const EMBED_MAX = 20;

interface KindInfo {
  /** 主题 */
  noun: string;
  /** Index page title. */
  indexTitle: string;
  indexLead: string;
  /** Query parameter of the calendar filter for this kind, if any. */
  calendarParam?: 'topic' | 'audience' | 'region';
}

export const KIND_INFO: Record<ListingKind, KindInfo> = {
  topics: { noun: '主题', indexTitle: '按主题浏览', indexLead: '卫生健康、应急、天文、人工智能……按主题找活动，每个主题都可以单独订阅。', calendarParam: 'topic' },
  audiences: { noun: '面向人群', indexTitle: '按人群浏览', indexLead: '为青少年、老年人、农民、产业工人等不同人群举办的科普活动。', calendarParam: 'audience' },
  regions: { noun: '地区', indexTitle: '按地区浏览', indexLead: '按省、市和区县查找身边的科普活动；区县的活动也算在所属城市里。', calendarParam: 'region' },
  organizers: { noun: '主办单位', indexTitle: '主办单位', indexLead: '举办科普活动的科协、学会、科技馆、学校和其他单位。每个单位的活动都可以订阅，也可以嵌入到单位自己的网站。' },
  venues: { noun: '场馆', indexTitle: '活动场馆', indexLead: '举办科普活动的科技馆、博物馆、图书馆和其他场所。' },
};

export interface ListingEntry {
  id: string;
  label: string;
  /** Nesting depth on the regions index (0 province/city, 1 district …). */
  depth: number;
  total: number;
  upcoming: number;
}

function indexOf(q: SiteQuery, kind: ListingKind): Map<string, EventEntry[]> {
  return { topics: q.byTopic, audiences: q.byAudience, regions: q.byRegion, organizers: q.byOrganizer, venues: q.byVenue }[kind];
}

/** Every id that gets a page: the whole vocabulary (event pages link to any of it), every organizer and venue. */
export function listingIds(q: SiteQuery, kind: ListingKind): { id: string; label: string; parent?: string }[] {
  if (kind === 'organizers') return q.content.organizers.map((o) => ({ id: o.id, label: o.name }));
  if (kind === 'venues') return q.content.venues.map((v) => ({ id: v.id, label: v.name }));
  return q.content.vocab[kind].map((v) => ({ id: v.id, label: v.label, parent: v.parent }));
}

export function listingLabel(q: SiteQuery, kind: ListingKind, id: string): string {
  if (kind === 'organizers') return q.organizer.get(id)?.name ?? id;
  if (kind === 'venues') return q.venue.get(id)?.name ?? id;
  if (kind === 'regions') return regionLabel(q, id) ?? id;
  return q.vocab[kind].get(id)?.label ?? id;
}

function countsOf(list: EventEntry[] | undefined, today: string): { total: number; upcoming: number } {
  return { total: list?.length ?? 0, upcoming: list ? upcoming(list, today).length : 0 };
}

/**
 * The index page: entries with counts. Vocabularies keep their own order (regions nested under
 * their parent); organizers and venues are sorted by how many events they have, then by name.
 */
export function listingIndex(q: SiteQuery, kind: ListingKind, today: string): ListingEntry[] {
  const idx = indexOf(q, kind);
  const ids = listingIds(q, kind);
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
export function listingEvents(q: SiteQuery, kind: ListingKind, id: string, today: string): ListingEvents {
  const list = indexOf(q, kind).get(id) ?? [];
  const up = upcoming(list, today);
  const done = past(list, today);
  return { upcoming: up.slice(0, LISTING_UPCOMING_MAX), past: done.slice(0, LISTING_PAST_MAX), upcomingTotal: up.length, pastTotal: done.length };
}

/** /topics/health/ */
export function listingHref(kind: ListingKind, id: string): string {
  return `/${kind}/${id}/`;
}

/** /topics/health.ics — the feed route is built by the feeds work; listings link to it. */
export function listingFeed(kind: ListingKind, id: string): string {
  return `/${kind}/${id}.ics`;
}

/** The calendar filtered to this listing, or undefined where the calendar has no such filter. */
export function listingCalendarHref(kind: ListingKind, id: string): string | undefined {
  const p = KIND_INFO[kind].calendarParam;
  return p ? `/calendar/?${p}=${encodeURIComponent(id)}&view=list` : undefined;
}

export function embedHref(kind: EmbedKind, id: string): string {
  return `/embed/${kind}/${id}/`;
}

export function isEmbedKind(kind: ListingKind): kind is EmbedKind {
  return (EMBED_KINDS as readonly string[]).includes(kind);
}

/** The HTML an organizer pastes into its own site. Attribute values are escaped. */
export function embedSnippet(siteUrl: string, kind: EmbedKind, id: string, label: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(siteUrl + embedHref(kind, id))}" title="${attr(`${label}的科普活动（科普日历）`)}" width="100%" height="520" style="border:1px solid #d7dde3;border-radius:8px;max-width:44rem" loading="lazy"></iframe>`;
}

/** The events an embed lists: upcoming only, capped. */
export function embedEvents(q: SiteQuery, kind: EmbedKind, id: string, today: string): EventEntry[] {
  return upcoming(indexOf(q, kind).get(id) ?? [], today).slice(0, EMBED_MAX);
}

/** Observances that share a topic (shown on topic pages). */
export function observancesForTopic(q: SiteQuery, topic: string) {
  return q.content.observances.filter((o) => o.topics.includes(topic) && !o.endedYear);
}
