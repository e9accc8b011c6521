/**
 * A venue's coordinates in WGS-84, whatever datum its file states (issue 18). Chinese map apps
 * (高德, 腾讯) publish GCJ-02, shifted from WGS-84 by up to ~700 m; iCalendar's GEO, schema.org's
 * GeoCoordinates, the open data and the browser's position are WGS-84. The conversion is gcoord's
 * (a maintained, dependency-free library): GCJ-02 → WGS-84 is an approximation, good to about a metre,
 * far below what “离我近” needs. Build side only: the browser gets the converted numbers.
 */
import gcoord from 'gcoord';
import type { VenueData } from './schema.ts';

type Geo = NonNullable<VenueData['geo']>;

/** Six decimals: about 0.1 m, as iCalendar's GEO allows. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function wgs84(geo: Geo): { lat: number; lng: number } {
  if (geo.datum === 'WGS-84') return { lat: geo.lat, lng: geo.lng };
  const [lng, lat] = gcoord.transform([geo.lng, geo.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat: round(lat), lng: round(lng) };
}
