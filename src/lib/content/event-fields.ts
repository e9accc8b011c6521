/**
 * The event field registry: everything about an event field beyond its shape (schema.ts) — its
 * spreadsheet column, its `npm run new` flag, its /submit/ control, its examples, and for fields
 * handled generically how a cell reads and where the value shows. One row per field; the importer,
 * the form, the CLI, the JSON Schemas, the event page, the iCal feeds, the search records, the
 * open data and the JSON-LD read it from here.
 *
 * How a value travels: form control → `--flag` → import cell (`field`) → front matter (`path`).
 * Most fields have their own handling in import-rows.ts and event-facts.ts (vocabularies, places,
 * dates); a row with `read` and `fact` needs none: it is imported, prompted, offered on the form
 * and shown on the page, in the iCal DESCRIPTION, the search record, the open data and (with
 * `jsonLd`) the page's JSON-LD by itself. Adding such a field touches schema.ts, this table and the
 * tests. Pure and browser-safe (the /submit/ island imports it).
 */
import type { EventEntry } from './model.ts';
import { SITE_ZONE } from '../time/days.ts';
import { ACCESS_FEATURES, type AccessFeature } from './schema.ts';
import { ACCESS_LABEL, ACCESS_WORDS } from '../labels.ts';

export interface ColumnSpec {
  /** Position among the columns; the template shows the first fourteen. */
  order: number;
  /** The header in the template (Chinese). */
  zh: string;
  /** English name used in messages and accepted as a header. */
  en: string;
  /** Other headers people use for the same column. */
  aliases: readonly string[];
  /** Shown in the template's 填写说明 sheet and in CONTRIBUTING.md. */
  help: string;
  example: string;
  required?: boolean;
  /** Shown in the downloadable template although past the first fourteen (what families ask: ages, access, replays). */
  template?: true;
}

/** The /submit/ form's sections, in page order. */
export type FormSection = 'basic' | 'when' | 'where' | 'tags' | 'reg' | 'more';

export interface FormSpec {
  /** The control's name (its id is f-<name>). */
  name: string;
  /** Visible label (Chinese). */
  label: string;
  /** How to use this control, beyond the schema's field guide. Chinese first. */
  hint?: string;
  /** Generic fields only: the section that lists it, and a placeholder. */
  section?: FormSection;
  placeholder?: string;
}

export interface FieldSpec {
  /** The key a value travels under from a cell, a flag or the form into import-rows.ts `mapRow`. */
  field?: string;
  /** The front-matter path it fills: its JSDoc line in schema.ts is the form's help text. */
  path?: string;
  /** `npm run new -- event --<flag> …` */
  flag?: string;
  column?: ColumnSpec;
  form?: FormSpec;
  /** Illustrative values (never facts) for the JSON Schema and CONTRIBUTING, by front-matter path. */
  examples?: Readonly<Record<string, unknown>>;
  /** Generic fields: the fact's label on the page, in the iCal DESCRIPTION and the search record. */
  label?: string;
  /** Generic fields: the front-matter keys `read` fills (also shown as they are in the open data). */
  paths?: readonly string[];
  /** Generic fields: a cell, flag or form text → front-matter values, or what is wrong with it. */
  read?: (text: string) => { values: Record<string, unknown> } | { error: string };
  /** Generic fields: how the entry's value reads (undefined: nothing to show). */
  fact?: (e: EventEntry) => string | undefined;
  /** Generic fields: schema.org Event properties for the page's JSON-LD. */
  jsonLd?: (e: EventEntry) => Record<string, unknown> | undefined;
  /** Generic fields whose value is a link: where the fact on the page leads. */
  href?: (e: EventEntry) => string | undefined;
}

/** Generic fields: what they are sure to have. */
export type GenericField = FieldSpec & Required<Pick<FieldSpec, 'field' | 'flag' | 'label' | 'paths' | 'read' | 'fact'>> & { form: FormSpec & { section: FormSection } };

const AGE = /^(\d{1,3})?\s*(?:岁)?\s*(?:(-|–|—|~|～|至|到)\s*(\d{1,3})?|(以上|及以上|\+)|(以下|及以下))?\s*(?:岁)?$/;

