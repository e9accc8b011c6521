#!/usr/bin/env node
/**
 * npm run schemas — JSON Schemas for editors, generated from the zod schemas in src/lib/content/schema.ts
 * with z.toJSONSchema (io: 'input': what a person writes, before defaults and transforms), one per
 * collection, into public/schemas/. Each field's description is its JSDoc line in the schema's
 * source (the contributors' field guide, read by scripts/lib/schema-docs.ts from schema.ts and its
 * modules in src/lib/content/schema/), and each field gets an example. The same data writes the field
 * reference in CONTRIBUTING.md between the `fields:start` / `fields:end` markers.
 *
 * tests/unit/json-schemas.test.ts regenerates everything and fails when the files are stale.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import {
  calendarDate,
  eventSchema,
  localDateTime,
  observanceSchema,
  organizerSchema,
  sourcesFileSchema,
  venueSchema,
  vocabFileSchema,
} from '../src/lib/content/schema.ts';
import { EVENT_EXAMPLES } from '../src/lib/content/event-fields.ts';
import { type DocBlock, extractFieldDocs, readSchemaSources } from './lib/schema-docs.ts';

export { type DocBlock, extractFieldDocs, readSchemaSources, SCHEMA_SOURCE } from './lib/schema-docs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = 'public/schemas';
export const CONTRIBUTING = 'CONTRIBUTING.md';

// ------------------------------------------------------------------------------------------------
// Examples (illustrative values, not facts: example.org URLs, the guide's sample event)
// ------------------------------------------------------------------------------------------------

export const EXAMPLES: Record<string, Record<string, unknown>> = {
  // Events: from the field registry (src/lib/content/event-fields.ts).
  event: EVENT_EXAMPLES,
  observance: {
    name: '世界急救日',
    nameEn: 'World First Aid Day',
    kind: 'day',
    rule: { type: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=9;BYDAY=2SA' },
    'rule.type': 'fixed',
    'rule.date': '06-06',
    'rule.date@lunar': '09-09',
    'rule.month': 9,
    'rule.rrule': 'FREQ=YEARLY;BYMONTH=9;BYDAY=2SA',
    'rule.term': '秋分',
    days: 7,
    usual: '每年5月下旬',
    expected: { start: '05-21', end: '05-31' },
    authority: '国际红十字会与红新月会联合会',
    level: 'international',
    established: 2000,
    endedYear: 2024,
    source: { title: '设立该纪念日的决议或通知的标题' },
    'source.title': '设立该纪念日的决议或通知的标题',
    'source.url': 'https://www.example.org/resolution',
    topics: ['卫生健康', '应急'],
    themes: { '2026': '（只写确知的当年主题）' },
    dates: { '2026': { start: '2026-05-17', end: '2026-05-23' } },
    'dates.*.start': '2026-05-17',
    'dates.*.end': '2026-05-23',
    'dates.*.source': { title: '公布当年日期的通知标题' },
    aliases: ['急救日'],
    related: ['world-red-cross-day'],
    verified: false,
    note: '设立年份待核实',
  },
  organizer: {
    name: '北京市科学技术协会',
    shortName: '北京市科协',
    nameEn: 'Beijing Association for Science and Technology',
    type: 'association',
    region: '110000',
    address: '北京市…',
    website: 'https://www.example.org',
    description: '一句话介绍这个单位。',
    aliases: ['市科协'],
  },
  venue: {
    name: '北京科学中心',
    nameEn: 'Beijing Science Center',
    type: 'science-center',
    region: '110102',
    address: '北京市…',
    geo: { lat: 39.9, lng: 116.4, datum: 'GCJ-02' },
    'geo.lat': 39.9,
    'geo.lng': 116.4,
    'geo.datum': 'GCJ-02',
    website: 'https://www.example.org',
    aliases: ['科学中心'],
  },
  vocab: { id: 'health', label: '卫生健康', labelEn: 'Health', aliases: ['健康'], parent: '110000' },
  sources: {
    id: 'beijing-astronomical-society',
    url: 'https://www.example.org/calendar.ics',
    type: 'ics',
    organizer: 'beijing-astronomical-society',
    topics: ['天文'],
    audiences: ['公众', '青少年'],
    formats: ['讲座'],
    region: '110000',
    titleIncludes: ['科普', '讲座'],
    titleExcludes: ['内部'],
    note: '学会官网的活动日历',
  },
};

// ------------------------------------------------------------------------------------------------
// Generation
// ------------------------------------------------------------------------------------------------

const DATE_OR_TIME = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?$';
const DATE_ONLY = '^\\d{4}-\\d{2}-\\d{2}$';

export const TARGETS = [
  { name: 'event', schema: eventSchema, title: '科普日历：活动 / Kepu Calendar event', file: 'content/events/<年>/<日期>-<名称>.md 的开头（--- 之间）/ front matter of content/events/<year>/<slug>.md' },
  { name: 'observance', schema: observanceSchema, title: '科普日历：纪念日 / Kepu Calendar observance', file: 'content/observances/<编号>.md 的开头 / front matter of content/observances/<id>.md' },
  { name: 'organizer', schema: organizerSchema, title: '科普日历：主办单位 / Kepu Calendar organizer', file: 'content/organizers/<编号>.yaml' },
  { name: 'venue', schema: venueSchema, title: '科普日历：场馆 / Kepu Calendar venue', file: 'content/venues/<编号>.yaml' },
  { name: 'vocab', schema: vocabFileSchema, title: '科普日历：词表 / Kepu Calendar vocabulary', file: 'content/vocab/{topics,audiences,formats,regions}.yaml' },
  { name: 'sources', schema: sourcesFileSchema, title: '科普日历：自动拉取的日历 / Kepu Calendar sources to pull', file: 'content/sources.yaml' },
] as const;

type Json = Record<string, any>;

function toJson(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    // z.date() (a YAML 1.1 parser's date) has no JSON form; the override below replaces it anyway.
    unrepresentable: 'any',
    override: (ctx) => {
      const s = ctx.zodSchema as unknown;
      const js = ctx.jsonSchema as Json;
      if (s !== localDateTime && s !== calendarDate) return;
      const dateOnly = s === calendarDate || js.pattern === DATE_ONLY;
      for (const k of Object.keys(js)) delete js[k];
      Object.assign(js, { type: 'string', pattern: dateOnly ? DATE_ONLY : DATE_OR_TIME });
    },
  }) as Json;
}

/** Attach the JSDoc lines and examples to every object's properties, recursively. */
function annotate(node: Json, blocks: DocBlock[], examples: Record<string, unknown>, path: string[], missing: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (node.properties) {
    const keys = Object.keys(node.properties);
    const literal = node.properties.type?.const as string | undefined;
    const block =
      blocks.find((b) => b.literal !== undefined && b.literal === literal && keys.every((k) => b.docs.has(k))) ??
      blocks.find((b) => b.literal === undefined && keys.length > 0 && keys.every((k) => b.docs.has(k)) && b.docs.size === keys.length) ??
      blocks.find((b) => b.literal === undefined && keys.every((k) => b.docs.has(k)));
    for (const k of keys) {
      const prop = node.properties[k] as Json;
      const doc = block?.docs.get(k);
      const here = [...path, k];
      if (doc) prop.description = doc;
      else missing.push(here.join('.'));
      const ex = (literal !== undefined ? examples[`${here.join('.')}@${literal}`] : undefined) ?? examples[here.join('.')];
      if (ex !== undefined && prop.examples === undefined) prop.examples = [ex];
      annotate(prop, blocks, examples, here, missing);
    }
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) for (const sub of node[key] ?? []) annotate(sub, blocks, examples, path, missing);
  if (node.items) annotate(node.items, blocks, examples, path, missing);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') annotate(node.additionalProperties, blocks, examples, [...path, '*'], missing);
}

