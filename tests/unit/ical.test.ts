/**
 * Behaviour of the iCal library beyond the golden bytes: what subscribers rely on when entries
 * change (UID, SEQUENCE, DTSTAMP), statuses, zones, text safety, the observance feed and the
 * add-to-calendar links.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  eventUid,
  eventsFeed,
  foldLine,
  googleCalendarUrl,
  normalizeRrule,
  observancesFeed,
  outlookCalendarUrl,
  sequenceOf,
} from '../../src/lib/ical/ical.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';
import { SITE, event, feedOptions, lookups, observanceItems, scenarios } from '../fixtures/ical/scenarios.ts';

const base = scenarios.timed!;
/** Copies of the entries: ical.ts renders an entry object once per build, and each test must run the rendering it checks. */
const feed = (events = [base], opts = feedOptions) => eventsFeed(events.map((e) => ({ ...e })), lookups, opts);
/** Logical (unfolded) content lines of a feed. */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const prop = (ics: string, name: string) => lines(ics).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('UID', () => {
  it('is the entry id @ the site host, whatever the path, port or trailing slash', () => {
    expect(eventUid({ id: 'abc' }, 'https://kepu.example.org')).toBe('abc@kepu.example.org');
    expect(eventUid({ id: 'abc' }, 'https://kepu.example.org:8443/sub/')).toBe('abc@kepu.example.org');
  });

  it('does not change when the title, the dates or the status change', () => {
    const moved = { ...base, title: '全新的标题', start: '2026-10-01T09:00', end: '2026-10-01T10:00', startDate: '2026-10-01', endDate: '2026-10-01', status: 'postponed' as const, previousStart: base.start };
    const [a] = readIcsEvents(feed([base]));
    const [b] = readIcsEvents(feed([moved]));
    expect(b!.uid).toBe(a!.uid);
    expect(b!.summary).not.toBe(a!.summary);
    expect(b!.start).not.toBe(a!.start);
  });
});

describe('SEQUENCE and DTSTAMP', () => {
  it('SEQUENCE grows with `updated`, minute by minute, and never comes from the clock', () => {
    const seqs = ['2026-08-20T10:30', '2026-08-20T10:31', '2026-09-01T08:00', '2027-01-01'].map((updated) => sequenceOf({ ...base, updated }));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[1]! - seqs[0]!).toBe(1);
    // 2024-01-01 08:00 in Shanghai is the epoch (00:00Z) itself.
    expect(sequenceOf({ ...base, updated: '2024-01-01T08:00' })).toBe(0);
  });

  it('an explicit `sequence` wins; without `updated` a changed status still outranks the original', () => {
    expect(sequenceOf({ ...base, sequence: 3 })).toBe(3);
    expect(sequenceOf({ ...base, updated: undefined, status: 'scheduled' })).toBe(0);
    expect(sequenceOf({ ...base, updated: undefined, status: 'cancelled' })).toBe(1);
  });

  it('a postponed event carries a higher SEQUENCE and its new dates', () => {
    const before = readIcsEvents(feed([{ ...base, updated: '2026-08-20T10:30' }]))[0]!;
    const after = readIcsEvents(
      feed([{ ...base, status: 'postponed', previousStart: base.start, start: '2026-09-19T14:00', end: '2026-09-19T16:30', startDate: '2026-09-19', endDate: '2026-09-19', updated: '2026-09-05T09:00' }]),
    )[0]!;
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start).toBe('2026-09-19T06:00:00Z');
    expect(after.status).toBe('CONFIRMED');
    expect(after.summary).toMatch(/^【已改期】/);
  });

  it('a postponed event without new dates is TENTATIVE', () => {
    const [e] = readIcsEvents(feed([{ ...base, status: 'postponed', previousStart: undefined }]));
    expect(e!.status).toBe('TENTATIVE');
    expect(e!.summary).toMatch(/^【延期】/);
  });

  it('DTSTAMP and LAST-MODIFIED are `updated` converted to UTC', () => {
    const ics = feed([{ ...base, updated: '2026-08-20T10:30' }]);
    expect(prop(ics, 'DTSTAMP')).toEqual(['DTSTAMP:20260820T023000Z']);
    expect(prop(ics, 'LAST-MODIFIED')).toEqual(['LAST-MODIFIED:20260820T023000Z']);
  });

  it('without `updated`, DTSTAMP is the start (stable across builds) and LAST-MODIFIED is left out', () => {
    const ics = feed([{ ...base, updated: undefined }]);
    expect(prop(ics, 'DTSTAMP')).toEqual(['DTSTAMP:20260912T060000Z']);
    expect(prop(ics, 'LAST-MODIFIED')).toEqual([]);
    expect(feed([{ ...base, updated: undefined }])).toBe(ics);
  });
});

