/**
 * A web page's schema.org `Event` data (JSON-LD, the form search engines read) → import records,
 * the same shape a spreadsheet row or a VEVENT becomes, so that a page goes through the importer's
 * mapping and checks (import-rows.ts mapRow, the validator) like every other source. Pure.
 *
 * Read: `<script type="application/ld+json">` blocks (one object, an array, an `@graph`, or an
 * ItemList of events), every object whose @type ends in "Event" (Event, EducationEvent,
 * ExhibitionEvent …). Times with an offset (…+08:00, …Z) become wall-clock time in `zone`; times
 * without one are local; a bare date is an all-day event whose `endDate` is its last day.
 */
import { plainDescription } from '../import/import-ics.ts';
import { SITE_ZONE, wallTime } from '../time/zones.ts';
import type { RowProblem } from '../import/import-rows.ts';
import type { ImportRecord } from '../import/import-table.ts';

type Json = Record<string, unknown>;

export interface JsonLdOptions {
  zone?: string;
  /** Organizer id of every event on the page. */
  organizer?: string;
}

const SCRIPT_RE = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const STATUS: Record<string, string> = { eventcancelled: 'cancelled', eventpostponed: 'postponed', eventmovedonline: 'moved-online', eventscheduled: 'scheduled', eventrescheduled: 'scheduled' };

export function jsonLdToRecords(html: string, opts: JsonLdOptions = {}): { records: ImportRecord[]; problems: RowProblem[]; notices: string[] } {
  const zone = opts.zone ?? SITE_ZONE;
  const records: ImportRecord[] = [];
  const problems: RowProblem[] = [];
  const notices: string[] = [];
  const events: Json[] = [];
  let block = 0;
  for (const m of html.matchAll(SCRIPT_RE)) {
    block++;
    let data: unknown;
    try {
      // Some CMSs wrap the JSON in an HTML comment or CDATA.
      data = JSON.parse(m[1]!.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/<!\[CDATA\[|\/\/\]\]>$/g, ''));
    } catch {
      notices.push(`网页里第 ${block} 段 JSON-LD 不是有效的 JSON，已跳过 / JSON-LD block ${block} is not valid JSON, skipped`);
      continue;
    }
    collectEvents(data, events, 0);
  }
  events.forEach((ev, i) => {
    const uid = idOf(ev);
    const ref = { kind: 'vevent' as const, n: i + 1, ...(uid ? { uid } : {}) };
    const cells: ImportRecord['cells'] = {};
    cells.title = text(ev.name);
    const start = when(ev.startDate, zone);
    if (!start) {
      problems.push({ ref, field: 'start', message: `缺少或看不懂开始时间 startDate（${text(ev.startDate) || '空'}）/ startDate is missing or unreadable` });
      return;
    }
    cells.start = start;
    const end = when(ev.endDate, zone);
    if (end && (end.length === 10) === (start.length === 10) && end > start) cells.end = end;
    for (const loc of list(ev.location)) {
      if (typeof loc === 'string') cells.venue ??= loc.trim();
      else if (isObj(loc) && typeOf(loc).some((t) => t === 'virtuallocation')) cells.online ??= text(loc.url);
      else if (isObj(loc)) {
        if (text(loc.name)) cells.venue ??= text(loc.name);
        const addr = address(loc.address);
        if (addr) cells.address ??= addr;
      }
    }
    if (!cells.venue && cells.address) [cells.venue, cells.address] = [cells.address, undefined];
    const url = text(ev.url);
    if (/^https?:\/\//i.test(url)) cells.url = url;
    const description = text(ev.description);
    if (description) cells.description = plainDescription(description);
    const status = STATUS[text(ev.eventStatus).replace(/^https?:\/\/schema\.org\//i, '').toLowerCase()];
    if (status) cells.status = status;
    const offer = list(ev.offers).find(isObj);
    const reg = offer ? text(offer.url) : '';
    if (/^https?:\/\//i.test(reg) && reg !== url) cells.registration = reg;
    const keywords = list(ev.keywords).map(text).filter(Boolean);
    if (keywords.length) cells.categories = keywords.join('、');
    if (opts.organizer) cells.organizer = opts.organizer;
    records.push({ ref, cells });
  });
  if (block === 0) notices.push('网页里没有 JSON-LD 数据（<script type="application/ld+json">）/ the page has no JSON-LD');
  else if (events.length === 0) notices.push('网页的 JSON-LD 里没有 schema.org Event / the page\'s JSON-LD has no schema.org Event');
  return { records, problems, notices };
}

/** Every Event object in a JSON-LD value (arrays, @graph, ItemList items, nested values). */
function collectEvents(v: unknown, out: Json[], depth: number): void {
  if (depth > 12) return;
  if (Array.isArray(v)) {
    for (const x of v) collectEvents(x, out, depth + 1);
    return;
  }
  if (!isObj(v)) return;
  if (typeOf(v).some((t) => t.endsWith('event'))) {
    out.push(v);
    // An event's own parts (location, organizer, offers) are not events; its subEvents are.
    if (v.subEvent) collectEvents(v.subEvent, out, depth + 1);
    return;
  }
  for (const [k, x] of Object.entries(v)) if (k !== '@context') collectEvents(x, out, depth + 1);
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function typeOf(v: Json): string[] {
  return list(v['@type']).map((t) => String(t).replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** A text value: a string, a number, a language map ({ "@value": … }) or the first of a list. */
function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(text).find(Boolean) ?? '';
  if (isObj(v) && '@value' in v) return text(v['@value']);
  return '';
}

function idOf(ev: Json): string | undefined {
  const id = text(ev['@id']) || list(ev.identifier).map((x) => (isObj(x) ? text(x.value) : text(x))).find(Boolean) || text(ev.url);
  return id || undefined;
}

function address(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (!isObj(v)) return '';
  // Chinese order: region, city, district, street.
  const parts = [v.addressRegion, v.addressLocality, v.streetAddress].map(text).filter(Boolean);
  return [...new Set(parts)].join('');
}

/** ISO 8601 from JSON-LD → `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` in `zone`. */
function when(v: unknown, zone: string): string | undefined {
  const s = text(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return undefined;
  // Without an offset the time is the event's own wall clock; with one, re-read it in `zone`.
  if (!m[3]) return `${m[1]}T${m[2]}`;
  const instant = new Date(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(instant.getTime()) ? undefined : wallTime(instant, zone).slice(0, 16);
}
