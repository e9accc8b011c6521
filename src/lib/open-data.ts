/**
 * Open data beside the feeds: the JSON of /api/events.json and /api/observances.json, and the
 * items of /feed.xml. Pure shapes, documented field by field in docs/open-data.md — change a
 * field's meaning only with a new OPEN_DATA_VERSION. Every URL is absolute (from the site URL);
 * every time is the entry's own, never the build clock, so the bytes depend on the content,
 * `today` and the site URL only — not on the machine's time zone.
 */
import type { EventEntry, ObservanceEntry } from './model.ts';
import type { SiteQuery } from './query.ts';
import type { VocabName } from './schema.ts';
import { eventPageUrl, eventUid, icalStatus, observancePageUrl, observanceUid, sequenceOf, siteBase, zoned, DEFAULT_ZONE } from './ical-fields.ts';
import { markdownToPlainText, truncateText } from './plain-text.ts';
import { expandObservance, rruleForIcal } from './recurrence.ts';
import { formatRangeZh } from './dates.ts';
import { KIND_ZH, STATUS_ZH, placeLine, regionLabel } from './present.ts';
import { observanceYears, recentAndUpcoming } from './feeds.ts';

/** Version of the JSON shapes. Adding a field keeps it; renaming, removing or re-meaning one bumps it. */
export const OPEN_DATA_VERSION = 1;
/** Longest `description` (plain text, characters) in the JSON; the page has the rest. */
export const OPEN_DESCRIPTION_MAX = 200;
/** Items in /feed.xml. */
export const RSS_ITEMS = 50;

export interface OpenRef {
  id: string;
  name: string;
  /** The page on this site. */
  url: string;
}

export interface OpenLabel {
  id: string;
  label: string;
}

export interface OpenEvent {
  id: string;
  /** The iCalendar UID, the same in every feed; never changes. */
  uid: string;
  url: string;
  ics: string;
  title: string;
  titleEn?: string;
  kind: EventEntry['kind'];
  status: EventEntry['status'];
  /** CONFIRMED | TENTATIVE | CANCELLED, as in the iCal feeds. */
  icalStatus: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  summary?: string;
  description?: string;
  /** Local date (all day) or date-time, as written in the entry: 2026-09-12 or 2026-09-12T14:00. */
  start: string;
  end?: string;
  allDay: boolean;
  timezone: string;
  /** First and last local day, inclusive. */
  startDate: string;
  endDate: string;
  /** Timed entries: ISO 8601 with the zone's offset, 2026-09-12T14:00:00+08:00. */
  startTime?: string;
  endTime?: string;
  /** Human-readable time in Chinese: 2026年9月12日（星期六）14:00–16:30. */
  when: string;
  rrule?: string;
  previousStart?: string;
  organizer: OpenRef;
  coOrganizers: OpenRef[];
  venue?: OpenRef & { address?: string; geo?: { lat: number; lng: number } };
  address?: string;
  online?: string;
  region?: OpenLabel;
  /** One line: venue · district, or 线上. */
  place: string;
  topics: OpenLabel[];
  audiences: OpenLabel[];
  formats: OpenLabel[];
  observance?: OpenRef;
  campaign?: OpenRef & { year: number };
  registration?: EventEntry['registration'];
  officialUrl?: string;
  source?: EventEntry['source'];
  verified: boolean;
  note?: string;
  updated?: string;
  sequence: number;
}

export interface OpenEventsFile {
  version: number;
  /** The site's public URL. */
  site: string;
  /** The calendar date (Beijing) the data was built for. */
  built: string;
  count: number;
  events: OpenEvent[];
}

export interface OpenOccurrence {
  year: number;
  /** dated: the days are known; pending: announced each year and not yet known (待公布). */
  status: 'dated' | 'pending';
  start?: string;
  end?: string;
  /** True when the days come from the file's announced dates rather than the rule. */
  announced?: boolean;
  usual?: string;
  /** The UID of this year's VEVENT in the iCal feeds (observances listed year by year). */
  uid?: string;
}

export interface OpenObservance {
  id: string;
  /** The UID of the recurring VEVENT in the iCal feeds, when the observance has an RRULE. */
  uid?: string;
  url: string;
  ics: string;
  name: string;
  nameEn?: string;
  kind: ObservanceEntry['kind'];
  level: ObservanceEntry['level'];
  authority: string;
  established?: number;
  endedYear?: number;
  source: ObservanceEntry['source'];
  rule: ObservanceEntry['rule'];
  days?: number;
  usual?: string;
  /** The RRULE the iCal feed uses, when the rule is expressible as one. */
  rrule?: string;
  occurrences: OpenOccurrence[];
  topics: OpenLabel[];
  themes: Record<string, string>;
  aliases: string[];
  related: string[];
  /** 历史背景, plain text. */
  history?: string;
  verified: boolean;
  note?: string;
}

export interface OpenObservancesFile {
  version: number;
  site: string;
  built: string;
  /** Years the `occurrences` cover. */
  years: { from: number; to: number };
  count: number;
  observances: OpenObservance[];
}

// ---------------------------------------------------------------------------------------------

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function vocabLabels(q: SiteQuery, vocab: VocabName, ids: readonly string[]): OpenLabel[] {
  return ids.map((id) => ({ id, label: q.vocab[vocab].get(id)?.label ?? id }));
}

