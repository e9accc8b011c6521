/**
 * Reading spreadsheet cells (src/lib/import/import-match.ts) one form at a time: cell values of every type,
 * Excel serial days and time fractions, Chinese date and time writing (上午/中午/下午/晚上, 半, 年月日),
 * ranges in one cell, status and kind words, list separators, and names matched to organizers and
 * venues however they are spaced or punctuated. The fixture sheets of import.test.ts go end to end.
 */
import { describe, expect, it } from 'vitest';
import {
  cellText,
  duplicateIndex,
  duplicateKeys,
  excelSerial,
  matchOrganizer,
  matchVenue,
  nameKey,
  normalizeDateTime,
  normalizeTime,
  readKind,
  readStatus,
  readWhen,
  splitList,
} from '../../src/lib/import/import-match.ts';
import type { OrganizerEntry, VenueEntry } from '../../src/lib/content/model.ts';

const utc = (iso: string) => new Date(`${iso}Z`);

describe('cells', () => {
  it('text is trimmed (no-break spaces too); numbers and booleans as written; other values as text', () => {
    expect(cellText('  \u00a0北京\u00a0市 ')).toBe('北京 市');
    expect(cellText(110108)).toBe('110108');
    expect(cellText(0)).toBe('0');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText({ toString: () => '  x ' })).toBe('x');
    expect(cellText(['a', 'b'])).toBe('a,b');
  });

  it('a date cell: the sheet’s wall-clock time, rounded to the minute; midnight is a date alone', () => {
    expect(cellText(utc('2026-09-12T14:00:00'))).toBe('2026-09-12T14:00');
    expect(cellText(utc('2026-09-12T13:59:59.999'))).toBe('2026-09-12T14:00');
    expect(cellText(utc('2026-09-12T00:00:00'))).toBe('2026-09-12');
    expect(cellText(utc('2026-09-12T00:30:00'))).toBe('2026-09-12T00:30');
    expect(cellText(new Date(Number.NaN))).toBe('');
  });

  it('Excel serial days (1900 system)', () => {
    expect(excelSerial(46277)).toBe('2026-09-12');
    expect(excelSerial(46277 + 14 / 24)).toBe('2026-09-12T14:00');
  });
});

describe('dates and times as people write them', () => {
  it('dates', () => {
    for (const s of ['2026-09-12', '2026/9/12', '2026.9.12', '2026年9月12日', '2026 年 9 月 12 日', '２０２６－０９－１２']) expect(normalizeDateTime(s), s).toBe('2026-09-12');
  });

  it('date-times, with 上午/中午/下午/晚上, 点, 半 and seconds', () => {
    const cases: [string, string][] = [
      ['2026-09-12 14:00', '2026-09-12T14:00'],
      ['2026-09-12T14:00', '2026-09-12T14:00'],
      ['2026/9/12 下午2:00', '2026-09-12T14:00'],
      ['2026/9/12 下午12:00', '2026-09-12T12:00'],
      ['2026/9/12 晚上7点半', '2026-09-12T19:30'],
      ['2026/9/12 上午9点', '2026-09-12T09:00'],
      ['2026/9/12 中午12点', '2026-09-12T12:00'],
      ['2026/9/12 中午1点', '2026-09-12T13:00'],
      ['2026/9/12 中午11点', '2026-09-12T11:00'],
      ['2026年9月12日 9时05分', '2026-09-12T09:05'],
      ['2026-09-12 14:00:30', '2026-09-12T14:00'],
      ['2026-09-12 23:59', '2026-09-12T23:59'],
    ];
    expect(cases.filter(([s, want]) => normalizeDateTime(s) !== want)).toEqual([]);
  });

  it('what cannot be read comes back as written (the schema then explains)', () => {
    for (const s of ['2026-09-12 24:00', '2026-09-12 23:60', '下周六', '2026-09']) expect(normalizeDateTime(s), s).toBe(s);
    expect(normalizeDateTime(' 下周六 ')).toBe('下周六');
  });

  it('Excel cells: Date objects and serial numbers in the plausible range only', () => {
    expect(normalizeDateTime(utc('2026-09-12T14:00:00'))).toBe('2026-09-12T14:00');
    expect(normalizeDateTime(46277)).toBe('2026-09-12');
    expect(normalizeDateTime(20001)).toBe(excelSerial(20001));
    expect(normalizeDateTime(79999)).toBe(excelSerial(79999));
    for (const n of [20000, 80000, 2026, -46277]) expect(normalizeDateTime(n), String(n)).toBe(String(n));
    expect(normalizeDateTime('46277')).toBe('46277');
  });

  it('a time alone: text, an Excel day fraction, or a time-only Date cell', () => {
    expect(normalizeTime('16:30')).toBe('16:30');
    expect(normalizeTime('下午4点半')).toBe('16:30');
    expect(normalizeTime('１６：３０')).toBe('16:30');
    expect(normalizeTime('25:00')).toBeUndefined();
    expect(normalizeTime('2026-09-12')).toBeUndefined();
    expect(normalizeTime(0.5)).toBe('12:00');
    expect(normalizeTime(0)).toBe('00:00');
    expect(normalizeTime(1)).toBeUndefined();
    expect(normalizeTime(-0.5)).toBeUndefined();
    expect(normalizeTime(utc('1899-12-30T16:30:00'))).toBe('16:30');
    expect(normalizeTime(utc('1899-12-30T00:00:00'))).toBe('00:00');
    expect(normalizeTime(utc('1900-01-01T16:30:00'))).toBeUndefined();
  });
});

