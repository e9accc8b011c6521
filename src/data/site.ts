/**
 * The site's data, read once per build from the content collections and indexed by src/lib/query.ts.
 * Every page calls getSite(); nothing else calls getCollection().
 */
import { getCollection } from 'astro:content';
import type { ContentSet, EventEntry, ObservanceEntry, OrganizerEntry, VenueEntry, Vocabularies } from '../lib/model.ts';
import { buildQuery, type SiteQuery } from '../lib/query.ts';
import { buildToday, siteUrl } from '../site-config.ts';

export interface Site {
  q: SiteQuery;
  /** Calendar date (Asia/Shanghai) the build considers "today". */
  today: string;
  /** Public URL without trailing slash. */
  url: string;
}

let cached: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Site> {
  const [events, observances, organizers, venues, vocab] = await Promise.all([
    getCollection('events'),
    getCollection('observances'),
    getCollection('organizers'),
    getCollection('venues'),
    getCollection('vocab'),
  ]);
  const content: ContentSet = {
    events: events.map((e) => e.data as unknown as EventEntry),
    observances: observances.map((e) => e.data as unknown as ObservanceEntry),
    organizers: organizers.map((e) => e.data as unknown as OrganizerEntry),
    venues: venues.map((e) => e.data as unknown as VenueEntry),
    vocab: Object.fromEntries(vocab.map((v) => [v.id, (v.data as { entries: unknown }).entries])) as Vocabularies,
  };
  for (const k of ['topics', 'audiences', 'formats', 'regions'] as const) content.vocab[k] ??= [];
  return { q: buildQuery(content), today: buildToday(), url: siteUrl() };
}
