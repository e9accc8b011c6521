/**
 * The one query module: indexes over the content, built once per build (O(n)), so that no page
 * scans all events. Pages ask `q.byTopic.get(id)` etc. Pure: `today` is passed in where it matters.
 */
import type { ContentSet, EventEntry, ObservanceEntry, OrganizerEntry, VenueEntry } from './model.ts';
import type { VocabEntry, VocabName } from './schema.ts';
import { monthsCovered } from '../time/days.ts';

export interface SiteQuery {
  content: ContentSet;
  /** All events, sorted by start then id. */
  events: EventEntry[];
  event: Map<string, EventEntry>;
  organizer: Map<string, OrganizerEntry>;
  venue: Map<string, VenueEntry>;
  observance: Map<string, ObservanceEntry>;
  vocab: Record<VocabName, Map<string, VocabEntry>>;
  byTopic: Map<string, EventEntry[]>;
  byAudience: Map<string, EventEntry[]>;
  byFormat: Map<string, EventEntry[]>;
  /** A district's events also appear under its city and province. */
  byRegion: Map<string, EventEntry[]>;
  /** Organizer and co-organizer. */
  byOrganizer: Map<string, EventEntry[]>;
  byVenue: Map<string, EventEntry[]>;
  byObservance: Map<string, EventEntry[]>;
  /** Key `${campaignId}/${year}`. */
  byCampaignYear: Map<string, EventEntry[]>;
  /** Key `YYYY-MM`: events overlapping that month. */
  byMonth: Map<string, EventEntry[]>;
  /** Key `YYYY`: events touching that year (a year-end span is in both). */
  byYear: Map<string, EventEntry[]>;
}

export function compareEvents(a: EventEntry, b: EventEntry): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function push<K>(m: Map<K, EventEntry[]>, k: K, e: EventEntry) {
  const list = m.get(k);
  if (list) list.push(e);
  else m.set(k, [e]);
}

export function buildQuery(content: ContentSet): SiteQuery {
  const events = [...content.events].sort(compareEvents);
  const vocab = Object.fromEntries(
    Object.entries(content.vocab).map(([k, list]) => [k, new Map(list.map((v) => [v.id, v]))]),
  ) as SiteQuery['vocab'];
  const q: SiteQuery = {
    content,
    events,
    event: new Map(events.map((e) => [e.id, e])),
    organizer: new Map(content.organizers.map((o) => [o.id, o])),
    venue: new Map(content.venues.map((v) => [v.id, v])),
    observance: new Map(content.observances.map((o) => [o.id, o])),
    vocab,
    byTopic: new Map(),
    byAudience: new Map(),
    byFormat: new Map(),
    byRegion: new Map(),
    byOrganizer: new Map(),
    byVenue: new Map(),
    byObservance: new Map(),
    byCampaignYear: new Map(),
    byMonth: new Map(),
    byYear: new Map(),
  };
  const regionChain = (id: string | undefined): string[] => {
    const out: string[] = [];
    for (let cur = id, guard = 0; cur && guard < 5; guard++) {
      out.push(cur);
      cur = vocab.regions.get(cur)?.parent;
    }
    return out;
  };
  for (const e of events) {
    e.topics.forEach((t) => push(q.byTopic, t, e));
    e.audiences.forEach((t) => push(q.byAudience, t, e));
    e.formats.forEach((t) => push(q.byFormat, t, e));
    regionChain(e.regionId).forEach((r) => push(q.byRegion, r, e));
    push(q.byOrganizer, e.organizer, e);
    e.coOrganizers.forEach((o) => o !== e.organizer && push(q.byOrganizer, o, e));
    if (e.venue) push(q.byVenue, e.venue, e);
    if (e.observance) push(q.byObservance, e.observance, e);
    if (e.campaign) push(q.byCampaignYear, `${e.campaign}/${e.startDate.slice(0, 4)}`, e);
    monthsCovered(e.startDate, e.endDate).forEach((m) => push(q.byMonth, m, e));
    // An event spanning a year end belongs to both years' archives.
    for (let y = Number(e.startDate.slice(0, 4)); y <= Number(e.endDate.slice(0, 4)); y++) push(q.byYear, String(y), e);
  }
  return q;
}

/** Events not yet over on `today` (ongoing or future), in start order. */
export function upcoming(list: EventEntry[], today: string): EventEntry[] {
  return list.filter((e) => e.endDate >= today);
}

/** Events that ended before `today`, newest first. */
export function past(list: EventEntry[], today: string): EventEntry[] {
  return list.filter((e) => e.endDate < today).reverse();
}

/** Split into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(list: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size));
  return pages.length ? pages : [[]];
}
