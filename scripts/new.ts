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
import { contentRoot, readContentFiles } from '../src/lib/content-fs.ts';
import { formatError } from '../src/lib/errors.ts';
import { writeFilesAtomically } from '../src/lib/import-fs.ts';
import { duplicateIndex, duplicateKeys, normalizeDateTime, readKind, readWhen, splitList } from '../src/lib/import-match.ts';
import { formatRowProblem, splitBilingual } from '../src/lib/import-plan.ts';
import { eventFromFlags, matchRegion, type RowProblem } from '../src/lib/import-rows.ts';
import type { ContentSet } from '../src/lib/model.ts';
import { type CollectionName, SOLAR_TERMS } from '../src/lib/schema.ts';
import { buildEntry, checkField, type NewFile, takenIds } from '../src/lib/scaffold.ts';
import { ENUM_LABELS } from '../src/lib/labels.ts';
import { FLAG_OF, GENERIC_FIELDS, type GenericField } from '../src/lib/event-fields.ts';
import { type SourceFile, validateContent } from '../src/lib/validate.ts';
import { nowIn } from '../src/lib/time/days.ts';

type Flags = Record<string, string | boolean | undefined>;

const KINDS: Record<string, CollectionName> = {
  event: 'events', events: 'events', 活动: 'events',
  organizer: 'organizers', organizers: 'organizers', 单位: 'organizers', 主办单位: 'organizers',
  venue: 'venues', venues: 'venues', 场馆: 'venues', 地点: 'venues',
  observance: 'observances', observances: 'observances', 纪念日: 'observances',
};

const STRING_FLAGS = [
  'title', 'title-en', 'kind', 'summary', 'start', 'end', 'timezone', 'rrule', 'organizer', 'co-organizers', 'venue', 'address',
  'online', 'region', 'observance', 'campaign', 'topics', 'audiences', 'formats', 'registration', 'registration-required',
  'capacity', 'fee', 'deadline', 'registration-note', 'status', 'previous-start', 'url', 'source-title', 'source-url',
  'verified', 'keywords', 'description', 'slug', 'id', 'name', 'short-name', 'name-en', 'type', 'website', 'aliases', 'lat',
  'lng', 'source', 'rule', 'date', 'month', 'term', 'days', 'usual', 'authority', 'level', 'established', 'ended-year', 'note', 'now',
  ...GENERIC_FIELDS.map((g) => g.flag),
];

const HELP = `用法 / usage: npm run new [-- event|organizer|venue|observance] [--字段 值 …] [--yes] [--dry-run]
  活动 event:      --title --start [--end] --organizer (--venue | --address | --online) [--topics 卫生健康,应急]
                   [--audiences] [--formats] [--registration 网址] [--summary] [--description] [--observance] [--slug]
                   ${GENERIC_FIELDS.map((g) => `[--${g.flag} ${g.form.placeholder ?? '…'}]`).join(' ')}
  单位 organizer:  --name --type [--short-name] [--region] [--website] [--aliases] [--id]
  场馆 venue:      --name --type --region [--address] [--website] [--aliases] [--id]
  纪念日 observance: --name --kind --rule fixed|month|rrule|lunar|solar-term|announced [--date|--month|--rrule|--term]
                   --authority --level --established --source-title [--source-url] [--topics] [--description]
  --yes      不提问，直接按参数生成 / no questions, use the flags
  --dry-run  只显示将要写入的文件 / show the file, write nothing`;

interface Ctx {
  files: SourceFile[];
  contentDir: string;
  content: ContentSet;
  now: string;
}

class Cancelled extends Error {}

// ------------------------------------------------------------------------------------------------
// Flags → entries (the same path for prompts, which only fill in flags)
// ------------------------------------------------------------------------------------------------

const str = (f: Flags, k: string) => (typeof f[k] === 'string' ? (f[k] as string).trim() || undefined : undefined);
const num = (f: Flags, k: string) => (str(f, k) === undefined ? undefined : Number(str(f, k)));
const bool = (f: Flags, k: string) => {
  const v = str(f, k)?.toLowerCase();
  if (v === undefined) return undefined;
  return ['true', 'yes', 'y', '是', '需要', '1'].includes(v) ? true : ['false', 'no', 'n', '否', '不需要', '0'].includes(v) ? false : (v as unknown as boolean);
};

