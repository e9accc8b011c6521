/**
 * VTIMEZONEs made from the runtime's tz data (src/lib/ical/vtimezone.ts) must give, in a client's hands,
 * the offset Intl gives — every 6 h 17 min from 2020 to 2030 — for a sample of zones: China's, zones
 * with daylight saving in both hemispheres, and zones whose rules changed since the 2018 data we
 * used to ship (Mexico City and Tehran dropped DST in 2022, Volgograd moved in 2020, Casablanca and
 * Santiago shift every year). The old data put Mexico City an hour off from 2023 on.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventsFeed } from '../../src/lib/ical/ical.ts';
import { offsetMinutes, vtimezoneFromIntl } from '../../src/lib/ical/vtimezone.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';
import { feedOptions, lookups, scenarios } from '../fixtures/ical/scenarios.ts';

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'America/Mexico_City', 'Asia/Tehran', 'Europe/Volgograd', 'Africa/Casablanca', 'America/Santiago', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Apia', 'Asia/Kolkata'];
const HOUR = 3_600_000;

/** Offsets (minutes) ical.js reads from our VTIMEZONE where Intl disagrees, away from the changes themselves. */
function disagreements(zone: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezoneFromIntl(zone).replace(/\n/g, '\r\n')}\r\nEND:VCALENDAR`));
  const tz = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
  const bad: string[] = [];
  for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 6 * HOUR + 17 * 60_000) {
    const want = offsetMinutes(zone, ms);
    if (offsetMinutes(zone, ms - 3 * HOUR) !== offsetMinutes(zone, ms + 3 * HOUR)) continue; // a wall time near a change is ambiguous
    const local = new Date(ms + want * 60_000);
    const t = new ICAL.Time({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: 0, isDate: false }, ICAL.Timezone.localTimezone);
    const got = tz.utcOffset(t) / 60;
    if (got !== want) bad.push(`${new Date(ms).toISOString()}: ${got} ≠ ${want}`);
  }
  return bad;
}

describe('VTIMEZONE from the runtime tz data agrees with Intl, 2020–2030', () => {
  for (const zone of ZONES) it(zone, () => expect(disagreements(zone).slice(0, 3)).toEqual([]));

  it('Mexico City: the daylight-saving rule ends in 2022 (UNTIL), standard time after', () => {
    const v = vtimezoneFromIntl('America/Mexico_City');
    expect(v).toMatch(/RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=2022\d{4}T\d{6}Z/);
    expect(offsetMinutes('America/Mexico_City', Date.UTC(2026, 6, 1))).toBe(-360);
  });

  it('China: one STANDARD component, +0800', () => {
    expect(vtimezoneFromIntl('Asia/Shanghai')).toBe(
      ['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'X-LIC-LOCATION:Asia/Shanghai', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'].join('\n'),
    );
  });

  it('a July 2026 event in Mexico City and Tehran: the feed says 18:00 local = the right UTC instant (python-icalendar too)', () => {
    const mx = { ...scenarios.timed!, id: 'mx', start: '2026-07-04T18:00', end: '2026-07-04T20:00', timezone: 'America/Mexico_City' };
    const th = { ...scenarios.timed!, id: 'th', start: '2026-07-04T18:00', end: '2026-07-04T20:00', timezone: 'Asia/Tehran' };
    const ics = eventsFeed([mx, th], lookups, feedOptions);
    const starts = Object.fromEntries(readIcsEvents(ics).map((e) => [e.uid.split('@')[0], e.start]));
    expect(starts).toEqual({ mx: '2026-07-05T00:00:00Z', th: '2026-07-04T14:30:00Z' });
    assertIcs({ label: 'mexico-tehran', bytes: ics });
  });
});
