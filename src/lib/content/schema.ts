/**
 * The content model of Kepu Calendar — the single source of truth.
 *
 * Used by the site (src/content.config.ts), the validator (scripts/validate.ts), the importer,
 * the scaffold, the browser form (/submit/) and the tests. Every field carries one JSDoc line:
 * that line is the contributors' field guide (CONTRIBUTING.md and the generated JSON Schemas quote it).
 *
 * The schemas check the *shape* of one file. Rules that need other files (references, vocabularies,
 * duplicates, the year folder) live in validate.ts. Messages are bilingual, Chinese first.
 *
 * This file is the one entry point: import from it. The schemas themselves sit in schema/, one
 * module per collection, over the shared building blocks (schema/primitives.ts: texts, URLs, dates,
 * ids). scripts/json-schemas.ts reads the JSDoc lines from this file and every module in schema/.
 */
import { eventSchema } from './schema/event.ts';
import { observanceSchema } from './schema/observance.ts';
import { organizerSchema, venueSchema } from './schema/places.ts';

export { calendarDate, httpUrl, ianaZone, localDateTime, oneLine, SUMMARY_MAX, TITLE_MAX, urlProblem } from './schema/primitives.ts';
export {
  ACCESS_FEATURES,
  type AccessFeature,
  EVENT_KINDS,
  EVENT_STATUSES,
  type EventData,
  type EventInput,
  type EventKind,
  type EventStatus,
  eventSchema,
  type FeedProvenance,
  registrationSchema,
} from './schema/event.ts';
export { LEVELS, OBSERVANCE_KINDS, type ObservanceData, type ObservanceRule, observanceSchema, ruleSchema, SOLAR_TERMS } from './schema/observance.ts';
export { GEO_DATUMS, type GeoDatum, ORGANIZER_TYPES, type OrganizerData, organizerSchema, VENUE_TYPES, type VenueData, venueSchema } from './schema/places.ts';
export { type VocabEntry, vocabEntrySchema, vocabFileSchema, VOCABS, type VocabName } from './schema/vocab.ts';
export { type SourceConfig, SOURCE_TYPES, sourceSchema, sourcesFileSchema } from './schema/sources.ts';

/** The collections, their folders and file extensions. */
export const COLLECTIONS = {
  events: { dir: 'events', ext: ['.md'], schema: eventSchema },
  observances: { dir: 'observances', ext: ['.md'], schema: observanceSchema },
  organizers: { dir: 'organizers', ext: ['.yaml', '.yml'], schema: organizerSchema },
  venues: { dir: 'venues', ext: ['.yaml', '.yml'], schema: venueSchema },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