export interface Generated {
  /** File name in public/schemas/ → JSON text. */
  files: Record<string, string>;
  /** Markdown for CONTRIBUTING.md between the markers. */
  fieldsMarkdown: string;
  /** Properties that found no JSDoc line (should be empty). */
  missingDocs: string[];
}

/** Everything npm run schemas writes, from the texts of the schema's source files (readSchemaSources). */
export function generate(sources: readonly string[]): Generated {
  const blocks = sources.flatMap(extractFieldDocs);
  const files: Record<string, string> = {};
  const missing: string[] = [];
  const sections: string[] = [];
  for (const t of TARGETS) {
    const json = toJson(t.schema as unknown as z.ZodType);
    const root = json.type === 'array' ? json.items : json;
    annotate(root, blocks, EXAMPLES[t.name] ?? {}, [], missing);
    const out = {
      $schema: json.$schema,
      title: t.title,
      description: `${t.file}。由 npm run schemas 从 src/lib/content/schema.ts 生成，请勿手改 / generated from src/lib/content/schema.ts by npm run schemas; do not edit.`,
      ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema')),
    };
    files[`${t.name}.schema.json`] = JSON.stringify(out, null, 2) + '\n';
    sections.push(fieldTable(t.name, t.title, t.file, root));
  }
  return { files, fieldsMarkdown: sections.join('\n'), missingDocs: missing };
}

