/**
 * Feed assembly in src/lib/ical/ical.ts beyond the golden scenarios: events in UTC, zone aliases, the
 * calendar description, ORGANIZER parameter escaping, the default body length, RRULE and UNTIL forms,
 * and the observance feed's summaries, descriptions, SEQUENCE and series — each on a made-up entry,
 * read back as unfolded lines.
 */
import { describe, expect, it } from 'vitest';
import { eventsFeed, foldLine, normalizeRrule, observanceSequence, observancesFeed, type ObservanceFeedItem } from '../../src/lib/ical/ical.ts';
import type { FeedLookups } from '../../src/lib/ical/ical-fields.ts';
import { event, feedOptions, lookups, observance } from '../fixtures/ical/scenarios.ts';
import ICAL from 'ical.js';
import { readIcsEvents } from '../helpers/ics-check.ts';

const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const prop = (ics: string, name: string) => lines(ics).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
const e = (over: Partial<Parameters<typeof event>[0]> = {}) => event({ id: '2026-09-12-x', title: '测试讲座', start: '2026-09-12T14:00', end: '2026-09-12T16:00', ...over });
const feed = (entries = [e()], opts = feedOptions, l: FeedLookups = lookups) => eventsFeed(entries, l, opts);
/** DESCRIPTION of each event, unescaped by ical.js. */
const descriptions = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('description')));