/** 6-12, 6–12岁, 6岁以上, 6-, 12岁以下, -12, 10 → ageMin / ageMax (the schema checks 0–120 and the order). */
export function readAgeRange(text: string): { values: Record<string, unknown> } | { error: string } {
  const m = AGE.exec(text.replace(/\s+/g, ' ').trim());
  const [min, dash, max, over, under] = m ? [m[1], m[2], m[3], m[4], m[5]] : [];
  if (!m || (!min && !max) || ((over || under) && !min)) return { error: `“${text}”看不懂，请写成 6-12（岁）、6-（6 岁以上）或 -12（12 岁以下）/ write an age range such as 6-12, 6- or -12` };
  if (under) return { values: { ageMax: Number(min) } };
  if (over || (dash && !max)) return { values: { ageMin: Number(min) } };
  if (dash) return { values: { ...(min ? { ageMin: Number(min) } : {}), ageMax: Number(max) } };
  return { values: { ageMin: Number(min), ageMax: Number(min) } };
}

/** 6–12 岁, 6 岁以上, 12 岁以下. */
export function ageRangeText(e: Pick<EventEntry, 'ageMin' | 'ageMax'>): string | undefined {
  const { ageMin: min, ageMax: max } = e;
  if (min === undefined && max === undefined) return undefined;
  if (max === undefined) return `${min} 岁以上`;
  if (min === undefined) return `${max} 岁以下`;
  return min === max ? `${min} 岁` : `${min}–${max} 岁`;
}

/**
 * 轮椅通行、手语 (labels, ids or common variants) → the labels as the file keeps them (readable to
 * the people who write them; the schema turns them into ids), or what is not understood.
 */
export function readAccess(text: string): { values: Record<string, unknown> } | { error: string } {
  const words = text.split(/[,，、;；\s]+/).map((w) => w.trim()).filter(Boolean);
  const ids = words.map((w) => ACCESS_WORDS.get(w.toLowerCase()));
  const bad = words.filter((_, i) => !ids[i]);
  if (bad.length) return { error: `“${bad.join('、')}”看不懂，无障碍请写 ${Object.values(ACCESS_LABEL).join('、')}，多个用“、”分开 / accessibility: write ${ACCESS_FEATURES.join(', ')}` };
  return { values: { access: [...new Set((ids as AccessFeature[]).map((id) => ACCESS_LABEL[id]))] } };
}

/**
 * schema.org's accessibilityFeature words (W3C accessibility vocabulary) where one exists: captions
 * and sign language describe what is presented; the physical features go on the Place (jsonld.ts).
 */
const SCHEMA_ACCESS: Partial<Record<AccessFeature, string>> = { captions: 'captions', 'sign-language': 'signLanguage' };

const col = (order: number, zh: string, en: string, aliases: readonly string[], help: string, example = '', required?: true): ColumnSpec => ({ order, zh, en, aliases, help, example, ...(required ? { required } : {}) });
/** A column the template shows although it is not among the first fourteen. */
const inTemplate = (c: ColumnSpec): ColumnSpec => ({ ...c, template: true });
const LIST_HELP = '从词表选，多个用“、”分开';

