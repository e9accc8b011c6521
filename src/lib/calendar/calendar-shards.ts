/**
 * The calendar's month files at national scale (issue 21): a month of at most DENSE_MONTH_EVENTS
 * events is one file of rows as before (calendar-data.ts monthFile); a denser one is a file of
 * counts (calendar-dense.ts DenseSummary) plus its shards — one file per day and one per province —
 * which the island fetches when a view needs rows. Build side; pure: the caller writes the files.
 */
import { monthFile, toCalendarEvent, type CalendarEvent, type MonthFile } from './calendar-data.ts';
import { COUNTED_FILTERS, DENSE_MONTH_EVENTS, hasHead, monthDays, spanInMonth, type CountedFilter, type DenseSummary, type ShardFile } from './calendar-dense.ts';
import { packRows } from './packed-rows.ts';
import { drawEvent } from './calendar-draw.ts';
import { drawnDays, LIST_ROW_LIMIT, listPage } from './calendar-list.ts';
import { matchesFilters, MODES, STATUS_FILTERS, type Filters } from './filters.ts';
import type { SiteQuery } from '../content/query.ts';
import { nextDay } from '../time/days.ts';
import { monthDataUrl, monthDayDataUrl, monthRegionDataUrl } from '../urls.ts';

/** One file of a month: its path on the site and its JSON value. */
export interface MonthDataFile {
  path: string;
  value: MonthFile | ShardFile;
}

/** The province (or `national`) a region belongs to: the last id of the event's region chain. */
const shardOf = (e: CalendarEvent) => e.regions[e.regions.length - 1] ?? 'none';

/** The values of one filter an event matches alone, as keys of DenseSummary.counts. */
function valuesOf(e: CalendarEvent, key: CountedFilter): string[] {
  switch (key) {
    case 'topic':
      return e.topics;
    case 'audience':
      return e.audiences;
    case 'format':
      return e.formats;
    case 'region':
      return e.regions;
    case 'free':
      return e.free ? ['1'] : [];
    case 'mode':
      return MODES.filter((m) => matchesFilters(e, { mode: m }));
    case 'status':
      return STATUS_FILTERS.filter((s) => matchesFilters(e, { status: s } as Filters));
  }
}

/** The counts of a dense month: per day, and per day for each single filter value. */
export function denseSummary(month: string, events: CalendarEvent[]): DenseSummary {
  const days = monthDays(month);
  const total = days.map(() => 0);
  const firsts = days.map(() => 0);
  const counts = Object.fromEntries(COUNTED_FILTERS.map((k) => [k, {}])) as DenseSummary['counts'];
  const firstCounts = Object.fromEntries(COUNTED_FILTERS.map((k) => [k, {}])) as DenseSummary['firstCounts'];
  const regionShard: Record<string, string> = {};
  for (const e of events) {
    const span = spanInMonth(days, ...drawnDays(drawEvent(e)));
    if (!span) continue;
    const [from, to] = span;
    for (const r of e.regions) regionShard[r] ??= shardOf(e);
    const values = COUNTED_FILTERS.flatMap((k) => valuesOf(e, k).map((v) => [k, v] as const));
    const series = values.map(([k, v]) => (counts[k][v] ??= days.map(() => 0)));
    for (let i = from; i <= to; i++) {
      total[i]!++;
      for (const s of series) s[i]!++;
    }
    firsts[from]!++;
    for (const [k, v] of values) (firstCounts[k][v] ??= days.map(() => 0))[from]!++;
  }
  return { days, total, counts, firsts, firstCounts, regionShard };
}

/**
 * Every file of one month: the rows as before when the month is small; else its counts, one shard
 * per day (the events listed that day) and one per province (its events over the month).
 */
export function* monthDataFiles(q: SiteQuery, month: string): Generator<MonthDataFile> {
  const list = q.byMonth.get(month) ?? [];
  if (list.length <= DENSE_MONTH_EVENTS) {
    yield { path: monthDataUrl(month), value: monthFile(q, month) };
    return;
  }
  const events = list.map((e) => toCalendarEvent(e, q));
  const summary = denseSummary(month, events);
  yield { path: monthDataUrl(month), value: { month, events: [], dense: summary } };
  const byDay = new Map<string, CalendarEvent[]>(summary.days.map((d) => [d, []]));
  const byShard = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    const [first, last] = drawnDays(drawEvent(e));
    for (const d of summary.days) if (d >= first && d <= last) byDay.get(d)!.push(e);
    const shard = shardOf(e);
    (byShard.get(shard) ?? byShard.set(shard, []).get(shard)!).push(e);
  }
  for (const [day, rows] of byDay) {
    if (!rows.length) continue;
    yield { path: monthDayDataUrl(month, day), value: { month, shard: `day:${day}`, rows: packRows(rows) } };
    if (!hasHead(summary, day)) continue;
    // The head: the rows the day's list shows first, in its order (calendar-list.ts listPage).
    const first = new Set(listPage(rows.map(drawEvent), day, nextDay(day), LIST_ROW_LIMIT).shown.map((d) => d.id));
    const head = rows.filter((e) => first.has(drawEvent(e).id));
    yield { path: monthDayDataUrl(month, day, true), value: { month, shard: `head:${day}`, total: rows.length, rows: packRows(head) } };
  }
  for (const [shard, rows] of byShard) yield { path: monthRegionDataUrl(month, shard), value: { month, shard: `region:${shard}`, rows: packRows(rows) } };
}
