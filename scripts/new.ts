#!/usr/bin/env node
/**
 * npm run new [-- event|organizer|venue|observance] [--字段 值 …] [--yes] [--dry-run]
 *
 * Adds one entry. In a terminal it asks in Chinese, offering the vocabularies and the existing
 * organizers and venues as choices and checking every answer with the schema's own field
 * validator. With --yes (or without a terminal) it takes everything from flags, e.g.
 *
 *   npm run new -- event --title 世界急救日公益培训 --start "2026-09-12 14:00" --end 16:30 \
 *     --organizer 北京市科协 --venue 北京科学中心 --topics 卫生健康,应急 --yes
 *
 * Either way the new file is validated together with the whole content tree before it is written
 * (atomically), so a file that `npm run validate` would refuse is never created.
 */
import * as p from '@clack/prompts';
import { relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot, readContentFiles } from '../src/lib/content/content-fs.ts';
import { formatError } from '../src/lib/content/errors.ts';
import { GENERIC_FIELDS } from '../src/lib/content/event-fields.ts';
import { writeFilesAtomically } from '../src/lib/import/import-fs.ts';
import { duplicateIndex, duplicateKeys } from '../src/lib/import/import-match.ts';
import type { CollectionName } from '../src/lib/content/schema.ts';
import type { NewFile } from '../src/lib/import/scaffold.ts';
import { nowIn } from '../src/lib/time/days.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { askEvent } from './lib/new/ask-event.ts';
import { askObservance, askOrganizer, askVenue } from './lib/new/ask-entries.ts';
import { build, Cancelled, type Ctx, type Flags, finish, missingFlags, ProblemList, str } from './lib/new/entries.ts';
import { answer } from './lib/new/prompt-kit.ts';

const KINDS: Record<string, CollectionName> = {
  event: 'events', events: 'events', 活动: 'events',
  organizer: 'organizers', organizers: 'organizers', 单位: 'organizers', 主办单位: 'organizers',
  venue: 'venues', venues: 'venues', 场馆: 'venues', 地点: 'venues',
  observance: 'observances', observances: 'observances', 纪念日: 'observances',
};

const STRING_FLAGS = [
  'title', 'title-en', 'kind', 'summary', 'start', 'end', 'timezone', 'rrule', 'organizer', 'co-organizers', 'venue', 'address',
  'online', 'region', 'observance', 'campaign', 'topics', 'audiences', 'formats', 'registration', 'registration-required',
  'capacity', 'fee', 'deadline', 'registration-note', 'full', 'status', 'previous-start', 'url', 'source-title', 'source-url',
  'verified', 'keywords', 'description', 'slug', 'id', 'name', 'short-name', 'name-en', 'type', 'website', 'aliases', 'lat',
  'lng', 'datum', 'source', 'rule', 'date', 'month', 'term', 'days', 'usual', 'authority', 'level', 'established', 'ended-year', 'note', 'now',
  ...GENERIC_FIELDS.map((g) => g.flag),
];

const HELP = `用法 / usage: npm run new [-- event|organizer|venue|observance] [--字段 值 …] [--yes] [--dry-run]
  活动 event:      --title --start [--end] --organizer (--venue | --address | --online) [--topics 卫生健康,应急]
                   [--audiences] [--formats] [--registration 网址] [--summary] [--description] [--observance] [--slug]
                   ${GENERIC_FIELDS.map((g) => `[--${g.flag} ${g.form.placeholder ?? '…'}]`).join(' ')}
  单位 organizer:  --name --type [--short-name] [--region] [--website] [--aliases] [--id]
  场馆 venue:      --name --type --region [--address] [--lat --lng --datum GCJ-02|WGS-84] [--website] [--aliases] [--id]
  纪念日 observance: --name --kind --rule fixed|month|rrule|lunar|solar-term|announced [--date|--month|--rrule|--term]
                   --authority --level --established --source-title [--source-url] [--topics] [--description]
  --yes      不提问，直接按参数生成 / no questions, use the flags
  --dry-run  只显示将要写入的文件 / show the file, write nothing`;

// ------------------------------------------------------------------------------------------------