function eventData(f: Flags, ctx: Ctx) {
  return eventFromFlags(f, ctx.content, ctx.now);
}

function regionOf(f: Flags, ctx: Ctx, problems: string[]): string | undefined {
  const r = str(f, 'region');
  if (!r) return undefined;
  const m = matchRegion(r, ctx.content);
  if ('id' in m) return m.id;
  problems.push(`--region: ${m.error}${m.hint ? `（${m.hint}）` : ''}`);
  return r;
}

function organizerData(f: Flags, ctx: Ctx, problems: string[]) {
  return {
    name: str(f, 'name'), shortName: str(f, 'short-name'), nameEn: str(f, 'name-en'), type: str(f, 'type'),
    region: regionOf(f, ctx, problems), address: str(f, 'address'), website: str(f, 'website'), description: str(f, 'description'),
    aliases: splitList(str(f, 'aliases')),
  };
}

function venueData(f: Flags, ctx: Ctx, problems: string[]) {
  const lat = num(f, 'lat');
  const lng = num(f, 'lng');
  return {
    name: str(f, 'name'), nameEn: str(f, 'name-en'), type: str(f, 'type'), region: regionOf(f, ctx, problems), address: str(f, 'address'),
    geo: lat !== undefined && lng !== undefined ? { lat, lng } : undefined, website: str(f, 'website'), aliases: splitList(str(f, 'aliases')),
  };
}

function observanceData(f: Flags) {
  const type = str(f, 'rule');
  const rule: Record<string, unknown> = { type };
  if (type === 'fixed' || type === 'lunar') rule.date = str(f, 'date');
  if (type === 'month') rule.month = num(f, 'month');
  if (type === 'rrule') rule.rrule = str(f, 'rrule');
  if (type === 'solar-term') rule.term = str(f, 'term');
  return {
    name: str(f, 'name'), nameEn: str(f, 'name-en'), kind: str(f, 'kind'), rule, days: num(f, 'days'), usual: str(f, 'usual'),
    authority: str(f, 'authority'), level: str(f, 'level'), established: num(f, 'established'), endedYear: num(f, 'ended-year'),
    source: { title: str(f, 'source-title'), url: str(f, 'source-url') }, topics: splitList(str(f, 'topics')),
    aliases: splitList(str(f, 'aliases')), verified: bool(f, 'verified'), note: str(f, 'note'),
  };
}

/** Build the file(s) for one collection from flags; a new organizer/venue chosen in prompts comes along. */
function build(coll: CollectionName, f: Flags, ctx: Ctx, extra: NewFile[]): { files: NewFile[]; problems: string[] } {
  const problems: string[] = [];
  const existing = [...ctx.files, ...extra];
  const taken = takenIds(existing, ctx.contentDir, coll);
  const wanted = str(f, 'slug') ?? str(f, 'id');
  let file: NewFile;
  if (coll === 'events') {
    const e = eventData(f, ctx);
    for (const pr of e.problems) problems.push(cliProblem(pr));
    if (!e.data) return { files: [], problems };
    file = buildEntry('events', e.data, { contentDir: ctx.contentDir, taken, body: e.body, id: wanted });
  } else if (coll === 'organizers') {
    file = buildEntry(coll, organizerData(f, ctx, problems), { contentDir: ctx.contentDir, taken, id: wanted, comment: str(f, 'source') && `来源：${str(f, 'source')}` });
  } else if (coll === 'venues') {
    file = buildEntry(coll, venueData(f, ctx, problems), { contentDir: ctx.contentDir, taken, id: wanted, comment: str(f, 'source') && `来源：${str(f, 'source')}` });
  } else {
    file = buildEntry(coll, observanceData(f), { contentDir: ctx.contentDir, taken, id: wanted, body: str(f, 'description') });
  }
  return { files: [...extra, file], problems };
}

/** `--start: 日期格式不对… / --start: …` for a problem found while mapping flags. */
function cliProblem(pr: RowProblem): string {
  const flag = FLAG_OF[pr.field] ?? (pr.field ? `--${pr.field}` : '');
  const [zh, en] = splitBilingual(pr.message);
  const [hzh, hen] = pr.hint ? splitBilingual(pr.hint) : ['', ''];
  if (!flag) return formatRowProblem(pr);
  return `${flag}: ${zh}${hzh ? `（${hzh}）` : ''} / ${en}${hen ? ` (${hen})` : ''}`;
}

