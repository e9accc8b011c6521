/**
 * Accessibility (access) and the replay link (replay), carried by the field registry alone
 * (src/lib/content/event-fields.ts, issue 18): read from a spreadsheet column, a `npm run new` flag and the
 * /submit/ form; checked by the schema; shown on the event page's facts, in the iCal DESCRIPTION,
 * the search record, the open data and the JSON-LD — plus the JSON-LD's location, which Google
 * requires, for events without a venue, and the venue coordinates' datum.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { readAccess } from '../../src/lib/content/event-fields.ts';
import { eventFacts } from '../../src/lib/views/event-facts.ts';
import { eventDescription, eventGeo } from '../../src/lib/ical/ical-fields.ts';
import { feedLookups } from '../../src/lib/ical/feeds.ts';
import { formatRowProblem, planImport } from '../../src/lib/import/import-plan.ts';
import { eventFromFlags } from '../../src/lib/import/event-from-flags.ts';
import { parseCsv, tableToRecords } from '../../src/lib/import/import-table.ts';
import { eventJsonLd } from '../../src/lib/views/jsonld.ts';
import type { EventEntry } from '../../src/lib/content/model.ts';
import { openEvent } from '../../src/lib/views/open-data.ts';
import { mapLink } from '../../src/lib/views/present.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { eventSchema, venueSchema } from '../../src/lib/content/schema.ts';
import { eventDocument } from '../../src/lib/search/search-documents.ts';
import { buildSubmission, EMPTY_FORM, submitChoices } from '../../src/lib/submit-form.ts';
import { slugify } from '../../src/lib/slug.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { wgs84 } from '../../src/lib/content/venue-geo.ts';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const site = validateContent(
  readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({ ...f, path: f.path.replace('tests/fixtures/site/', 'content/') })),
  'content',
);
const q = buildQuery(site.content);
const talk = q.event.get('2026-09-12-first-aid-training')!;
const base: EventEntry = { ...talk, access: [], replay: undefined };

describe('reading accessibility as people write it', () => {
  it.each([
    ['轮椅通行', ['轮椅通行']],
    ['轮椅通行、手语翻译', ['轮椅通行', '手语翻译']],
    ['手语，字幕', ['手语翻译', '字幕']],
    ['wheelchair guide-dog', ['轮椅通行', '导盲犬可入']],
    ['无障碍卫生间、助听器、导盲犬、轮椅', ['无障碍卫生间', '助听设备', '导盲犬可入', '轮椅通行']],
  ])('%s', (text, access) => expect(readAccess(text)).toEqual({ values: { access } }));

  it('refuses words it does not know, naming them and the choices', () => {
    expect(readAccess('轮椅通行、电梯')).toEqual({ error: '“电梯”看不懂，无障碍请写 轮椅通行、无障碍卫生间、手语翻译、字幕、助听设备、导盲犬可入，多个用“、”分开 / accessibility: write wheelchair, accessible-toilet, sign-language, captions, hearing-aid, guide-dog' });
  });

  it('the schema takes labels or ids, as a list or one line, and refuses others', () => {
    const parse = (access: unknown) => eventSchema.safeParse({ title: '测试', start: '2026-09-12', organizer: 'x', access });
    expect(parse(['轮椅通行', 'captions']).data?.access).toEqual(['wheelchair', 'captions']);
    expect(parse('手语翻译、字幕').data?.access).toEqual(['sign-language', 'captions']);
    expect(parse(['电梯']).error?.issues[0]?.message).toMatch(/^无障碍只能写 轮椅通行、无障碍卫生间、手语翻译、字幕、助听设备、导盲犬可入/);
    expect(eventSchema.safeParse({ title: '测试', start: '2026-09-12', organizer: 'x', replay: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('getting in: spreadsheet, npm run new, /submit/', () => {
  const DIR = 'tests/fixtures/import/content';
  const existing = readContentFiles(join(ROOT, DIR), ROOT);
  const csv = (access: string, replay = '') =>
    tableToRecords(parseCsv(`活动名称,开始时间,主办单位,地点,无障碍,回放链接\n无障碍天文夜,2026-09-19 19:00,示例学会,示例科学馆,${access},${replay}\n`)).records;

  it('the 无障碍 and 回放链接 columns fill access and replay', () => {
    const plan = planImport(csv('轮椅通行、手语翻译', 'https://example.org/replay'), existing, DIR);
    expect(plan.errors.map(formatRowProblem)).toEqual([]);
    expect(plan.files[0]!.text).toContain('access: [轮椅通行, 手语翻译]\n');
    expect(plan.files[0]!.text).toContain('replay: https://example.org/replay\n');
  });

  it('a cell it cannot read is reported under its column', () => {
    expect(planImport(csv('电梯'), existing, DIR).errors.map(formatRowProblem)).toEqual([
      expect.stringMatching(/^行 2 无障碍: “电梯”看不懂/),
    ]);
    expect(planImport(csv('', 'ftp://x'), existing, DIR).errors.map(formatRowProblem)).toEqual([expect.stringMatching(/^行 2 回放链接: 只接受以 https:\/\/ 或 http:\/\//)]);
  });

  it('npm run new takes --access and --replay; /submit/ offers both', () => {
    const content = validateContent(existing, DIR).content;
    const e = eventFromFlags({ title: '无障碍天文夜', start: '2026-09-19 19:00', organizer: '示例学会', venue: '示例科学馆', access: '字幕', replay: 'https://example.org/r' }, content);
    expect(e.problems).toEqual([]);
    expect(e.data).toMatchObject({ access: ['字幕'], replay: 'https://example.org/r' });
    const choices = submitChoices(content);
    const form = { ...EMPTY_FORM, title: '无障碍天文夜', start: '2026-09-19 19:00', organizer: 'example-society', place: 'venue' as const, venue: 'example-science-hall' };
    const r = buildSubmission({ ...form, extra: { access: '轮椅通行', replay: 'https://example.org/r' } }, { choices, slugify, contentDir: DIR });
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('access: [轮椅通行]\n');
  });
});

describe('showing them', () => {
  const e: EventEntry = { ...base, access: ['wheelchair', 'sign-language', 'captions'], replay: 'https://example.org/replay' };

  it('are facts in every medium; absent when the entry has none', () => {
    expect(eventFacts(e, q).extra).toEqual([
      { field: 'access', label: '无障碍', text: '轮椅通行、手语翻译、字幕', values: { access: ['wheelchair', 'sign-language', 'captions'] } },
      { field: 'replay', label: '回放', text: 'https://example.org/replay', values: { replay: 'https://example.org/replay' }, href: 'https://example.org/replay' },
    ]);
    expect(eventFacts(base, q).extra).toEqual([]);
    const ics = eventDescription(e, feedLookups(q), SITE, { bodyMax: 0 });
    expect(ics).toContain('\n无障碍：轮椅通行、手语翻译、字幕\n回放：https://example.org/replay\n');
    expect(eventDocument(e, q, '2026-09-10').content).toContain('\n无障碍 轮椅通行、手语翻译、字幕\n');
    expect(openEvent(e, q, SITE)).toMatchObject({ access: ['wheelchair', 'sign-language', 'captions'], replay: 'https://example.org/replay' });
    expect(openEvent(base, q, SITE)).not.toHaveProperty('access');
  });

  it('JSON-LD: accessibilityFeature for what is presented, amenityFeature on the Place for the building, recordedIn for the replay, isAccessibleForFree', () => {
    const ld = eventJsonLd(e, q, SITE);
    expect(ld).toMatchObject({
      accessibilityFeature: ['signLanguage', 'captions'],
      recordedIn: { '@type': 'CreativeWork', url: 'https://example.org/replay' },
      isAccessibleForFree: true,
      location: { '@type': 'Place', name: '测试科学中心', amenityFeature: [{ '@type': 'LocationFeatureSpecification', name: '轮椅通行', value: true }] },
    });
    expect(eventJsonLd(base, q, SITE)).not.toHaveProperty('accessibilityFeature');
    expect(eventJsonLd({ ...base, registration: { url: 'https://x.example.org', fee: 30 } }, q, SITE)).toMatchObject({ isAccessibleForFree: false });
  });
});

describe('JSON-LD always names a location (Google requires one)', () => {
  const bare: EventEntry = { ...base, venue: undefined, address: undefined, online: undefined };

  it('a venue: a Place with its PostalAddress, region names included', () => {
    expect(eventJsonLd(base, q, SITE).location).toMatchObject({ '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: '测试市朝阳区科普路1号', addressRegion: '北京市', addressLocality: '朝阳区', addressCountry: 'CN' } });
  });

  it('an address only: a Place named by it', () => {
    const ld = eventJsonLd({ ...bare, address: '北京市海淀区中关村大街1号', regionId: '110108' }, q, SITE);
    expect(ld.location).toEqual({ '@type': 'Place', name: '北京市海淀区中关村大街1号', address: { '@type': 'PostalAddress', streetAddress: '北京市海淀区中关村大街1号', addressRegion: '北京市', addressLocality: '海淀区', addressCountry: 'CN' } });
  });

  it('a region only (a district-wide programme, a call): a Place named by the region', () => {
    expect(eventJsonLd({ ...bare, regionId: '110108' }, q, SITE)).toMatchObject({ location: { '@type': 'Place', name: '北京市海淀区', address: { addressRegion: '北京市', addressLocality: '海淀区' } }, eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode' });
    expect(eventJsonLd({ ...bare, regionId: undefined }, q, SITE).location).toEqual({ '@type': 'Place', name: '中国', address: { '@type': 'PostalAddress', addressCountry: 'CN' } });
  });

  it('online only: a VirtualLocation, online attendance', () => {
    expect(eventJsonLd({ ...bare, online: 'https://live.example.org/x' }, q, SITE)).toMatchObject({ location: { '@type': 'VirtualLocation', url: 'https://live.example.org/x' }, eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode' });
  });
});

describe('coordinates state their datum', () => {
  it('the schema asks for it, naming both', () => {
    const r = venueSchema.safeParse({ name: 'x', type: 'other', region: '110108', geo: { lat: 39.98, lng: 116.31 } });
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['geo.datum: 请写坐标系 datum：GCJ-02（高德、腾讯地图上取的坐标）或 WGS-84（GPS、维基百科）/ datum must be GCJ-02 or WGS-84']);
  });

  it('GCJ-02 is converted to WGS-84 for GEO, JSON-LD and the open data (a few hundred metres in Beijing); WGS-84 is kept', () => {
    const gcj = { lat: 40.0061, lng: 116.3983, datum: 'GCJ-02' as const };
    const w = wgs84(gcj);
    expect(w.lat).toBeCloseTo(40.0048, 3);
    expect(w.lng).toBeCloseTo(116.3922, 3);
    expect(wgs84({ lat: 40.00472, lng: 116.39222, datum: 'WGS-84' })).toEqual({ lat: 40.00472, lng: 116.39222 });
    const venues = new Map([['v', { ...q.venue.get('test-science-center')!, geo: gcj }]]);
    expect(eventGeo({ ...base, venue: 'v' }, { venues })).toEqual({ lat: w.lat, lon: w.lng });
  });

  it('the 高德 link marks the spot and says which datum', () => {
    expect(mapLink('北辰东路5号', '中国科学技术馆', { lat: 40.00472, lng: 116.39222, datum: 'WGS-84' })).toBe('https://uri.amap.com/marker?position=116.39222,40.00472&name=%E4%B8%AD%E5%9B%BD%E7%A7%91%E5%AD%A6%E6%8A%80%E6%9C%AF%E9%A6%86&coordinate=wgs84&callnative=0');
    expect(mapLink(undefined, 'x', { lat: 40, lng: 116, datum: 'GCJ-02' })).toContain('&coordinate=gaode&');
    expect(mapLink('北京市海淀区', '某馆')).toBe(`https://uri.amap.com/search?keyword=${encodeURIComponent('某馆 北京市海淀区')}`);
  });
});