describe('start and end of a row', () => {
  it('a range written in the start cell', () => {
    const cases: [string, { start: string; end?: string }][] = [
      ['2026-09-12 14:00-16:30', { start: '2026-09-12T14:00', end: '2026-09-12T16:30' }],
      ['2026-09-12 14:00--16:30', { start: '2026-09-12T14:00', end: '2026-09-12T16:30' }],
      ['2026-09-12 14:00 至 16:30', { start: '2026-09-12T14:00', end: '2026-09-12T16:30' }],
      ['2026-09-12 下午2点到下午4点', { start: '2026-09-12T14:00', end: '2026-09-12T16:00' }],
      ['2026-09-12 14:00～16:30', { start: '2026-09-12T14:00', end: '2026-09-12T16:30' }],
      ['2026-09-12 14:00——16:30', { start: '2026-09-12T14:00', end: '2026-09-12T16:30' }],
      ['2026-09-12 14:00–16:30', { start: '2026-09-12T14:00', end: '2026-09-12T16:30' }],
      ['2026-09-01至2026-09-30', { start: '2026-09-01', end: '2026-09-30' }],
      ['2026-09-01-2026-09-30', { start: '2026-09-01', end: '2026-09-30' }],
      ['2026-09-12 14:00 - 16 点', { start: '2026-09-12T14:00', end: '2026-09-12T16:00' }],
      [' 2026-09-12 ', { start: '2026-09-12' }],
    ];
    expect(cases.map(([s]) => readWhen(s, ''))).toEqual(cases.map(([, w]) => w));
  });

  it('a hyphen inside a date is no range; an end cell wins over a range in the start cell', () => {
    expect(readWhen('2026-09-12', undefined)).toEqual({ start: '2026-09-12' });
    expect(readWhen('2026-09-12 14:00-16:30', '17:00')).toEqual({ start: '2026-09-12 14:00-16:30', end: '2026-09-12T17:00' });
    expect(readWhen('至2026-09-30', '')).toEqual({ start: '至2026-09-30' });
  });

  it('an end cell with a time only takes the start’s day; a full end is read as a date', () => {
    expect(readWhen('2026-09-12 14:00', '16:30')).toEqual({ start: '2026-09-12T14:00', end: '2026-09-12T16:30' });
    expect(readWhen('2026-09-12', '2026/9/14')).toEqual({ start: '2026-09-12', end: '2026-09-14' });
    expect(readWhen('下周六', '16:30')).toEqual({ start: '下周六', end: '16:30' });
    expect(readWhen(46277, 0.6875)).toEqual({ start: '2026-09-12', end: '2026-09-12T16:30' });
  });
});

