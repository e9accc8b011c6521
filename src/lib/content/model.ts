/**
 * The normalised content the site works with, after validation: vocabulary labels resolved to ids,
 * regions inherited from venues, and times computed once. Pure types and small helpers.
 */
import type { EventData, ObservanceData, OrganizerData, VenueData, VocabEntry, VocabName } from './schema.ts';

export interface EventEntry extends EventData {
  /** URL slug: the file name without extension; unique across years. */
  id: string;
  /** Repository-relative source file. */
  file: string;
  /** Markdown description. */
  body: string;
  /** Region id: the event's own, else its venue's, else its organizer's. */
  regionId?: string;
  /** True when `start` is a bare date. */
  allDay: boolean;
  /** First local day (YYYY-MM-DD). */
  startDate: string;
  /** Last local day, inclusive (YYYY-MM-DD). */
  endDate: string;
}

export interface ObservanceEntry extends ObservanceData {
  id: string;
  file: string;
  /** 历史背景 (Markdown). */
  body: string;
}

export interface OrganizerEntry extends OrganizerData {
  id: string;
  file: string;
}

export interface VenueEntry extends VenueData {
  id: string;
  file: string;
}

export type Vocabularies = Record<VocabName, VocabEntry[]>;

export interface ContentSet {
  events: EventEntry[];
  observances: ObservanceEntry[];
  organizers: OrganizerEntry[];
  venues: VenueEntry[];
  vocab: Vocabularies;
}

export function emptyContent(): ContentSet {
  return { events: [], observances: [], organizers: [], venues: [], vocab: { topics: [], audiences: [], formats: [], regions: [] } };
}
