/**
 * schema.org JSON-LD for events, serialised so that nothing in a title can close the <script>
 * element: `<`, `>`, `&` and the line separators are written as \u escapes.
 */
import type { EventEntry } from './model.ts';
import type { SiteQuery } from './query.ts';
import { GENERIC_FIELDS } from './event-fields.ts';
import { eventFacts } from './event-facts.ts';
import { offsetIso } from './time/zones.ts';
import { absolute, eventUrl } from './urls.ts';

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

export function eventJsonLd(e: EventEntry, q: SiteQuery, site: string): Record<string, unknown> {
  const f = eventFacts(e, q);
  const venue = f.venue;
  const physical = venue || e.address ? {
    '@type': 'Place',
    name: venue?.name ?? e.address,
    ...(venue?.address || e.address ? { address: { '@type': 'PostalAddress', streetAddress: venue?.address ?? e.address, addressCountry: 'CN' } } : {}),
    ...(venue?.geo ? { geo: { '@type': 'GeoCoordinates', latitude: venue.geo.lat, longitude: venue.geo.lng } } : {}),
  } : undefined;
  const virtual = e.online ? { '@type': 'VirtualLocation', url: e.online } : undefined;
  const locations = [e.status === 'moved-online' ? undefined : physical, virtual].filter(Boolean);
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
    ...(locations.length ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    ...(e.previousStart ? { previousStartDate: when(e.previousStart, e.timezone) } : {}),
    ...(f.organizer.known ? { organizer: { '@type': 'Organization', name: f.organizer.name, ...(f.organizer.website ? { url: f.organizer.website } : {}) } } : {}),
    offers: {
      '@type': 'Offer',
      price: e.registration?.fee ?? 0,
      priceCurrency: 'CNY',
      availability: 'https://schema.org/InStock',
      url: e.registration?.url ?? e.url ?? page,
    },
    url: page,
    inLanguage: 'zh-CN',
    // The field registry's generic fields that map to schema.org (typicalAgeRange …; event-fields.ts).
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
