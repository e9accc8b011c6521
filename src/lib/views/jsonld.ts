/**
 * schema.org JSON-LD for events, serialised so that nothing in a title can close the <script>
 * element: `<`, `>`, `&` and the line separators are written as \u escapes.
 */
import type { EventEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { GENERIC_FIELDS } from '../content/event-fields.ts';
import { eventFacts } from './event-facts.ts';
import { offsetIso } from '../time/zones.ts';
import { ACCESS_LABEL } from '../labels.ts';
import { isFree } from './present.ts';
import type { AccessFeature } from '../content/schema.ts';
import { wgs84 } from '../content/venue-geo.ts';
import { absolute, eventUrl } from '../urls.ts';

const STATUS: Record<EventEntry['status'], string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  'moved-online': 'https://schema.org/EventMovedOnline',
};

/** ISO 8601 with the zone's offset for timed values (as the open data writes them); a plain date for all-day ones. */
function when(local: string, zone: string): string {
  return local.length === 10 ? local : offsetIso(local, zone);
}

/** Physical features go on the Place (schema.org amenityFeature); the rest are the Event's (event-fields.ts). */
const PLACE_FEATURES: readonly AccessFeature[] = ['wheelchair', 'accessible-toilet', 'hearing-aid', 'guide-dog'];

/** The region chain as a PostalAddress: addressRegion the province or municipality, addressLocality the district or city. */
function regionAddress(q: SiteQuery, regionId: string | undefined): Record<string, string> {
  const chain: string[] = [];
  for (let cur = regionId, guard = 0; cur && cur !== 'national' && guard < 5; guard++) {
    const r = q.vocab.regions.get(cur);
    if (!r) break;
    chain.unshift(r.label);
    cur = r.parent;
  }
  return {
    ...(chain[0] ? { addressRegion: chain[0] } : {}),
    ...(chain.length > 1 ? { addressLocality: chain[chain.length - 1]! } : {}),
    addressCountry: 'CN',
  };
}

/**
 * schema.org Event. Google requires `location`: a Place with a PostalAddress (region names are
 * enough) or a VirtualLocation — so an event without a venue still names where it is (its address,
 * its region, or China), and one online names its link.
 */
export function eventJsonLd(e: EventEntry, q: SiteQuery, site: string): Record<string, unknown> {
  const f = eventFacts(e, q);
  const venue = f.venue;
  const street = venue?.address ?? e.address;
  const amenities = (e.access ?? []).filter((a) => PLACE_FEATURES.includes(a)).map((a) => ({ '@type': 'LocationFeatureSpecification', name: ACCESS_LABEL[a], value: true }));
  const geo = venue?.geo ? wgs84(venue.geo) : undefined;
  const physical = venue || e.address ? {
    '@type': 'Place',
    name: venue?.name ?? e.address,
    address: { '@type': 'PostalAddress', ...(street ? { streetAddress: street } : {}), ...regionAddress(q, e.regionId) },
    ...(geo ? { geo: { '@type': 'GeoCoordinates', latitude: geo.lat, longitude: geo.lng } } : {}),
    ...(amenities.length ? { amenityFeature: amenities } : {}),
  } : undefined;
  const virtual = e.online ? { '@type': 'VirtualLocation', url: e.online } : undefined;
  const locations = [e.status === 'moved-online' ? undefined : physical, virtual].filter(Boolean);
  if (!locations.length) {
    // A region-wide programme, a call or a deadline: the region it belongs to (or China) is its place.
    const region = f.region && e.regionId !== 'national' ? f.region.label : '中国';
    locations.push({ '@type': 'Place', name: region, address: { '@type': 'PostalAddress', ...regionAddress(q, e.regionId) } });
  }
  const mode = virtual && physical && e.status !== 'moved-online' ? 'Mixed' : virtual ? 'Online' : 'Offline';
  const page = absolute(site, eventUrl(e.id));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    ...(e.summary ? { description: e.summary } : {}),
    startDate: when(e.start, e.timezone),
    ...(e.end ? { endDate: when(e.end, e.timezone) } : {}),
    eventStatus: STATUS[e.status],
    eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
    location: locations.length === 1 ? locations[0] : locations,
    ...(e.previousStart ? { previousStartDate: when(e.previousStart, e.timezone) } : {}),
    ...(f.organizer.known ? { organizer: { '@type': 'Organization', name: f.organizer.name, ...(f.organizer.website ? { url: f.organizer.website } : {}) } } : {}),
    isAccessibleForFree: isFree(e),
    offers: {
      '@type': 'Offer',
      price: e.registration?.fee ?? 0,
      priceCurrency: 'CNY',
      availability: e.registration?.full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      url: e.registration?.url ?? e.url ?? page,
    },
    ...(e.registration?.capacity ? { maximumAttendeeCapacity: e.registration.capacity } : {}),
    url: page,
    inLanguage: 'zh-CN',
    // The field registry's generic fields that map to schema.org (typicalAgeRange, accessibilityFeature, recordedIn; event-fields.ts).
    ...Object.assign({}, ...GENERIC_FIELDS.map((g) => g.jsonLd?.(e))),
  };
}

/** JSON safe to place inside <script type="application/ld+json">. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