/** Every event field, in the /submit/ form's page order, then the ones the form does not ask. */
export const EVENT_FIELDS = [
  { field: 'title', path: 'title', flag: 'title', column: col(1, '活动名称', 'title', ['名称', '标题', '活动标题', '项目名称'], '一行，不超过 80 字', '世界急救日公益培训：心肺复苏与AED使用', true), form: { name: 'title', label: '活动名称' }, examples: { title: '世界急救日公益培训：心肺复苏与AED使用' } },
  { field: 'titleEn', path: 'titleEn', flag: 'title-en', column: col(24, '英文名称', 'titleEn', [], '可选，也用来生成网址'), form: { name: 'titleEn', label: '英文名称（可选）', hint: '有英文名称时，文件名（网址）用英文名称生成，否则用活动名称的拼音。' }, examples: { titleEn: 'CPR and AED training for World First Aid Day' } },
  { field: 'kind', path: 'kind', flag: 'kind', column: col(14, '类型', 'kind', [], '活动、征集、申报截止；留空为活动', '活动'), form: { name: 'kind', label: '类型' }, examples: { kind: 'activity' } },
  { field: 'summary', path: 'summary', flag: 'summary', column: col(18, '一句话简介', 'summary', ['摘要'], '可选，一行，不超过 200 字，用于列表和搜索'), form: { name: 'summary', label: '一句话简介（可选）' }, examples: { summary: '急救医生讲解心肺复苏要点，现场练习AED使用。' } },
  { field: 'start', path: 'start', flag: 'start', column: col(2, '开始时间', 'start', ['开始日期', '开始', '活动时间', '日期', '时间'], '2026-09-12（全天）或 2026-09-12 14:00；也可写 2026/9/12 下午2:00、2026-09-12 14:00-16:30', '2026-09-12 14:00', true), form: { name: 'start', label: '开始', hint: '例如 2026-09-12（全天）或 2026-09-12 14:00；也可以写 2026/9/12 下午2:00。' }, examples: { start: '2026-09-12T14:00' } },
  { field: 'end', path: 'end', flag: 'end', column: col(3, '结束时间', 'end', ['结束日期', '结束'], '可选。全天活动写最后一天；定时活动可以只写时间 16:30', '16:30'), form: { name: 'end', label: '结束（可选）', hint: '全天活动写最后一天；当天结束的定时活动可以只写时间，例如 16:30。' }, examples: { end: '2026-09-12T16:30' } },
  { field: 'organizer', path: 'organizer', flag: 'organizer', column: col(5, '主办单位', 'organizer', ['主办', '主办方', '举办单位', '承办单位'], '已有单位的名称、简称或编号；多个单位用“、”分开，第一个为主办，其余为协办', '北京市科协', true), form: { name: 'organizer', label: '主办单位', hint: '从列表中选择。列表里没有的单位，选最后一项“列表里没有”，再填写单位全称，会和活动一起提交。' }, examples: { organizer: 'beijing-association-for-science-and-technology' } },
  { form: { name: 'place', label: '在哪里举办', hint: '线下活动选已有场馆或写地址；线上活动写网址；跨区县的系列活动选地区。征集和申报截止可以不填。' } },
  { field: 'venue', path: 'venue', flag: 'venue', column: col(4, '地点', 'venue', ['活动地点', '场馆', '举办地点', 'location'], '已有场馆的名称或编号；不是已有场馆时写详细地址（会写进 address）；线上活动留空', '北京科学中心'), form: { name: 'venue', label: '场馆' }, examples: { venue: 'beijing-science-center' } },
  { field: 'address', path: 'address', flag: 'address', column: col(15, '详细地址', 'address', ['地址', '活动地址'], '可选：地点是已有场馆时补充的具体位置（如 报告厅），或不是已有场馆时的地址'), form: { name: 'address', label: '地址' }, examples: { address: '北京市海淀区…（没有场馆文件时）' } },
  { field: 'online', path: 'online', flag: 'online', column: col(12, '线上链接', 'online', ['直播链接', '线上地址', '直播地址', '线上网址'], '线上活动或直播的网址', 'https://www.example.org/live'), form: { name: 'online', label: '线上网址' }, examples: { online: 'https://www.example.org/live' } },
  { field: 'region', path: 'region', flag: 'region', column: col(13, '地区', 'region', ['区域', '所在地区', '区县', '行政区'], '地区名称或 GB/T 2260 编号；有场馆时可不写', '海淀区'), form: { name: 'region', label: '地区' }, examples: { region: '110108' } },
  { field: 'topics', path: 'topics', flag: 'topics', column: col(7, '主题', 'topics', ['领域', '主题领域', '科普主题'], LIST_HELP, '卫生健康、应急'), form: { name: 'topics', label: '主题' }, examples: { topics: ['卫生健康', '应急'] } },
  { field: 'audiences', path: 'audiences', flag: 'audiences', column: col(6, '面向人群', 'audiences', ['人群', '对象', '活动对象', '受众', '参与对象'], LIST_HELP, '公众、老年人'), form: { name: 'audiences', label: '面向人群' }, examples: { audiences: ['公众', '老年人'] } },
  { field: 'formats', path: 'formats', flag: 'formats', column: col(8, '形式', 'formats', ['活动形式', '活动类型'], LIST_HELP, '培训'), form: { name: 'formats', label: '形式' }, examples: { formats: ['培训'] } },
  { field: 'observance', path: 'observance', flag: 'observance', column: col(19, '相关纪念日', 'observance', ['纪念日'], '可选，纪念日编号或名称，例如 世界急救日'), form: { name: 'observance', label: '相关纪念日（可选）' }, examples: { observance: 'world-first-aid-day' } },
  { field: 'campaign', path: 'campaign', flag: 'campaign', column: col(20, '活动季', 'campaign', [], '可选，活动季编号或名称，例如 全国科普月'), form: { name: 'campaign', label: '所属活动季（可选）' }, examples: { campaign: 'national-science-month' } },
  {
    field: 'age', flag: 'age', label: '适合年龄', paths: ['ageMin', 'ageMax'],
    column: inTemplate(col(26, '适合年龄', 'age', ['年龄', '年龄段', '适合年龄段', '适合人群年龄'], '可选：6-12（岁）、6-（6 岁以上）或 -12（12 岁以下）', '6-12')),
    form: { name: 'age', label: '适合年龄（可选）', hint: '例如 6-12（岁）；只有下限写 6-，只有上限写 -12。', section: 'tags', placeholder: '6-12' },
    examples: { ageMin: 6, ageMax: 12 },
    read: readAgeRange,
    fact: ageRangeText,
    jsonLd: (e) => (e.ageMin === undefined && e.ageMax === undefined ? undefined : { typicalAgeRange: `${e.ageMin ?? 0}-${e.ageMax ?? ''}` }),
  },
  {
    field: 'access', flag: 'access', label: '无障碍', paths: ['access'],
    column: inTemplate(col(27, '无障碍', 'access', ['无障碍设施', '无障碍服务', '无障碍信息'], `可选：${Object.values(ACCESS_LABEL).join('、')}，多个用“、”分开`, '轮椅通行、手语翻译')),
    form: { name: 'access', label: '无障碍（可选）', hint: `写现场确实提供的：${Object.values(ACCESS_LABEL).join('、')}，多个用“、”分开。`, section: 'tags', placeholder: '轮椅通行、手语翻译' },
    examples: { access: ['轮椅通行', '手语翻译'] },
    read: readAccess,
    fact: (e) => (e.access?.length ? e.access.map((a) => ACCESS_LABEL[a]).join('、') : undefined),
    jsonLd: (e) => {
      const words = (e.access ?? []).map((a) => SCHEMA_ACCESS[a]).filter((w): w is string => !!w);
      return words.length ? { accessibilityFeature: words } : undefined;
    },
  },
  {
    field: 'replay', flag: 'replay', label: '回放', paths: ['replay'],
    column: inTemplate(col(28, '回放链接', 'replay', ['回放', '回放地址', '回看链接', '回放网址'], '可选：活动结束后可以回看的网址', 'https://www.example.org/replay')),
    form: { name: 'replay', label: '回放网址（可选）', hint: '活动结束后可以回看的地址；直播地址写在“线上网址”。', section: 'more', placeholder: 'https://' },
    examples: { replay: 'https://www.example.org/replay' },
    read: (text) => ({ values: { replay: text.trim() } }),
    fact: (e) => e.replay,
    href: (e) => e.replay,
    jsonLd: (e) => (e.replay ? { recordedIn: { '@type': 'CreativeWork', url: e.replay } } : undefined),
  },
  { field: 'registration', path: 'registration.url', flag: 'registration', column: col(9, '报名链接', 'registration', ['报名网址', '报名方式', '报名'], '以 https:// 开头的报名网址', 'https://www.example.org/signup'), form: { name: 'registration', label: '报名网址（可选）' }, examples: { registration: { url: 'https://www.example.org/signup', required: true, capacity: 40, fee: 0 }, 'registration.url': 'https://www.example.org/signup' } },
  { path: 'registration.required', flag: 'registration-required', form: { name: 'registrationRequired', label: '是否必须报名' }, examples: { 'registration.required': true } },
  { path: 'registration.capacity', flag: 'capacity', form: { name: 'capacity', label: '名额（可选）' }, examples: { 'registration.capacity': 40 } },
  { path: 'registration.fee', flag: 'fee', form: { name: 'fee', label: '费用（元，可选）' }, examples: { 'registration.fee': 0 } },
  { path: 'registration.deadline', flag: 'deadline', form: { name: 'deadline', label: '报名截止（可选）' }, examples: { 'registration.deadline': '2026-09-10' } },
  { path: 'registration.note', flag: 'registration-note', form: { name: 'registrationNote', label: '报名说明（可选）' }, examples: { 'registration.note': '电话报名：见主办单位网站' } },
  { path: 'registration.full', flag: 'full', examples: { 'registration.full': true } },
  { field: 'url', path: 'url', flag: 'url', column: col(17, '活动网址', 'url', ['官方网址', '网址', '链接', '详情链接'], '可选，活动的官方页面'), form: { name: 'url', label: '官方页面网址（可选）' }, examples: { url: 'https://www.example.org/events/first-aid' } },
  { field: 'source', path: 'source.title', flag: 'source-title', column: col(21, '信息来源', 'source', ['来源'], '可选，通知或公告的标题'), form: { name: 'sourceTitle', label: '信息来源（可选）' }, examples: { source: { title: '关于举办2026年全国科普月活动的通知' }, 'source.title': '关于举办2026年全国科普月活动的通知' } },
  { path: 'source.url', flag: 'source-url', form: { name: 'sourceUrl', label: '来源网址（可选）' }, examples: { 'source.url': 'https://www.example.org/notice' } },
  { field: 'description', flag: 'description', column: col(11, '简介', 'description', ['活动简介', '活动内容', '内容', '描述', '说明'], '活动介绍，会成为正文；可以多段', '由急救医生讲解心肺复苏要点，现场练习AED使用。'), form: { name: 'description', label: '活动介绍（可选）', hint: '会成为活动页面的正文，可以写多段；不要粘贴网页代码。/ The page text (Markdown), several paragraphs allowed.' } },
  { field: 'timezone', path: 'timezone', flag: 'timezone', column: col(25, '时区', 'timezone', [], `可选，默认 ${SITE_ZONE}`), examples: { timezone: SITE_ZONE } },
  { field: 'rrule', path: 'rrule', flag: 'rrule', examples: { rrule: 'FREQ=WEEKLY;COUNT=4' } },
  { field: 'coOrganizers', path: 'coOrganizers', flag: 'co-organizers', column: col(16, '协办单位', 'coOrganizers', ['协办', '合作单位'], '可选，已有单位的名称或编号，多个用“、”分开'), examples: { coOrganizers: ['beijing-science-center'] } },
  { field: 'status', path: 'status', flag: 'status', column: col(10, '状态', 'status', ['活动状态'], '照常、取消、延期、改为线上；留空为照常', '照常'), examples: { status: 'scheduled' } },
  { path: 'previousStart', flag: 'previous-start', examples: { previousStart: '2026-09-05T14:00' } },
  { path: 'updated', examples: { updated: '2026-09-01T10:00' } },
  { path: 'sequence', examples: { sequence: 1 } },
  { field: 'verified', path: 'verified', flag: 'verified', column: col(22, '已核实', 'verified', ['是否核实'], '可选：是 或 否；留空为是。不确定时写“否”并在编者说明里写明'), examples: { verified: false } },
  { field: 'note', path: 'note', flag: 'note', column: col(23, '编者说明', 'note', ['备注'], '可选，一行：哪些信息待核实等'), examples: { note: '具体时间待主办单位公布' } },
  { path: 'keywords', flag: 'keywords', examples: { keywords: ['急救', 'AED'] } },
  // Written by npm run pull (src/lib/pull/), never asked for.
  {
    path: 'feed',
    examples: {
      feed: { url: 'https://www.example.org/calendar.ics', uid: 'lecture-2026-09-12@example.org', fetched: '2026-09-01T09:00', hash: '3f2a9c0e5b7d1468' },
      'feed.url': 'https://www.example.org/calendar.ics',
      'feed.uid': 'lecture-2026-09-12@example.org',
      'feed.fetched': '2026-09-01T09:00',
      'feed.hash': '3f2a9c0e5b7d1468',
    },
  },
] as const satisfies readonly FieldSpec[];

