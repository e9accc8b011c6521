/**
 * 我的收藏 (issue 18): events a reader stars, kept in the browser's localStorage — no account,
 * nothing sent. Each favourite keeps what the 我的收藏 page shows without fetching anything (title,
 * time, place); the one-time .ics download joins the events' own published files (/events/<id>.ics)
 * into one calendar, so there is no second iCalendar writer. Pure: the browser code
 * (src/components/favorites/) passes storage text and fetched files in.
 */

/** The localStorage key. */
export const FAVORITES_KEY = 'kepu-favorites';
/** More would make the .ics download a hundred requests; a reader with that many wants a feed. */
export const FAVORITES_MAX = 200;

export interface Favorite {
  id: string;
  title: string;
  /** As on the event's card: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  start: string;
  end?: string;
  /** 中国科学技术馆 · 北京市朝阳区 */
  place?: string;
}

const ID_RE = /^[a-z0-9][a-z0-9-]{0,127}$/;
const WHEN_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/** A stored value → the favourites it holds; anything malformed (another site's data, a hand edit) is dropped. */
export function readFavorites(raw: string | null | undefined): Favorite[] {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: Favorite[] = [];
  const seen = new Set<string>();
  for (const x of data) {
    if (!x || typeof x !== 'object') continue;
    const f = x as Record<string, unknown>;
    if (typeof f.id !== 'string' || !ID_RE.test(f.id) || seen.has(f.id)) continue;
    if (typeof f.title !== 'string' || typeof f.start !== 'string' || !WHEN_RE.test(f.start)) continue;
    seen.add(f.id);
    out.push({
      id: f.id,
      title: f.title.slice(0, 200),
      start: f.start,
      ...(typeof f.end === 'string' && WHEN_RE.test(f.end) ? { end: f.end } : {}),
      ...(typeof f.place === 'string' && f.place ? { place: f.place.slice(0, 200) } : {}),
    });
  }
  return out.slice(0, FAVORITES_MAX);
}

export function writeFavorites(list: readonly Favorite[]): string {
  return JSON.stringify(list.slice(0, FAVORITES_MAX));
}

export function isFavorite(list: readonly Favorite[], id: string): boolean {
  return list.some((f) => f.id === id);
}

/** Add (newest details win) or remove one. */
export function toggleFavorite(list: readonly Favorite[], fav: Favorite): Favorite[] {
  return isFavorite(list, fav.id) ? list.filter((f) => f.id !== fav.id) : [...list, fav].slice(-FAVORITES_MAX);
}

/** By start, then title: the order of the 我的收藏 page. */
export function sortFavorites(list: readonly Favorite[]): Favorite[] {
  return [...list].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title.localeCompare(b.title, 'zh')));
}

/** The last day of a favourite (for greying past ones). */
export function favoriteEndDate(f: Favorite): string {
  return (f.end ?? f.start).slice(0, 10);
}

/** The lines of a component (`BEGIN:<name>` … `END:<name>`) in an iCalendar text, each block as it is. */
function blocks(ics: string, name: string): string[] {
  const lines = ics.split(/\r\n/);
  const out: string[] = [];
  let cur: string[] | undefined;
  for (const line of lines) {
    if (line === `BEGIN:${name}`) cur = [line];
    else if (cur) {
      cur.push(line);
      if (line === `END:${name}`) {
        out.push(cur.join('\r\n'));
        cur = undefined;
      }
    }
  }
  return out;
}

/**
 * The events' own .ics files joined into one calendar: each file's VEVENTs as published (UIDs
 * unchanged, so a calendar that imported one before recognises it), each time zone once. Lines
 * are copied whole, so their folding and escaping stay the site's.
 */
export function joinCalendars(files: readonly string[], name: string): string {
  const prodid = /\r\nPRODID:[^\r\n]*/.exec(files[0] ?? '')?.[0].slice(2) ?? 'PRODID:-//kepu-calendar//Kepu Calendar//ZH';
  const zones = new Map<string, string>();
  const events: string[] = [];
  for (const f of files) {
    for (const z of blocks(f, 'VTIMEZONE')) {
      const tzid = /\r\nTZID:([^\r\n]*)/.exec(z)?.[1] ?? z;
      if (!zones.has(tzid)) zones.set(tzid, z);
    }
    events.push(...blocks(f, 'VEVENT'));
  }
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', prodid, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${name}`];
  return [...head, ...zones.values(), ...events, 'END:VCALENDAR', ''].join('\r\n');
}