describe('statuses', () => {
  it('a cancelled event stays in the feed with STATUS:CANCELLED, and the feed has no METHOD', () => {
    const ics = feed([scenarios.cancelled!, base]);
    const events = readIcsEvents(ics);
    expect(events.map((e) => e.status).sort()).toEqual(['CANCELLED', 'CONFIRMED']);
    expect(ics).not.toMatch(/^METHOD:/m);
    expect(events.find((e) => e.status === 'CANCELLED')!.summary).toMatch(/^【已取消】/);
  });

  it('moved online: LOCATION becomes the online URL and GEO goes', () => {
    const ics = feed([scenarios['moved-online']!]);
    expect(prop(ics, 'LOCATION')).toEqual(['LOCATION:https://live.example.org/talk']);
    expect(prop(ics, 'GEO')).toEqual([]);
  });

  it('unverified facts are TENTATIVE and say so', () => {
    const ics = feed([{ ...base, verified: false }]);
    expect(prop(ics, 'STATUS')).toEqual(['STATUS:TENTATIVE']);
    expect(prop(ics, 'DESCRIPTION')[0]).toContain('尚待核实');
  });
});

describe('dates and zones', () => {
  it('all-day events are VALUE=DATE with the day after the last day as DTEND', () => {
    const ics = feed([scenarios['all-day-multi-day']!]);
    expect(prop(ics, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20260915']);
    expect(prop(ics, 'DTEND')).toEqual(['DTEND;VALUE=DATE:20261001']);
    const one = event({ id: 'one-day', title: '一天', start: '2026-12-31', venue: 'example-library' });
    expect(prop(feed([one]), 'DTEND')).toEqual(['DTEND;VALUE=DATE:20270101']);
  });

  it('timed events carry TZID and the feed a VTIMEZONE for every zone used', () => {
    const hk = event({ id: 'hk', title: '香港', start: '2026-09-12T10:00', timezone: 'Asia/Hong_Kong', venue: 'example-library' });
    const ics = feed([base, hk]);
    expect(prop(ics, 'TZID').sort()).toEqual(['TZID:Asia/Hong_Kong', 'TZID:Asia/Shanghai']);
    expect(prop(ics, 'DTSTART').filter((l) => l.includes('TZID=')).sort()).toEqual(['DTSTART;TZID=Asia/Hong_Kong:20260912T100000', 'DTSTART;TZID=Asia/Shanghai:20260912T140000']);
    assertIcs({ label: 'two zones', bytes: ics });
  });

  it('an all-day-only feed needs no VTIMEZONE', () => {
    expect(feed([scenarios['all-day-multi-day']!])).not.toContain('BEGIN:VTIMEZONE');
  });

  it('every zone the runtime knows gets its own VTIMEZONE (Asia/Chongqing, which the old 2018 bundle lacked)', () => {
    const cq = event({ id: 'cq', title: '重庆', start: '2026-09-12T10:00', end: '2026-09-12T11:00', timezone: 'Asia/Chongqing', venue: 'example-library' });
    const ics = feed([cq]);
    expect(ics).toContain('\r\nDTSTART;TZID=Asia/Chongqing:20260912T100000\r\n');
    expect(prop(ics, 'TZID')).toEqual(['TZID:Asia/Chongqing']);
    expect(readIcsEvents(ics)[0]!.start).toBe('2026-09-12T02:00:00Z');
    // UNTIL still means "through that local day" in Chongqing.
    expect(prop(feed([{ ...cq, rrule: 'FREQ=DAILY;UNTIL=20260915' }]), 'RRULE')).toEqual(['RRULE:FREQ=DAILY;UNTIL=20260915T155959Z']);
    assertIcs({ label: 'chongqing', bytes: ics });
  });

  it('an alias the bundle files under another name keeps a matching TZID (Asia/Calcutta)', () => {
    const cal = event({ id: 'in', title: '印度', start: '2026-09-12T10:00', timezone: 'Asia/Calcutta', venue: 'example-library' });
    const ics = feed([cal]);
    expect(prop(ics, 'TZID')).toEqual(['TZID:Asia/Calcutta']);
    assertIcs({ label: 'calcutta', bytes: ics });
  });

  it('a zone with daylight saving time is read right by both parsers', () => {
    const ny = event({ id: 'ny', title: '纽约', start: '2026-07-04T18:00', end: '2026-07-04T20:00', timezone: 'America/New_York', venue: 'example-library' });
    const ics = feed([ny]);
    expect(readIcsEvents(ics)[0]!.start).toBe('2026-07-04T22:00:00Z');
    assertIcs({ label: 'new york', bytes: ics });
  });

  it('the order of the input does not change the bytes', () => {
    const all = Object.values(scenarios);
    expect(feed([...all].reverse())).toBe(feed(all));
  });

  it('an entry rendered for one feed is reused only under the same site, lookups and body length', () => {
    // The same entry object each time (not feed(), which copies): this is about the cache.
    const e = { ...base, body: '很长的正文。'.repeat(10) };
    const a = eventsFeed([e], lookups, feedOptions);
    expect(eventsFeed([e], lookups, feedOptions)).toBe(a);
    expect(readIcsEvents(eventsFeed([e], lookups, { ...feedOptions, site: 'https://other.example.org' }))[0]!.uid).toBe(`${e.id}@other.example.org`);
    const renamed = { ...lookups, organizers: new Map([...lookups.organizers].map(([k, v]) => [k, { ...v, name: `${v.name}（新）` }])) };
    expect(lines(eventsFeed([e], renamed, feedOptions)).join('\n')).toContain('（新）');
    expect(eventsFeed([e], lookups, { ...feedOptions, bodyMax: 5 })).not.toBe(a);
    expect(eventsFeed([e], lookups, feedOptions)).toBe(a);
  });

  it('two events with the same id are refused', () => {
    expect(() => feed([base, { ...base, title: '复制' }])).toThrow(/duplicate UID/);
  });
});

describe('RRULE', () => {
  it('writes UNTIL as RFC 5545 requires: UTC for zoned events, a DATE for all-day ones', () => {
    expect(normalizeRrule('FREQ=WEEKLY;UNTIL=20261031', { allDay: false, zone: 'Asia/Shanghai' })).toBe('FREQ=WEEKLY;UNTIL=20261031T155959Z');
    expect(normalizeRrule('RRULE:freq=weekly;until=20261031T100000', { allDay: false, zone: 'Asia/Shanghai' })).toBe('FREQ=WEEKLY;UNTIL=20261031T020000Z');
    expect(normalizeRrule('FREQ=DAILY;UNTIL=20261031T020000Z', { allDay: false, zone: 'Asia/Shanghai' })).toBe('FREQ=DAILY;UNTIL=20261031T020000Z');
    expect(normalizeRrule('FREQ=DAILY;UNTIL=20261031T170000Z', { allDay: true, zone: 'Asia/Shanghai' })).toBe('FREQ=DAILY;UNTIL=20261101');
    expect(normalizeRrule('FREQ=YEARLY;BYMONTH=9;BYDAY=2SA', { allDay: true, zone: 'Asia/Shanghai' })).toBe('FREQ=YEARLY;BYMONTH=9;BYDAY=2SA');
  });

  it('refuses anything that could break out of the property', () => {
    for (const bad of ['FREQ=WEEKLY\r\nX-EVIL:1', 'FREQ=WEEKLY;COUNT=4:X', 'COUNT=4', 'FREQ=WEEKLY;UNTIL=2026-10-31']) {
      expect(() => normalizeRrule(bad, { allDay: false, zone: 'Asia/Shanghai' })).toThrow(/invalid/);
    }
  });

  it('the recurring scenario expands to its four Saturdays in both readings', () => {
    const ics = feed([scenarios.rrule!]);
    expect(prop(ics, 'RRULE')).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20261031T155959Z']);
    expect(readIcsEvents(ics)[0]!.recurring).toBe(true);
    assertIcs({ label: 'rrule', bytes: ics });
  });
});

describe('folding', () => {
  // A small deterministic generator: the same "random" lines on every run.
  function* lcg(seed: number) {
    for (;;) yield (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  }
  const alphabet = ['a', 'Z', '9', ';', '\\', 'é', 'Ω', '科', '普', '，', '😀', '𠀀', ' '];

  it('cuts at ≤ 75 octets per line, never inside a character, and unfolds to the original', () => {
    const rnd = lcg(42);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 500; n++) {
      const len = Math.floor(rnd.next().value! * 200);
      const line = 'DESCRIPTION:' + Array.from({ length: len }, () => alphabet[Math.floor(rnd.next().value! * alphabet.length)]).join('');
      const folded = foldLine(line);
      for (const [i, phys] of folded.split('\r\n').entries()) {
        const bytes = Buffer.from(phys, 'utf8');
        expect(bytes.length).toBeLessThanOrEqual(75);
        expect(() => decoder.decode(bytes)).not.toThrow();
        if (i > 0) expect(phys.startsWith(' ')).toBe(true);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });

  it('uses the whole 75 octets before folding', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    // 25 Chinese characters = 75 octets exactly; the 26th starts a continuation line.
    expect(foldLine('科'.repeat(26))).toBe(`${'科'.repeat(25)}\r\n 科`);
  });
});

describe('text safety', () => {
  it('CR/LF in any text field cannot add a property or a component', () => {
    const evil = { ...base, title: '标题\r\nX-EVIL:1', summary: '简介\nEND:VEVENT', body: '正文\r\nBEGIN:VEVENT\rUID:x\n', updated: undefined };
    const ics = feed([evil], { ...feedOptions, name: '名称\r\nX-EVIL-CAL:1', description: '说明\nMETHOD:CANCEL' });
    const names = lines(ics).map((l) => /^[A-Z-]+/.exec(l)?.[0]);
    expect(names).not.toContain('X-EVIL');
    expect(names).not.toContain('X-EVIL-CAL');
    expect(names).not.toContain('METHOD');
    expect(names.filter((n) => n === 'UID')).toHaveLength(1);
    expect(readIcsEvents(ics)).toHaveLength(1);
    assertIcs({ label: 'injection', bytes: ics });
  });

  it('escapes \\ ; , in TEXT and round-trips the long Chinese text through both parsers', () => {
    const ics = feed([scenarios['long-chinese']!]);
    const [e] = readIcsEvents(ics);
    expect(e!.summary).toBe(scenarios['long-chinese']!.title);
    expect(prop(ics, 'SUMMARY')[0]).toContain('科普\\, 进社区\\; 进校园\\\\进乡村');
    for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  });

  it('ORGANIZER is a valid CAL-ADDRESS: the organizer page, CN quoted', () => {
    expect(prop(feed([base]), 'ORGANIZER')).toEqual(['ORGANIZER;CN="示例急救学会, 科普部; 测试\\组":https://kepu.example.org/organizers/example-society/']);
  });

  it('the feed header has the names, the zone and the refresh interval', () => {
    // Calendar properties all come before the first component (RFC 5545 §3.4).
    const all = lines(feed([base], { ...feedOptions, ttlHours: 6 }));
    const head = all.slice(0, all.indexOf('BEGIN:VTIMEZONE'));
    expect(head).toEqual(
      expect.arrayContaining([
        'X-WR-CALNAME:科普日历 · 测试',
        'X-WR-CALDESC:测试用的活动日历，内容均为示例。',
        'X-WR-TIMEZONE:Asia/Shanghai',
        'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
        'X-PUBLISHED-TTL:PT6H',
      ]),
    );
    const ics = feed([base], { ...feedOptions, ttlHours: 6 });
    expect(prop(ics, 'REFRESH-INTERVAL')).toEqual(['REFRESH-INTERVAL;VALUE=DURATION:PT6H']);
    expect(prop(ics, 'X-PUBLISHED-TTL')).toEqual(['X-PUBLISHED-TTL:PT6H']);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('an empty feed is still a valid calendar', () => {
    const ics = feed([]);
    assertIcs({ label: 'empty', bytes: ics });
    expect(readIcsEvents(ics)).toEqual([]);
  });
});

describe('observance feed', () => {
  // Rendered in each test, not once for the file: mutation testing credits a line to the tests that
  // run it, and a line run outside any test to all of them (a "static" mutant, ~100× slower).
  let ics = '';
  let events: ReturnType<typeof readIcsEvents> = [];
  beforeEach(() => {
    ics = observancesFeed(observanceItems, { ...feedOptions, name: '纪念日' }, { topics: lookups.topics });
    events = readIcsEvents(ics);
  });

  it('one all-day event per year, or one recurring event when an RRULE is given', () => {
    expect(events.map((e) => e.uid).sort()).toEqual([
      'obs-example-discontinued-day@kepu.example.org',
      'obs-example-eye-day@kepu.example.org',
      'obs-example-science-week-2026@kepu.example.org',
      'obs-example-science-week-2027@kepu.example.org',
    ]);
    expect(events.every((e) => e.allDay)).toBe(true);
    const week = events.find((e) => e.uid.startsWith('obs-example-science-week-2026'))!;
    expect([week.start, week.end]).toEqual(['2026-05-17', '2026-05-24']);
  });

  it('a discontinued observance stops recurring after its last year', () => {
    expect(prop(ics, 'RRULE')).toContain('RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=3SA;UNTIL=20241231');
  });

  it('the description names the authority, the source and links to the page', () => {
    const d = lines(ics).find((l) => l.startsWith('DESCRIPTION:示例科技活动周'))!;
    expect(d).toContain('设立：示例部门\\, 科普司\\; 测试');
    expect(d).toContain('依据：关于举办示例科技活动周的通知（测试） https://kepu.example.org/source/week');
    expect(d).toContain('2026 年主题：');
    expect(d).toContain(`详情：${SITE}/observances/example-science-week/`);
    expect(d).not.toContain('第二段');
  });

  it('passes all three readings', () => {
    assertIcs({ label: 'observances', bytes: ics });
  });
});

describe('add-to-calendar links', () => {
  it('Google: UTC times with the event zone, all-day dates with an exclusive end', () => {
    const u = new URL(googleCalendarUrl(base, lookups, SITE));
    expect(u.origin + u.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(u.searchParams.get('action')).toBe('TEMPLATE');
    expect(u.searchParams.get('text')).toBe(base.title);
    expect(u.searchParams.get('dates')).toBe('20260912T060000Z/20260912T083000Z');
    expect(u.searchParams.get('ctz')).toBe('Asia/Shanghai');
    expect(u.searchParams.get('location')).toBe('示例科学中心，北京市西城区示例路 1 号');
    expect(u.searchParams.get('details')).toContain(`${SITE}/events/${base.id}/`);
    const allDay = new URL(googleCalendarUrl(scenarios['all-day-multi-day']!, lookups, SITE));
    expect(allDay.searchParams.get('dates')).toBe('20260915/20261001');
    expect(allDay.searchParams.has('ctz')).toBe(false);
  });

  it('Outlook: the compose deeplink with UTC ISO times or all-day dates', () => {
    const u = new URL(outlookCalendarUrl(base, lookups, SITE));
    expect(u.searchParams.get('rru')).toBe('addevent');
    expect(u.searchParams.get('subject')).toBe(base.title);
    expect(u.searchParams.get('startdt')).toBe('2026-09-12T06:00:00Z');
    expect(u.searchParams.get('enddt')).toBe('2026-09-12T08:30:00Z');
    expect(u.searchParams.get('allday')).toBe('false');
    const allDay = new URL(outlookCalendarUrl(scenarios['all-day-multi-day']!, lookups, SITE));
    expect([allDay.searchParams.get('startdt'), allDay.searchParams.get('enddt'), allDay.searchParams.get('allday')]).toEqual(['2026-09-15', '2026-10-01', 'true']);
  });

  it('links stay short: the body is cut, the page URL kept', () => {
    const long = { ...base, body: '很长的正文。'.repeat(500) };
    const g = googleCalendarUrl(long, lookups, SITE);
    expect(g.length).toBeLessThan(6000);
    expect(new URL(g).searchParams.get('details')).toContain(`${SITE}/events/${base.id}/`);
  });

  it('an online event links its URL as the location', () => {
    const u = new URL(googleCalendarUrl(scenarios['online-only']!, lookups, SITE));
    expect(u.searchParams.get('location')).toBe('https://live.example.org/astro?room=1,2');
  });
});