describe('words and lists', () => {
  it('lists split on 、 ， , ； ; and line breaks', () => {
    expect(splitList('公众、老年人，青少年,家庭；农民;妇女\n学生 、 ')).toEqual(['公众', '老年人', '青少年', '家庭', '农民', '妇女', '学生']);
    expect(splitList(undefined)).toEqual([]);
  });

  it('status words', () => {
    const words: [unknown, string | undefined][] = [
      ['', 'scheduled'], ['照常', 'scheduled'], ['正常', 'scheduled'], ['如期', 'scheduled'], ['如期举行', 'scheduled'], ['已确认', 'scheduled'],
      ['取消', 'cancelled'], ['已取消', 'cancelled'], ['停办', 'cancelled'], ['Canceled', 'cancelled'], ['CANCELLED', 'cancelled'],
      ['延期', 'postponed'], ['推迟', 'postponed'], ['改期', 'postponed'], ['postponed', 'postponed'],
      ['改为线上', 'moved-online'], ['改线上', 'moved-online'], ['转为线上', 'moved-online'], ['线上举行', 'moved-online'], ['moved-online', 'moved-online'],
      ['confirmed', 'scheduled'], ['TENTATIVE', 'scheduled'], ['scheduled', 'scheduled'], ['也许', undefined],
    ];
    expect(words.map(([w]) => readStatus(w))).toEqual(words.map(([, s]) => s));
  });

  it('kind words', () => {
    const words: [unknown, string | undefined][] = [
      ['', 'activity'], ['活动', 'activity'], ['Activity', 'activity'], ['征集', 'call'], ['作品征集', 'call'], ['案例征集', 'call'], ['call', 'call'],
      ['截止', 'deadline'], ['申报截止', 'deadline'], ['截止日期', 'deadline'], ['报送截止', 'deadline'], ['DEADLINE', 'deadline'], ['讲座', undefined],
    ];
    expect(words.map(([w]) => readKind(w))).toEqual(words.map(([, s]) => s));
  });
});

describe('names', () => {
  const org = (id: string, name: string, extra: Partial<OrganizerEntry> = {}): OrganizerEntry => ({ id, name, type: 'association', aliases: [], file: `content/organizers/${id}.yaml`, ...extra });
  const orgs = [
    org('beijing-cast', '北京市科学技术协会', { shortName: '北京市科协', nameEn: 'Beijing Association for Science and Technology', aliases: ['市科协'] }),
    org('red-cross', '测试市红十字会'),
  ];

  it('ignores spaces, punctuation, symbols, width and case', () => {
    expect(nameKey(' 北京市 科协（主办）· ＡＢＣ! ')).toBe('北京市科协主办abc');
  });

  it('an organizer by id, name, short name, English name or alias', () => {
    for (const t of ['beijing-cast', ' beijing-cast ', '北京市科学技术协会', '北京市 科协', '北京市科协。', 'beijing association for science and technology', '市科协']) {
      expect(matchOrganizer(t, orgs), t).toEqual({ id: 'beijing-cast' });
    }
  });

  it('an unknown organizer: what to do, and the nearest name when there is one', () => {
    expect(matchOrganizer('测试市红十字', orgs)).toEqual({
      error: '找不到主办单位“测试市红十字”：请写 content/organizers/ 里已有单位的名称或编号，新单位请先用 npm run new -- organizer 添加 / unknown organizer "测试市红十字": add it first with npm run new -- organizer',
      hint: '您是不是要写“测试市红十字会”（red-cross）？/ did you mean red-cross?',
    });
    expect(matchOrganizer('完全不同的单位名称很长很长', orgs)).toMatchObject({ hint: undefined });
  });

  it('a venue by id, name, English name or alias; anything else is an address', () => {
    const venues = [{ id: 'science-center', name: '北京科学中心', nameEn: 'Beijing Science Center', aliases: ['科学中心'], type: 'science-center', region: '110102', file: '' } as VenueEntry];
    for (const t of ['science-center', ' science-center', '北京科学中心', '北京 科学中心', 'beijing science center', '科学中心']) expect(matchVenue(t, venues), t).toBe('science-center');
    expect(matchVenue('北京市西城区北辰东路1号', venues)).toBeUndefined();
    expect(matchVenue('science', venues)).toBeUndefined();
  });
});

describe('duplicates', () => {
  it('same title (spacing and punctuation aside) and first day, with the same organizer or venue', () => {
    expect(duplicateKeys({ title: '急救 培训！', start: '2026-09-12T14:00', organizer: 'o', venue: 'v' })).toEqual(['急救培训|2026-09-12|o:o', '急救培训|2026-09-12|v:v']);
    expect(duplicateKeys({ title: '急救培训', start: '2026-09-12' })).toEqual([]);
    expect(duplicateKeys({ title: '急救培训', start: '2026-09-12', venue: 'v' })).toEqual(['急救培训|2026-09-12|v:v']);
  });

  it('the index points at the first file with a key', () => {
    const idx = duplicateIndex([
      { title: '急救培训', start: '2026-09-12T14:00', organizer: 'o', file: 'a.md' },
      { title: '急救 培训', start: '2026-09-12T09:00', organizer: 'o', venue: 'v', file: 'b.md' },
    ]);
    expect([...idx]).toEqual([
      ['急救培训|2026-09-12|o:o', 'a.md'],
      ['急救培训|2026-09-12|v:v', 'b.md'],
    ]);
  });
});
