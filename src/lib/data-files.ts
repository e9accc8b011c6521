/**
 * Every data file of the site (feeds, calendar data, open data) as (path, body) pairs, generated
 * one at a time. These used to be Astro endpoints; at 10,000 events the per-event `.ics` alone
 * were 10k routes costing 16 s of the single-threaded page build. Written instead by a child
 * process beside the build (scripts/write-data-files.ts, started by src/integrations/side-outputs.ts),
 * on the machine's other core. Pure: the caller writes the files.
 */
import { calendarManifest, monthFile, observanceYearFile, observanceYears as calendarObservanceYears } from './calendar-data.ts';
import { campaignYears } from './campaign-view.ts';
import {
  FACETS,
  calendarSpec,
  callsSpec,
  campaignSpec,
  eventSpec,
  facetIds,
  facetSpec,
  observanceSpec,
  observancesSpec,
  renderEventsFeed,
  renderObservanceYearFeed,
  renderObservancesFeed,
} from './feeds.ts';
import { TABLE_HEADERS, plannerYears, tableRow, yearCsv, yearRows } from './observance-year.ts';
import { openEvents, openEventsHead, openObservancesFile } from './open-data.ts';
import type { SiteQuery } from './query.ts';

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

  // iCalendar feeds (src/lib/feeds.ts).
  yield { path: 'calendar.ics', body: renderEventsFeed(q, calendarSpec(q, today), url) };
  yield { path: 'calls.ics', body: renderEventsFeed(q, callsSpec(q, today), url) };
  yield { path: 'observances.ics', body: renderObservancesFeed(q, q.content.observances, observancesSpec(), today, url) };
  for (const o of q.content.observances) {
    yield { path: `observances/${o.id}.ics`, body: renderObservancesFeed(q, [o], observanceSpec(o), today, url) };
  }
  // The planners' year downloads beside /observances/<year>/ (the .xlsx is binary: yearSheets below).
  for (const year of plannerYears(today)) {
    yield { path: `observances/${year}.ics`, body: renderObservanceYearFeed(q, year, today, url) };
    yield { path: `observances/${year}.csv`, body: yearCsv(yearRows(q.content.observances, year, today), url) };
  }
  for (const facet of FACETS) {
    for (const id of facetIds(q, facet)) yield { path: `${facet}/${id}.ics`, body: renderEventsFeed(q, facetSpec(q, facet, id, today), url) };
  }
  for (const o of q.content.observances) {
    if (o.kind !== 'campaign') continue;
    for (const year of campaignYears(o, q, today)) {
      yield { path: `campaigns/${o.id}/${year}.ics`, body: renderEventsFeed(q, campaignSpec(q, o.id, year), url) };
    }
  }
  for (const e of q.events) yield { path: `events/${e.id}.ics`, body: renderEventsFeed(q, eventSpec(e), url) };

  // The calendar page's data (src/lib/calendar-data.ts).
  yield json('data/calendar.json', calendarManifest(q, today));
  for (const month of q.byMonth.keys()) yield json(`data/events/${month}.json`, monthFile(q, month));
  for (const year of calendarObservanceYears(q, today)) {
    yield json(`data/observances/${year}.json`, observanceYearFile(q.content.observances, year, today));
  }

  // Open data (src/lib/open-data.ts).
  yield { path: 'api/events.json', body: jsonPieces(openEventsHead(q, url, today), 'events', openEvents(q, url)) };
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
    yield { path: `observances/${year}.xlsx`, sheet: `${year}年科普纪念日`, rows: [[...TABLE_HEADERS], ...rows], widths: [12, 12, 8, 24, 30, 8, 6, 36, 22, 30, 40, 40, 44] };
  }
}
