/**
 * Distances for “离我近” (issue 18): great-circle distance between two WGS-84 points (haversine) and
 * how it reads. Venue coordinates reach the browser already in WGS-84 (venue-geo.ts converts GCJ-02
 * at build time), and the browser's position is WGS-84 by the Geolocation spec, so both sides are in
 * one datum. Small: the /events/ script and the calendar island use it, and both ask for the
 * browser's position here (locate, quietLocate). The position never
 * leaves the browser.
 */

/** [latitude, longitude] in degrees, WGS-84. */
export type LatLng = readonly [number, number];

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Kilometres between two points along the Earth's surface. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b[0] - a[0]);
  const dLng = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 约 800 米, 约 3.2 公里, 约 45 公里. */
export function distanceLabel(km: number): string {
  if (km < 1) return `约 ${Math.max(100, Math.round(km * 10) * 100)} 米`;
  return km < 10 ? `约 ${km.toFixed(1)} 公里` : `约 ${Math.round(km)} 公里`;
}

/** The browser's position (the browser asks for permission if it has none). */
export function locate(): Promise<LatLng> {
  return new Promise((ok, fail) =>
    navigator.geolocation.getCurrentPosition(
      (p) => ok([p.coords.latitude, p.coords.longitude]),
      (e) => fail(e),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    ),
  );
}

/** With near=1 from a link: the position only if the browser already allows it (no prompt). */
export async function quietLocate(): Promise<LatLng | undefined> {
  try {
    const p = await navigator.permissions?.query({ name: 'geolocation' });
    if (p?.state === 'granted') return await locate();
  } catch {
    /* no position: lists keep their date order, and the chip says to tap */
  }
  return undefined;
}
