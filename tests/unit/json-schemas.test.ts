/**
 * The JSON Schemas in public/schemas/ and the field table in CONTRIBUTING.md are generated from
 * src/lib/content/schema.ts and its modules in src/lib/content/schema/ (npm run schemas). Regenerate here and
 * compare: a schema change without `npm run schemas` fails with a message saying so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTING, EXAMPLES, extractFieldDocs, generate, OUT_DIR, readSchemaSources, TARGETS, withFields } from '../../scripts/json-schemas.ts';
import { TEMPLATE_COLUMNS } from '../../src/lib/import/import-table.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const generated = generate(readSchemaSources());
const STALE = '已过期：请运行 npm run schemas / stale: run npm run schemas';

describe('generated files are up to date with src/lib/content/schema.ts', () => {
  it.each(Object.keys(generated.files))('public/schemas/%s', (name) => {
    expect(read(`${OUT_DIR}/${name}`), STALE).toBe(generated.files[name]);
  });

  it('CONTRIBUTING.md field reference', () => {
    const text = read(CONTRIBUTING);
    expect(text, STALE).toBe(withFields(text, generated.fieldsMarkdown));
    expect(text).toContain('| `registration.url` |  | 报名网址 / Registration URL (http or https). | `https://www.example.org/signup` |');
  });
});

describe('what editors show', () => {
  it('every property carries its JSDoc line from schema.ts', () => {
    // geo.lat / geo.lng sit in a one-line object without JSDoc in schema.ts.
    expect(generated.missingDocs.filter((p) => !p.startsWith('geo.'))).toEqual([]);
  });

  it('every top-level field has an example', () => {
    for (const t of TARGETS) {
      const json = JSON.parse(generated.files[`${t.name}.schema.json`]!);
      const root = json.type === 'array' ? json.items : json;
      const without = Object.keys(root.properties).filter((k) => !root.properties[k].examples);
      expect(without, `${t.name}: add examples in scripts/json-schemas.ts EXAMPLES`).toEqual([]);
    }
    expect(Object.keys(EXAMPLES)).toEqual(TARGETS.map((t) => t.name));
  });

  it('dates are strings with a pattern (what a person writes), enums list their values', () => {
    const event = JSON.parse(generated.files['event.schema.json']!);
    expect(event.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(event.required).toEqual(['title', 'start', 'organizer']);
    expect(event.additionalProperties).toBe(false);
    expect(event.properties.start).toMatchObject({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?$' });
    expect(new RegExp(event.properties.start.pattern).test('2026-09-12T14:00')).toBe(true);
    expect(event.properties.status.enum).toEqual(['scheduled', 'cancelled', 'postponed', 'moved-online']);
    const obs = JSON.parse(generated.files['observance.schema.json']!);
    expect(obs.properties.dates.additionalProperties.properties.start.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(obs.properties.rule.oneOf.map((o: any) => o.properties.type.const)).toEqual(['fixed', 'month', 'rrule', 'lunar', 'solar-term', 'announced']);
    expect(obs.properties.rule.oneOf[3].properties.date.description).toBe('农历月-日 / Lunar month-day.');
  });

  it('reads JSDoc per object literal, telling union members apart by their type literal', () => {
    const blocks = extractFieldDocs(`const a = z.strictObject({
  /** 名称 / Name. */
  name: z.string(),
  nested: z.strictObject({
    /** 内层 / Inner. */
    inner: z.string(),
  }),
  /** 之后 / After. */
  after: z.string(),
});
const u = z.discriminatedUnion('type', [
  z.strictObject({
    /** 甲 */
    type: z.literal('a'),
  }),
]);`);
    expect(blocks.map((b) => [Object.fromEntries(b.docs), b.literal])).toEqual([
      [{ name: '名称 / Name.', after: '之后 / After.' }, undefined],
      [{ inner: '内层 / Inner.' }, undefined],
      [{ type: '甲' }, 'a'],
    ]);
  });
});

it('CONTRIBUTING.md explains every column of the spreadsheet template', () => {
  const text = read(CONTRIBUTING);
  for (const c of TEMPLATE_COLUMNS) expect(text).toContain(`| ${c.zh} |`);
});