const REQUIRED: Record<CollectionName, string[][]> = {
  events: [['title'], ['start'], ['organizer']],
  organizers: [['name'], ['type']],
  venues: [['name'], ['type'], ['region']],
  observances: [['name'], ['kind'], ['rule'], ['authority'], ['level'], ['source-title']],
};

function missingFlags(coll: CollectionName, f: Flags): string[] {
  const groups = [...REQUIRED[coll]];
  // Activities need somewhere to go; calls and deadlines happen on paper.
  if (coll === 'events' && readKind(str(f, 'kind')) === 'activity') groups.push(['venue', 'address', 'online', 'region']);
  return groups.filter((alts) => alts.every((k) => !str(f, k))).map((alts) => alts.map((k) => `--${k}`).join(' 或 '));
}

// ------------------------------------------------------------------------------------------------
// Prompts (only fill in flags that were not given)
// ------------------------------------------------------------------------------------------------

function answer<T>(v: T): Exclude<T, symbol> {
  if (p.isCancel(v)) throw new Cancelled();
  return v as Exclude<T, symbol>;
}

/** Validator for a prompt: the schema field's own check, after the same normalisation as the file. */
const fieldCheck = (coll: CollectionName, key: string, optional = false, normalise?: (s: string) => unknown) => (v: string | undefined) => {
  const s = (v ?? '').trim();
  if (!s) return optional ? undefined : '必填 / required';
  return checkField(coll, key, normalise ? normalise(s) : s);
};

/** A generic field's prompt check: its reader, then the schema's check of each value it makes. */
const genericCheck = (g: GenericField) => (v: string | undefined) => {
  const s = (v ?? '').trim();
  if (!s) return undefined;
  const r = g.read(s);
  if ('error' in r) return r.error;
  for (const [k, value] of Object.entries(r.values)) {
    const bad = checkField('events', k, value);
    if (bad) return bad;
  }
  return undefined;
};

async function ask(f: Flags, key: string, opts: { message: string; placeholder?: string; validate?: (v: string | undefined) => string | undefined }) {
  if (str(f, key) !== undefined) return;
  const v = answer(await p.text({ message: opts.message, placeholder: opts.placeholder, validate: opts.validate }));
  f[key] = v?.trim() || undefined;
}

async function pickVocab(f: Flags, key: 'topics' | 'audiences' | 'formats', ctx: Ctx, message: string) {
  if (str(f, key) !== undefined) return;
  const vocab = ctx.content.vocab[key];
  if (!vocab.length) return;
  const picked = answer(
    await p.autocompleteMultiselect({ message, options: vocab.map((v) => ({ value: v.label, label: v.label, hint: v.aliases.join('、') || undefined })), required: false }),
  );
  f[key] = picked.join(',');
}

async function pickRegion(f: Flags, ctx: Ctx, message: string, required: boolean) {
  if (str(f, 'region') !== undefined) return;
  const options = [
    ...(required ? [] : [{ value: '', label: '（不填）' }]),
    ...ctx.content.vocab.regions.map((r) => ({ value: r.id, label: r.label, hint: r.id })),
  ];
  f.region = answer(await p.autocomplete({ message, options, placeholder: '输入地区名称筛选，例如 海淀' })) || undefined;
}

