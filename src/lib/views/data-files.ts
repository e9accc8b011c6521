/**
 * Every data file of the site (feeds, calendar data, open data) as (path, body) pairs, generated
 * one at a time. These used to be Astro endpoints; at 10,000 events the per-event `.ics` alone
 * were 10k routes costing 16 s of the single-threaded page build. Written instead by a child
 * process beside the build (scripts/write-data-files.ts, started by src/integrations/side-outputs.ts),
 * on the machine's other core. Pure: the caller writes the files.
 */
import { calendarManifest, observanceYearFile, observanceYears as calendarObservanceYears } from '../calendar/calendar-data.ts';
import { campaignYears } from './campaign-view.ts';
import {
  calendarSpec,
  callsSpec,
  campaignSpec,
  eventSpec,
  facetSpec,
  renderEventsFeed,
  type FeedSpec,
} from '../ical/feeds.ts';
import {
  observanceSpec,
  observancesSpec,
  renderObservanceYearFeed,
  renderObservancesFeed,
} from '../ical/observance-feeds.ts';
import { monthDataFiles } from '../calendar/calendar-shards.ts';
import { CALENDAR_MANIFEST_URL, OPEN_EVENTS_URL, observanceYearDataUrl, observanceYearFileUrl } from '../urls.ts';
import { FACETS, facetIds } from '../facets.ts';
import { TABLE_HEADERS, plannerYears, tableRow, yearCsv, yearRows } from './observance-year.ts';

/** A site path (/events/x.ics) as a path in the output folder (events/x.ics). */
const file = (sitePath: string) => sitePath.replace(/^\//, '');
import { openEvents, openEventSlices, openEventsIndex, openEventsPartHead, openObservancesFile } from './open-data.ts';
import type { SiteQuery } from '../content/query.ts';
import { CALLS_ALARM_PATH, OBSERVANCES_ALARM_PATH, renderCallsAlarmFeed, renderObservancesAlarmFeed } from '../ical/reminders.ts';

export interface DataFile {
  /** Path inside the output folder, without a leading slash: `events/2026-09-12-x.ics`. */
  path: string;
  /** The text, or its pieces in order for a file too large to hold as one string. */
  body: string | Iterable<string>;
}

/**
 * `JSON.stringify({ ...head, [key]: items })`, byte for byte, as pieces: the head, then one item at a
 * time. `key` must not be a key of `head` (it comes last).
 */
export function* jsonPieces(head: object, key: string, items: Iterable<unknown>): Generator<string> {
  const open = JSON.stringify({ ...head, [key]: [] });
  yield open.slice(0, -2);
  let first = true;
  for (const item of items) {
    yield (first ? '' : ',') + JSON.stringify(item);
    first = false;
  }
  yield ']}';
}

/** The data files in a fixed order: `path` → what serves it (see docs/open-data.md for the JSON). */
export function* dataFiles(q: SiteQuery, today: string, url: string): Generator<DataFile> {
  const json = (path: string, value: unknown): DataFile => ({ path, body: JSON.stringify(value) });

  // iCalendar feeds (src/lib/ical/feeds.ts); each spec knows its own address (src/lib/urls.ts).
  const events = (spec: FeedSpec): DataFile => ({ path: file(spec.path), body: renderEventsFeed(q, spec, url) });
  yield events(calendarSpec(q, today));
  yield events(callsSpec(q, today));
  const all = observancesSpec();
  yield { path: file(all.path), body: renderObservancesFeed(q, q.content.observances, all, today, url) };
  // The same two with reminders (src/lib/ical/reminders.ts).
  yield { path: file(OBSERVANCES_ALARM_PATH), body: renderObservancesAlarmFeed(q, today, url) };
  yield { path: file(CALLS_ALARM_PATH), body: renderCallsAlarmFeed(q, today, url) };
  for (const o of q.content.observances) {
    const spec = observanceSpec(o);
    yield { path: file(spec.path), body: renderObservancesFeed(q, [o], spec, today, url) };
  }
  // The planners' year downloads beside /observances/<year>/ (the .xlsx is binary: yearSheets below).
  for (const year of plannerYears(today)) {
    yield { path: file(observanceYearFileUrl(year, 'ics')), body: renderObservanceYearFeed(q, year, today, url) };
    yield { path: file(observanceYearFileUrl(year, 'csv')), body: yearCsv(yearRows(q.content.observances, year, today), url) };
  }
  for (const facet of FACETS) {
    for (const id of facetIds(q, facet)) yield events(facetSpec(q, facet, id, today));
  }
  for (const o of q.content.observances) {
    if (o.kind !== 'campaign') continue;
    for (const year of campaignYears(o, q, today)) yield events(campaignSpec(q, o.id, year, today));
  }
  for (const e of q.events) yield events(eventSpec(e));

  // The calendar page's data (src/lib/calendar/calendar-data.ts).
  yield json(file(CALENDAR_MANIFEST_URL), calendarManifest(q, today));
  // A dense month (issue 21) is counts plus shards by day and by province (calendar-shards.ts).
  for (const month of q.byMonth.keys()) for (const f of monthDataFiles(q, month)) yield json(file(f.path), f.value);
  for (const year of calendarObservanceYears(q, today)) {
    yield json(file(observanceYearDataUrl(year)), observanceYearFile(q.content.observances, year, today));
  }

  // Open data (src/lib/views/open-data.ts).
  // Version 2 (issue 21): an index of monthly files, none over 20 MB.
  const slices = openEventSlices(q);
  yield json(file(OPEN_EVENTS_URL), openEventsIndex(q, url, today, slices));
  for (const s of slices) yield { path: file(s.path), body: jsonPieces(openEventsPartHead(s, url, today), 'events', openEvents(s.events, q, url)) };
  yield json('api/observances.json', openObservancesFile(q, url, today));
}

/** A spreadsheet file: one sheet of text cells, the first row its headers. */
export interface SheetFile {
  path: string;
  sheet: string;
  rows: string[][];
  /** Column widths in characters. */
  widths: number[];
}

/** The .xlsx downloads (科协 staff plan in spreadsheets): written by the caller with an xlsx library. */
export function* sheetFiles(q: SiteQuery, today: string, url: string): Generator<SheetFile> {
  for (const year of plannerYears(today)) {
    const rows = yearRows(q.content.observances, year, today).map((r) => tableRow(r, url));
    yield { path: file(observanceYearFileUrl(year, 'xlsx')), sheet: `${year}年科普纪念日`, rows: [[...TABLE_HEADERS], ...rows], widths: [12, 12, 8, 24, 30, 8, 6, 36, 22, 30, 40, 40, 44] };
  }
}
