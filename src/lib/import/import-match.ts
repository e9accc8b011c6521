/**
 * Reading what people type into spreadsheet cells: dates in the forms Chinese offices use
 * (2026/9/12 下午2:00, 2026年9月12日 14:00-16:30, Excel date cells), status words (照常/取消/延期/
 * 改为线上), lists separated by 、 or ，, and region / organizer / venue names matched to their ids.
 * Pure; shared by the importer, `npm run new` and (later) the browser form.
 */
import type { ContentSet, EventEntry, OrganizerEntry, VenueEntry } from '../content/model.ts';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../content/schema.ts';
import { suggest } from '../content/validate.ts';
import { ENUM_LABELS } from '../labels.ts';
import { nameKey } from '../content/name-key.ts';

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Text of a cell: strings trimmed, numbers as written, everything else ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\u00a0/g, ' ').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateCell(v);
  return String(v).trim();
}

/**
 * An .xlsx date cell arrives as a Date whose UTC fields are the wall-clock time shown in the
 * sheet (the file stores no zone). Midnight means the cell holds a date only: an all-day event.
 */
function dateCell(raw: Date): string {
  // Excel stores days as binary fractions: 14:00 comes back as 13:59:59.999. Round to the minute.
  const d = new Date(Math.round(raw.getTime() / 60000) * 60000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? day : `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Excel's serial day number (1900 date system) → local date-time text, for cells typed as numbers. */
export function excelSerial(n: number): string {
  const ms = Math.round((n - 25569) * 86400) * 1000; // 25569 = days from 1899-12-30 to 1970-01-01
  return dateCell(new Date(ms));
}

/**
 * A date cell that holds Excel's day number as text (46277.58333): what a sheet saved as CSV writes
 * for a date cell formatted as General. Its date-time, so that the message can say which it is.
 */
export function excelSerialText(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const t = raw.trim();
  if (!/^\d{5}(?:\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return n > 20000 && n < 80000 ? excelSerial(n) : undefined;
}

const DATE_PART = String.raw`(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?`;
const TIME_PART = String.raw`(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*(?:[:：时点]\s*(\d{1,2}|半)?\s*分?)(?::(\d{2}))?`;
const DATE_RE = new RegExp(`^${DATE_PART}$`);
const DATE_TIME_RE = new RegExp(`^${DATE_PART}\\s*(?:T|\\s)?\\s*${TIME_PART}$`);
const TIME_RE = new RegExp(`^${TIME_PART}$`);
const RANGE_SEP = /\s*(?:至|到|~|～|—{1,2}|–|-{1,2}(?=\s*(?:上午|下午|晚上|\d{1,2}\s*[:：时点]|\d{4})))\s*/;

function time(ampm: string | undefined, h: string, m: string | undefined): string | undefined {
  let hh = Number(h);
  const mm = m === '半' ? 30 : Number(m ?? 0);
  if ((ampm === '下午' || ampm === '晚上') && hh < 12) hh += 12;
  if (ampm === '中午' && hh < 11) hh += 12;
  if (hh > 23 || mm > 59) return undefined;
  return `${pad(hh)}:${pad(mm)}`;
}

/**
 * One date or date-time cell → `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. Text that cannot be read is
 * returned unchanged, so that the schema reports it with its own message and example.
 */
export function normalizeDateTime(raw: unknown): string {
  if (raw instanceof Date) return cellText(raw);
  if (typeof raw === 'number' && raw > 20000 && raw < 80000) return excelSerial(raw);
  const s = cellText(raw).normalize('NFKC');
  let m = DATE_RE.exec(s);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = DATE_TIME_RE.exec(s);
  if (m) {
    const t = time(m[4], m[5]!, m[6]);
    if (t) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}T${t}`;
  }
  return cellText(raw);
}

/** A time of day alone (`16:30`, `下午4点半`) → `HH:mm`, else undefined. */
export function normalizeTime(raw: unknown): string | undefined {
  // A cell holding only a time: Excel's day fraction, read as a Date on 1899-12-30/31.
  if (raw instanceof Date && raw.getUTCFullYear() < 1900) return cellText(raw).slice(11) || '00:00';
  if (typeof raw === 'number' && raw >= 0 && raw < 1) return excelSerial(25569 + raw).slice(11) || '00:00';
  const m = TIME_RE.exec(cellText(raw).normalize('NFKC'));
  return m ? time(m[1], m[2]!, m[3]) : undefined;
}

/**
 * The start and end cells of a row. Handles a range written in the start cell
 * (`2026-09-12 14:00-16:30`, `2026-09-01至2026-09-30`) and an end cell holding only a time.
 */
export function readWhen(startCell: unknown, endCell: unknown): { start: string; end?: string } {
  let startRaw: unknown = startCell;
  let endRaw: unknown = endCell;
  const text = typeof startCell === 'string' ? startCell.normalize('NFKC').trim() : '';
  if (text && cellText(endCell) === '') {
    const parts = text.split(RANGE_SEP);
    if (parts.length === 2 && parts[0] && parts[1]) [startRaw, endRaw] = parts;
  }
  const start = normalizeDateTime(startRaw);
  if (cellText(endRaw) === '') return { start };
  const t = normalizeTime(endRaw);
  if (t && /^\d{4}-\d{2}-\d{2}/.test(start)) return { start, end: `${start.slice(0, 10)}T${t}` };
  return { start, end: normalizeDateTime(endRaw) };
}

/** Split a list cell on 、 ， , ； ; and line breaks. */
export function splitList(raw: unknown): string[] {
  return cellText(raw)
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const STATUS_WORDS: Record<string, EventStatus> = {
  照常: 'scheduled', 正常: 'scheduled', 如期: 'scheduled', 如期举行: 'scheduled', 已确认: 'scheduled',
  取消: 'cancelled', 已取消: 'cancelled', 停办: 'cancelled',
  延期: 'postponed', 推迟: 'postponed', 改期: 'postponed',
  改为线上: 'moved-online', 改线上: 'moved-online', 转为线上: 'moved-online', 线上举行: 'moved-online',
  canceled: 'cancelled', confirmed: 'scheduled', tentative: 'scheduled',
};

export const STATUS_HELP = `${Object.values(ENUM_LABELS.eventStatus).join('、')}（或 ${EVENT_STATUSES.join('、')}）`;

/** 照常 → scheduled …; undefined when the word is not known. Empty → scheduled. */
export function readStatus(raw: unknown): EventStatus | undefined {
  const s = cellText(raw).toLowerCase();
  if (!s) return 'scheduled';
  if ((EVENT_STATUSES as readonly string[]).includes(s)) return s as EventStatus;
  return STATUS_WORDS[s];
}

const KIND_WORDS: Record<string, EventKind> = {
  活动: 'activity', 征集: 'call', 作品征集: 'call', 案例征集: 'call', 截止: 'deadline', 申报截止: 'deadline', 截止日期: 'deadline', 报送截止: 'deadline',
};

export const KIND_HELP = `${Object.values(ENUM_LABELS.eventKind).join('、')}（或 ${EVENT_KINDS.join('、')}）`;

/** 活动 → activity, 征集 → call, 申报截止 → deadline; empty → activity. */
export function readKind(raw: unknown): EventKind | undefined {
  const s = cellText(raw).toLowerCase();
  if (!s) return 'activity';
  if ((EVENT_KINDS as readonly string[]).includes(s)) return s as EventKind;
  return KIND_WORDS[s];
}

export { nameKey } from '../content/name-key.ts';

export type Match = { id: string } | { error: string; hint?: string };

/** A region label, alias or GB/T 2260 code → its id, with a did-you-mean when unknown. */
export function matchRegion(text: string, content: ContentSet): Match {
  const k = text.trim().toLowerCase();
  const hit = content.vocab.regions.find((v) => [v.id, v.label, v.labelEn, ...v.aliases].some((x) => x && x.toLowerCase() === k));
  if (hit) return { id: hit.id };
  const near = suggest(text, content.vocab.regions.map((v) => v.label));
  return {
    error: `“${text}”不在地区词表里，请写 content/vocab/regions.yaml 中的地区名称或编号 / "${text}" is not in the regions vocabulary`,
    hint: near ? `您是不是要写“${near}”？/ did you mean ${near}?` : undefined,
  };
}

/**
 * An organizer written as its id, full name, short name or an alias → its id. Unknown names get
 * a did-you-mean from all of those, and a pointer to adding the organizer first.
 */
export function matchOrganizer(text: string, organizers: OrganizerEntry[]): Match {
  const t = text.trim();
  if (organizers.some((o) => o.id === t)) return { id: t };
  const key = nameKey(t);
  const hits = organizers.filter((o) => [o.name, o.shortName, o.nameEn, ...o.aliases].some((n) => n && nameKey(n) === key));
  // Two organizers answering to one name: never pick one (a newcomer named like an existing
  // organizer took its rows, issue 17); the person writes the id.
  if (hits.length > 1)
    return { error: `“${t}”对应多个主办单位（${hits.map((o) => o.id).join('、')}），请写编号 / "${t}" names more than one organizer: write the id` };
  if (hits[0]) return { id: hits[0].id };
  const labels = new Map<string, OrganizerEntry>();
  for (const o of organizers) for (const n of [o.name, o.shortName, ...o.aliases, o.id]) if (n) labels.set(n, o);
  const near = suggest(t, [...labels.keys()]);
  const o = near ? labels.get(near) : undefined;
  return {
    error: `找不到主办单位“${t}”：请写 content/organizers/ 里已有单位的名称或编号，新单位请先用 npm run new -- organizer 添加 / unknown organizer "${t}": add it first with npm run new -- organizer`,
    hint: o ? `您是不是要写“${o.name}”（${o.id}）？/ did you mean ${o.id}?` : undefined,
  };
}

/** A venue id, name or alias → its id; undefined when it is not a known venue (then it is an address). */
export function matchVenue(text: string, venues: VenueEntry[]): string | undefined {
  const t = text.trim();
  if (venues.some((v) => v.id === t)) return t;
  const key = nameKey(t);
  const hits = venues.filter((v) => [v.name, v.nameEn, ...v.aliases].some((n) => n && nameKey(n) === key));
  // An ambiguous name is kept as an address rather than given to one of the venues.
  return hits.length === 1 ? hits[0]!.id : undefined;
}

/** The same activity: same title (ignoring spaces and punctuation), same first day, same organizer or venue. */
export function duplicateKeys(e: { title: string; start: string; organizer?: string; venue?: string }): string[] {
  const base = `${nameKey(e.title)}|${e.start.slice(0, 10)}`;
  return [e.organizer ? `${base}|o:${e.organizer}` : '', e.venue ? `${base}|v:${e.venue}` : ''].filter(Boolean);
}

/** Index of existing events by duplicateKeys, pointing at their files. */
export function duplicateIndex(events: Pick<EventEntry, 'title' | 'start' | 'organizer' | 'venue' | 'file'>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of events) for (const k of duplicateKeys(e)) if (!m.has(k)) m.set(k, e.file);
  return m;
}
