/**
 * The values an event carries into a calendar — UID, SEQUENCE, stamps, title, place, description —
 * computed once here and shared by the iCal feeds (ical.ts) and the "add to Google / Outlook" links
 * (ical-links.ts). Pure: instants from wall times in explicit zones (src/lib/time/zones.ts), so
 * nothing depends on the machine's TZ, and nothing reads the clock — every time comes from the entry.
 */
import type { EventEntry, ObservanceEntry, OrganizerEntry, VenueEntry } from '../content/model.ts';
import type { VocabEntry } from '../content/schema.ts';
import { cleanText, markdownToPlainText, truncateText } from '../content/plain-text.ts';
import { SITE_ZONE, zonedInstant } from '../time/zones.ts';
import { absolute, eventUrl, siteHost } from '../urls.ts';
import { eventFacts } from '../views/event-facts.ts';
import type { NameSources } from '../views/present.ts';
import { wgs84 } from '../content/venue-geo.ts';

/** What a feed or a link may look up beside the events themselves. */
export interface FeedLookups {
  organizers: Map<string, OrganizerEntry>;
  venues: Map<string, VenueEntry>;
  observances?: Map<string, ObservanceEntry>;
  regions?: Map<string, VocabEntry>;
  topics?: Map<string, VocabEntry>;
}

/** SEQUENCE derived from `updated` counts minutes from this instant (2024-01-01T00:00Z). */
export const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);

// ---------------------------------------------------------------------------------------------
// identity
// ---------------------------------------------------------------------------------------------

/** `${id}@${host}`: from the entry id only, so a new title or date never duplicates the event. */
export function eventUid(e: { id: string }, site: string): string {
  return `${e.id}@${siteHost(site)}`;
}

/** `obs-${id}-${year}@host` for one year's dates, `obs-${id}@host` for a recurring series. */
export function observanceUid(o: { id: string }, site: string, year?: number): string {
  return `obs-${o.id}${year === undefined ? '' : `-${year}`}@${siteHost(site)}`;
}

// ---------------------------------------------------------------------------------------------
// time
// ---------------------------------------------------------------------------------------------

function zoneOf(e: Pick<EventEntry, 'timezone'>): string {
  return e.timezone || SITE_ZONE;
}

/** The instant an event starts (all-day events: local midnight of the first day). */
export function startInstant(e: Pick<EventEntry, 'start' | 'timezone'>): Date {
  return zonedInstant(e.start, zoneOf(e), 'start');
}

/**
 * SEQUENCE: the explicit `sequence` field when given; otherwise minutes from 2024-01-01T00:00Z to
 * `updated` (so every later edit that bumps `updated` raises it); otherwise 0 — or 1 for an entry
 * whose status is no longer `scheduled`, so a cancellation without `updated` still outranks the
 * original. Never from the build clock.
 */
export function sequenceOf(e: Pick<EventEntry, 'sequence' | 'updated' | 'timezone' | 'status'>): number {
  if (e.sequence !== undefined) return e.sequence;
  if (e.updated) {
    const ms = zonedInstant(e.updated, zoneOf(e), 'updated').getTime();
    return Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / 60_000));
  }
  return e.status && e.status !== 'scheduled' ? 1 : 0;
}

/**
 * DTSTAMP: `updated` (local time in the event's zone) in UTC; without `updated`, a fixed function of
 * the entry — its start — so the bytes are the same on every build.
 */
export function stampOf(e: Pick<EventEntry, 'updated' | 'start' | 'timezone'>): Date {
  return zonedInstant(e.updated ?? e.start, zoneOf(e), e.updated ? 'updated' : 'start');
}

/** LAST-MODIFIED: only when the entry says when it changed. */
export function lastModifiedOf(e: Pick<EventEntry, 'updated' | 'timezone'>): Date | undefined {
  return e.updated ? zonedInstant(e.updated, zoneOf(e), 'updated') : undefined;
}

/** `2026-09-12T14:00` → `2026-09-12 14:00`; dates stay as they are. */
export function showLocal(local: string): string {
  return local.replace('T', ' ');
}

// ---------------------------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------------------------

/** True when a postponed event already carries its new dates (its start moved from previousStart). */
export function hasNewDates(e: Pick<EventEntry, 'status' | 'previousStart' | 'start'>): boolean {
  return e.status === 'postponed' && !!e.previousStart && e.previousStart !== e.start;
}

/** iCal STATUS: cancelled stays in the feed as CANCELLED; unknown new dates and unverified facts are TENTATIVE. */
export function icalStatus(e: Pick<EventEntry, 'status' | 'previousStart' | 'start' | 'verified'>): 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' {
  if (e.status === 'cancelled') return 'CANCELLED';
  if (e.status === 'postponed' && !hasNewDates(e)) return 'TENTATIVE';
  return e.verified === false ? 'TENTATIVE' : 'CONFIRMED';
}

/** A loud prefix for the title: many calendar apps ignore STATUS, nobody ignores the title. */
export function statusPrefix(e: Pick<EventEntry, 'status' | 'previousStart' | 'start'>): string {
  switch (e.status) {
    case 'cancelled':
      return '【已取消】';
    case 'postponed':
      return hasNewDates(e) ? '【已改期】' : '【延期】';
    case 'moved-online':
      return '【改为线上】';
    default:
      return '';
  }
}

