/**
 * Open data beside the feeds: the JSON of /api/events.json and /api/observances.json, and the
 * items of /feed.xml, in the shapes of open-data-shapes.ts (documented field by field in
 * docs/open-data.md — change a field's meaning only with a new OPEN_DATA_VERSION). Every URL is absolute (from the site URL);
 * every time is the entry's own, never the build clock, so the bytes depend on the content,
 * `today` and the site URL only — not on the machine's time zone.
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { OpenEvent, OpenEventsIndex, OpenEventsPart, OpenLabel, OpenObservance, OpenObservancesFile, OpenOccurrence, OpenRef } from './open-data-shapes.ts';
import type { SiteQuery } from '../content/query.ts';
import type { VocabName } from '../content/schema.ts';
import { eventUid, icalStatus, observanceUid, sequenceOf } from '../ical/ical-fields.ts';
import { absolute, eventFeedUrl, eventUrl, facetUrl, observanceFeedUrl, observanceUrl, openEventsPartUrl, siteBase } from '../urls.ts';
import { offsetIso, SITE_ZONE, zonedInstant } from '../time/zones.ts';
import { markdownToPlainText, truncateText } from '../content/plain-text.ts';
import { expandObservance } from '../time/recurrence.ts';
import { rruleForIcal } from '../time/recurrence-rrule.ts';
import { formatRangeZh } from '../time/labels.ts';
import { KIND_LABEL, STATUS_LABEL } from '../labels.ts';
import { eventFacts, type LabelledRef, type NamedRef } from './event-facts.ts';
import { placeLine } from './present.ts';
import { recentAndUpcoming } from '../ical/feeds.ts';
import { observanceYears } from '../ical/observance-feeds.ts';
import { wgs84 } from '../content/venue-geo.ts';

/**
 * Version of the JSON shapes. Adding a field keeps it; renaming, removing or re-meaning one bumps it.
 * 2 (issue 21): /api/events.json is an index of monthly files (/api/events/2026-09.json …), each
 * shaped as version 1's whole file; /api/observances.json is unchanged and says 1.
 */
export const OPEN_DATA_VERSION = 2;
export const OPEN_OBSERVANCES_VERSION = 1;
/**
 * Most entries in one file of /api/events/. Why 5,000: an entry is ≈ 2 KB of JSON, so a part is
 * ≈ 10 MB, under the 20 MB every file of the site stays within (issue 21), and a spreadsheet or a
 * script reads it at once.
 */
export const OPEN_DATA_PART_EVENTS = 5000;
/** Longest `description` (plain text, characters) in the JSON; the page has the rest. */
export const OPEN_DESCRIPTION_MAX = 200;
/** Items in /feed.xml. */
export const RSS_ITEMS = 50;

// ---------------------------------------------------------------------------------------------

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function vocabLabels(q: SiteQuery, vocab: VocabName, ids: readonly string[]): OpenLabel[] {
  return ids.map((id) => ({ id, label: q.vocab[vocab].get(id)?.label ?? id }));
}


function isoInstant(local: string, zone: string): string {
  return offsetIso(local, zone);
}

function plainDescription(body: string | undefined): string | undefined {
  const text = markdownToPlainText(body ?? '');
  return text ? truncateText(text, OPEN_DESCRIPTION_MAX) : undefined;
}

