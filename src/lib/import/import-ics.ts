/**
 * An organizer's iCalendar feed (.ics) → import records, one per VEVENT, with the same fields a
 * spreadsheet row has, so that both go through the same mapping and validation. Pure.
 *
 * Times: all-day events (VALUE=DATE) keep their dates and the exclusive DTEND becomes the last day;
 * timed events keep the wall-clock time of their TZID (Windows and legacy names for China map to
 * Asia/Shanghai); UTC times are converted to `zone` (Asia/Shanghai unless told otherwise); floating
 * times are taken as local to `zone`.
 */
import ICAL from 'ical.js';
import { convertWallTime, SITE_ZONE } from '../time/zones.ts';
import type { ImportRecord } from './import-table.ts';
import type { RowProblem } from './import-rows.ts';

/** TZIDs that mean China Standard Time but are not the canonical IANA name. */
const CHINA_TZIDS = new Set(['china standard time', 'prc', 'asia/chongqing', 'asia/chungking', 'asia/harbin', 'asia/beijing', 'beijing', 'cst', 'gmt+8', 'utc+8', 'utc+08:00']);

function canonicalZone(tzid: string): string | undefined {
  const t = tzid.trim().replace(/^\/+/, '');
  // Some exporters prefix a path: /freeassociation.sourceforge.net/Tzfile/Asia/Shanghai. The zone is
  // its last three segments (America/Argentina/Buenos_Aires) or last two, whichever the runtime knows.
  const parts = t.split('/');
  for (const name of [t, parts.slice(-3).join('/'), parts.slice(-2).join('/')]) {
    if (CHINA_TZIDS.has(name.toLowerCase())) return SITE_ZONE;
    if ((name.includes('/') || name === 'UTC') && knownZone(name)) return name;
  }
  return undefined;
}

function knownZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Time = InstanceType<typeof ICAL.Time>;

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (t: { year: number; month: number; day: number }) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;

/** Wall-clock text of a timed value in `zone`. */
function timedText(t: Time, tzid: string | undefined, zone: string): { text?: string; zone?: string; error?: string } {
  const text = `${dateText(t)}T${pad(t.hour)}:${pad(t.minute)}`;
  if (t.zone?.tzid === 'UTC') return { text: convertWallTime(text, 'UTC', zone), zone };
  if (tzid) {
    const z = canonicalZone(tzid);
    if (!z) return { error: `不认识的时区 TZID=${tzid}，请改用 IANA 名称（例如 ${SITE_ZONE}）/ unknown TZID ${tzid}` };
    return { text, zone: z };
  }
  return { text, zone };
}

/** DESCRIPTION as Markdown-safe plain text: Outlook and others send HTML. */
export function plainDescription(s: string): string {
  if (!/<[a-z][^>]*>/i.test(s)) return s.trim();
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h\d)>/gi, '\n\n')
    .replace(/<\/li>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '‹')
    .replace(/&gt;/g, '›')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface IcsOptions {
  /** Zone for UTC and floating times; default Asia/Shanghai. */
  zone?: string;
  /** Organizer of every event (id or name): an organizer's own feed often names a person in ORGANIZER. */
  organizer?: string;
}

type Vevent = InstanceType<typeof ICAL.Component>;
type Ref = ImportRecord['ref'];
type Cells = ImportRecord['cells'];

interface IcsRead {
  records: ImportRecord[];
  problems: RowProblem[];
  notices: string[];
}

export function icsToRecords(text: string, opts: IcsOptions = {}): IcsRead {
  const zone = opts.zone ?? SITE_ZONE;
  const read: IcsRead = { records: [], problems: [], notices: [] };
  let root: Vevent;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    read.notices.push(`无法读取日历文件：${e instanceof Error ? e.message : String(e)} / cannot parse the .ics file`);
    return read;
  }
  const events = root.name === 'vevent' ? [root] : root.getAllSubcomponents('vevent');
  if (events.length === 0) read.notices.push('日历文件里没有活动（VEVENT）/ the .ics file has no VEVENT');
  events.forEach((ve, i) => {
    const uid = String(ve.getFirstPropertyValue('uid') ?? '') || undefined;
    const ref = { kind: 'vevent' as const, n: i + 1, ...(uid ? { uid } : {}) };
    // ical.js throws on a value it cannot read (e.g. an unquoted TZID=UTC+08:00 breaks DTSTART): that
    // is one event's problem, reported at it, not a crash of the whole import.
    try {
      readEvent(ve, ref, zone, opts.organizer, read);
    } catch (e) {
      read.problems.push({ ref, field: '', message: `无法读取这个活动：${e instanceof Error ? e.message : String(e)} / could not read this VEVENT` });
    }
  });
  return read;
}

