/**
 * Campaign hubs (全国科普月 2026, 全国科技活动周 2026 …): which editions exist and the activities of
 * one edition grouped by day, region and topic. Pure; indexes come from query.ts.
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { occurrenceInYear } from '../time/recurrence.ts';
import { regionLabel } from './present.ts';

/** Editions worth a page: every year from establishment to next year, plus any year with activities. */
export function campaignYears(o: ObservanceEntry, q: SiteQuery, today: string): number[] {
  const years = new Set<number>();
  const last = Math.min(o.endedYear ?? 9999, Number(today.slice(0, 4)) + 1);
  for (let y = Math.max(o.established ?? 0, Number(today.slice(0, 4)) - 5); y <= last; y++) if (occurrenceInYear(o, y)) years.add(y);
  for (const key of q.byCampaignYear.keys()) if (key.startsWith(o.id + '/')) years.add(Number(key.slice(o.id.length + 1)));
  return [...years].sort((a, b) => b - a);
}

export interface Group {
  key: string;
  label: string;
  events: EventEntry[];
}

function groupBy(events: EventEntry[], keysOf: (e: EventEntry) => string[], labelOf: (k: string) => string): Group[] {
  const m = new Map<string, EventEntry[]>();
  for (const e of events) for (const k of keysOf(e)) (m.get(k) ?? m.set(k, []).get(k)!).push(e);
  return [...m.entries()].map(([key, list]) => ({ key, label: labelOf(key), events: list }));
}

export function byDay(events: EventEntry[]): Group[] {
  return groupBy(events, (e) => [e.startDate], (k) => k).sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function byRegion(events: EventEntry[], q: SiteQuery): Group[] {
  return groupBy(events, (e) => [e.regionId ?? 'unknown'], (k) => (k === 'unknown' ? '未注明地区' : regionLabel(q, k) ?? k)).sort(
    (a, b) => b.events.length - a.events.length || (a.key < b.key ? -1 : 1),
  );
}

export function byTopic(events: EventEntry[], q: SiteQuery): Group[] {
  return groupBy(events, (e) => (e.topics.length ? e.topics : ['none']), (k) => (k === 'none' ? '未注明主题' : q.vocab.topics.get(k)?.label ?? k)).sort(
    (a, b) => b.events.length - a.events.length || (a.key < b.key ? -1 : 1),
  );
}

/** Organizers of an edition's activities, most active first. */
export function editionOrganizers(events: EventEntry[], q: SiteQuery): { id: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.organizer, (counts.get(e.organizer) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, count]) => ({ id, name: q.organizer.get(id)?.name ?? id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
}