export function openEvent(e: EventEntry, q: SiteQuery, site: string): OpenEvent {
  const zone = e.timezone || SITE_ZONE;
  const f = eventFacts(e, q);
  const venue = f.venue;
  const ref = (r: NamedRef): OpenRef => ({ id: r.id, name: r.name, url: absolute(site, r.href) });
  const label = (r: LabelledRef): OpenLabel => ({ id: r.id, label: r.label });
  return compact({
    id: e.id,
    uid: eventUid(e, site),
    url: absolute(site, eventUrl(e.id)),
    ics: absolute(site, eventFeedUrl(e.id)),
    title: e.title,
    titleEn: e.titleEn,
    kind: e.kind,
    status: e.status,
    icalStatus: icalStatus(e),
    summary: e.summary,
    description: plainDescription(e.body),
    start: e.start,
    end: e.end,
    allDay: e.allDay,
    timezone: zone,
    startDate: e.startDate,
    endDate: e.endDate,
    startTime: e.allDay ? undefined : isoInstant(e.start, zone),
    endTime: e.allDay || !e.end ? undefined : isoInstant(e.end, zone),
    when: f.when,
    rrule: e.rrule,
    previousStart: e.previousStart,
    organizer: ref(f.organizer),
    coOrganizers: f.coOrganizers.map(ref),
    venue: venue
      ? compact({ id: venue.id, name: venue.name, url: absolute(site, facetUrl('venues', venue.id)), address: venue.address, geo: venue.geo ? wgs84(venue.geo) : undefined })
      : undefined,
    address: e.address,
    online: e.online,
    region: f.region && label(f.region),
    place: placeLine(e, q),
    topics: f.vocab.topics.map(label),
    audiences: f.vocab.audiences.map(label),
    formats: f.vocab.formats.map(label),
    observance: f.observance && ref(f.observance),
    campaign: f.campaign && { ...ref(f.campaign), year: f.campaign.year },
    registration: e.registration,
    // The field registry's generic fields, as written (ageMin, ageMax …; event-fields.ts).
    ...Object.assign({}, ...f.extra.map((x) => x.values)),
    officialUrl: e.url,
    source: e.source,
    verified: e.verified,
    note: e.note,
    updated: e.updated,
    sequence: sequenceOf(e),
  });
}

/** The entries of one file of /api/events/: its month, its part, its entries (in start order). */
export interface OpenEventsSlice {
  month: string;
  part: number;
  path: string;
  events: EventEntry[];
}

