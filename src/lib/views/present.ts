/**
 * Small pure helpers that turn content into what a page shows: place lines, vocabulary labels
 * (enum labels live in labels.ts). Pages stay thin by calling these.
 */
import type { EventEntry, ObservanceEntry, OrganizerEntry, VenueEntry } from '../content/model.ts';
import type { VocabEntry, VocabName } from '../content/schema.ts';
import { facetUrl } from '../urls.ts';

/** Where names are looked up: a SiteQuery (query.ts) has all of it; a feed's lookups part of it. */
export interface NameSources {
  organizer: ReadonlyMap<string, OrganizerEntry>;
  venue: ReadonlyMap<string, VenueEntry>;
  observance?: ReadonlyMap<string, ObservanceEntry>;
  vocab: { readonly [K in VocabName]?: ReadonlyMap<string, VocabEntry> };
}

export interface Place {
  /** Venue name, or the free-text address. */
  name?: string;
  address?: string;
  /** District / city label. */
  region?: string;
  /** Link to the venue's page on this site. */
  venueHref?: string;
  online?: string;
}

export function regionLabel(q: NameSources, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const r = q.vocab.regions?.get(id);
  if (!r) return undefined;
  const parent = r.parent ? q.vocab.regions?.get(r.parent) : undefined;
  return parent && !r.label.startsWith(parent.label.slice(0, 2)) ? `${parent.label}${r.label}` : r.label;
}

export function eventPlace(e: EventEntry, q: NameSources): Place {
  const v = e.venue ? q.venue.get(e.venue) : undefined;
  return {
    name: v?.name,
    address: v?.address ?? e.address,
    region: regionLabel(q, e.regionId),
    venueHref: v ? facetUrl('venues', v.id) : undefined,
    online: e.online,
  };
}

/** One line for lists: 中国科学技术馆 · 北京市朝阳区 / 线上. */
export function placeLine(e: EventEntry, q: NameSources): string {
  const p = eventPlace(e, q);
  const physical = p.name ?? p.address;
  const parts = [physical, p.region].filter(Boolean) as string[];
  if (e.online && (e.status === 'moved-online' || !physical)) parts.unshift('线上');
  else if (e.online) parts.push('线上同步');
  return [...new Set(parts)].join(' · ');
}

export function labels(q: NameSources, vocab: VocabName, ids: readonly string[]): { id: string; label: string }[] {
  return ids.map((id) => ({ id, label: q.vocab[vocab]?.get(id)?.label ?? id }));
}

export function organizerName(q: NameSources, id: string): string {
  const o = q.organizer.get(id);
  return o?.shortName ?? o?.name ?? id;
}

/** Free when the registration says fee 0, or when no fee is stated and no registration is needed. */
export function isFree(e: EventEntry): boolean {
  return e.registration?.fee === undefined ? true : e.registration.fee === 0;
}

/**
 * A 高德地图 link (URI API: opens in the browser or the app; never an embedded map). With coordinates
 * it marks the spot and says their datum (`coordinate=gaode` for GCJ-02, `wgs84` for WGS-84: 高德
 * shifts WGS-84 points itself); otherwise it searches by name and address.
 */
export function mapLink(address: string | undefined, name?: string, geo?: VenueEntry['geo']): string {
  const label = [name, address].filter(Boolean).join(' ');
  if (geo) {
    const datum = geo.datum === 'GCJ-02' ? 'gaode' : 'wgs84';
    return `https://uri.amap.com/marker?position=${geo.lng},${geo.lat}&name=${encodeURIComponent(name ?? address ?? '')}&coordinate=${datum}&callnative=0`;
  }
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(label)}`;
}
