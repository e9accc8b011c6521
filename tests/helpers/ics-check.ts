/**
 * A strict checker for the iCalendar files we publish, used by the unit tests on golden files and,
 * later, on every .ics of the built site. Three independent readings:
 *
 * 1. the bytes, by hand (RFC 5545 §3.1): CRLF only and a final CRLF, every physical line ≤ 75
 *    octets, no UTF-8 character split across a fold, no control characters, TEXT values escaped,
 *    components balanced, the required properties (VERSION, PRODID; UID, DTSTAMP in UTC, DTSTART),
 *    unique UIDs, VALUE=DATE events with a later exclusive DTEND, a VTIMEZONE for every TZID;
 * 2. ical.js (Mozilla's parser): parses, every event readable, RRULEs expandable, and each zoned
 *    DTSTART — read through the feed's own VTIMEZONE — the same instant as the tz database says;
 * 3. Debian's python3-icalendar (/usr/bin/python3): parses, no property errors recorded on any
 *    component, every DTSTART/DTEND decodable, and the same UTC instants as ical.js.
 *
 * `checkIcs()` returns a list of problems (empty = good); `assertIcs()` throws with all of them.
 */
import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { TZDate } from '@date-fns/tz/date';

export const PYTHON = '/usr/bin/python3';
const MAX_OCTETS = 75;

/** Properties of TEXT type whose `\ ; ,` and newlines must arrive escaped. */
const TEXT_PROPS = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT', 'NAME', 'X-WR-CALNAME', 'X-WR-CALDESC', 'CONTACT', 'RESOURCES']);

export interface IcsInput {
  /** Shown in problems, e.g. `dist/calendar.ics`. */
  label: string;
  /** The file's bytes (or its text, which is encoded as UTF-8). */
  bytes: Uint8Array | string;
}

export interface CheckOptions {
  /** Run python3-icalendar as well (default true). */
  python?: boolean;
}

function toBytes(b: Uint8Array | string): Uint8Array {
  return typeof b === 'string' ? new TextEncoder().encode(b) : b;
}

interface Line {
  /** 1-based number of the first physical line. */
  no: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Split an unfolded content line into name, parameters and value (quotes respected). */
function parseContentLine(text: string, no: number): Line | string {
  const m = /^([A-Za-z0-9-]+)/.exec(text);
  if (!m) return `line ${no}: not a content line: ${JSON.stringify(text.slice(0, 40))}`;
  const name = m[1]!.toUpperCase();
  const params: Record<string, string> = {};
  let i = m[1]!.length;
  while (text[i] === ';') {
    const pm = /^;([A-Za-z0-9-]+)=/.exec(text.slice(i));
    if (!pm) return `line ${no}: ${name}: malformed parameter`;
    i += pm[0].length;
    let v = '';
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return `line ${no}: ${name}: unterminated quoted parameter`;
      v = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const pv = /^[^";:,]*/.exec(text.slice(i))![0];
      v = pv;
      i += pv.length;
    }
    // Multi-valued parameters: keep the raw list.
    while (text[i] === ',') {
      const more = /^,("[^"]*"|[^";:,]*)/.exec(text.slice(i))!;
      v += more[0];
      i += more[0].length;
    }
    params[pm[1]!.toUpperCase()] = v;
  }
  if (text[i] !== ':') return `line ${no}: ${name}: missing ":" before the value`;
  return { no, name, params, value: text.slice(i + 1) };
}