/** 1. Flags and the kind of entry; a number is an exit code (help, or a usage error). */
function parse(argv: string[]): { f: Flags; kind?: string } | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((k) => [k, { type: 'string' as const }])),
        yes: { type: 'boolean', short: 'y' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`✗ ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 2;
  }
  const f: Flags = { ...parsed.values };
  if (f.help) {
    console.log(HELP);
    return 0;
  }
  return { f, kind: parsed.positionals[0] };
}

/** 2a. In a terminal: ask what to add, then its questions. */
async function askAll(coll: CollectionName | undefined, f: Flags, ctx: Ctx): Promise<NewFile[]> {
  p.intro('科普日历：新增条目 / Kepu Calendar: new entry');
  coll ??= answer(
    await p.select({
      message: '要添加什么？',
      options: [
        { value: 'events' as CollectionName, label: '活动', hint: '讲座、展览、培训、征集、截止日期…' },
        { value: 'organizers' as CollectionName, label: '主办单位', hint: '学会、科协、科技馆…' },
        { value: 'venues' as CollectionName, label: '场馆', hint: '举办地点' },
        { value: 'observances' as CollectionName, label: '纪念日', hint: '需要设立机构和依据' },
      ],
    }),
  );
  if (coll === 'events') return finish('events', f, ctx, await askEvent(f, ctx));
  if (coll === 'organizers') return askOrganizer(f, ctx);
  if (coll === 'venues') return askVenue(f, ctx);
  return askObservance(f, ctx);
}

/** 2b. From flags only; a number is an exit code (what is missing). */
function fromFlags(coll: CollectionName | undefined, f: Flags, ctx: Ctx): NewFile[] | number {
  if (!coll) {
    console.error(`✗ 请说明要添加什么：event、organizer、venue 或 observance / say what to add\n\n${HELP}`);
    return 2;
  }
  const missing = missingFlags(coll, f);
  if (missing.length) {
    console.error(`✗ 缺少参数 / missing: ${missing.join('、')}\n\n${HELP}`);
    return 2;
  }
  const b = build(coll, f, ctx, []);
  if (b.problems.length) throw new ProblemList(b.problems);
  return b.files;
}

/** 3. What npm run validate will say about the tree with the new file(s); false when it refuses them. */
function check(out: NewFile[], ctx: Ctx & { base: ReturnType<typeof validateContent> }): boolean {
  // Duplicates of an existing event: the same activity submitted twice.
  const ev = out.find((x) => x.collection === 'events');
  const result = validateContent([...ctx.files, ...out], ctx.contentDir);
  const added = ev && result.content.events.find((e) => e.file === ev.path);
  if (added) {
    const index = duplicateIndex(ctx.base.content.events);
    const twin = duplicateKeys(added).map((k) => index.get(k)).find(Boolean);
    if (twin) {
      console.error(`✗ 已经有这个活动：${twin}（同名、同一天、同一主办单位或场馆），请修改那个文件，不要重复添加 / this event already exists: ${twin}`);
      return false;
    }
  }
  const mine = new Set(out.map((x) => x.path));
  const errors = result.errors.filter((e) => mine.has(e.file));
  for (const w of result.warnings.filter((e) => mine.has(e.file))) console.warn(formatError(w));
  if (!errors.length) return true;
  for (const e of errors) console.error(formatError(e));
  console.error(`\n✗ 有 ${errors.length} 个问题，没有写入文件 / ${errors.length} problem(s), nothing written`);
  return false;
}

/** 4. Show, confirm (in a terminal), write atomically. */
async function write(out: NewFile[], f: Flags, interactive: boolean): Promise<number> {
  for (const x of out) {
    if (interactive) p.note(x.text.trimEnd(), x.path);
    else if (f['dry-run']) console.log(`# ${x.path}\n${x.text}`);
  }
  if (f['dry-run']) {
    console.log('演练模式，没有写入文件 / dry run, nothing written');
    return 0;
  }
  if (interactive && !answer(await p.confirm({ message: `写入 ${out.length} 个文件？`, active: '写入', inactive: '取消' }))) {
    p.cancel('没有写入文件 / nothing written');
    return 1;
  }
  writeFilesAtomically(out);
  const done = out.map((x) => `✓ ${x.path}`).join('\n');
  const next = '下一步：npm run validate，然后提交 pull request / next: npm run validate, then open a pull request';
  if (interactive) p.outro(`${done}\n${next}`);
  else console.log(`${done}\n${next}`);
  return 0;
}

async function run(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'number') return parsed;
  const { f, kind } = parsed;
  const interactive = !f.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const root = contentRoot();
  const contentDir = relative(process.cwd(), root).split(sep).join('/') || '.';
  const files = readContentFiles(root);
  const base = validateContent(files, contentDir);
  const ctx = { files, contentDir, content: base.content, now: str(f, 'now') ?? nowIn(new Date()), base };
  const coll = kind ? KINDS[kind] : undefined;
  if (kind && !coll) {
    console.error(`✗ 不认识“${kind}”：请写 event、organizer、venue 或 observance / unknown kind\n\n${HELP}`);
    return 2;
  }
  let out: NewFile[];
  try {
    const got = interactive ? await askAll(coll, f, ctx) : fromFlags(coll, f, ctx);
    if (typeof got === 'number') return got;
    out = got;
  } catch (e) {
    if (e instanceof Cancelled) {
      p.cancel('已取消，没有写入文件 / cancelled, nothing written');
      return 1;
    }
    if (e instanceof ProblemList) {
      for (const x of e.problems) console.error(`✗ ${x}`);
      console.error('没有写入文件 / nothing written');
      return 1;
    }
    throw e;
  }
  return check(out, ctx) ? write(out, f, interactive) : 1;
}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`✗ 出错了 / failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
