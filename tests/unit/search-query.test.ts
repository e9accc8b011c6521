/** What the search box sends to Pagefind: tidy queries, one word per day, one word per whole name. */
import { describe, expect, it } from 'vitest';
import { joinedPinyin, monthDayOf, monthDayToken, nameToken, normalizeQuery } from '../../src/lib/search/search-query.ts';

describe('normalizeQuery', () => {
  it.each([
    ['5·12', '0512'],
    ['5.12', '0512'],
    ['5月12日', '0512'],
    ['5 月 12 号', '0512'],
    ['5-12', '0512'],
    ['5/12 急救', '0512 急救'],
    ['５・１２', '0512'],
    ['11·9', '1109'],
    ['2026年5月12日', '2026 0512'],
    ['2025.9.1', '2025 0901'],
    ['2026-09-12 急救', '2026 0912 急救'],
  ])('writes the day %s as the index word %s', (raw, want) => {
    expect(normalizeQuery(raw)).toBe(want);
  });

  it.each([
    ['8.0级地震', '8.0级地震'], // not a day: 0 is no day of the month
    ['13·45', '13·45'], // no 13th month
    ['119', '119'],
    ['2008年', '2008年'],
  ])('leaves numbers that are not days alone: %s', (raw, want) => {
    expect(normalizeQuery(raw)).toBe(want);
  });

  it('turns full-width letters into half-width, drops quotes and brackets, collapses spaces', () => {
    expect(normalizeQuery('  “全国爱眼日”  ')).toBe('全国爱眼日');
    expect(normalizeQuery('ＡＥＤ（除颤仪）')).toBe('AED 除颤仪');
    expect(normalizeQuery('《科普之光》')).toBe('科普之光');
    expect(normalizeQuery('“119”消防')).toBe('119 消防');
    expect(normalizeQuery('   ')).toBe('');
  });
});

describe('month-day tokens', () => {
  it('are zero-padded so that 1·12 and 11·2 differ', () => {
    expect(monthDayToken(1, 12)).toBe('0112');
    expect(monthDayToken(11, 2)).toBe('1102');
  });

  it('recognise a whole alias written as a day, and nothing else', () => {
    expect(monthDayOf('5·12')).toBe('0512');
    expect(monthDayOf('6月6日')).toBe('0606');
    expect(monthDayOf('12·1')).toBe('1201');
    expect(monthDayOf('512')).toBeUndefined();
    expect(monthDayOf('5·12汶川地震')).toBeUndefined();
    expect(monthDayOf('2·30')).toBe('0230'); // lenient: 2·30 is never an alias anyway
    expect(monthDayOf('0·5')).toBeUndefined();
  });
});

describe('nameToken', () => {
  it('is the same for the same name however it is typed, and fixed-length', () => {
    const t = nameToken('科普月')!;
    expect(t).toMatch(/^0h[0-9a-z]{7}$/);
    expect(nameToken('科普 月')).toBe(t);
    expect(nameToken('“科普月”')).toBe(t);
    expect(nameToken('全国科普月')).not.toBe(t);
  });

  it('exists only for text with Chinese (pinyin and Latin words match as they are)', () => {
    expect(nameToken('aiyanri')).toBeUndefined();
    expect(nameToken('119')).toBeUndefined();
    expect(nameToken('AED使用')).toMatch(/^0h/);
  });

  it('differs across the shipped observance names (no collisions among similar names)', () => {
    const names = ['全国爱眼日', '全国爱牙日', '全国爱耳日', '世界爱眼日', '爱眼日', '科普日', '科普月', '全国科普日', '全国科普月', '科技周', '科技活动周'];
    expect(new Set(names.map(nameToken)).size).toBe(names.length);
  });
});

describe('joinedPinyin', () => {
  it('joins pinyin typed with spaces, and only Latin-letter queries', () => {
    expect(joinedPinyin('ai yan ri')).toBe('aiyanri');
    expect(joinedPinyin('Quan Guo  Ai Yan Ri')).toBe('quanguoaiyanri');
    expect(joinedPinyin('aiyanri')).toBeUndefined();
    expect(joinedPinyin('爱眼 日')).toBeUndefined();
    expect(joinedPinyin('5 12')).toBeUndefined();
  });
});