/** One sentence explaining the status, first in the description. */
export function statusNote(e: Pick<EventEntry, 'status' | 'previousStart' | 'start' | 'online'>): string | undefined {
  switch (e.status) {
    case 'cancelled':
      return '本活动已取消。';
    case 'postponed':
      if (hasNewDates(e)) return `本活动已改期：原定 ${showLocal(e.previousStart!)}，改为 ${showLocal(e.start)}。`;
      return e.previousStart
        ? `本活动已延期（原定 ${showLocal(e.previousStart)}），新时间以主办方公布为准。`
        : '本活动已延期，新时间以主办方公布为准。';
    case 'moved-online':
      return e.online ? `本活动改为线上举办：${e.online}` : '本活动改为线上举办，参加方式见活动页面。';
    // Stryker disable next-line ConditionalExpression: equivalent — without the default case the function returns undefined all the same
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// text fields
// ---------------------------------------------------------------------------------------------

/** One-line text: control characters removed, line breaks turned into spaces. */
export function oneLineText(s: string): string {
  return cleanText(s).replace(/\s*\n\s*/g, ' ').trim();
}

/** SUMMARY: the title, with the status prefix. */
export function eventTitle(e: EventEntry): string {
  return statusPrefix(e) + oneLineText(e.title);
}

/** The place as one line: venue name + address, or the address, or the online URL. */
export function eventLocation(e: EventEntry, lookups: Pick<FeedLookups, 'venues'>): string | undefined {
  const venue = e.venue ? lookups.venues.get(e.venue) : undefined;
  const place = [venue?.name, e.address ?? venue?.address].filter((s): s is string => !!s).map(oneLineText);
  // An address that already starts with the venue name would repeat it.
  if (place.length === 2 && place[1]!.startsWith(place[0]!)) place.shift();
  const offline = place.length > 0 ? place.join('，') : undefined;
  if (e.status === 'moved-online') return e.online ?? offline;
  return offline ?? e.online;
}

/** Venue coordinates in WGS-84 (GEO's datum; venue-geo.ts converts GCJ-02), unless the event left the venue. */
export function eventGeo(e: EventEntry, lookups: Pick<FeedLookups, 'venues'>): { lat: number; lon: number } | undefined {
  if (e.status === 'moved-online' || !e.venue) return undefined;
  const g = lookups.venues.get(e.venue)?.geo;
  if (!g) return undefined;
  const w = wgs84(g);
  return { lat: w.lat, lon: w.lng };
}

export interface DescriptionOptions {
  /** Longest body text kept, in characters (the page has the rest); 0 leaves the body out. */
  bodyMax: number;
}

/**
 * DESCRIPTION as plain text: status note, summary, the body with Markdown stripped, then the
 * practical lines from eventFacts (organizer, online link, registration, the registry's generic
 * fields, official page, related observance) and the page URL last.
 */
export function eventDescription(e: EventEntry, lookups: FeedLookups, site: string, opts: DescriptionOptions): string {
  const blocks: string[] = [];
  const note = statusNote(e);
  if (note) blocks.push(note);
  if (e.summary) blocks.push(oneLineText(e.summary));
  const body = opts.bodyMax > 0 ? markdownToPlainText(e.body ?? '') : '';
  if (body) blocks.push(truncateText(body, opts.bodyMax));

  const f = eventFacts(e, nameSources(lookups));
  const facts: string[] = [];
  if (f.organizer.known) facts.push(`主办：${oneLineText(f.organizer.name)}`);
  const co = f.coOrganizers.filter((o) => o.known).map((o) => oneLineText(o.name));
  if (co.length) facts.push(`协办：${co.join('、')}`);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — a moved-online event's location is its link, so the last test already leaves it out
  if (e.online && e.status !== 'moved-online' && eventLocation(e, lookups) !== e.online) facts.push(`线上：${e.online}`);
  const reg = f.registration;
  if (reg?.url) facts.push(`报名：${reg.url}`);
  else if (reg?.view.state === 'required') facts.push('需要报名');
  if (reg?.deadline) facts.push(`报名截止：${showLocal(reg.deadline)}`);
  if (reg?.note) facts.push(`报名说明：${oneLineText(reg.note)}`);
  for (const x of f.extra) facts.push(`${x.label}：${oneLineText(x.text)}`);
  if (e.url) facts.push(`官方页面：${e.url}`);
  if (f.observance) facts.push(`相关纪念日：${oneLineText(f.observance.name)}`);
  if (e.verified === false) facts.push('注：本条信息尚待核实，请以主办方发布为准。');
  facts.push(`详情：${absolute(site, eventUrl(e.id))}`);
  blocks.push(facts.join('\n'));
  return blocks.join('\n\n');
}

const sourcesCache = new WeakMap<FeedLookups, NameSources>();

/** A feed's lookups as the names eventFacts reads (one object per lookups, as feeds share them). */
function nameSources(l: FeedLookups): NameSources {
  let s = sourcesCache.get(l);
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: a cache (one object per lookups); always rebuilding gives the same names
  if (!s) sourcesCache.set(l, (s = { organizer: l.organizers, venue: l.venues, observance: l.observances, vocab: { regions: l.regions, topics: l.topics } }));
  return s;
}

/** CATEGORIES: topic labels (ids when no vocabulary is given). */
export function topicLabels(ids: readonly string[], topics?: Map<string, VocabEntry>): string[] {
  return ids.map((id) => oneLineText(topics?.get(id)?.label ?? id)).filter(Boolean);
}
