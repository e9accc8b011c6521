/**
 * VTIMEZONE components (RFC 5545 §3.6.5) made from the time-zone data of the runtime (Node's ICU,
 * i.e. the tz database Node ships and updates), so a feed's zones agree with `Intl` — and with
 * every date this site computes. The package we used before (@touch4it/ical-timezones) carries
 * tzdata 2018g: zones that dropped daylight saving since (America/Mexico_City 2022, Asia/Tehran
 * 2022 …) were an hour off in every subscriber's calendar (issue 17).
 *
 * How: the zone's UTC offset is sampled every two days over YEAR_MIN–YEAR_MAX (+1), each change is
 * narrowed to the minute, and the transitions become STANDARD/DAYLIGHT sub-components. Yearly
 * transitions on the same weekday rule (e.g. the second Sunday of March at 02:00) collapse into one
 * sub-component with an RRULE (and UNTIL when the rule ended), which is how Outlook and phones
 * expect them; irregular ones (Tehran's Persian-calendar dates) are listed one by one. A zone with
 * no change in the window is one STANDARD from 1970. Deterministic for a given Node version;
 * pure (Intl only), cached per zone.
 */
import { YEAR_MAX, YEAR_MIN } from '../content/limits.ts';

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface Transition {
  /** UTC instant of the change. */
  at: number;
  from: number;
  to: number;
  daylight: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `ms`, in minutes (east positive). */
export function offsetMinutes(zone: string, ms: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

function transitions(zone: string): { first: number; list: Transition[] } {
  const start = Date.UTC(YEAR_MIN, 0, 1);
  const end = Date.UTC(YEAR_MAX + 1, 0, 1);
  const list: Transition[] = [];
  let t = start;
  let off = offsetMinutes(zone, t);
  const first = off;
  while (t < end) {
    const next = Math.min(t + 2 * DAY, end);
    const o = offsetMinutes(zone, next);
    if (o !== off) {
      let [lo, hi] = [t, next]; // offset(lo) = off, offset(hi) = o
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(zone, mid) === off) lo = mid;
        else hi = mid;
      }
      list.push({ at: hi, from: off, to: o, daylight: false });
      off = o;
    }
    t = next;
  }
  // Daylight = above the year's lower offset (January vs July, so both hemispheres).
  for (const tr of list) {
    const y = new Date(tr.at).getUTCFullYear();
    tr.daylight = tr.to > Math.min(offsetMinutes(zone, Date.UTC(y, 0, 1)), offsetMinutes(zone, Date.UTC(y, 6, 1)));
  }
  return { first, list };
}

function offsetText(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

/** Local wall time of the onset, in the offset before the change (RFC 5545: DTSTART of a sub-component). */
function onset(tr: Transition): Date {
  return new Date(tr.at + tr.from * 60_000);
}

function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** The BYDAY forms that fit this onset: nth weekday of the month (1–4), and -1 when it is the last. */
function byDayForms(d: Date): string[] {
  const day = d.getUTCDate();
  const wd = WEEKDAYS[d.getUTCDay()]!;
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const forms = day <= 28 ? [`${Math.ceil(day / 7)}${wd}`] : [];
  if (day + 7 > daysInMonth) forms.push(`-1${wd}`);
  return forms;
}

interface Run {
  key: string;
  forms: string[];
  items: Transition[];
}

/** Consecutive years with the same change on the same weekday rule. */
function runs(list: Transition[]): Run[] {
  const out: Run[] = [];
  for (const tr of list) {
    const d = onset(tr);
    const key = `${tr.daylight}|${tr.from}|${tr.to}|${d.getUTCMonth()}|${stamp(d).slice(8)}`;
    const forms = byDayForms(d);
    const open = out.find((r) => r.key === key && new Date(r.items.at(-1)!.at).getUTCFullYear() === d.getUTCFullYear() - 1 && r.forms.some((f) => forms.includes(f)));
    if (open) {
      open.forms = open.forms.filter((f) => forms.includes(f));
      open.items.push(tr);
    } else out.push({ key, forms, items: [tr] });
  }
  return out;
}

function component(tr: Transition, dtstart: string, rrule?: string): string[] {
  const kind = tr.daylight ? 'DAYLIGHT' : 'STANDARD';
  return [`BEGIN:${kind}`, `TZOFFSETFROM:${offsetText(tr.from)}`, `TZOFFSETTO:${offsetText(tr.to)}`, `DTSTART:${dtstart}`, ...(rrule ? [`RRULE:${rrule}`] : []), `END:${kind}`];
}

const cache = new Map<string, string>();

/** The VTIMEZONE for an IANA zone, CRLF-free lines joined by \n (the feed folds and ends them). */
export function vtimezoneFromIntl(zone: string): string {
  const hit = cache.get(zone);
  if (hit) return hit;
  const { first, list } = transitions(zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  // Before the first change in the window: the offset of 1 January YEAR_MIN, from 1970 on.
  lines.push(...component({ at: 0, from: first, to: first, daylight: list.length > 0 && list[0]!.from > list[0]!.to }, '19700101T000000'));
  for (const r of runs(list)) {
    const head = r.items[0]!;
    if (r.items.length < 2) {
      lines.push(...component(head, stamp(onset(head))));
      continue;
    }
    const last = r.items.at(-1)!;
    // A rule still in force runs to the end of the window; one that stopped (Mexico 2022) gets UNTIL.
    const ongoing = new Date(last.at).getUTCFullYear() >= YEAR_MAX;
    const until = ongoing ? '' : `;UNTIL=${stamp(new Date(last.at))}Z`;
    lines.push(...component(head, stamp(onset(head)), `FREQ=YEARLY;BYMONTH=${onset(head).getUTCMonth() + 1};BYDAY=${r.forms.at(-1)}${until}`));
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\n');
  cache.set(zone, text);
  return text;
}