/** Reading 1: the bytes and the structure. */
export function checkIcsStructure(input: Uint8Array | string): string[] {
  const bytes = toBytes(input);
  const out: string[] = [];
  if (bytes.length === 0) return ['empty file'];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) out.push('starts with a UTF-8 byte order mark');

  // Physical lines, CRLF only.
  const physical: Uint8Array[] = [];
  const bareLf: number[] = [];
  const bareCr: number[] = [];
  let startAt = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d) {
      if (bytes[i + 1] !== 0x0a) bareCr.push(physical.length + 1);
      else {
        physical.push(bytes.subarray(startAt, i));
        startAt = i + 2;
        i++;
      }
    } else if (b === 0x0a) {
      bareLf.push(physical.length + 1);
      physical.push(bytes.subarray(startAt, i));
      startAt = i + 1;
    }
  }
  if (bareLf.length) out.push(`${bareLf.length} bare LF line end(s), first on line ${bareLf[0]} (only CRLF ends a line)`);
  if (bareCr.length) out.push(`${bareCr.length} bare CR(s), first on line ${bareCr[0]} (only CRLF ends a line)`);
  if (startAt < bytes.length) {
    out.push('no CRLF after the last line');
    physical.push(bytes.subarray(startAt));
  }

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts: string[] = [];
  physical.forEach((p, i) => {
    if (p.length > MAX_OCTETS) out.push(`line ${i + 1}: ${p.length} octets (max ${MAX_OCTETS})`);
    if (p.length === 0) out.push(`line ${i + 1}: empty line`);
    try {
      texts.push(decoder.decode(p));
    } catch {
      out.push(`line ${i + 1}: not valid UTF-8 on its own (a character split across a fold?)`);
      texts.push(new TextDecoder().decode(p));
    }
  });

  // Unfold.
  const logical: { no: number; text: string }[] = [];
  texts.forEach((t, i) => {
    if ((t.startsWith(' ') || t.startsWith('\t')) && logical.length > 0) logical.at(-1)!.text += t.slice(1);
    else if (t.length > 0) logical.push({ no: i + 1, text: t });
  });

  const lines: Line[] = [];
  for (const l of logical) {
    if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(l.text)) out.push(`line ${l.no}: control character in the line`);
    const parsed = parseContentLine(l.text, l.no);
    if (typeof parsed === 'string') out.push(parsed);
    else lines.push(parsed);
  }
  if (lines[0]?.name !== 'BEGIN' || lines[0].value !== 'VCALENDAR') out.push('does not start with BEGIN:VCALENDAR');
  if (lines.at(-1)?.name !== 'END' || lines.at(-1)!.value !== 'VCALENDAR') out.push('does not end with END:VCALENDAR');

  // Components.
  interface Comp {
    name: string;
    no: number;
    props: Line[];
  }
  const stack: Comp[] = [];
  const done: Comp[] = [];
  for (const l of lines) {
    if (l.name === 'BEGIN') {
      stack.push({ name: l.value.toUpperCase(), no: l.no, props: [] });
    } else if (l.name === 'END') {
      const top = stack.pop();
      if (!top || top.name !== l.value.toUpperCase()) {
        out.push(`line ${l.no}: END:${l.value} does not close ${top ? `BEGIN:${top.name} (line ${top.no})` : 'anything'}`);
        if (top) stack.push(top);
      } else done.push(top);
    } else if (stack.length === 0) {
      out.push(`line ${l.no}: ${l.name} outside any component`);
    } else {
      if (stack.length === 1 && done.some((c) => c.no > stack[0]!.no)) out.push(`line ${l.no}: calendar property ${l.name} after a component (RFC 5545 §3.4)`);
      stack.at(-1)!.props.push(l);
    }
    if (TEXT_PROPS.has(l.name) && !/^(?:[^\\;,]|\\[\\;,nN])*$/.test(l.value)) {
      out.push(`line ${l.no}: ${l.name}: unescaped ";", "," or "\\" in a TEXT value`);
    }
    if (l.name === 'CATEGORIES' && !/^(?:[^\\;]|\\[\\;,nN])*$/.test(l.value)) {
      out.push(`line ${l.no}: CATEGORIES: unescaped ";" or "\\"`);
    }
  }
  for (const c of stack) out.push(`line ${c.no}: BEGIN:${c.name} never closed`);

  const count = (c: Comp, name: string) => c.props.filter((p) => p.name === name).length;
  const first = (c: Comp, name: string) => c.props.find((p) => p.name === name);

  const cal = done.find((c) => c.name === 'VCALENDAR');
  if (cal) {
    if (count(cal, 'VERSION') !== 1 || first(cal, 'VERSION')?.value !== '2.0') out.push('VCALENDAR: needs exactly one VERSION:2.0');
    if (count(cal, 'PRODID') !== 1) out.push('VCALENDAR: needs exactly one PRODID');
    if (done.filter((c) => c.name === 'VCALENDAR').length !== 1) out.push('more than one VCALENDAR');
  }

  const zones = new Set<string>();
  for (const c of done.filter((c) => c.name === 'VTIMEZONE')) {
    const id = first(c, 'TZID')?.value;
    if (!id) out.push(`line ${c.no}: VTIMEZONE without TZID`);
    else if (zones.has(id)) out.push(`line ${c.no}: VTIMEZONE ${id} twice`);
    else zones.add(id);
  }
  const observancesOf = done.filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT');
  for (const c of observancesOf) {
    for (const p of ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO']) if (count(c, p) !== 1) out.push(`line ${c.no}: ${c.name} needs one ${p}`);
  }

  const uids = new Map<string, number>();
  for (const c of done.filter((c) => c.name === 'VEVENT' || c.name === 'VTODO' || c.name === 'VJOURNAL')) {
    for (const p of ['UID', 'DTSTAMP', 'DTSTART']) {
      const n = count(c, p);
      if (n !== 1) out.push(`line ${c.no}: ${c.name} has ${n} ${p} (needs exactly one)`);
    }
    const uid = first(c, 'UID')?.value;
    if (uid !== undefined && !first(c, 'RECURRENCE-ID')) {
      if (uids.has(uid)) out.push(`line ${c.no}: UID ${uid} also used at line ${uids.get(uid)}`);
      else uids.set(uid, c.no);
    }
    const stamp = first(c, 'DTSTAMP');
    if (stamp && !/^\d{8}T\d{6}Z$/.test(stamp.value)) out.push(`line ${stamp.no}: DTSTAMP must be a UTC date-time (…Z), got ${stamp.value}`);
    for (const p of ['LAST-MODIFIED', 'CREATED']) {
      const v = first(c, p);
      if (v && !/^\d{8}T\d{6}Z$/.test(v.value)) out.push(`line ${v.no}: ${p} must be a UTC date-time (…Z), got ${v.value}`);
    }
    if (first(c, 'DTEND') && first(c, 'DURATION')) out.push(`line ${c.no}: both DTEND and DURATION`);
    const start = first(c, 'DTSTART');
    const end = first(c, 'DTEND');
    if (start) {
      const isDate = start.params['VALUE'] === 'DATE';
      if (isDate !== /^\d{8}$/.test(start.value)) out.push(`line ${start.no}: DTSTART value does not match VALUE=${start.params['VALUE'] ?? 'DATE-TIME'}`);
      if (!isDate && !/^\d{8}T\d{6}Z?$/.test(start.value)) out.push(`line ${start.no}: malformed DTSTART ${start.value}`);
      if (!isDate && start.params['TZID'] && start.value.endsWith('Z')) out.push(`line ${start.no}: TZID with a UTC time`);
      if (end) {
        const endIsDate = end.params['VALUE'] === 'DATE';
        if (endIsDate !== isDate) out.push(`line ${end.no}: DTEND type differs from DTSTART`);
        if (isDate && endIsDate && !(end.value > start.value)) out.push(`line ${end.no}: all-day DTEND must be after DTSTART (exclusive end)`);
      }
    }
    const rrule = first(c, 'RRULE');
    if (rrule && !/(^|;)FREQ=/.test(rrule.value)) out.push(`line ${rrule.no}: RRULE without FREQ`);
    if (rrule && start) {
      const until = /(?:^|;)UNTIL=([^;]+)/.exec(rrule.value)?.[1];
      if (until) {
        if (start.params['VALUE'] === 'DATE' && !/^\d{8}$/.test(until)) out.push(`line ${rrule.no}: UNTIL must be a DATE for an all-day DTSTART`);
        if (start.params['VALUE'] !== 'DATE' && (start.params['TZID'] || start.value.endsWith('Z')) && !/^\d{8}T\d{6}Z$/.test(until))
          out.push(`line ${rrule.no}: UNTIL must be a UTC date-time for a zoned DTSTART`);
      }
    }
    const status = first(c, 'STATUS')?.value;
    if (status && c.name === 'VEVENT' && !['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(status)) out.push(`line ${c.no}: STATUS ${status} is not valid on VEVENT`);
  }
  for (const l of lines) {
    const tzid = l.params['TZID'];
    if (tzid !== undefined && !zones.has(tzid.replace(/^"|"$/g, ''))) out.push(`line ${l.no}: ${l.name} uses TZID=${tzid} but the file has no VTIMEZONE for it`);
  }
  return out;
}

export interface IcalJsEvent {
  uid: string;
  summary: string;
  /** ISO instant (timed) or date (all-day). */
  start: string;
  end: string | null;
  allDay: boolean;
  sequence: number;
  status: string | null;
  recurring: boolean;
}

function timeToIso(t: ICAL.Time): string {
  if (t.isDate) return t.toString().slice(0, 10);
  // Neither UTC nor a resolvable TZID: a floating local time, as python3-icalendar reports it.
  if (!t.zone || t.zone.tzid === 'floating') return `floating:${t.toString()}`;
  return new Date(t.toUnixTime() * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

/** Reading 2, as data: every VEVENT through ical.js (throws when ical.js cannot parse). */
export function readIcsEvents(text: string): IcalJsEvent[] {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((vevent) => {
    const ev = new ICAL.Event(vevent);
    return {
      uid: ev.uid,
      summary: ev.summary,
      start: timeToIso(ev.startDate),
      end: ev.endDate ? timeToIso(ev.endDate) : null,
      allDay: ev.startDate.isDate,
      sequence: ev.sequence,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      recurring: ev.isRecurring(),
    };
  });
}

/** Reading 2: ical.js parses, events readable, zoned times agree with the tz database. */
export function checkIcsWithIcalJs(text: string): string[] {
  const out: string[] = [];
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    return [`ical.js cannot parse: ${(e as Error).message}`];
  }
  if (root.name !== 'vcalendar') out.push(`ical.js: root component is ${root.name}`);
  for (const vevent of root.getAllSubcomponents('vevent')) {
    let ev: ICAL.Event;
    try {
      ev = new ICAL.Event(vevent);
    } catch (e) {
      out.push(`ical.js: cannot read a VEVENT: ${(e as Error).message}`);
      continue;
    }
    const uid = ev.uid;
    if (!uid) out.push('ical.js: VEVENT without UID');
    for (const name of ['dtstart', 'dtend'] as const) {
      const prop = vevent.getFirstProperty(name);
      if (!prop) continue;
      const t = prop.getFirstValue() as ICAL.Time;
      const tzid = prop.getParameter('tzid') as string | undefined;
      if (tzid) {
        // Read through the feed's VTIMEZONE, compare with the tz database (@date-fns/tz / ICU).
        const viaFeed = t.toUnixTime();
        const viaTzdb = new TZDate(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, tzid).getTime();
        if (Number.isNaN(viaTzdb)) out.push(`ical.js: ${uid} ${name.toUpperCase()}: unknown zone ${tzid}`);
        else if (viaTzdb / 1000 !== viaFeed)
          out.push(`ical.js: ${uid} ${name.toUpperCase()}: the feed's VTIMEZONE puts ${t.toString()} ${tzid} at ${timeToIso(t)}, the tz database at ${new Date(viaTzdb).toISOString()}`);
      }
    }
    if (ev.isRecurring()) {
      try {
        const it = ev.iterator();
        for (let i = 0; i < 3 && it.next(); i++);
      } catch (e) {
        out.push(`ical.js: ${uid}: RRULE cannot be expanded: ${(e as Error).message}`);
      }
    }
  }
  return out;
}

const PY_SCRIPT = String.raw`
import base64, json, sys
import icalendar
from datetime import datetime, date, timezone
def iso(v):
    if isinstance(v, datetime):
        if v.tzinfo is None:
            return 'floating:' + v.isoformat()
        return v.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    if isinstance(v, date):
        return v.isoformat()
    return repr(v)
out = {}
for item in json.load(sys.stdin):
    problems, events = [], []
    try:
        cal = icalendar.Calendar.from_ical(base64.b64decode(item['b64']))
        for comp in cal.walk():
            for err in getattr(comp, 'errors', []) or []:
                problems.append('python3-icalendar: %s: %s' % (comp.name, err))
            if comp.name == 'VEVENT':
                ev = {'uid': str(comp.get('UID'))}
                for key in ('DTSTART', 'DTEND'):
                    if key in comp:
                        try:
                            ev[key.lower()] = iso(comp.decoded(key))
                        except Exception as e:
                            problems.append('python3-icalendar: %s %s: %s' % (ev['uid'], key, e))
                events.append(ev)
    except Exception as e:
        problems.append('python3-icalendar cannot parse: %s: %s' % (type(e).__name__, e))
    out[item['label']] = {'problems': problems, 'events': events}
json.dump(out, sys.stdout)
`;

export interface PythonResult {
  problems: string[];
  events: { uid: string; dtstart?: string; dtend?: string }[];
}

/**
 * Reading 3: python3-icalendar (Debian's, at /usr/bin/python3) on many files in one process.
 * Throws when the interpreter or the module is missing — a checker that cannot run must not pass.
 */
export function checkIcsWithPython(inputs: IcsInput[]): Map<string, PythonResult> {
  const payload = JSON.stringify(inputs.map((i) => ({ label: i.label, b64: Buffer.from(toBytes(i.bytes)).toString('base64') })));
  const r = spawnSync(PYTHON, ['-c', PY_SCRIPT], { input: payload, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    throw new Error(
      `${PYTHON} with icalendar failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr?.slice(0, 500)}\n` +
        '需要 Debian 的 python3-icalendar：apt-get install -y python3-icalendar / install python3-icalendar',
    );
  }
  const data = JSON.parse(r.stdout) as Record<string, PythonResult>;
  return new Map(Object.entries(data));
}

/** python3-icalendar and ical.js must read the same instants (the same UTC time, or the same date). */
function compareReadings(js: IcalJsEvent[], py: PythonResult['events']): string[] {
  const out: string[] = [];
  const byUid = new Map(js.map((e) => [e.uid, e]));
  for (const p of py) {
    const j = byUid.get(p.uid);
    if (!j) {
      out.push(`python3-icalendar sees UID ${p.uid} that ical.js does not`);
      continue;
    }
    if (p.dtstart !== undefined && p.dtstart !== j.start) out.push(`${p.uid}: DTSTART read as ${p.dtstart} by python3-icalendar, ${j.start} by ical.js`);
    if (p.dtend !== undefined && p.dtend !== j.end) out.push(`${p.uid}: DTEND read as ${p.dtend} by python3-icalendar, ${j.end} by ical.js`);
  }
  if (py.length !== js.length) out.push(`python3-icalendar reads ${py.length} events, ical.js ${js.length}`);
  return out;
}

/** All three readings of many files; python runs once. Returns problems per label (only labels with problems). */
export function checkIcsFiles(inputs: IcsInput[], opts: CheckOptions = {}): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const py = opts.python === false ? undefined : checkIcsWithPython(inputs);
  for (const input of inputs) {
    const bytes = toBytes(input.bytes);
    const problems = checkIcsStructure(bytes);
    const text = new TextDecoder().decode(bytes);
    problems.push(...checkIcsWithIcalJs(text));
    if (py) {
      const p = py.get(input.label);
      if (!p) problems.push('python3-icalendar gave no result');
      else {
        problems.push(...p.problems);
        try {
          problems.push(...compareReadings(readIcsEvents(text), p.events));
        } catch {
          // ical.js could not parse: already reported above.
        }
      }
    }
    if (problems.length) result.set(input.label, problems);
  }
  return result;
}

/** All three readings of one file. */
export function checkIcs(bytes: Uint8Array | string, opts: CheckOptions = {}): string[] {
  return checkIcsFiles([{ label: 'ics', bytes }], opts).get('ics') ?? [];
}

/** Throw with every problem of every file, or return quietly. */
export function assertIcs(inputs: IcsInput | IcsInput[], opts: CheckOptions = {}): void {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const bad = checkIcsFiles(list, opts);
  if (bad.size === 0) return;
  const lines = [...bad].flatMap(([label, problems]) => problems.map((p) => `${label}: ${p}`));
  throw new Error(`iCalendar problems (${lines.length}):\n${lines.join('\n')}`);
}
