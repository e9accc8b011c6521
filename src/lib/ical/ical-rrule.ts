/**
 * RRULE values for feeds (RFC 5545 §3.3.10): checked to be one line of rule characters (no
 * property can be injected) and normalised, UNTIL of the type the event's DTSTART demands.
 */
import { wallTime, zonedInstant } from '../time/zones.ts';


/**
 * Check and normalise an RRULE value: one line, only rule characters (no CR/LF, so no property
 * can be injected), FREQ present, names upper-cased, UNTIL of the type RFC 5545 §3.3.10 demands —
 * a DATE for all-day events, a UTC date-time for zoned ones (a bare date there means "through that
 * local day").
 */
export function normalizeRrule(rule: string, opts: { allDay: boolean; zone: string }, owner = 'rrule'): string {
  // Stryker disable next-line Regex: equivalent — a valid rule holds “RRULE:” nowhere but at its start
  const s = rule.trim().replace(/^RRULE:/i, '');
  if (!/^[A-Za-z0-9=;,+-]+$/.test(s) || !/(^|;)FREQ=[A-Za-z]+(;|$)/i.test(s)) {
    throw new Error(`ical: ${owner}: invalid RRULE "${rule.slice(0, 80)}"`);
  }
  return s
    .split(';')
    .filter(Boolean)
    .map((part) => {
      // Stryker disable next-line StringLiteral: unreachable — split always gives a first part, and a missing value fails FREQ or UNTIL above
      const [k = '', v = ''] = part.split('=');
      const key = k.toUpperCase();
      if (key !== 'UNTIL') return `${key}=${v.toUpperCase()}`;
      return `UNTIL=${normalizeUntil(v.toUpperCase(), opts, owner)}`;
    })
    .join(';');
}

function normalizeUntil(v: string, { allDay, zone }: { allDay: boolean; zone: string }, owner: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(v);
  if (!m) throw new Error(`ical: ${owner}: invalid UNTIL "${v}"`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const compact = (s: string) => s.replace(/[-:]/g, '');
  if (allDay) {
    if (m[7]) return compact(wallTime(zonedInstant(`${date}T${m[4]}:${m[5]}:${m[6]}`, 'UTC', 'UNTIL'), zone).slice(0, 10));
    return `${m[1]}${m[2]}${m[3]}`;
  }
  if (m[7]) return v;
  // A bare date means "through that local day": its last second.
  const local = zonedInstant(m[4] ? `${date}T${m[4]}:${m[5]}:${m[6]}` : `${date}T23:59:59`, zone, 'UNTIL');
  return `${compact(wallTime(local, 'UTC'))}Z`;
}

