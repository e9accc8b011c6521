/**
 * A dense month's shard rows packed for the wire (calendar-dense.ts, ShardFile): each row an array,
 * the words rows repeat (vocabulary ids, region chains, places) numbered once per shard — a day of
 * a national 科普月 is ≈ 4 MB as plain rows, ≈ 1.5 MB packed. Packed at build time
 * (calendar-shards.ts), unpacked in the calendar island. Pure.
 */
import type { CalendarEvent } from './calendar-data.ts';
import { KIND_LABEL, STATUS_LABEL } from '../labels.ts';

/** Rows as arrays, the repeated words (vocabulary ids, region chains, places) numbered once. */
export interface PackedRows {
  topics: string[];
  audiences: string[];
  formats: string[];
  /** Region chains, nearest first (a district, its city, its province). */
  regions: string[][];
  places: string[];
  /**
   * [id, title, start, end ('' when none), flags, topics, audiences, formats, region (−1 none),
   * place (−1 none), other fields (0 when none)]. Flags: 1 all day, 2 online, 4 onsite, 8 free,
   * kind × 16, status × 64 (in the order of KIND_LABEL and STATUS_LABEL).
   */
  rows: PackedRow[];
}

export type PackedRow = [string, string, string, string, number, number[], number[], number[], number, number, Record<string, unknown> | 0];

const KINDS = Object.keys(KIND_LABEL) as CalendarEvent['kind'][];
const STATUSES = Object.keys(STATUS_LABEL) as CalendarEvent['status'][];
/** The fields a packed row holds in place; any other field of a row (added later) travels as it is. */
const PACKED = new Set(['id', 'title', 'start', 'end', 'allDay', 'kind', 'status', 'topics', 'audiences', 'formats', 'regions', 'online', 'onsite', 'free', 'place']);

/** Pack rows for a shard (build side). */
export function packRows(events: readonly CalendarEvent[]): PackedRows {
  const dicts = { topics: new Map<string, number>(), audiences: new Map<string, number>(), formats: new Map<string, number>(), regions: new Map<string, number>(), places: new Map<string, number>() };
  const out: PackedRows = { topics: [], audiences: [], formats: [], regions: [], places: [], rows: [] };
  const num = (k: 'topics' | 'audiences' | 'formats' | 'places', v: string) => {
    let i = dicts[k].get(v);
    if (i === undefined) dicts[k].set(v, (i = out[k].push(v) - 1));
    return i;
  };
  const chain = (c: string[]) => {
    if (!c.length) return -1;
    const key = c.join('>');
    let i = dicts.regions.get(key);
    if (i === undefined) dicts.regions.set(key, (i = out.regions.push(c) - 1));
    return i;
  };
  for (const e of events) {
    const flags = (e.allDay ? 1 : 0) | (e.online ? 2 : 0) | (e.onsite ? 4 : 0) | (e.free ? 8 : 0) | (KINDS.indexOf(e.kind) * 16) | (STATUSES.indexOf(e.status) * 64);
    const other = Object.fromEntries(Object.entries(e).filter(([k]) => !PACKED.has(k)));
    out.rows.push([
      e.id, e.title, e.start, e.end ?? '', flags,
      e.topics.map((v) => num('topics', v)), e.audiences.map((v) => num('audiences', v)), e.formats.map((v) => num('formats', v)),
      chain(e.regions), e.place ? num('places', e.place) : -1, Object.keys(other).length ? other : 0,
    ]);
  }
  return out;
}

/** The rows of a shard as the calendar uses them (browser side). */
export function unpackRows(p: PackedRows): CalendarEvent[] {
  return p.rows.map(([id, title, start, end, flags, topics, audiences, formats, region, place, other]) => {
    const e: CalendarEvent = {
      id, title, start,
      ...(end ? { end } : {}),
      allDay: (flags & 1) !== 0,
      kind: KINDS[(flags >> 4) & 3]!,
      status: STATUSES[(flags >> 6) & 7]!,
      topics: topics.map((i) => p.topics[i]!),
      audiences: audiences.map((i) => p.audiences[i]!),
      formats: formats.map((i) => p.formats[i]!),
      regions: region >= 0 ? p.regions[region]! : [],
      online: (flags & 2) !== 0,
      onsite: (flags & 4) !== 0,
      free: (flags & 8) !== 0,
      ...(place >= 0 ? { place: p.places[place]! } : {}),
    };
    return other ? { ...e, ...other } : e;
  });
}
