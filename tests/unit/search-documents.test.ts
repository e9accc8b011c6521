/**
 * The search index's records (src/lib/search/search-documents.ts): what each page type puts into Pagefind.
 * The ranking and the hits themselves are tested on a real index in tests/site/search.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { eventDocument, observanceDocument, searchBundleFolder, searchBundles, searchDocuments } from '../../src/lib/search/search-documents.ts';

const ROOT = join(import.meta.dirname, '../..');
const { content } = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT);
const q = buildQuery(content);
const TODAY = '2026-09-10';

describe('search records', () => {
  it('an event: its URL, title, facts line by line and the result line in meta', () => {
    const e = q.event.get('2026-09-12-first-aid-training')!;
    const d = eventDocument(e, q, TODAY);
    expect(d.url).toBe('/events/2026-09-12-first-aid-training/');
    expect(d.meta.title).toBe('世界急救日公益培训：心肺复苏与AED使用');
    const lines = d.content.split('\n');
    expect(lines[0]).toBe(e.title);
    expect(lines).toContain('时间 2026年9月12日（星期六）14:00–16:30');
    expect(lines.some((l) => l.startsWith('主办 ') && l.includes('协办 '))).toBe(true);
    expect(lines).toContain('面向 公众 老年人');
    expect(lines.some((l) => l.startsWith('纪念日 世界急救日'))).toBe(true);
    expect(lines).toContain('所属 2026 年全国科普月');
    // Markdown is plain text in the record.
    expect(lines.at(-1)).toBe('学习心肺复苏。');
    expect(d.meta.type).toBe('活动');
    expect(d.meta.upcoming).toContain('急救');
    expect(d.meta.past).toBeUndefined();
    expect(d.filters.type).toEqual(['活动']);
    expect(d.filters.year).toEqual(['2026']);
    expect(d.sort).toEqual({ date: '2026-09-12' });
  });

  it('a cancelled event says so in its words', () => {
    const d = eventDocument(q.event.get('2026-09-15-cancelled-lecture')!, q, TODAY);
    expect(d.content.split('\n')).toContain('此活动已取消');
  });

  it('only the first paragraph of a long description is indexed; & is escaped for the excerpt', () => {
    const e = { ...q.event.get('2026-09-12-first-aid-training')!, body: '第一段 A&B。\n\n第二段不进索引。' };
    const d = eventDocument(e, q, TODAY);
    expect(d.content).toContain('第一段 A&amp;B。');
    expect(d.content).not.toContain('第二段');
  });

  it('an observance: authority, source, history and themes', () => {
    const o = q.observance.get('eye-care-day')!;
    const d = observanceDocument(o, q, TODAY);
    expect(d.url).toBe('/observances/eye-care-day/');
    expect(d.content).toContain(`设立机构 ${o.authority}`);
    expect(d.content).toContain(`依据 ${o.source.title}`);
    expect(d.content).toContain('2026 年6月6日');
    expect(d.meta.type).toBe('纪念日');
    expect(d.meta.name).toContain('quanguoaiyanri');
    const history = o.body!.trim().split('\n')[0]!.replace(/[*_`#]/g, '').slice(0, 12);
    expect(history.length).toBeGreaterThan(5);
    expect(d.content).toContain(history);
  });

  it('one record per event, observance, organizer and venue page, each URL once', () => {
    const docs = [...searchDocuments(q, TODAY)];
    const n = q.events.length + q.content.observances.length + q.content.organizers.length + q.content.venues.length;
    expect(docs).toHaveLength(n);
    expect(new Set(docs.map((d) => d.url)).size).toBe(n);
    expect(docs.filter((d) => d.url.startsWith('/venues/')).map((d) => d.meta.type)).toEqual(q.content.venues.map(() => '场馆'));
  });
});

describe('search bundles', () => {
  const doc = (url: string, date?: string): { url: string; sort: Record<string, string> } => ({ url, sort: date ? { date } : {} });

  it('one bundle while the records fit', () => {
    const docs = [doc('/a/', '2026-01-02'), doc('/b/')];
    expect(searchBundles(docs, 10)).toEqual([[docs[0], docs[1]]]);
    expect(searchBundles([], 10)).toEqual([[]]);
  });

  it('consecutive date ranges of near-equal size, undated records last', () => {
    const docs = [doc('/o/'), doc('/d/', '2027-01-01'), doc('/a/', '2024-05-01'), doc('/c/', '2026-09-12'), doc('/b/', '2025-03-01'), doc('/v/')];
    const b = searchBundles(docs, 4);
    expect(b.map((x) => x.map((d) => d.url))).toEqual([['/a/', '/b/', '/c/'], ['/d/', '/o/', '/v/']]);
    // No date range overlaps the next: the last date of one bundle is before the first of the next.
    expect(b[0]!.at(-1)!.sort.date! <= b[1]![0]!.sort.date!).toBe(true);
  });

  it('every record once, at most `size` per bundle', () => {
    const docs = Array.from({ length: 101 }, (_, i) => doc(`/e${i}/`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`));
    const b = searchBundles(docs, 20);
    expect(b).toHaveLength(6);
    expect(Math.max(...b.map((x) => x.length))).toBeLessThanOrEqual(20);
    expect(new Set(b.flat().map((d) => d.url)).size).toBe(101);
    expect(b.map((_, i) => searchBundleFolder(i))).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/', 'pagefind-5/', 'pagefind-6/']);
  });
});
