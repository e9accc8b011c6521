/**
 * The facets — topics, audiences, regions, organizers, venues: what each is called, which ids it
 * has, how one id is named, which events it holds, and where it can go (calendar filter, embed).
 * One home for the listing pages (browse.ts), the facet feeds (feeds.ts), the embeds and the
 * footer; their addresses are in urls.ts. Pure: the query is passed in.
 */
import type { EventEntry } from './content/model.ts';
import type { SiteQuery } from './content/query.ts';
import { regionLabel } from './views/present.ts';
import { calendarListUrl, type FacetPath } from './urls.ts';

export const FACETS = ['topics', 'audiences', 'regions', 'organizers', 'venues'] as const satisfies readonly FacetPath[];
export type Facet = (typeof FACETS)[number];

/** Facets with an embeddable upcoming list (`/embed/<facet>/<id>/`). */
export const EMBED_FACETS = ['organizers', 'venues', 'topics', 'regions'] as const satisfies readonly Facet[];
export type EmbedFacet = (typeof EMBED_FACETS)[number];

export interface FacetInfo {
  /** What one entry is: 主题, 面向人群 (a listing's kicker, "共 40 个主题"). */
  noun: string;
  /** The footer's 分类浏览 link. */
  short: string;
  /** In feed names: 科普日历 · 主题：卫生健康. */
  feedLabel: string;
  /** The index page's title and lead. */
  indexTitle: string;
  indexLead: string;
  /** Query parameter of the calendar's filter for this facet, if it has one. */
  calendarParam?: 'topic' | 'audience' | 'region';
}

export const FACET_INFO: Record<Facet, FacetInfo> = {
  topics: { noun: '主题', short: '主题', feedLabel: '主题', indexTitle: '按主题浏览', indexLead: '卫生健康、应急、天文、人工智能……按主题找活动，每个主题都可以单独订阅。', calendarParam: 'topic' },
  audiences: { noun: '面向人群', short: '人群', feedLabel: '面向', indexTitle: '按人群浏览', indexLead: '为青少年、老年人、农民、产业工人等不同人群举办的科普活动。', calendarParam: 'audience' },
  regions: { noun: '地区', short: '地区', feedLabel: '地区', indexTitle: '按地区浏览', indexLead: '按省、市和区县查找身边的科普活动；区县的活动也算在所属城市里。', calendarParam: 'region' },
  organizers: { noun: '主办单位', short: '主办单位', feedLabel: '单位', indexTitle: '主办单位', indexLead: '举办科普活动的科协、学会、科技馆、学校和其他单位。每个单位的活动都可以订阅，也可以嵌入到单位自己的网站。' },
  venues: { noun: '场馆', short: '场馆', feedLabel: '场馆', indexTitle: '活动场馆', indexLead: '举办科普活动的科技馆、博物馆、图书馆和其他场所。' },
};

/** The events of each id of a facet (a district's events are also its city's and province's). */
export function facetIndex(q: SiteQuery, facet: Facet): Map<string, EventEntry[]> {
  switch (facet) {
    case 'topics':
      return q.byTopic;
    case 'audiences':
      return q.byAudience;
    case 'regions':
      return q.byRegion;
    case 'organizers':
      return q.byOrganizer;
    case 'venues':
      return q.byVenue;
  }
}

/**
 * Every entry that gets a page, in content order: the whole vocabulary (event pages link to any of
 * it), every organizer and venue file.
 */
export function facetEntries(q: SiteQuery, facet: Facet): { id: string; label: string; parent?: string }[] {
  if (facet === 'organizers') return q.content.organizers.map((o) => ({ id: o.id, label: o.name }));
  if (facet === 'venues') return q.content.venues.map((v) => ({ id: v.id, label: v.name }));
  return q.content.vocab[facet].map((v) => ({ id: v.id, label: v.label, parent: v.parent }));
}

const idsCache = new WeakMap<SiteQuery, Partial<Record<Facet, string[]>>>();

/**
 * Every id that gets a feed: each entry (a listing can offer its feed before its first event) plus
 * any id the index holds. Sorted, computed once per query and facet.
 */
export function facetIds(q: SiteQuery, facet: Facet): string[] {
  let per = idsCache.get(q);
  if (!per) idsCache.set(q, (per = {}));
  const hit = per[facet];
  if (hit) return hit;
  const known = facet === 'organizers' ? q.organizer.keys() : facet === 'venues' ? q.venue.keys() : q.vocab[facet].keys();
  const ids = [...new Set([...known, ...facetIndex(q, facet).keys()])].sort();
  per[facet] = ids;
  return ids;
}

/** The Chinese name of a facet value: 卫生健康, 北京市朝阳区, 中国科学技术馆 … (the id when unknown). */
export function facetLabel(q: SiteQuery, facet: Facet, id: string): string {
  switch (facet) {
    case 'organizers':
      return q.organizer.get(id)?.name ?? id;
    case 'venues':
      return q.venue.get(id)?.name ?? id;
    case 'regions':
      return regionLabel(q, id) ?? id;
    default:
      return q.vocab[facet].get(id)?.label ?? id;
  }
}

/** The calendar filtered to this entry, or undefined where the calendar has no such filter. */
export function facetCalendarUrl(facet: Facet, id: string): string | undefined {
  const p = FACET_INFO[facet].calendarParam;
  return p ? calendarListUrl(p, id) : undefined;
}

export function isEmbedFacet(facet: Facet): facet is EmbedFacet {
  return (EMBED_FACETS as readonly string[]).includes(facet);
}
