/**
 * schema.org JSON-LD for events, serialised so that nothing in a title can close the <script>
 * element: `<`, `>`, `&` and the line separators are written as \u escapes.
 */
import type { EventEntry } from './model.ts';
import type { SiteQuery } from './query.ts';


const STATUS: Record<EventEntry['status'], string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  'moved-online': 'https://schema.org/EventMovedOnline',
};

/** ISO 8601 with the zone's offset for timed events; a plain date for all-day ones. */
export function isoWithOffset(local: string, offsetMinutes: number | undefined): string {
  if (local.length === 10 || offsetMinutes === undefined) return local;
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function eventJsonLd(e: EventEntry, q: SiteQuery, site: string, offsetOf: (local: string, tz: string) => number): Record<string, unknown> {
  const venue = e.venue ? q.venue.get(e.venue) : undefined;
  const org = q.organizer.get(e.organizer);
  const physical = venue || e.address ? {
    '@type': 'Place',
    name: venue?.name ?? e.address,
    ...(venue?.address || e.address ? { address: { '@type': 'PostalAddress', streetAddress: venue?.address ?? e.address, addressCountry: 'CN' } } : {}),
    ...(venue?.geo ? { geo: { '@type': 'GeoCoordinates', latitude: venue.geo.lat, longitude: venue.geo.lng } } : {}),
  } : undefined;
  const virtual = e.online ? { '@type': 'VirtualLocation', url: e.online } : undefined;
  const locations = [e.status === 'moved-online' ? undefined : physical, virtual].filter(Boolean);
  const mode = virtual && physical && e.status !== 'moved-online' ? 'Mixed' : virtual ? 'Online' : 'Offline';
  const off = (s: string) => isoWithOffset(s, s.length > 10 ? offsetOf(s, e.timezone) : undefined);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    ...(e.summary ? { description: e.summary } : {}),
    startDate: off(e.start),
    ...(e.end ? { endDate: off(e.end) } : {}),
    eventStatus: STATUS[e.status],
    eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
    ...(locations.length ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    ...(e.previousStart ? { previousStartDate: off(e.previousStart) } : {}),
    ...(org ? { organizer: { '@type': 'Organization', name: org.name, ...(org.website ? { url: org.website } : {}) } } : {}),
    offers: {
      '@type': 'Offer',
      price: e.registration?.fee ?? 0,
      priceCurrency: 'CNY',
      availability: 'https://schema.org/InStock',
      url: e.registration?.url ?? e.url ?? `${site}/events/${e.id}/`,
    },
    url: `${site}/events/${e.id}/`,
    inLanguage: 'zh-CN',
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