describe('events', () => {
  it('an event in UTC is written in UTC, without a VTIMEZONE', () => {
    for (const tz of ['UTC', 'Etc/UTC']) {
      const ics = feed([e({ timezone: tz })]);
      expect(prop(ics, 'DTSTART'), tz).toEqual(['DTSTART:20260912T140000Z']);
      expect(prop(ics, 'DTEND'), tz).toEqual(['DTEND:20260912T160000Z']);
      expect(ics, tz).not.toContain('BEGIN:VTIMEZONE');
    }
  });

  it('zones used get one VTIMEZONE each, sorted by name, whatever the event order; aliases keep their name', () => {
    const ics = feed([e({ id: 'a', timezone: 'Europe/Berlin' }), e({ id: 'b' }), e({ id: 'c', timezone: 'Asia/Calcutta' }), e({ id: 'd', timezone: 'Europe/Berlin' })]);
    expect(prop(ics, 'TZID')).toEqual(['TZID:Asia/Calcutta', 'TZID:Asia/Shanghai', 'TZID:Europe/Berlin']);
    expect(prop(ics, 'X-LIC-LOCATION')).toEqual(['X-LIC-LOCATION:Asia/Calcutta', 'X-LIC-LOCATION:Asia/Shanghai', 'X-LIC-LOCATION:Europe/Berlin']);
    expect(ics).not.toContain('\r\r');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('X-WR-CALDESC only when the feed has a description', () => {
    expect(prop(feed(), 'X-WR-CALDESC')).toEqual(['X-WR-CALDESC:测试用的活动日历，内容均为示例。']);
    expect(prop(feed([e()], { ...feedOptions, description: undefined }), 'X-WR-CALDESC')).toEqual([]);
    expect(prop(feed([e()], { ...feedOptions, description: '' }), 'X-WR-CALDESC')).toEqual([]);
  });

  it('ORGANIZER’s CN escapes ^ and " (RFC 6868) and is one line', () => {
    const l: FeedLookups = { ...lookups, organizers: new Map([['o', { id: 'o', name: '示例"学会"^\n科普部', type: 'association', aliases: [], file: '' }]]) };
    expect(prop(feed([e({ organizer: 'o' })], feedOptions, l), 'ORGANIZER')).toEqual(['ORGANIZER;CN="示例^\'学会^\'^^ 科普部":https://kepu.example.org/organizers/o/']);
    expect(prop(feed([e({ organizer: 'nobody' })]), 'ORGANIZER')).toEqual([]);
  });

  it('the body is cut at 2000 characters unless the feed says otherwise', () => {
    const desc = (opts = feedOptions) => descriptions(feed([e({ body: '长'.repeat(3000) })], opts))[0]!;
    expect(desc().match(/长/g)!.length).toBeLessThanOrEqual(2000);
    expect(desc().match(/长/g)!.length).toBeGreaterThan(1900);
    expect(desc({ ...feedOptions, bodyMax: 10 }).match(/长/g)!.length).toBeLessThanOrEqual(10);
  });

  it('a timed event without an end has no DTEND; location and categories only when there are some', () => {
    const ics = feed([e({ end: undefined, topics: [] })]);
    expect(prop(ics, 'DTEND')).toEqual([]);
    expect(prop(ics, 'LOCATION')).toEqual([]);
    expect(prop(ics, 'CATEGORIES')).toEqual([]);
    expect(prop(ics, 'LAST-MODIFIED')).toEqual([]);
    expect(prop(feed([e({ topics: ['health', 'nope'] })]), 'CATEGORIES')).toEqual(['CATEGORIES:卫生健康,nope']);
  });
});

describe('zones whose offset changed', () => {
  it('Asia/Almaty (+06 → +05 in 2024) keeps its TZID, with the change in its VTIMEZONE', () => {
    const ics = feed([e({ timezone: 'Asia/Almaty' })]);
    expect(prop(ics, 'DTSTART').at(-1)).toBe('DTSTART;TZID=Asia/Almaty:20260912T140000');
    expect(lines(ics).join('\n')).toContain('TZOFFSETTO:+0500\nDTSTART:20240301T000000');
    expect(readIcsEvents(ics)[0]!.start).toBe('2026-09-12T09:00:00Z');
  });

  it('zones west of Greenwich and China’s other names keep their TZID (America/Panama, Asia/Chongqing)', () => {
    // (The other DTSTART lines are the VTIMEZONE's own.)
    expect(prop(feed([e({ timezone: 'America/Panama' })]), 'DTSTART').at(-1)).toBe('DTSTART;TZID=America/Panama:20260912T140000');
    expect(prop(feed([e({ timezone: 'Asia/Chongqing' })]), 'DTSTART').at(-1)).toBe('DTSTART;TZID=Asia/Chongqing:20260912T140000');
  });
});

describe('order and text', () => {
  it('events at the same instant are ordered by UID, whatever the input order', () => {
    const [b, a] = [e({ id: 'b', title: '乙' }), e({ id: 'a', title: '甲' })];
    const uids = (x: string) => readIcsEvents(x).map((v) => v.uid);
    expect(uids(feed([b, a]))).toEqual(['a@kepu.example.org', 'b@kepu.example.org']);
    expect(uids(feed([a, b]))).toEqual(['a@kepu.example.org', 'b@kepu.example.org']);
  });

  it('many events at one instant: UID order from any input order', () => {
    const ids = ['d', 'b', 'e', 'a', 'c'];
    const uids = readIcsEvents(feed(ids.map((id) => e({ id, title: id })))).map((v) => v.uid);
    expect(uids).toEqual(['a', 'b', 'c', 'd', 'e'].map((id) => `${id}@kepu.example.org`));
  });

  it('a long calendar name is unfolded from the generator and folded once; quotes stay as written', () => {
    const name = '科普日历 · 一个很长很长的订阅名称，用来测试折行是否正确，“引号”也照原样写出';
    const ics = feed([e()], { ...feedOptions, name });
    expect(prop(ics, 'X-WR-CALNAME')).toEqual([`X-WR-CALNAME:${name}`]);
    expect(prop(ics, 'NAME')).toEqual([`NAME:${name}`]);
    expect(prop(feed([e()], { ...feedOptions, name: '名"称' }), 'X-WR-CALNAME')).toEqual(['X-WR-CALNAME:名"称']);
  });

  it('a timed event in UTC without an end; an entry without a body has no body block', () => {
    expect(prop(feed([e({ timezone: 'UTC', end: undefined })]), 'DTEND')).toEqual([]);
    expect(descriptions(feed([e({ body: undefined })]))[0]).toBe('主办：示例市科学技术协会\n详情：https://kepu.example.org/events/2026-09-12-x/');
  });

  it('a date the validator should have refused stops the feed, naming the field', () => {
    expect(() => feed([e({ start: '2026-02-30T14:00' })])).toThrow(/invalid start "2026-02-30T14:00"/);
    expect(() => feed([e({ end: '2026-02-30T16:00' })])).toThrow(/invalid end "2026-02-30T16:00"/);
    expect(() => feed([e({ start: '2026-02-30', startDate: '2026-02-30', allDay: true, end: undefined, endDate: '2026-03-01' })])).toThrow(/invalid (start|date) "2026-02-30"/);
  });
});

describe('folding by octets', () => {
  it('2-octet, 3-octet and 4-octet characters, and the code points where the size changes', () => {
    expect(foldLine('é'.repeat(38))).toBe(`${'é'.repeat(37)}\r\n é`);
    expect(foldLine('\u0080'.repeat(38))).toBe(`${'\u0080'.repeat(37)}\r\n \u0080`);
    expect(foldLine('\u0800'.repeat(26))).toBe(`${'\u0800'.repeat(25)}\r\n \u0800`);
    expect(foldLine('科'.repeat(25))).toBe('科'.repeat(25));
    for (const c of ['😀', '𐀀', '\udbff\udfff']) expect(foldLine(c.repeat(19)), c).toBe(`${c.repeat(18)}\r\n ${c}`);
    // A lone high surrogate at the end is one 3-octet unit (what a UTF-8 encoder writes for it).
    expect(foldLine(`${'a'.repeat(72)}\ud83d`)).toBe(`${'a'.repeat(72)}\ud83d`);
  });
});

describe('RRULE', () => {
  const z = { allDay: false, zone: 'Asia/Shanghai' };
  it('names upper-cased, empty parts dropped, FREQ anywhere', () => {
    expect(normalizeRrule(' rrule:byday=sa;;freq=weekly ', z)).toBe('BYDAY=SA;FREQ=WEEKLY');
  });

  it('an invalid rule or UNTIL names its owner and shows at most 80 characters', () => {
    expect(() => normalizeRrule(`FREQ=WEEKLY;X=${'a'.repeat(100)} Y`, z, 'ev-1')).toThrow(new RegExp(`^ical: ev-1: invalid RRULE "FREQ=WEEKLY;X=${'a'.repeat(66)}"$`));
    expect(() => normalizeRrule('FREQ=WEEKLY;UNTIL=2026103', z, 'ev-2')).toThrow(/^ical: ev-2: invalid UNTIL "2026103"$/);
    expect(() => normalizeRrule('FREQ=WEEKLY;UNTIL=20261031X', z)).toThrow(/^ical: rrule: invalid UNTIL/);
    expect(() => normalizeRrule('XFREQ=WEEKLY', z)).toThrow(/invalid RRULE/);
    expect(() => normalizeRrule('FREQ=WEEKLY1', z)).toThrow(/invalid RRULE/);
  });

  it('UNTIL: digits only, and a date that exists', () => {
    expect(() => normalizeRrule('FREQ=DAILY;UNTIL=X20261031', z)).toThrow(/invalid UNTIL "X20261031"/);
    expect(() => normalizeRrule('FREQ=DAILY;UNTIL=20261340T000000Z', { allDay: true, zone: 'Asia/Shanghai' })).toThrow(/invalid UNTIL "2026-13-40T00:00:00"/);
    expect(() => normalizeRrule('FREQ=DAILY;UNTIL=20261340T100000', z)).toThrow(/invalid UNTIL "2026-13-40T10:00:00"/);
    expect(() => normalizeRrule('FREQ=DAILY;UNTIL=20261340', z)).toThrow(/invalid UNTIL "2026-13-40(T23:59:59)?"/);
  });

  it('UNTIL for all-day events is a DATE: a UTC time becomes the local day; a local time is cut to its day', () => {
    expect(normalizeRrule('FREQ=DAILY;UNTIL=20261031T200000', { allDay: true, zone: 'Asia/Shanghai' })).toBe('FREQ=DAILY;UNTIL=20261031');
    expect(normalizeRrule('FREQ=DAILY;UNTIL=20261031T150000Z', { allDay: true, zone: 'Asia/Shanghai' })).toBe('FREQ=DAILY;UNTIL=20261031');
    expect(normalizeRrule('FREQ=DAILY;UNTIL=20261031T160000Z', { allDay: true, zone: 'Asia/Shanghai' })).toBe('FREQ=DAILY;UNTIL=20261101');
    expect(normalizeRrule('FREQ=DAILY;UNTIL=20261031T100000', { allDay: true, zone: 'Asia/Shanghai' })).toBe('FREQ=DAILY;UNTIL=20261031');
  });
});

describe('observances', () => {
  const item = (over: Partial<Parameters<typeof observance>[0]>, occurrences: ObservanceFeedItem['occurrences'], rrule?: string): ObservanceFeedItem => ({
    observance: observance({ id: 'd', name: '测试日', rule: { type: 'fixed', date: '06-06' }, ...over }),
    occurrences,
    ...(rrule ? { rrule } : {}),
  });
  const obsFeed = (items: ObservanceFeedItem[]) => observancesFeed(items, { ...feedOptions, name: '纪念日' }, { topics: lookups.topics });
  const desc = (i: ObservanceFeedItem) => descriptions(obsFeed([i]));

  it('SEQUENCE: 1 only for a year announced for a rule announced each year', () => {
    const announced = observance({ id: 'w', name: 'w', rule: { type: 'announced' } });
    expect(observanceSequence(announced, { year: 2026, start: '2026-05-17', end: '2026-05-23', announced: true })).toBe(1);
    expect(observanceSequence(announced, { year: 2026, start: '2026-05-17', end: '2026-05-23', announced: true, tentative: true })).toBe(0);
    expect(observanceSequence(announced, { year: 2026, start: '2026-05-17', end: '2026-05-23' })).toBe(0);
    expect(observanceSequence(observance({ id: 'f', name: 'f', rule: { type: 'fixed', date: '06-06' } }), { year: 2026, start: '2026-06-06', end: '2026-06-06', announced: true })).toBe(0);
  });

  it('a 预计 year: dated summary prefix, the window in words, TENTATIVE, SEQUENCE 0', () => {
    const ics = obsFeed([item({ rule: { type: 'announced' }, kind: 'campaign' }, [{ year: 2027, start: '2027-05-21', end: '2027-05-31', tentative: true }])]);
    const [ev] = readIcsEvents(ics);
    expect(ev).toMatchObject({ summary: '【日期待公布】测试日（预计5月下旬）', status: 'TENTATIVE', sequence: 0, start: '2027-05-21', end: '2027-06-01' });
    expect(descriptions(ics)[0]).toContain('日期待公布：这是通常的时间（预计5月下旬），公布后本日程会自动改为正式日期。');
  });

  it('the description: English name, level in Chinese, years, sources, themes, an unverified note, the first paragraph of history', () => {
    const [d] = desc(
      item(
        {
          nameEn: 'Test\nDay',
          level: 'local',
          established: 1990,
          endedYear: 2030,
          source: { title: '决议', url: 'https://example.org/r' },
          themes: { '2026': { text: '主题\n一' } },
          dates: { '2026': { start: '2026-06-06', source: { title: '通知', url: 'https://example.org/n' } } },
          verified: false,
          body: '# 标题\n   ## 小标题\n##不是标题\n\n第二段',
        },
        [{ year: 2026, start: '2026-06-06', end: '2026-06-06' }],
      ),
    );
    expect(d).toBe(
      [
        '测试日（Test Day）',
        '设立：示例国际组织（地方，1990 年起，2030 年止）',
        '依据：决议 https://example.org/r',
        '2026 年主题：主题 一',
        '2026 年日期依据：通知 https://example.org/n',
        '注：本条信息尚待核实。',
        '',
        '历史背景：##不是标题',
        '',
        '详情：https://kepu.example.org/observances/d/',
      ].join('\n'),
    );
  });

  it('history: headings left out (not a C# in the text), the first paragraph only; no body, no history', () => {
    const hist = (body: string | undefined) => desc(item({ body }, [{ year: 2026, start: '2026-06-06', end: '2026-06-06' }]))[0]!.split('\n\n')[1];
    expect(hist('C# 课程从这里开始。')).toBe('历史背景：C# 课程从这里开始。');
    expect(hist('##\n正文')).toBe('历史背景：正文');
    expect(hist(undefined)).toBe('详情：https://kepu.example.org/observances/d/');
  });

  it('a series starts at the earliest occurrence however they come, with or without lookups', () => {
    const occ = [{ year: 2027, start: '2027-06-06', end: '2027-06-06' }, { year: 2026, start: '2026-06-06', end: '2026-06-06' }, { year: 2028, start: '2028-06-06', end: '2028-06-06' }];
    const rule = 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6';
    expect(readIcsEvents(observancesFeed([item({ topics: ['health'] }, occ, rule)], feedOptions)).map((e) => e.start)).toEqual(['2026-06-06']);
    expect(readIcsEvents(obsFeed([item({}, occ, rule)])).map((e) => e.start)).toEqual(['2026-06-06']);
  });

  it('an observance feed needs no lookups; a bad occurrence date names the observance', () => {
    expect(readIcsEvents(observancesFeed([item({ topics: ['health'] }, [{ year: 2026, start: '2026-06-06', end: '2026-06-06' }])], feedOptions))).toHaveLength(1);
    expect(() => obsFeed([item({}, [{ year: 2026, start: '2026-02-30', end: '2026-02-30' }])])).toThrow(/invalid (d start|date) "2026-02-30"/);
  });

  it('a series’ UNTIL date stays a DATE (observances are all-day)', () => {
    expect(prop(obsFeed([item({}, [{ year: 2020, start: '2020-06-06', end: '2020-06-06' }], 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6;UNTIL=20241231')]), 'RRULE')).toEqual(['RRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6;UNTIL=20241231']);
  });

  it('without themes, dates or history: none of those lines', () => {
    const [d] = desc(item({ level: 'international', established: undefined, themes: undefined, dates: undefined }, [{ year: 2026, start: '2026-06-06', end: '2026-06-06' }]));
    expect(d).toBe('测试日\n设立：示例国际组织（国际）\n依据：示例决议（测试）\n\n详情：https://kepu.example.org/observances/d/');
  });

  it('a series starts at the earliest occurrence; an ended one stops unless its rule already ends', () => {
    const occ = [
      { year: 2027, start: '2027-06-06', end: '2027-06-06' },
      { year: 2026, start: '2026-06-06', end: '2026-06-06' },
    ];
    const ics = obsFeed([item({ endedYear: 2030 }, occ, 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6')]);
    expect(readIcsEvents(ics).map((x) => [x.uid, x.start])).toEqual([['obs-d@kepu.example.org', '2026-06-06']]);
    expect(prop(ics, 'RRULE')).toEqual(['RRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6;UNTIL=20301231']);
    expect(prop(obsFeed([item({ endedYear: 2030 }, occ, 'COUNT=3;FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6')]), 'RRULE')).toEqual(['RRULE:COUNT=3;FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6']);
    expect(readIcsEvents(obsFeed([item({}, [], 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6')]))).toEqual([]);
    const three = [2027, 2028, 2026, 2029].map((y) => ({ year: y, start: `${y}-06-06`, end: `${y}-06-06` }));
    for (const occs of [three, [...three].reverse(), [three[1]!, three[3]!, three[2]!, three[0]!]]) {
      expect(readIcsEvents(obsFeed([item({}, occs, 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6')]))[0]!.start).toBe('2026-06-06');
    }
  });

  it('year by year otherwise, in date order, with categories from the topics', () => {
    const ics = obsFeed([item({ topics: ['health'] }, [{ year: 2027, start: '2027-06-06', end: '2027-06-06' }, { year: 2026, start: '2026-06-06', end: '2026-06-07' }])]);
    expect(readIcsEvents(ics).map((x) => [x.uid, x.start, x.end])).toEqual([
      ['obs-d-2026@kepu.example.org', '2026-06-06', '2026-06-08'],
      ['obs-d-2027@kepu.example.org', '2027-06-06', '2027-06-07'],
    ]);
    expect(prop(ics, 'CATEGORIES')).toEqual(['CATEGORIES:卫生健康', 'CATEGORIES:卫生健康']);
    expect(prop(ics, 'DTSTAMP')).toEqual(['DTSTAMP:20260605T160000Z', 'DTSTAMP:20270605T160000Z']);
  });
});