/** Every entry by start month, months of more than `size` entries in numbered parts. */
export function openEventSlices(q: SiteQuery, size = OPEN_DATA_PART_EVENTS): OpenEventsSlice[] {
  const byMonth = new Map<string, EventEntry[]>();
  for (const e of q.events) {
    const m = e.startDate.slice(0, 7);
    (byMonth.get(m) ?? byMonth.set(m, []).get(m)!).push(e);
  }
  const out: OpenEventsSlice[] = [];
  for (const [month, list] of [...byMonth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (let i = 0, part = 1; i < list.length; i += size, part++) out.push({ month, part, path: openEventsPartUrl(month, part), events: list.slice(i, i + size) });
  }
  return out;
}

/** /api/events.json: the index of the monthly files (version 2). */
export function openEventsIndex(q: SiteQuery, site: string, today: string, slices = openEventSlices(q)): OpenEventsIndex {
  return {
    version: OPEN_DATA_VERSION,
    site: siteBase(site),
    built: today,
    count: q.events.length,
    partSize: OPEN_DATA_PART_EVENTS,
    files: slices.map((s) => ({ month: s.month, part: s.part, url: absolute(site, s.path), count: s.events.length })),
  };
}

/** One file of /api/events/ as a whole value (the site writes it piece by piece: openEventsPartHead, openEvents). */
export function openEventsPart(s: OpenEventsSlice, q: SiteQuery, site: string, today: string): OpenEventsPart {
  return { ...openEventsPartHead(s, site, today), events: [...openEvents(s.events, q, site)] };
}

/** The fields of a file of /api/events/ before `events`, which comes last. */
export function openEventsPartHead(s: OpenEventsSlice, site: string, today: string): Omit<OpenEventsPart, 'events'> {
  return { version: OPEN_DATA_VERSION, site: siteBase(site), built: today, month: s.month, part: s.part, count: s.events.length };
}

/** The entries one at a time (a file is written piece by piece). */
export function* openEvents(list: readonly EventEntry[], q: SiteQuery, site: string): Generator<OpenEvent> {
  for (const e of list) yield openEvent(e, q, site);
}

export function openObservance(o: ObservanceEntry, q: SiteQuery, site: string, years: { from: number; to: number }): OpenObservance {
  const rrule = rruleForIcal(o);
  const history = markdownToPlainText((o.body ?? '').split('\n').filter((l) => !/^\s{0,3}#{1,6}(\s|$)/.test(l)).join('\n'));
  return compact({
    id: o.id,
    uid: rrule ? observanceUid(o, site) : undefined,
    url: absolute(site, observanceUrl(o.id)),
    ics: absolute(site, observanceFeedUrl(o.id)),
    name: o.name,
    nameEn: o.nameEn,
    kind: o.kind,
    level: o.level,
    authority: o.authority,
    established: o.established,
    endedYear: o.endedYear,
    source: o.source,
    rule: o.rule,
    days: o.days,
    usual: o.usual,
    rrule,
    occurrences: expandObservance(o, years.from, years.to).map((occ) =>
      occ.status === 'dated'
        ? compact({ year: occ.year, status: occ.status, start: occ.start, end: occ.end, announced: occ.announced, uid: rrule ? undefined : observanceUid(o, site, occ.year) })
        : compact({ year: occ.year, status: occ.status, usual: occ.usual }),
    ),
    topics: vocabLabels(q, 'topics', o.topics ?? []),
    themes: Object.fromEntries(Object.entries(o.themes ?? {}).map(([y, t]) => [y, t.text])),
    aliases: o.aliases ?? [],
    related: o.related ?? [],
    history: history || undefined,
    verified: o.verified !== false,
    note: o.note,
  });
}

/** /api/observances.json: every observance, with its dates from last year to two years ahead. */
export function openObservancesFile(q: SiteQuery, site: string, today: string): OpenObservancesFile {
  const years = observanceYears(today);
  const observances = [...q.content.observances]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((o) => openObservance(o, q, site, years));
  return { version: OPEN_OBSERVANCES_VERSION, site: siteBase(site), built: today, years, count: observances.length, observances };
}

// ---------------------------------------------------------------------------------------------
// RSS
// ---------------------------------------------------------------------------------------------

export interface RssItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/**
 * The instant an entry counts as published: its `updated` time, else its start — the only dates an
 * entry carries (files have no creation date). Local times in the entry's zone.
 */
function publishedKey(e: EventEntry): number {
  return zonedInstant(e.updated ?? e.start, e.timezone || SITE_ZONE).getTime();
}

/**
 * /feed.xml: the newest entries — by `updated`, else by start — among those not over for more
 * than 90 days, at most `limit`. Calls and deadlines included (marked 【征集】/【截止】). `events`
 * narrows it to one listing (/topics/<id>/feed.xml …); each entry once.
 */
export function rssItems(q: SiteQuery, today: string, site: string, limit = RSS_ITEMS, events: readonly EventEntry[] = q.events): RssItem[] {
  const seen = new Set<string>();
  const once = events.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
  const keyed = recentAndUpcoming(once, today).map((e) => ({ e, key: publishedKey(e) }));
  keyed.sort((a, b) => b.key - a.key || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  return keyed.slice(0, limit).map(({ e }) => {
    const kind = e.kind === 'activity' ? '' : `【${KIND_LABEL[e.kind]}】`;
    const status = e.status === 'scheduled' ? '' : `【${STATUS_LABEL[e.status]}】`;
    const place = placeLine(e, q);
    const org = q.organizer.get(e.organizer)?.name;
    const lines = [`时间：${formatRangeZh(e.start, e.end)}`, place && `地点：${place}`, org && `主办：${org}`, e.summary].filter(Boolean);
    return {
      title: `${status}${kind}${e.title}`,
      link: absolute(site, eventUrl(e.id)),
      // A Date from the instant (explicit zone), never from local fields: the same on every machine.
      pubDate: zonedInstant(e.updated ?? e.start, e.timezone || SITE_ZONE),
      // Feed readers render the description as HTML: escape every line, break lines with <br>.
      description: lines.map((l) => escapeHtml(String(l))).join('<br>'),
      categories: vocabLabels(q, 'topics', e.topics).map((t) => t.label),
    };
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
