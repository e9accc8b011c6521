/**
 * The spreadsheet side of the importer: the template's columns, CSV text (UTF-8 or the GB18030 that
 * Excel writes on Chinese Windows), and a grid of cells → one record per row with its row number as
 * the spreadsheet shows it (header = row 1 unless title rows sit above it). Pure.
 */
import Papa from 'papaparse';
import { cellText } from './import-match.ts';

/** Fields a row can fill. `categories` is internal (from .ics CATEGORIES). */
export type ImportField =
  | 'title' | 'titleEn' | 'kind' | 'summary' | 'start' | 'end' | 'timezone' | 'rrule' | 'venue' | 'address' | 'online' | 'organizer'
  | 'coOrganizers' | 'region' | 'observance' | 'campaign' | 'audiences' | 'topics' | 'formats' | 'registration' | 'status'
  | 'url' | 'description' | 'source' | 'verified' | 'note' | 'categories';

export interface Column {
  field: ImportField;
  /** The header in the template (Chinese). */
  zh: string;
  /** English name used in messages and accepted as a header. */
  en: string;
  /** Other headers people use for the same column. */
  aliases: string[];
  /** Shown in the template's 填写说明 sheet and in CONTRIBUTING.md. */
  help: string;
  example: string;
  required?: boolean;
}

/** The template's columns, in order. The first fourteen are the ones most sheets have. */
export const COLUMNS: Column[] = [
  { field: 'title', zh: '活动名称', en: 'title', aliases: ['名称', '标题', '活动标题', '项目名称'], required: true, help: '一行，不超过 80 字', example: '世界急救日公益培训：心肺复苏与AED使用' },
  { field: 'start', zh: '开始时间', en: 'start', aliases: ['开始日期', '开始', '活动时间', '日期', '时间'], required: true, help: '2026-09-12（全天）或 2026-09-12 14:00；也可写 2026/9/12 下午2:00、2026-09-12 14:00-16:30', example: '2026-09-12 14:00' },
  { field: 'end', zh: '结束时间', en: 'end', aliases: ['结束日期', '结束'], help: '可选。全天活动写最后一天；定时活动可以只写时间 16:30', example: '16:30' },
  { field: 'venue', zh: '地点', en: 'venue', aliases: ['活动地点', '场馆', '举办地点', 'location'], help: '已有场馆的名称或编号；不是已有场馆时写详细地址（会写进 address）；线上活动留空', example: '北京科学中心' },
  { field: 'organizer', zh: '主办单位', en: 'organizer', aliases: ['主办', '主办方', '举办单位', '承办单位'], required: true, help: '已有单位的名称、简称或编号；多个单位用“、”分开，第一个为主办，其余为协办', example: '北京市科协' },
  { field: 'audiences', zh: '面向人群', en: 'audiences', aliases: ['人群', '对象', '活动对象', '受众', '参与对象'], help: '从词表选，多个用“、”分开', example: '公众、老年人' },
  { field: 'topics', zh: '主题', en: 'topics', aliases: ['领域', '主题领域', '科普主题'], help: '从词表选，多个用“、”分开', example: '卫生健康、应急' },
  { field: 'formats', zh: '形式', en: 'formats', aliases: ['活动形式', '活动类型'], help: '从词表选，多个用“、”分开', example: '培训' },
  { field: 'registration', zh: '报名链接', en: 'registration', aliases: ['报名网址', '报名方式', '报名'], help: '以 https:// 开头的报名网址', example: 'https://www.example.org/signup' },
  { field: 'status', zh: '状态', en: 'status', aliases: ['活动状态'], help: `照常、取消、延期、改为线上；留空为照常`, example: '照常' },
  { field: 'description', zh: '简介', en: 'description', aliases: ['活动简介', '活动内容', '内容', '描述', '说明'], help: '活动介绍，会成为正文；可以多段', example: '由急救医生讲解心肺复苏要点，现场练习AED使用。' },
  { field: 'online', zh: '线上链接', en: 'online', aliases: ['直播链接', '线上地址', '直播地址', '线上网址'], help: '线上活动或直播的网址', example: 'https://www.example.org/live' },
  { field: 'region', zh: '地区', en: 'region', aliases: ['区域', '所在地区', '区县', '行政区'], help: '地区名称或 GB/T 2260 编号；有场馆时可不写', example: '海淀区' },
  { field: 'kind', zh: '类型', en: 'kind', aliases: [], help: '活动、征集、申报截止；留空为活动', example: '活动' },
  // Stryker disable StringLiteral: equivalent for help and example below — only the template's fourteen columns show them (填写说明); field names, headers and aliases of these columns are pinned in tests/unit/import-rows.test.ts
  { field: 'address', zh: '详细地址', en: 'address', aliases: ['地址', '活动地址'], help: '可选：地点是已有场馆时补充的具体位置（如 报告厅），或不是已有场馆时的地址', example: '' },
  { field: 'coOrganizers', zh: '协办单位', en: 'coOrganizers', aliases: ['协办', '合作单位'], help: '可选，已有单位的名称或编号，多个用“、”分开', example: '' },
  { field: 'url', zh: '活动网址', en: 'url', aliases: ['官方网址', '网址', '链接', '详情链接'], help: '可选，活动的官方页面', example: '' },
  { field: 'summary', zh: '一句话简介', en: 'summary', aliases: ['摘要'], help: '可选，一行，不超过 200 字，用于列表和搜索', example: '' },
  { field: 'observance', zh: '相关纪念日', en: 'observance', aliases: ['纪念日'], help: '可选，纪念日编号或名称，例如 世界急救日', example: '' },
  { field: 'campaign', zh: '活动季', en: 'campaign', aliases: [], help: '可选，活动季编号或名称，例如 全国科普月', example: '' },
  { field: 'source', zh: '信息来源', en: 'source', aliases: ['来源'], help: '可选，通知或公告的标题', example: '' },
  { field: 'verified', zh: '已核实', en: 'verified', aliases: ['是否核实'], help: '可选：是 或 否；留空为是。不确定时写“否”并在编者说明里写明', example: '' },
  { field: 'note', zh: '编者说明', en: 'note', aliases: ['备注'], help: '可选，一行：哪些信息待核实等', example: '' },
  { field: 'titleEn', zh: '英文名称', en: 'titleEn', aliases: [], help: '可选，也用来生成网址', example: '' },
  { field: 'timezone', zh: '时区', en: 'timezone', aliases: [], help: '可选，默认 Asia/Shanghai', example: '' },
  // Stryker restore StringLiteral
];

