/**
 * The age range (ageMin / ageMax), the first field carried by the field registry alone
 * (src/lib/content/event-fields.ts): read from a spreadsheet column, a `npm run new` flag and the /submit/
 * form; checked by the schema (whole years 0–120, ageMin ≤ ageMax); shown on the event page's facts,
 * in the iCal DESCRIPTION, the search record, the open data and the JSON-LD.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { ageRangeText, readAgeRange } from '../../src/lib/content/event-fields.ts';
import { eventFacts } from '../../src/lib/views/event-facts.ts';
import { eventDescription } from '../../src/lib/ical/ical-fields.ts';
import { feedLookups } from '../../src/lib/ical/feeds.ts';
import { formatRowProblem, planImport } from '../../src/lib/import/import-plan.ts';
import { eventFromFlags } from '../../src/lib/import/event-from-flags.ts';
import { parseCsv, tableToRecords } from '../../src/lib/import/import-table.ts';
import { eventJsonLd } from '../../src/lib/views/jsonld.ts';
import type { EventEntry } from '../../src/lib/content/model.ts';
import { openEvent } from '../../src/lib/views/open-data.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { eventSchema } from '../../src/lib/content/schema.ts';
import { eventDocument } from '../../src/lib/search/search-documents.ts';
import { buildSubmission, EMPTY_FORM, FORM_FIELDS, submitChoices } from '../../src/lib/submit-form.ts';
import { slugify } from '../../src/lib/slug.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const site = validateContent(
  readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({ ...f, path: f.path.replace('tests/fixtures/site/', 'content/') })),
  'content',
);
const q = buildQuery(site.content);
// The fixture fair is for ages 6–14 (the site test reads that); here it starts without an age.
const { ageMin: _min, ageMax: _max, ...fair } = q.event.get('2026-09-20-science-fair')!;
const withAge = (ageMin?: number, ageMax?: number): EventEntry => ({ ...fair, ageMin, ageMax });

describe('reading an age range as people write it', () => {
  it.each([
    ['6-12', { ageMin: 6, ageMax: 12 }],
    ['6–12岁', { ageMin: 6, ageMax: 12 }],
    ['6 至 12 岁', { ageMin: 6, ageMax: 12 }],
    ['6岁以上', { ageMin: 6 }],
    ['60-', { ageMin: 60 }],
    ['6+', { ageMin: 6 }],
    ['12岁以下', { ageMax: 12 }],
    ['-12', { ageMax: 12 }],
    ['10', { ageMin: 10, ageMax: 10 }],
  ])('%s', (text, values) => {
    expect(readAgeRange(text)).toEqual({ values });
  });

  it.each(['六岁', '6-12-18', '岁', '以上', 'six'])('refuses %s with a bilingual hint', (text) => {
    expect(readAgeRange(text)).toEqual({ error: `“${text}”看不懂，请写成 6-12（岁）、6-（6 岁以上）或 -12（12 岁以下）/ write an age range such as 6-12, 6- or -12` });
  });

  it('reads back in words', () => {
    expect(ageRangeText({ ageMin: 6, ageMax: 12 })).toBe('6–12 岁');
    expect(ageRangeText({ ageMin: 60 })).toBe('60 岁以上');
    expect(ageRangeText({ ageMax: 3 })).toBe('3 岁以下');
    expect(ageRangeText({ ageMin: 10, ageMax: 10 })).toBe('10 岁');
    expect(ageRangeText({})).toBeUndefined();
  });
});

describe('the schema', () => {
  const base = { title: '测试', start: '2026-09-12', organizer: 'x' };
  it('takes whole years from 0 to 120, the lower bound first', () => {
    expect(eventSchema.safeParse({ ...base, ageMin: 6, ageMax: 12 }).success).toBe(true);
    expect(eventSchema.safeParse({ ...base, ageMin: 0 }).success).toBe(true);
    const issue = (data: object) => eventSchema.safeParse({ ...base, ...data }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issue({ ageMin: 12, ageMax: 6 })).toEqual(['ageMax: 适合年龄的上限小于下限，请检查 ageMin 和 ageMax / ageMax is below ageMin']);
    expect(issue({ ageMin: 6.5 })).toEqual(['ageMin: 年龄写整数（岁），例如 6 / an age is a whole number of years']);
    expect(issue({ ageMax: 121 })).toEqual(['ageMax: 年龄不能超过 120 / an age cannot exceed 120']);
    expect(issue({ ageMin: -1 })).toEqual(['ageMin: 年龄不能小于 0 / an age cannot be negative']);
  });

  it('the validator names the file, the line and the field', () => {
    const text = '---\ntitle: 测试讲座\nstart: 2026-09-12\norganizer: test-science-society\nvenue: test-science-center\nageMin: 12\nageMax: 6\n---\n';
    const { errors } = validateContent([...readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT), { path: 'tests/fixtures/site/events/2026/2026-09-12-age.md', text }], 'tests/fixtures/site');
    expect(errors.map(formatError)).toEqual([
      expect.stringMatching(/^tests\/fixtures\/site\/events\/2026\/2026-09-12-age\.md:7 ageMax: 适合年龄的上限小于下限，请检查 ageMin 和 ageMax \/ ageMax is below ageMin/),
    ]);
  });
});

describe('getting in: spreadsheet, npm run new, /submit/', () => {
  const DIR = 'tests/fixtures/import/content';
  const existing = readContentFiles(join(ROOT, DIR), ROOT);
  const csv = (age: string) =>
    tableToRecords(parseCsv(`活动名称,开始时间,主办单位,地点,适合年龄\n亲子天文夜,2026-09-19 19:00,示例学会,示例科学馆,${age}\n`)).records;

  it('a 适合年龄 column fills ageMin and ageMax', () => {
    const plan = planImport(csv('6-12岁'), existing, DIR);
    expect(plan.errors.map(formatRowProblem)).toEqual([]);
    expect(plan.files[0]!.text).toContain('ageMin: 6\nageMax: 12\n');
  });

  it('a cell it cannot read, or a range the schema refuses, is reported under the column', () => {
    expect(planImport(csv('六岁'), existing, DIR).errors.map(formatRowProblem)).toEqual([
      '行 2 适合年龄: “六岁”看不懂，请写成 6-12（岁）、6-（6 岁以上）或 -12（12 岁以下） / row 2 age: write an age range such as 6-12, 6- or -12',
    ]);
    expect(planImport(csv('12-6'), existing, DIR).errors.map(formatRowProblem)).toEqual([
      expect.stringMatching(/^行 2 适合年龄: 适合年龄的上限小于下限/),
    ]);
  });

  it('npm run new takes --age (the same reader)', () => {
    const e = eventFromFlags({ title: '亲子天文夜', start: '2026-09-19 19:00', organizer: '示例学会', venue: '示例科学馆', age: '60-' }, validateContent(existing, DIR).content);
    expect(e.problems).toEqual([]);
    expect(e.data).toMatchObject({ ageMin: 60 });
    expect(e.data).not.toHaveProperty('ageMax');
  });

  it('/submit/ offers it in 分类 and ties its errors to it', () => {
    const choices = submitChoices(validateContent(existing, DIR).content);
    expect(FORM_FIELDS.indexOf('age')).toBe(FORM_FIELDS.indexOf('campaign') + 1);
    const form = { ...EMPTY_FORM, title: '亲子天文夜', start: '2026-09-19 19:00', organizer: 'example-society', place: 'venue' as const, venue: 'example-science-hall' };
    const good = buildSubmission({ ...form, extra: { age: '6–12 岁' } }, { choices, slugify, contentDir: DIR });
    expect(good.errors).toEqual([]);
    expect(good.text).toContain('ageMin: 6\nageMax: 12\n');
    const bad = buildSubmission({ ...form, extra: { age: '12-6' } }, { choices, slugify, contentDir: DIR });
    expect(bad.errors.map((e) => `${e.field}: ${e.message}`)).toEqual(['age: 适合年龄的上限小于下限，请检查 ageMin 和 ageMax / ageMax is below ageMin']);
  });
});

describe('showing it', () => {
  const e = withAge(6, 12);

  it('is one fact, 适合年龄, in every medium; absent when the entry has no age', () => {
    expect(eventFacts(e, q).extra).toEqual([{ field: 'age', label: '适合年龄', text: '6–12 岁', values: { ageMin: 6, ageMax: 12 } }]);
    expect(eventFacts(fair, q).extra).toEqual([]);
    expect(eventDescription(e, feedLookups(q), SITE, { bodyMax: 0 })).toContain('\n适合年龄：6–12 岁\n');
    expect(eventDescription(fair, feedLookups(q), SITE, { bodyMax: 0 })).not.toContain('适合年龄');
    expect(eventDocument(e, q, '2026-09-10').content).toContain('\n适合年龄 6–12 岁\n');
    expect(openEvent(e, q, SITE)).toMatchObject({ ageMin: 6, ageMax: 12 });
    expect(openEvent(fair, q, SITE)).not.toHaveProperty('ageMin');
    expect(eventJsonLd(e, q, SITE)).toMatchObject({ typicalAgeRange: '6-12' });
    expect(eventJsonLd(withAge(60), q, SITE)).toMatchObject({ typicalAgeRange: '60-' });
    expect(eventJsonLd(fair, q, SITE)).not.toHaveProperty('typicalAgeRange');
  });
});
