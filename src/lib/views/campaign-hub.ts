/**
 * A campaign edition's hub at national scale (issue 21): 全国科普月 2026 with 100,000 activities.
 * The hub page shows counts — a coverage view (a tile grid of the provinces coloured by activities,
 * a table of provinces and cities with their counts), counts by topic and by day as static SVG
 * (svg-charts.ts) — and leads to paged lists of one day and of one province
 * (/campaigns/<id>/<year>/days/<day>/, …/regions/<province>/), ARCHIVE_PER_PAGE each. The hub used
 * to list every activity three times (by day, region and topic): 8.7 MB of HTML at 10,000.
 * Pure; the query and the edition's events are passed in.
 */
import type { EventEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { paginate } from '../content/query.ts';
import { PROVINCE_TILES, type Tile } from './province-tiles.ts';
import { campaignYears } from './campaign-view.ts';

/** Activities listed on one page of a day or a province (issue 21: 30–50 a page). */
export const HUB_PER_PAGE = 50;
/** Organizers named on the hub (the rest are on their own pages). */
export const HUB_ORGANIZERS = 30;
/** Upcoming activities the hub lists before pointing to the day pages. */
export const HUB_NEXT = 20;

/** The top of a region's chain: its province (or `national`); `unknown` without a region. */
export function provinceOf(q: SiteQuery, regionId: string | undefined): string {
  let cur = regionId;
  for (let guard = 0; cur && guard < 5; guard++) {
    const parent = q.vocab.regions.get(cur)?.parent;
    if (!parent) return cur;
    cur = parent;
  }
  return cur ?? 'unknown';
}

export interface Count {
  id: string;
  label: string;
  count: number;
}

function counted(m: Map<string, number>, label: (id: string) => string): Count[] {
  return [...m].map(([id, count]) => ({ id, label: label(id), count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
}

function bump(m: Map<string, number>, k: string) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Activities per day (by start day), in day order. */
export function countsByDay(events: readonly EventEntry[]): { day: string; count: number }[] {
  const m = new Map<string, number>();
  for (const e of events) bump(m, e.startDate);
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([day, count]) => ({ day, count }));
}

/** Activities per topic, most first. */
export function countsByTopic(events: readonly EventEntry[], q: SiteQuery): Count[] {
  const m = new Map<string, number>();
  for (const e of events) for (const t of e.topics.length ? e.topics : ['none']) bump(m, t);
  return counted(m, (id) => (id === 'none' ? '未注明主题' : q.vocab.topics.get(id)?.label ?? id));
}

/** One row of the coverage table: a province or a place in it, with its activities. */
export interface CoverageRow extends Count {
  /** 0 a province (or 全国), 1 a city or district, 2 a district of a city. */
  depth: number;
  /** The province it belongs to (itself for a province). */
  province: string;
}

export interface Coverage {
  /** Provinces (and 全国, 未注明) most first, then each followed by its places, most first. */
  rows: CoverageRow[];
  /** Every tile with its count and a colour class 0 (none) to 5 (most). */
  tiles: (Tile & { count: number; level: number; label: string })[];
  /** Upper bounds of the colour classes 1–5 (the legend). */
  levels: number[];
}

/** Colour class of a count among the bounds (0 for none). */
function levelOf(n: number, bounds: number[]): number {
  if (n === 0) return 0;
  const i = bounds.findIndex((b) => n <= b);
  return i < 0 ? bounds.length : i + 1;
}

/** Five classes by quantiles of the provinces that have activities (round numbers are not needed). */
function quantileBounds(values: number[]): number[] {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b);
  if (!v.length) return [];
  return [1, 2, 3, 4, 5].map((k) => v[Math.min(v.length - 1, Math.ceil((k / 5) * v.length) - 1)]!).filter((b, i, a) => i === 0 || b > a[i - 1]!);
}

/** The coverage view: the tile grid and the table of provinces and their places. */
export function coverage(events: readonly EventEntry[], q: SiteQuery): Coverage {
  const byRegion = new Map<string, number>();
  const byProvince = new Map<string, number>();
  for (const e of events) {
    bump(byProvince, provinceOf(q, e.regionId));
    // Every place of the chain below the province counts (a district also counts for its city).
    for (let cur = e.regionId, guard = 0; cur && guard < 5; guard++) {
      const parent = q.vocab.regions.get(cur)?.parent;
      if (!parent) break;
      bump(byRegion, cur);
      cur = parent;
    }
  }
  const label = (id: string) => (id === 'unknown' ? '未注明地区' : q.vocab.regions.get(id)?.label ?? id);
  const depthOf = (id: string) => {
    let d = 0;
    for (let cur = q.vocab.regions.get(id)?.parent; cur && d < 5; cur = q.vocab.regions.get(cur)?.parent) d++;
    return d;
  };
  const rows: CoverageRow[] = [];
  for (const p of counted(byProvince, label)) {
    rows.push({ ...p, depth: 0, province: p.id });
    for (const c of counted(byRegion, label)) if (provinceOf(q, c.id) === p.id) rows.push({ ...c, depth: depthOf(c.id), province: p.id });
  }
  const levels = quantileBounds(PROVINCE_TILES.map((t) => byProvince.get(t.id) ?? 0));
  const tiles = PROVINCE_TILES.map((t) => {
    const count = byProvince.get(t.id) ?? 0;
    return { ...t, count, level: levelOf(count, levels), label: label(t.id) };
  });
  return { rows, tiles, levels };
}

/** The edition's events of one province (or `national`, `unknown`). */
export function provinceEvents(events: readonly EventEntry[], q: SiteQuery): Map<string, EventEntry[]> {
  const m = new Map<string, EventEntry[]>();
  for (const e of events) {
    const p = provinceOf(q, e.regionId);
    (m.get(p) ?? m.set(p, []).get(p)!).push(e);
  }
  return m;
}

/** The edition's events by start day. */
export function dayEvents(events: readonly EventEntry[]): Map<string, EventEntry[]> {
  const m = new Map<string, EventEntry[]>();
  for (const e of events) (m.get(e.startDate) ?? m.set(e.startDate, []).get(e.startDate)!).push(e);
  return m;
}

/** One page of a day or a province: its events, its number and the number of pages. */
export interface HubPage {
  key: string;
  page: number;
  total: number;
  count: number;
  events: EventEntry[];
}

/** The pages of every key of a grouping (a day, a province), HUB_PER_PAGE each. */
export function hubPages(groups: Map<string, EventEntry[]>): HubPage[] {
  return [...groups].flatMap(([key, list]) => {
    const pages = paginate(list, HUB_PER_PAGE);
    return pages.map((events, i) => ({ key, page: i + 1, total: pages.length, count: list.length, events }));
  });
}

/**
 * The static paths of every campaign edition's day lists (`kind: 'day'`, /campaigns/<id>/<year>/days/<day>/)
 * or province lists (`'region'`, …/regions/<province>/), HUB_PER_PAGE a page (`<key>/page/<n>` after the first).
 */
export function campaignListPaths(q: SiteQuery, today: string, kind: 'day' | 'region') {
  return q.content.observances
    .filter((o) => o.kind === 'campaign')
    .flatMap((o) =>
      campaignYears(o, q, today).flatMap((year) => {
        const events = q.byCampaignYear.get(`${o.id}/${year}`) ?? [];
        return hubPages(kind === 'day' ? dayEvents(events) : provinceEvents(events, q)).map((p) => {
          const rest = p.page > 1 ? `${p.key}/page/${p.page}` : p.key;
          return { params: { id: o.id, year: String(year), ...(kind === 'day' ? { day: rest } : { region: rest }) }, props: { id: o.id, year, p } };
        });
      }),
    );
}