async function askEvent(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  const extra: NewFile[] = [];
  await ask(f, 'title', { message: '活动名称（一行，不超过 80 字）', placeholder: '世界急救日公益培训：心肺复苏与AED使用', validate: fieldCheck('events', 'title') });
  if (str(f, 'kind') === undefined)
    f.kind = answer(await p.select({ message: '类型', options: Object.entries(ENUM_LABELS.eventKind).map(([value, label]) => ({ value, label })), initialValue: 'activity' }));
  await ask(f, 'start', {
    message: '开始时间：全天活动只写日期，定时活动写日期和时间',
    placeholder: '2026-09-12 14:00',
    validate: fieldCheck('events', 'start', false, normalizeDateTime),
  });
  const start = normalizeDateTime(str(f, 'start'));
  await ask(f, 'end', {
    message: start.length === 10 ? '结束日期（最后一天，含；一天的活动直接回车）' : '结束时间（可以只写时间，例如 16:30；不确定就回车）',
    placeholder: start.length === 10 ? start : '16:30',
    validate: (v) => {
      if (!v?.trim()) return undefined;
      const w = readWhen(start, v.trim());
      const bad = checkField('events', 'end', w.end);
      if (bad) return bad;
      if ((w.end!.length === 10) !== (start.length === 10)) return start.length === 10 ? '开始只写了日期，结束也只写日期 / end must be a date' : '请写时间，例如 16:30 / end needs a time';
      return w.end! < start ? '结束早于开始 / end is before start' : undefined;
    },
  });

  if (str(f, 'organizer') === undefined) {
    const options = [
      ...ctx.content.organizers.map((o) => ({ value: o.id, label: o.shortName ? `${o.name}（${o.shortName}）` : o.name, hint: o.id })),
      { value: '__new__', label: '＋ 新增一个单位…', hint: '列表里没有时' },
    ];
    const id = answer(await p.autocomplete({ message: '主办单位（输入名称筛选）', options, placeholder: '例如 科协' }));
    if (id === '__new__') {
      p.log.info('先添加主办单位 / first, the organizer');
      const of: Flags = {};
      const files = await askOrganizer(of, ctx);
      extra.push(...files);
      f.organizer = files[files.length - 1]!.id;
    } else f.organizer = id;
  }

  if (!str(f, 'venue') && !str(f, 'address') && !str(f, 'online') && readKind(str(f, 'kind')) === 'activity') {
    const where = answer(
      await p.select({
        message: '在哪里举办？',
        options: [
          ...(ctx.content.venues.length ? [{ value: 'venue', label: '已有的场馆' }] : []),
          { value: 'new-venue', label: '新场馆（以后别人也能选）' },
          { value: 'address', label: '只写地址' },
          { value: 'online', label: '线上（直播、展播）' },
          { value: 'region', label: '整个地区（跨区县的系列活动）' },
        ],
      }),
    );
    if (where === 'venue') {
      f.venue = answer(await p.autocomplete({ message: '场馆（输入名称筛选）', options: ctx.content.venues.map((v) => ({ value: v.id, label: v.name, hint: v.id })) }));
    } else if (where === 'new-venue') {
      const vf: Flags = {};
      const files = await askVenue(vf, { ...ctx, files: [...ctx.files, ...extra] });
      extra.push(...files);
      f.venue = files[files.length - 1]!.id;
    } else if (where === 'address') {
      await ask(f, 'address', { message: '详细地址（一行）', placeholder: '北京市海淀区…', validate: fieldCheck('events', 'address') });
      await pickRegion(f, ctx, '所在地区（用于按地区筛选）', false);
    } else if (where === 'online') {
      await ask(f, 'online', { message: '线上网址（https://…）', validate: fieldCheck('events', 'online') });
    } else {
      await pickRegion(f, ctx, '地区', true);
    }
  }
  await pickVocab(f, 'topics', ctx, '主题（输入几个字筛选，Tab 选中，回车确认；可多选）');
  await pickVocab(f, 'audiences', ctx, '面向人群（Tab 选中，回车确认；可多选）');
  await pickVocab(f, 'formats', ctx, '形式（Tab 选中，回车确认；可多选）');
  if (str(f, 'observance') === undefined && ctx.content.observances.length) {
    const options = [{ value: '', label: '（无）' }, ...ctx.content.observances.map((o) => ({ value: o.id, label: o.name, hint: o.id }))];
    f.observance = answer(await p.autocomplete({ message: '相关纪念日（可选，输入名称筛选）', options, placeholder: '例如 急救' })) || undefined;
  }
  // The registry's generic fields (src/lib/event-fields.ts), checked as the file will be.
  for (const g of GENERIC_FIELDS) await ask(f, g.flag, { message: g.form.label, placeholder: g.form.placeholder, validate: genericCheck(g) });
  await ask(f, 'registration', { message: '报名网址（没有就回车）', placeholder: 'https://…', validate: (v) => (v?.trim() ? checkField('events', 'online', v.trim()) : undefined) });
  if (str(f, 'registration') && str(f, 'registration-required') === undefined)
    f['registration-required'] = String(answer(await p.confirm({ message: '必须报名才能参加吗？', active: '是', inactive: '否', initialValue: false })));
  await ask(f, 'summary', { message: '一句话简介（可选，用于列表和搜索）', validate: fieldCheck('events', 'summary', true) });
  if (str(f, 'description') === undefined)
    f.description = answer(await p.multiline({ message: '活动介绍（可多段；按两次回车结束，没有就直接回车）' })) || undefined;
  return extra;
}

