/**
 * What pages tell the search index: filters, sort, and hidden words in tiers (name > kw > rel),
 * split the way the browser splits queries. Built from the fixture site with a pinned today.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { ageWords, expandAliases, synonymsOf } from '../../src/lib/search/search-aliases.ts';
import { eventSearch, observanceSearch, organizerSearch, searchRecord, venueSearch } from '../../src/lib/search/search-meta.ts';
import { nameToken } from '../../src/lib/search/search-query.ts';
import { dateToken, searchWords, searchWordsOf } from '../../src/lib/search/search-words.ts';

const ROOT = join(import.meta.dirname, '../..');
const { content } = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT);
const q = buildQuery(content);
const TODAY = '2026-09-10';
const rec = (p: Parameters<typeof searchRecord>[0]) => {
  const r = searchRecord(p);
  return { ...r, meta: Object.fromEntries(r.meta), words: (k: string) => (Object.fromEntries(r.meta)[k] ?? '').split(' ') };
};

describe('searchWords', () => {
  it('splits Chinese as the browser splits queries, without punctuation, in lower case', () => {
    expect(searchWords('全国科普月')).toEqual(['全国', '科普', '月']);
    expect(searchWords('“119”消防宣传月')).toEqual(['119', '消防', '宣传', '月']);
    expect(searchWords('AED使用')).toEqual(['aed', '使用']);
  });

  it('keeps a day written as an alias as one word', () => {
    expect(searchWords('5·12')).toEqual(['0512']);
    expect(dateToken('06-06')).toBe('0606');
    expect(dateToken('2026-09-12')).toBe('0912');
  });

  it('lists each word once across texts', () => {
    expect(searchWordsOf(['全国爱眼日', '爱眼日'])).toEqual(['全国', '爱', '眼', '日']);
  });
});

describe('synonyms', () => {
  it('adds the other words of a group a text triggers', () => {
    expect(expandAliases(['全国科技活动周'])).toEqual(['科技周']);
    expect(expandAliases(['全国科普月'])).toEqual(['科普日']);
    expect(expandAliases(['“119”消防宣传月'])).toEqual([]); // has both 消防 and 119
    expect(expandAliases(['全国消防日'])).toEqual(['119']);
    expect(expandAliases(['全国爱眼日'])).toEqual([]);
  });

  it('synonymsOf also lists the words already contained (科协 in 北京市科协)', () => {
    expect(synonymsOf(['北京市科协'])).toEqual(['科协', '科学技术协会']);
  });
});

describe('searchRecord', () => {
  it('keeps the original props contract: type, date, place, aliases', () => {
    const r = rec({ type: '场馆', place: '北京市朝阳区北辰东路5号', aliases: ['中国科技馆', '国家科技馆'] });
    expect(r.filters).toEqual([['type', '场馆']]);
    expect(r.sort).toEqual([]);
    expect(r.meta).toMatchObject({ type: '场馆', place: '北京市朝阳区北辰东路5号' });
    // An organizer's or venue's aliases are its names: whole-name tokens in the top tier.
    expect(r.words('name')).toContain(nameToken('中国科技馆'));
    expect(r.words('kw')).toEqual(expect.arrayContaining(['中国', '科技', '馆', 'zhongguokejiguan', 'zgkjg']));
    // 科技馆 ↔ 科学技术馆
    expect(r.words('kw')).toContain(nameToken('科学技术馆'));
  });

  it('never writes a comma or line break into an attribute value', () => {
    const r = searchRecord({ type: '活动', place: '北京市, 朝阳区\n科普路' });
    expect(r.meta.find(([k]) => k === 'place')![1]).toBe('北京市 朝阳区 科普路');
  });
});

describe('per content type', () => {
  it('an observance: name words, aliases with pinyin, its day, next date for the sort', () => {
    const o = q.observance.get('eye-care-day')!;
    const r = rec(observanceSearch(o, q, TODAY));
    expect(r.meta.type).toBe('纪念日');
    expect(r.meta.when).toBe('2027年6月6日');
    expect(r.sort).toEqual([['date', '2027-06-06']]);
    expect(r.words('name')).toEqual(expect.arrayContaining(['全国', '爱', '眼', '日', 'quanguoaiyanri', 'qgayr', nameToken('全国爱眼日'), nameToken('爱眼日')]));
    expect(r.words('kw')).toEqual(expect.arrayContaining(['aiyanri', '0606']));
    expect(r.words('rel')).toEqual(expect.arrayContaining(['yanri']));
    expect(r.filters).toEqual(expect.arrayContaining([['type', '纪念日'], ['topic', '卫生健康']]));
  });

  it('an upcoming event: its name in the `upcoming` tier, filters for topic, audience, region chain and year', () => {
    const e = q.event.get('2026-09-12-first-aid-training')!;
    const r = rec(eventSearch(e, q, TODAY));
    expect(r.meta).toMatchObject({ type: '活动', when: '2026年9月12日（星期六）14:00–16:30', end: '2026-09-12', place: '测试科学中心 · 北京市朝阳区' });
    expect(r.meta.name).toBeUndefined();
    expect(r.words('upcoming')).toEqual(expect.arrayContaining(['世界', '急救', '日', 'aed']));
    expect(r.words('kw')).toContain('0912');
    // No pinyin for event titles (a cost for every event, and nobody spells them).
    expect([...r.words('upcoming'), ...r.words('kw'), ...r.words('rel')].filter((w) => /^shijie/.test(w))).toEqual([]);
    // Its observance and campaign are related names (lowest tier), as words and whole-name tokens;
    // a word already in its name is not repeated.
    expect(r.words('rel')).toEqual(expect.arrayContaining(['科普', nameToken('世界急救日'), nameToken('全国科普月'), nameToken('科普月')]));
    expect(r.words('rel')).not.toContain('急救');
    expect(r.filters).toEqual([
      ['type', '活动'],
      ['topic', '卫生健康'],
      ['topic', '应急和防灾减灾'],
      ['audience', '公众'],
      ['audience', '老年人'],
      ['region', '北京市朝阳区'],
      ['region', '北京市'],
      ['year', '2026'],
    ]);
    expect(r.sort).toEqual([['date', '2026-09-12']]);
  });

  it('a past event has its name in the lower `past` tier', () => {
    const r = rec(eventSearch(q.event.get('2025-09-13-past-event')!, q, TODAY));
    expect(r.meta.upcoming).toBeUndefined();
    expect(r.meta.name).toBeUndefined();
    expect(r.words('past')).toEqual(expect.arrayContaining(['测试', '往', '期', '活动', nameToken('测试往期活动')]));
  });

  it('an event that is still running on the build day counts as upcoming', () => {
    const r = rec(eventSearch(q.event.get('2026-09-20-science-fair')!, q, '2026-09-21'));
    expect(r.meta.upcoming).toBeDefined();
  });

  it('organizers and venues: name, short name and aliases as names, region filters', () => {
    const org = rec(organizerSearch(q.organizer.get('test-science-society')!, q));
    expect(org.words('name')).toEqual(expect.arrayContaining([nameToken('测试市科普学会'), nameToken('测试学会')]));
    expect(org.filters).toEqual([['type', '机构'], ['region', '北京市朝阳区'], ['region', '北京市']]);
    const venue = rec(venueSearch(q.venue.get('test-science-center')!, q));
    expect(venue.meta.place).toBe('测试市朝阳区科普路1号');
    expect(venue.words('name')).toEqual(expect.arrayContaining(['测试', '科学', '中心']));
  });
});

describe('words families type (issue 18)', () => {
  const rel = (id: string) => rec(eventSearch(q.event.get(id)!, q, TODAY)).words('rel');

  it('an audience’s aliases and their group: the 儿童和家庭 fair is found by 亲子, 少儿, 孩子', () => {
    const words = rel('2026-09-20-science-fair');
    for (const w of ['亲', '子', '少', '儿', '孩子', '小朋友', '中', '小学生']) expect(words, w).toContain(w);
  });

  it('age words: each year of the range up to 18 and the school stages it overlaps', () => {
    expect(ageWords(6, 14)).toEqual(['6岁', '7岁', '8岁', '9岁', '10岁', '11岁', '12岁', '13岁', '14岁', '幼儿', '学龄前', '小学生', '初中生', '中学生']);
    expect(ageWords(60, undefined)).toEqual([]);
    expect(ageWords(undefined, 2)).toEqual(['0岁', '1岁', '2岁', '婴幼儿']);
    expect(ageWords(undefined, undefined)).toEqual([]);
    const forThree = rec(eventSearch({ ...q.event.get('2026-09-20-science-fair')!, ageMin: 3, ageMax: 8 }, q, TODAY)).words('rel');
    expect(forThree).toEqual(expect.arrayContaining(['3', '岁', '幼儿', '小学生']));
    expect(rel('2026-09-12-first-aid-training')).not.toContain('岁');
  });

  it('the groups of the query table', () => {
    expect(synonymsOf(['古生物课堂'])).toEqual(['恐龙', '古生物', '化石']);
    expect(synonymsOf(['航空航天'])).toEqual(['太空', '航天', '宇宙']);
    expect(synonymsOf(['人工智能'])).toEqual(['人工智能', 'AI', '机器人']);
    expect(synonymsOf(['心肺复苏与AED使用'])).toEqual(['急救', '心肺复苏', 'CPR', 'AED', '除颤仪', '自动体外除颤器']);
  });
});
