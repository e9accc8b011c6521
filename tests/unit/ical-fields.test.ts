/**
 * The values an event carries into calendars (src/lib/ical/ical-fields.ts), function by function, on
 * made-up entries: addresses and UIDs, local times read in their zone, SEQUENCE/DTSTAMP from the
 * entry, every status's prefix and note, the place line, coordinates, and each line of the
 * description. The feeds built from them are pinned byte for byte in ical-golden.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  eventDescription,
  eventGeo,
  eventLocation,
  eventTitle,
  eventUid,
  hasNewDates,
  icalStatus,
  lastModifiedOf,
  observanceUid,
  oneLineText,
  sequenceOf,
  showLocal,
  stampOf,
  startInstant,
  statusNote,
  statusPrefix,
  topicLabels,
  type FeedLookups,
} from '../../src/lib/ical/ical-fields.ts';
import type { ObservanceEntry } from '../../src/lib/content/model.ts';
import { siteBase } from '../../src/lib/urls.ts';
import { event, lookups } from '../fixtures/ical/scenarios.ts';

const SITE = 'https://kepu.example.org';
const e = (over: Partial<Parameters<typeof event>[0]> = {}) => event({ id: '2026-09-12-x', title: '测试讲座', start: '2026-09-12T14:00', ...over });

describe('addresses', () => {
  it('the site base loses every trailing slash; UIDs use the host without port', () => {
    expect(siteBase('https://kepu.example.org///')).toBe('https://kepu.example.org');
    expect(siteBase('https://kepu.example.org/a/')).toBe('https://kepu.example.org/a');
    expect(eventUid({ id: 'x' }, 'https://kepu.example.org:8443/')).toBe('x@kepu.example.org');
    expect(observanceUid({ id: 'd' }, SITE)).toBe('obs-d@kepu.example.org');
    expect(observanceUid({ id: 'd' }, SITE, 2026)).toBe('obs-d-2026@kepu.example.org');
  });
});

describe('time', () => {
  it('reads local times in their zone; an empty zone is China’s', () => {
    expect(startInstant({ start: '2026-09-12T14:00', timezone: '' as never }).toISOString()).toBe('2026-09-12T06:00:00.000Z');
    expect(startInstant({ start: '2026-09-12T14:00', timezone: 'Europe/Berlin' }).toISOString()).toBe('2026-09-12T12:00:00.000Z');
  });

  it('an invalid time or zone stops the build, naming what it was', () => {
    expect(() => stampOf({ start: '2026-09-12', updated: '2026-09-1210:00', timezone: 'Asia/Shanghai' })).toThrow(/invalid updated/);
    expect(() => stampOf({ start: '2026-09-1214:00', timezone: 'Asia/Shanghai' })).toThrow(/invalid start/);
    expect(() => sequenceOf({ updated: '2026-09-1210:00', timezone: 'Asia/Shanghai', status: 'scheduled' })).toThrow(/invalid updated/);
    expect(() => lastModifiedOf({ updated: '2026-09-1210:00', timezone: 'Asia/Shanghai' })).toThrow(/invalid updated/);
    expect(() => startInstant({ start: '2026-09-1210:00', timezone: 'Asia/Shanghai' })).toThrow(/invalid start/);
  });

  it('SEQUENCE: the field, else minutes since 2024 to `updated`, else 1 for a changed status, else 0', () => {
    expect(sequenceOf({ sequence: 7, updated: '2026-09-01T10:00', timezone: 'Asia/Shanghai', status: 'cancelled' })).toBe(7);
    expect(sequenceOf({ updated: '2024-01-01T08:01', timezone: 'Asia/Shanghai', status: 'scheduled' })).toBe(1);
    expect(sequenceOf({ updated: '2023-06-01T08:00', timezone: 'Asia/Shanghai', status: 'scheduled' })).toBe(0);
    expect(sequenceOf({ status: 'cancelled', timezone: 'Asia/Shanghai' })).toBe(1);
    expect(sequenceOf({ status: 'scheduled', timezone: 'Asia/Shanghai' })).toBe(0);
    expect(sequenceOf({} as Parameters<typeof sequenceOf>[0])).toBe(0);
  });

  it('DTSTAMP from `updated`, else the start; LAST-MODIFIED only from `updated`', () => {
    expect(stampOf({ start: '2026-09-12T14:00', updated: '2026-09-01T10:00', timezone: 'Asia/Shanghai' }).toISOString()).toBe('2026-09-01T02:00:00.000Z');
    expect(stampOf({ start: '2026-09-12T14:00', timezone: 'Asia/Shanghai' }).toISOString()).toBe('2026-09-12T06:00:00.000Z');
    expect(lastModifiedOf({ updated: '2026-09-01T10:00', timezone: 'Asia/Shanghai' })?.toISOString()).toBe('2026-09-01T02:00:00.000Z');
    expect(lastModifiedOf({ timezone: 'Asia/Shanghai' })).toBeUndefined();
    expect(showLocal('2026-09-12T14:00')).toBe('2026-09-12 14:00');
    expect(showLocal('2026-09-12')).toBe('2026-09-12');
  });
});

describe('status', () => {
  const moved = { status: 'postponed' as const, previousStart: '2026-09-05T14:00', start: '2026-09-12T14:00', verified: true };
  it('new dates only when postponed with a different previous start', () => {
    expect(hasNewDates(moved)).toBe(true);
    expect(hasNewDates({ ...moved, previousStart: moved.start })).toBe(false);
    expect(hasNewDates({ ...moved, previousStart: undefined })).toBe(false);
    expect(hasNewDates({ ...moved, status: 'scheduled' })).toBe(false);
  });

  it('STATUS, title prefix and note for every status', () => {
    const cases = [
      { status: 'scheduled' as const, start: '2026-09-12' },
      { status: 'cancelled' as const, start: '2026-09-12' },
      moved,
      { status: 'postponed' as const, start: '2026-09-12', previousStart: '2026-09-05' },
      { status: 'postponed' as const, start: '2026-09-12', previousStart: '2026-09-12' },
      { status: 'postponed' as const, start: '2026-09-12' },
      { status: 'moved-online' as const, start: '2026-09-12', online: 'https://live.example.org/' },
      { status: 'moved-online' as const, start: '2026-09-12' },
    ] as (Parameters<typeof icalStatus>[0] & Parameters<typeof statusNote>[0])[];
    expect(cases.map((c) => [icalStatus(c), statusPrefix(c), statusNote(c)])).toEqual([
      ['CONFIRMED', '', undefined],
      ['CANCELLED', '【已取消】', '本活动已取消。'],
      ['CONFIRMED', '【已改期】', '本活动已改期：原定 2026-09-05 14:00，改为 2026-09-12 14:00。'],
      ['CONFIRMED', '【已改期】', '本活动已改期：原定 2026-09-05，改为 2026-09-12。'],
      ['TENTATIVE', '【延期】', '本活动已延期（原定 2026-09-12），新时间以主办方公布为准。'],
      ['TENTATIVE', '【延期】', '本活动已延期，新时间以主办方公布为准。'],
      ['CONFIRMED', '【改为线上】', '本活动改为线上举办：https://live.example.org/'],
      ['CONFIRMED', '【改为线上】', '本活动改为线上举办，参加方式见活动页面。'],
    ]);
    expect(icalStatus({ status: 'scheduled', start: '2026-09-12', verified: false } as Parameters<typeof icalStatus>[0])).toBe('TENTATIVE');
    expect(icalStatus({ status: 'cancelled', start: '2026-09-12', verified: false } as Parameters<typeof icalStatus>[0])).toBe('CANCELLED');
  });
});

describe('text', () => {
  it('one line: control characters out, line breaks and the space around them one space, ends trimmed', () => {
    expect(oneLineText('  第一行  \n\n   第二行\r\n第三行 ')).toBe('第一行 第二行 第三行');
    expect(oneLineText('a\u0007b')).toBe('ab');
    expect(oneLineText('a \t b')).toBe('a \t b');
    expect(eventTitle(e({ title: '讲座\n（新）', status: 'cancelled' }))).toBe('【已取消】讲座 （新）');
  });

  it('topic labels from the vocabulary, ids otherwise, empty ones dropped', () => {
    expect(topicLabels(['health', 'unknown', ''], lookups.topics)).toEqual(['卫生健康', 'unknown']);
    expect(topicLabels(['health'])).toEqual(['health']);
  });
});

describe('place', () => {
  it('venue name and address, without repeating a name the address starts with', () => {
    expect(eventLocation(e({ venue: 'example-science-center' }), lookups)).toBe('示例科学中心，北京市西城区示例路 1 号');
    expect(eventLocation(e({ venue: 'example-science-center', address: '示例科学中心东门' }), lookups)).toBe('示例科学中心东门');
    expect(eventLocation(e({ venue: 'example-science-center', address: '东门 示例科学中心' }), lookups)).toBe('示例科学中心，东门 示例科学中心');
    expect(eventLocation(e({ address: '北京市朝阳区\n示例路 9 号' }), lookups)).toBe('北京市朝阳区 示例路 9 号');
    expect(eventLocation(e({ venue: 'no-such-venue' }), lookups)).toBeUndefined();
  });

  it('online: the URL when there is no place, or when the event moved online', () => {
    expect(eventLocation(e({ online: 'https://live.example.org/' }), lookups)).toBe('https://live.example.org/');
    expect(eventLocation(e({ venue: 'example-library', online: 'https://live.example.org/' }), lookups)).toBe('示例图书馆，广州市天河区示例大道 2 号');
    expect(eventLocation(e({ venue: 'example-library', online: 'https://live.example.org/', status: 'moved-online' }), lookups)).toBe('https://live.example.org/');
    expect(eventLocation(e({ venue: 'example-library', status: 'moved-online' }), lookups)).toBe('示例图书馆，广州市天河区示例大道 2 号');
  });

  it('coordinates of the venue, unless it has none or the event left it', () => {
    expect(eventGeo(e({ venue: 'example-science-center' }), lookups)).toEqual({ lat: 39.9, lon: 116.35 });
    expect(eventGeo(e({ venue: 'example-science-center', status: 'moved-online' }), lookups)).toBeUndefined();
    expect(eventGeo(e({ venue: 'example-library' }), lookups)).toBeUndefined();
    expect(eventGeo(e({ venue: 'no-such-venue' }), lookups)).toBeUndefined();
    expect(eventGeo(e({ address: '某地' }), lookups)).toBeUndefined();
  });
});

describe('description', () => {
  const withObs: FeedLookups = { ...lookups, observances: new Map([['day', { id: 'day', name: '世界\n急救日' } as ObservanceEntry]]) };
  const describe_ = (over: Partial<Parameters<typeof event>[0]>, bodyMax = 2000, l: FeedLookups = withObs) => eventDescription(e(over), l, SITE, { bodyMax });

  it('the registry’s other facts (replay, accessibility) each get their line, one line each', () => {
    const d = describe_({ replay: 'https://replay.example.org/v', access: ['wheelchair'] });
    expect(d).toContain('\n回放：https://replay.example.org/v\n');
    expect(d).toMatch(/\n无障碍：[^\n]*轮椅/);
  });

  it('status note, summary, body, then every practical line, the page last', () => {
    expect(
      describe_({
        status: 'postponed',
        summary: '一句\n话',
        body: '## 介绍\n\n**正文**。',
        organizer: 'example-society',
        coOrganizers: ['example-association', 'nobody', 'example-society'],
        online: 'https://live.example.org/',
        venue: 'example-library',
        registration: { url: 'https://reg.example.org/', required: true, deadline: '2026-09-10T18:00', note: '请\n带证件' },
        url: 'https://www.example.org/x',
        observance: 'day',
        verified: false,
      }),
    ).toBe(
      [
        '本活动已延期，新时间以主办方公布为准。',
        '一句 话',
        '介绍\n\n正文。',
        [
          '主办：示例急救学会, 科普部; 测试\\组',
          '协办：示例市科学技术协会、示例急救学会, 科普部; 测试\\组',
          '线上：https://live.example.org/',
          '报名：https://reg.example.org/',
          '报名截止：2026-09-10 18:00',
          '报名说明：请 带证件',
          '官方页面：https://www.example.org/x',
          '相关纪念日：世界 急救日',
          '注：本条信息尚待核实，请以主办方发布为准。',
          '详情：https://kepu.example.org/events/2026-09-12-x/',
        ].join('\n'),
      ].join('\n\n'),
    );
  });

  it('a bare entry: the organizer and the page only', () => {
    expect(describe_({})).toBe('主办：示例市科学技术协会\n详情：https://kepu.example.org/events/2026-09-12-x/');
    expect(describe_({ organizer: 'nobody' })).toBe('详情：https://kepu.example.org/events/2026-09-12-x/');
  });

  it('registration required without a URL says so; no online line when the place already is the URL', () => {
    expect(describe_({ registration: { required: true } })).toContain('\n需要报名\n');
    expect(describe_({ registration: { required: false } })).not.toContain('报名');
    expect(describe_({ online: 'https://live.example.org/' })).not.toContain('线上：');
    expect(describe_({ online: 'https://live.example.org/', status: 'moved-online' })).not.toContain('线上：');
    expect(describe_({ observance: 'day' }, 2000, lookups)).not.toContain('相关纪念日');
    expect(describe_({ observance: 'day' }, 2000, { organizers: lookups.organizers, venues: lookups.venues })).not.toContain('相关纪念日');
  });

  it('the body is cut to bodyMax characters, or left out with 0', () => {
    const long = '很长的正文。'.repeat(100);
    expect(describe_({ body: long }, 0)).toBe('主办：示例市科学技术协会\n详情：https://kepu.example.org/events/2026-09-12-x/');
    const cut = describe_({ body: long }, 20).split('\n\n')[0]!;
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(long.startsWith(cut.replace(/…$/, ''))).toBe(true);
  });
});
