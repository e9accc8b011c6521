/**
 * Places people name (issue 18): an event with an address but no venue or region is filed under the
 * GB/T 2260 region its address names — the validator suggests it, the site lists the event there,
 * and the importer, `npm run new` and /submit/ write it into the file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { formatRowProblem, planImport } from '../../src/lib/import/import-plan.ts';
import { eventFromFlags } from '../../src/lib/import/event-from-flags.ts';
import { parseCsv, tableToRecords } from '../../src/lib/import/import-table.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { regionFromAddress } from '../../src/lib/content/region-from-address.ts';
import { buildSubmission, EMPTY_FORM, submitChoices } from '../../src/lib/submit-form.ts';
import { slugify } from '../../src/lib/slug.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const shipped = validateContent(readContentFiles(join(ROOT, 'content'), ROOT), 'content').content;
const regions = shipped.vocab.regions;

describe('the region an address names', () => {
  it.each([
    ['北京市海淀区中关村大街1号', '110108'],
    ['海淀区中关村大街1号', '110108'],
    ['北京海淀区学院路', '110108'],
    ['北京市朝阳区北辰东路5号', '110105'],
    ['北京市东城区朝阳门内大街', '110101'],
    ['广州市越秀区北京路', '440104'],
    ['广东省广州市天河区天河路', '440106'],
    ['广州市天河路', '440100'],
    ['广东省深圳市南山区', '440000'],
    ['上海市浦东新区世纪大道', '310000'],
    ['北京市 海淀区 清华园', '110108'],
    ['北京市朝阳区、海淀区多个社区', '110000'],
  ])('%s → %s', (address, id) => expect(regionFromAddress(address, regions)).toBe(id));

  it.each(['朝阳门内大街81号', '中关村大街1号', '线上', ''])('names none in %s', (address) => {
    expect(regionFromAddress(address, regions)).toBeUndefined();
  });
});

describe('the validator and the site', () => {
  const files = readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({ ...f, path: f.path.replace('tests/fixtures/site/', 'content/') }));
  const text = '---\ntitle: 海淀社区急救课\nstart: 2026-09-26T09:00\nend: 2026-09-26T11:00\norganizer: test-red-cross\naddress: 北京市海淀区学院路30号社区活动中心\n---\n';
  const r = validateContent([...files, { path: 'content/events/2026/2026-09-26-haidian-first-aid.md', text }], 'content');

  it('suggests the region as a warning naming the file, the line and the id', () => {
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(formatError)).toContainEqual(
      'content/events/2026/2026-09-26-haidian-first-aid.md:6 region: [提醒 / warning] 地址里写的是北京市海淀区，请加上 region: "110108"（北京市海淀区），活动才会出现在北京市海淀区的列表和筛选里 / the address names 北京市海淀区: add region: "110108"',
    );
  });

  it('lists the event under 海淀区 and 北京市 (not under its organizer’s region)', () => {
    const q = buildQuery(r.content);
    expect(q.event.get('2026-09-26-haidian-first-aid')!.regionId).toBe('110108');
    expect(q.byRegion.get('110108')?.map((e) => e.id)).toContain('2026-09-26-haidian-first-aid');
    expect(q.byRegion.get('110000')?.map((e) => e.id)).toContain('2026-09-26-haidian-first-aid');
  });

  it('a file that states its region, or has a venue, gets no suggestion', () => {
    const stated = validateContent([...files, { path: 'content/events/2026/2026-09-26-x.md', text: text.replace('address:', 'region: "110108"\naddress:') }], 'content');
    expect(stated.warnings.filter((w) => w.field === 'region')).toEqual([]);
  });
});

describe('the importer, npm run new and /submit/ write it', () => {
  const DIR = 'tests/fixtures/import/content';
  const existing = readContentFiles(join(ROOT, DIR), ROOT);
  const content = validateContent(existing, DIR).content;

  it('a row whose 地点 is an address gets the region it names; a 地区 column wins', () => {
    const csv = (region: string) => tableToRecords(parseCsv(`活动名称,开始时间,主办单位,地点,地区\n社区急救课,2026-09-26 09:00,示例学会,北京市海淀区学院路30号,${region}\n`)).records;
    const plan = planImport(csv(''), existing, DIR);
    expect(plan.errors.map(formatRowProblem)).toEqual([]);
    expect(plan.files[0]!.text).toContain('region: "110108"\n');
    expect(planImport(csv('北京市'), existing, DIR).files[0]!.text).toContain('region: "110000"\n');
  });

  it('npm run new --address', () => {
    const e = eventFromFlags({ title: '社区急救课', start: '2026-09-26 09:00', organizer: '示例学会', address: '北京朝阳区北辰东路5号' }, content);
    expect(e.problems).toEqual([]);
    expect(e.data).toMatchObject({ address: '北京朝阳区北辰东路5号', region: '110105' });
  });

  it('/submit/ with an address and no region chosen', () => {
    const choices = submitChoices(content);
    const form = { ...EMPTY_FORM, title: '社区急救课', start: '2026-09-26 09:00', organizer: 'example-society', place: 'address' as const, address: '北京市海淀区学院路30号' };
    const r = buildSubmission(form, { choices, slugify, contentDir: DIR });
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('region: "110108"\n');
  });
});