/** One Markdown table per collection: 字段 | 必填 | 说明 | 示例, nested fields as a.b. */
function fieldTable(name: string, title: string, file: string, root: Json): string {
  const rows: string[] = [];
  const walk = (node: Json, prefix: string, required: string[]) => {
    for (const [k, prop] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
      if (prefix === 'rule.' && k === 'type') continue;
      const path = prefix + k;
      const ex = prop.examples?.[0];
      const exText = ex === undefined ? '' : '`' + (typeof ex === 'string' ? ex : YAML.stringify(ex, { collectionStyle: 'flow', lineWidth: 0 }).trim()) + '`';
      const req = required.includes(k) ? '是' : '';
      rows.push(`| \`${path}\` | ${req} | ${(prop.description ?? '').replace(/\|/g, '\\|')} | ${exText.replace(/\|/g, '\\|')} |`);
      if (prop.properties) walk(prop, path + '.', prop.required ?? []);
      if (prop.additionalProperties?.properties) walk(prop.additionalProperties, `${path}.<年份>.`, prop.additionalProperties.required ?? []);
      for (const sub of (prop.oneOf ?? []) as Json[]) {
        const lit = sub.properties?.type?.const;
        if (!lit) continue;
        rows.push(`| \`${path}.type: ${lit}\` |  | ${(sub.properties.type.description ?? '').replace(/\|/g, '\\|')} |  |`);
        walk(sub, path + '.', sub.required ?? []);
      }
    }
  };
  walk(root, '', root.required ?? []);
  return [`#### ${title.split(' / ')[0]}（\`${file.split('（')[0].split(' 的开头')[0]}\`）`, '', '| 字段 field | 必填 | 说明 / meaning | 示例 example |', '|---|---|---|---|', ...rows, ''].join('\n');
}

export const FIELDS_START = '<!-- fields:start (npm run schemas) -->';
export const FIELDS_END = '<!-- fields:end -->';

/** CONTRIBUTING.md with the generated field reference put between the markers. */
export function withFields(contributing: string, fieldsMarkdown: string): string {
  const a = contributing.indexOf(FIELDS_START);
  const b = contributing.indexOf(FIELDS_END);
  if (a < 0 || b < a) return contributing;
  return contributing.slice(0, a + FIELDS_START.length) + '\n\n' + fieldsMarkdown + '\n' + contributing.slice(b);
}

function run(): number {
  const g = generate(readSchemaSources());
  if (g.missingDocs.length) console.warn(`! 这些字段在 src/lib/content/schema/ 里没有说明（JSDoc）/ fields without a JSDoc line: ${g.missingDocs.join(', ')}`);
  mkdirSync(ROOT + OUT_DIR, { recursive: true });
  for (const [name, text] of Object.entries(g.files)) {
    writeFileSync(`${ROOT}${OUT_DIR}/${name}`, text);
    console.log(`✓ ${OUT_DIR}/${name}`);
  }
  try {
    const before = readFileSync(ROOT + CONTRIBUTING, 'utf8');
    const after = withFields(before, g.fieldsMarkdown);
    if (after !== before) {
      writeFileSync(ROOT + CONTRIBUTING, after);
      console.log(`✓ ${CONTRIBUTING}（字段说明 / field reference）`);
    }
  } catch {
    /* no CONTRIBUTING.md yet */
  }
  return 0;
}

if (import.meta.main) process.exitCode = run();