async function askOrganizer(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  await ask(f, 'name', { message: '单位全称', placeholder: '北京市科学技术协会', validate: fieldCheck('organizers', 'name') });
  await ask(f, 'short-name', { message: '简称（可选）', placeholder: '北京市科协', validate: fieldCheck('organizers', 'shortName', true) });
  if (str(f, 'type') === undefined)
    f.type = answer(await p.select({ message: '单位类型', options: Object.entries(ENUM_LABELS.organizerType).map(([value, label]) => ({ value, label, hint: value })) }));
  await pickRegion(f, ctx, '所在地区', false);
  await ask(f, 'website', { message: '官方网站（可选，确实存在时才写）', placeholder: 'https://…', validate: fieldCheck('organizers', 'website', true) });
  return finish('organizers', f, ctx, []);
}

async function askVenue(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  await ask(f, 'name', { message: '场馆名称', placeholder: '北京科学中心', validate: fieldCheck('venues', 'name') });
  if (str(f, 'type') === undefined)
    f.type = answer(await p.select({ message: '场馆类型', options: Object.entries(ENUM_LABELS.venueType).map(([value, label]) => ({ value, label, hint: value })) }));
  await pickRegion(f, ctx, '所在地区（区县最好）', true);
  await ask(f, 'address', { message: '地址（可选）', validate: fieldCheck('venues', 'address', true) });
  await ask(f, 'website', { message: '官方网站（可选，确实存在时才写）', placeholder: 'https://…', validate: fieldCheck('venues', 'website', true) });
  return finish('venues', f, ctx, []);
}

async function askObservance(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  p.log.warn('纪念日只写确知的信息：设立机构、依据文件要能查证；不确定的留空或写 verified: false / only facts you can source');
  await ask(f, 'name', { message: '纪念日名称', placeholder: '世界急救日', validate: fieldCheck('observances', 'name') });
  await ask(f, 'name-en', { message: '英文名称（可选）', validate: fieldCheck('observances', 'nameEn', true) });
  if (str(f, 'kind') === undefined)
    f.kind = answer(await p.select({ message: '类型', options: Object.entries(ENUM_LABELS.observanceKind).map(([value, label]) => ({ value, label })) }));
  if (str(f, 'rule') === undefined)
    f.rule = answer(await p.select({ message: '日期规则', options: Object.entries(ENUM_LABELS.ruleType).map(([value, label]) => ({ value, label, hint: value })) }));
  const rule = str(f, 'rule');
  if (rule === 'fixed' || rule === 'lunar') await ask(f, 'date', { message: rule === 'lunar' ? '农历月-日，例如 09-09' : '月-日，例如 06-06', validate: (v) => (/^\d{2}-\d{2}$/.test(v?.trim() ?? '') ? undefined : '请写成 06-06 / write MM-DD') });
  if (rule === 'month') await ask(f, 'month', { message: '月份 1–12', validate: (v) => (/^(?:[1-9]|1[0-2])$/.test(v?.trim() ?? '') ? undefined : '1–12') });
  if (rule === 'rrule') await ask(f, 'rrule', { message: 'RRULE，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA', validate: (v) => (/^FREQ=YEARLY/i.test(v?.trim() ?? '') ? undefined : '必须以 FREQ=YEARLY 开头 / must start with FREQ=YEARLY') });
  if (rule === 'solar-term' && str(f, 'term') === undefined) f.term = answer(await p.select({ message: '节气', options: SOLAR_TERMS.map((t) => ({ value: t, label: t })) }));
  if (rule === 'announced') await ask(f, 'usual', { message: '通常的时间（文字），例如 每年5月下旬', validate: fieldCheck('observances', 'usual', true) });
  await ask(f, 'authority', { message: '设立机构', placeholder: '联合国大会 / 国务院 / …', validate: fieldCheck('observances', 'authority') });
  if (str(f, 'level') === undefined)
    f.level = answer(await p.select({ message: '级别', options: Object.entries(ENUM_LABELS.level).map(([value, label]) => ({ value, label })) }));
  await ask(f, 'established', { message: '设立年份（首次举办；不确定就回车，并在说明里写明）', validate: fieldCheck('observances', 'established', true, Number) });
  await ask(f, 'note', { message: '编者说明（可选）：哪些信息还不确定', validate: fieldCheck('observances', 'note', true) });
  await ask(f, 'source-title', { message: '依据：决议、通知或公告的标题（写全称）', validate: (v) => (v?.trim() ? undefined : '必填 / required') });
  await ask(f, 'source-url', { message: '依据的网址（可选，确实存在时才写）', validate: (v) => (v?.trim() ? checkField('events', 'online', v.trim()) : undefined) });
  await pickVocab(f, 'topics', ctx, '主题（Tab 选中，回车确认；可多选）');
  if (str(f, 'description') === undefined)
    f.description = answer(await p.multiline({ message: '历史背景（可多段；按两次回车结束）' })) || undefined;
  return finish('observances', f, ctx, []);
}