/** The fourteen columns of the shipped template (the rest are accepted but not shown). */
export const TEMPLATE_COLUMNS = COLUMNS.slice(0, 14);

const BY_FIELD = new Map(COLUMNS.map((c) => [c.field, c]));
export function columnOf(field: string): Column | undefined {
  return BY_FIELD.get(field as ImportField);
}

/** “开始时间*（如 2026-09-12）” → 开始时间: required marks and hints in brackets are ignored. */
function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, ImportField>();
for (const c of COLUMNS) for (const h of [c.zh, c.en, ...c.aliases]) HEADER_INDEX.set(headerKey(h), c.field);

export function fieldOfHeader(h: string): ImportField | undefined {
  return HEADER_INDEX.get(headerKey(h));
}

/** Where a record came from, for messages: a spreadsheet row or the n-th VEVENT of a feed. */
export interface RowRef {
  kind: 'row' | 'vevent';
  n: number;
  /** VEVENT UID, shown with the number. */
  uid?: string;
}

export function refLabel(ref: RowRef): { zh: string; en: string } {
  if (ref.kind === 'row') return { zh: `行 ${ref.n}`, en: `row ${ref.n}` };
  const uid = ref.uid ? ` (${ref.uid})` : '';
  return { zh: `第 ${ref.n} 个 VEVENT${uid}`, en: `VEVENT ${ref.n}${uid}` };
}

export interface ImportRecord {
  ref: RowRef;
  cells: Partial<Record<ImportField, unknown>>;
}

export interface TableNotice {
  message: string;
}

/**
 * A grid of cells → records. The header row is the first of the top ten rows naming at least two
 * known columns (sheets often start with a title row such as “2026年全国科普月活动安排”).
 * Blank rows are skipped but still counted, so row numbers match what the spreadsheet shows.
 */
export function tableToRecords(grid: unknown[][]): { records: ImportRecord[]; notices: TableNotice[] } {
  const notices: TableNotice[] = [];
  const headerAt = grid.slice(0, 10).findIndex((row) => row.filter((c) => fieldOfHeader(cellText(c))).length >= 2);
  if (headerAt < 0) {
    notices.push({
      message: `找不到表头：第一行应是列名，例如 ${TEMPLATE_COLUMNS.slice(0, 5).map((c) => c.zh).join('、')}…，请使用 public/templates/ 里的模板 / no header row found: use the template in public/templates/`,
    });
    return { records: [], notices };
  }
  const header = grid[headerAt]!.map((c) => cellText(c));
  const fields: (ImportField | undefined)[] = [];
  const seen = new Set<ImportField>();
  header.forEach((h, i) => {
    const f = fieldOfHeader(h);
    if (!h) return;
    if (!f) {
      notices.push({ message: `不认识的列“${h}”已忽略 / unknown column "${h}" ignored` });
      return;
    }
    if (seen.has(f)) {
      notices.push({ message: `列“${h}”与前面的列重复，已忽略 / duplicate column "${h}" ignored` });
      return;
    }
    seen.add(f);
    fields[i] = f;
  });
  const records: ImportRecord[] = [];
  grid.slice(headerAt + 1).forEach((row, i) => {
    const cells: ImportRecord['cells'] = {};
    row.forEach((v, j) => {
      const f = fields[j];
      if (f && cellText(v) !== '') cells[f] = v;
    });
    if (Object.keys(cells).length) records.push({ ref: { kind: 'row', n: headerAt + i + 2 }, cells });
  });
  return { records, notices };
}

/** Bytes of a CSV file → text: UTF-8 (with or without BOM), else GB18030 as saved by Excel in China. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** CSV text → grid. Comma, semicolon or tab separated (Papa Parse guesses); quoted cells may span lines. */
export function parseCsv(text: string): unknown[][] {
  const r = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: false });
  return r.data;
}