function organizerRef(q: SiteQuery, id: string, base: string): OpenRef {
  return { id, name: q.organizer.get(id)?.name ?? id, url: `${base}/organizers/${id}/` };
}

function isoInstant(local: string, zone: string): string {
  return zoned(local, zone).toISO({ suppressMilliseconds: true })!;
}

function plainDescription(body: string | undefined): string | undefined {
  const text = markdownToPlainText(body ?? '');
  return text ? truncateText(text, OPEN_DESCRIPTION_MAX) : undefined;
}

export function openEvent(e: EventEntry, q: SiteQuery, site: string): OpenEvent {
  const base = siteBase(site);
  const zone = e.timezone || DEFAULT_ZONE;
  const venue = e.venue ? q.venue.get(e.venue) : undefined;
  const obs = e.observance ? q.observance.get(e.observance) : undefined;
  const camp = e.campaign ? q.observance.get(e.campaign) : undefined;
  const year = Number(e.startDate.slice(0, 4));
  const region = e.regionId ? { id: e.regionId, label: regionLabel(q, e.regionId) ?? e.regionId } : undefined;
  return compact({
    id: e.id,
    uid: eventUid(e, site),
    url: eventPageUrl(e, site),
    ics: `${base}/events/${e.id}.ics`,
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
    when: formatRangeZh(e.start, e.end),
    rrule: e.rrule,
    previousStart: e.previousStart,
    organizer: organizerRef(q, e.organizer, base),
    coOrganizers: e.coOrganizers.map((id) => organizerRef(q, id, base)),
    venue: venue
      ? compact({ id: venue.id, name: venue.name, url: `${base}/venues/${venue.id}/`, address: venue.address, geo: venue.geo ? { lat: venue.geo.lat, lng: venue.geo.lng } : undefined })
      : undefined,
    address: e.address,
    online: e.online,
    region,
    place: placeLine(e, q),
    topics: vocabLabels(q, 'topics', e.topics),
    audiences: vocabLabels(q, 'audiences', e.audiences),
    formats: vocabLabels(q, 'formats', e.formats),
    observance: obs ? { id: obs.id, name: obs.name, url: observancePageUrl(obs, site) } : undefined,
    campaign: camp ? { id: camp.id, name: camp.name, url: `${base}/campaigns/${camp.id}/${year}/`, year } : undefined,
    registration: e.registration,
    officialUrl: e.url,
    source: e.source,
    verified: e.verified,
    note: e.note,
    updated: e.updated,
    sequence: sequenceOf(e),
  });
}

/** /api/events.json: every entry (activities, calls, deadlines; past and future), in start order. */
export function openEventsFile(q: SiteQuery, site: string, today: string): OpenEventsFile {
  return { ...openEventsHead(q, site, today), events: [...openEvents(q, site)] };
}

/** The fields of /api/events.json before `events`, which comes last. */
export function openEventsHead(q: SiteQuery, site: string, today: string): Omit<OpenEventsFile, 'events'> {
  return { version: OPEN_DATA_VERSION, site: siteBase(site), built: today, count: q.events.length };
}

/** The `events` of /api/events.json one at a time (the file is written piece by piece: 101 MB at 50,000 events). */
export function* openEvents(q: SiteQuery, site: string): Generator<OpenEvent> {
  for (const e of q.events) yield openEvent(e, q, site);
}

export function openObservance(o: ObservanceEntry, q: SiteQuery, site: string, years: { from: number; to: number }): OpenObservance {
  const base = siteBase(site);
  const rrule = rruleForIcal(o);
  const history = markdownToPlainText((o.body ?? '').split('\n').filter((l) => !/^\s{0,3}#{1,6}(\s|$)/.test(l)).join('\n'));
  return compact({
    id: o.id,
    uid: rrule ? observanceUid(o, site) : undefined,
    url: observancePageUrl(o, site),
    ics: `${base}/observances/${o.id}.ics`,
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
  return { version: OPEN_DATA_VERSION, site: siteBase(site), built: today, years, count: observances.length, observances };
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
  return zoned(e.updated ?? e.start, e.timezone || DEFAULT_ZONE).toMillis();
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
    const kind = e.kind === 'activity' ? '' : `【${KIND_ZH[e.kind]}】`;
    const status = e.status === 'scheduled' ? '' : `【${STATUS_ZH[e.status]}】`;
    const place = placeLine(e, q);
    const org = q.organizer.get(e.organizer)?.name;
    const lines = [`时间：${formatRangeZh(e.start, e.end)}`, place && `地点：${place}`, org && `主办：${org}`, e.summary].filter(Boolean);
    return {
      title: `${status}${kind}${e.title}`,
      link: eventPageUrl(e, site),
      // A Date from the instant (luxon, explicit zone), never from local fields: the same on every machine.
      pubDate: zoned(e.updated ?? e.start, e.timezone || DEFAULT_ZONE).toJSDate(),
      // Feed readers render the description as HTML: escape every line, break lines with <br>.
      description: lines.map((l) => escapeHtml(String(l))).join('<br>'),
      categories: vocabLabels(q, 'topics', e.topics).map((t) => t.label),
    };
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