/** One VEVENT → a record in `read.records`, or its problems in `read.problems`. */
function readEvent(ve: Vevent, ref: Ref, zone: string, organizer: string | undefined, read: IcsRead): void {
  const { records, problems } = read;
  if (ve.hasProperty('recurrence-id')) {
    problems.push({ ref, field: '', severity: 'warning', message: '这是重复活动中单次的修改（RECURRENCE-ID），未导入，请手工修改对应活动 / a changed occurrence of a recurring event was not imported' });
    return;
  }
  const ev = new ICAL.Event(ve);
  const cells: Cells = {};
  cells.title = ev.summary ?? '';
  const problem = readTimes(ve, ev, zone, cells);
  if (problem) {
    problems.push({ ref, ...problem });
    return;
  }
  readDetails(ve, ev, organizer, cells);
  if (ve.hasProperty('exdate') || ve.hasProperty('rdate'))
    problems.push({ ref, field: 'rrule', severity: 'warning', message: 'EXDATE/RDATE（排除或追加的日期）未导入，请检查重复规则 / EXDATE and RDATE were not imported' });
  records.push({ ref, cells });
}

/** DTSTART and DTEND → start, end (and timezone); the problem when they cannot be read. */
function readTimes(ve: Vevent, ev: InstanceType<typeof ICAL.Event>, zone: string, cells: Cells): Pick<RowProblem, 'field' | 'message'> | undefined {
  const dtstart = ve.getFirstProperty('dtstart');
  const s = ev.startDate;
  if (!s || !dtstart) return { field: 'start', message: '缺少开始时间 DTSTART / DTSTART is missing' };
  if (s.isDate) {
    cells.start = dateText(s);
    const e = ev.endDate;
    if (e && e.isDate) {
      const last = e.clone();
      last.adjust(-1, 0, 0, 0);
      if (last.compare(s) > 0) cells.end = dateText(last);
    }
    return undefined;
  }
  const st = timedText(s, dtstart.getParameter('tzid') as string | undefined, zone);
  if (st.error) return { field: 'timezone', message: st.error };
  cells.start = st.text;
  if (st.zone && st.zone !== SITE_ZONE) cells.timezone = st.zone;
  const e = ev.endDate;
  const dtend = ve.getFirstProperty('dtend');
  if (e && !e.isDate) {
    const et = timedText(e, (dtend?.getParameter('tzid') as string | undefined) ?? (dtstart.getParameter('tzid') as string | undefined), zone);
    // Compared as wall-clock times in the start's zone: ical.js compares a TZID time it has no
    // VTIMEZONE for as if it were UTC, and so dropped a UTC end (…Z) after a Beijing-time start.
    const end = et.text && et.zone ? convertWallTime(et.text, et.zone, st.zone!) : undefined;
    if (end && end > st.text!) cells.end = end;
  }
  return undefined;
}

/** Place, link, description, status, categories, organizer and RRULE. */
function readDetails(ve: Vevent, ev: InstanceType<typeof ICAL.Event>, organizer: string | undefined, cells: Cells): void {
  const location = (ev.location ?? '').trim();
  if (/^https?:\/\/\S+$/i.test(location)) cells.online = location;
  else if (location) cells.venue = location;
  const url = String(ve.getFirstPropertyValue('url') ?? '').trim();
  if (url) cells.url = url;
  if (ev.description) cells.description = plainDescription(ev.description);
  const status = String(ve.getFirstPropertyValue('status') ?? '').toLowerCase();
  if (status === 'cancelled') cells.status = 'cancelled';
  const cats = ve.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  if (cats.length) cells.categories = cats.join('、');
  const org = ve.getFirstProperty('organizer');
  const cn = org?.getParameter('cn');
  if (organizer) cells.organizer = organizer;
  else if (cn) cells.organizer = String(cn);
  const rrule = ve.getFirstPropertyValue('rrule');
  if (rrule) cells.rrule = String(rrule);
}