type Row = (typeof EVENT_FIELDS)[number];
/** The keys values travel under into mapRow (cells, flags, form). */
export type EventFieldKey = Extract<Row, { field: string }>['field'];
/** The /submit/ form's controls, in page order. */
export type FormFieldName = Extract<Row, { form: object }>['form']['name'];

/** The fields handled generically (a `read` and a `fact`). */
export const GENERIC_FIELDS: readonly GenericField[] = (EVENT_FIELDS as readonly FieldSpec[]).filter((f): f is GenericField => !!(f.read && f.fact));

/** The generic field a front-matter key belongs to (ageMax → age), for messages. */
export function genericFieldOf(key: string): GenericField | undefined {
  return GENERIC_FIELDS.find((g) => g.paths.includes(key));
}

/** The spreadsheet columns in template order. */
export const EVENT_COLUMNS = (EVENT_FIELDS as readonly FieldSpec[])
  .filter((f): f is FieldSpec & { field: EventFieldKey; column: ColumnSpec } => !!(f.field && f.column))
  .sort((a, b) => a.column.order - b.column.order);

/** Example values by front-matter path (for the JSON Schema). */
export const EVENT_EXAMPLES: Record<string, unknown> = Object.assign({}, ...EVENT_FIELDS.map((f) => ('examples' in f ? f.examples : {})));

/** `--flag` of each cell key (messages of `npm run new` name the flag). */
export const FLAG_OF: Record<string, string> = Object.fromEntries((EVENT_FIELDS as readonly FieldSpec[]).filter((f) => f.field && f.flag).map((f) => [f.field!, `--${f.flag}`]));

/** Flags → cells: the part of `npm run new -- event` (and the form) a spreadsheet row also has. */
export function cellsFromFlags(flag: (name: string) => string | undefined): Partial<Record<EventFieldKey, string>> {
  const cells: Partial<Record<EventFieldKey, string>> = {};
  for (const f of EVENT_FIELDS as readonly FieldSpec[]) if (f.field && f.flag) cells[f.field as EventFieldKey] = flag(f.flag);
  return cells;
}