/** Build, validate with the tree, show; in prompts a nested organizer/venue returns its files here. */
function finish(coll: CollectionName, f: Flags, ctx: Ctx, extra: NewFile[]): NewFile[] {
  const { files, problems } = build(coll, f, ctx, extra);
  if (problems.length) throw new ProblemList(problems);
  return files;
}

class ProblemList extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

// ------------------------------------------------------------------------------------------------

async function run(argv: string[]): Promise<number> {
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
  const interactive = !f.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const root = contentRoot();
  const contentDir = relative(process.cwd(), root).split(sep).join('/') || '.';
  const files = readContentFiles(root);
  const base = validateContent(files, contentDir);
  const ctx: Ctx = { files, contentDir, content: base.content, now: str(f, 'now') ?? nowIn(new Date()) };

  let coll = parsed.positionals[0] ? KINDS[parsed.positionals[0]] : undefined;
  if (parsed.positionals[0] && !coll) {
    console.error(`✗ 不认识“${parsed.positionals[0]}”：请写 event、organizer、venue 或 observance / unknown kind\n\n${HELP}`);
    return 2;
  }

  let out: NewFile[];
  try {
    if (interactive) {
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
      if (coll === 'events') {
        out = finish('events', f, ctx, await askEvent(f, ctx));
      } else if (coll === 'organizers') out = await askOrganizer(f, ctx);
      else if (coll === 'venues') out = await askVenue(f, ctx);
      else out = await askObservance(f, ctx);
    } else {
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
      out = b.files;
    }
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

  // Duplicates of an existing event: the same activity submitted twice.
  const ev = out.find((x) => x.collection === 'events');
  if (ev) {
    const check = validateContent([...files, ...out], contentDir).content.events.find((e) => e.file === ev.path);
    if (check) {
      const index = duplicateIndex(base.content.events);
      const twin = duplicateKeys(check).map((k) => index.get(k)).find(Boolean);
      if (twin) {
        console.error(`✗ 已经有这个活动：${twin}（同名、同一天、同一主办单位或场馆），请修改那个文件，不要重复添加 / this event already exists: ${twin}`);
        return 1;
      }
    }
  }

  // The whole tree with the new file(s): exactly what npm run validate will say.
  const result = validateContent([...files, ...out], contentDir);
  const mine = new Set(out.map((x) => x.path));
  const errors = result.errors.filter((e) => mine.has(e.file));
  const warnings = result.warnings.filter((e) => mine.has(e.file));
  for (const w of warnings) console.warn(formatError(w));
  if (errors.length) {
    for (const e of errors) console.error(formatError(e));
    console.error(`\n✗ 有 ${errors.length} 个问题，没有写入文件 / ${errors.length} problem(s), nothing written`);
    return 1;
  }

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

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`✗ 出错了 / failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
