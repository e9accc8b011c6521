/**
 * The shapes of the open data (/api/events.json, /api/observances.json, /feed.xml items), field by
 * field as docs/open-data.md documents them. open-data.ts fills them in. Changing a field's meaning
 * needs a new OPEN_DATA_VERSION.
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';

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
  /** The field registry's generic fields, as written in the entry (ageMin, ageMax …). */
  [generic: string]: unknown;
}

/**
 * /api/events.json since version 2 (issue 21): the index of the event files. At 100,000 events in one
 * month the single file of version 1 was ≈ 210 MB; now every file stays under 20 MB.
 */
export interface OpenEventsIndex {
  version: number;
  site: string;
  built: string;
  /** Entries in all files together. */
  count: number;
  /** Most entries in one file (a month with more is split into numbered parts). */
  partSize: number;
  /** One file per month with entries (by start month), in order; a dense month in parts 1, 2 …. */
  files: OpenEventsFileRef[];
}

export interface OpenEventsFileRef {
  /** `YYYY-MM`: the entries that start in this month. */
  month: string;
  /** 1, 2 … within the month. */
  part: number;
  /** Absolute URL of the file. */
  url: string;
  count: number;
}

/** One file of /api/events/: the shape of version 1's whole file, for one month (or part of one). */
export interface OpenEventsPart extends OpenEventsFile {
  month: string;
  part: number;
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
