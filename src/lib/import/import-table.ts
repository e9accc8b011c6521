/**
 * The spreadsheet side of the importer: the template's columns, CSV text (UTF-8 or the GB18030 that
 * Excel writes on Chinese Windows), and a grid of cells → one record per row with its row number as
 * the spreadsheet shows it (header = row 1 unless title rows sit above it). Pure.
 */
import Papa from 'papaparse';
import { decodeUtf8, type Encoding, encodingMessage } from '../content/encoding.ts';
import { cellText } from './import-match.ts';
import { type ColumnSpec, EVENT_COLUMNS, type EventFieldKey } from '../content/event-fields.ts';

/** Fields a row can fill (event-fields.ts). `categories` is internal (from .ics CATEGORIES). */
export type ImportField = EventFieldKey | 'categories';

export interface Column extends Omit<ColumnSpec, 'order'> {
  field: ImportField;
}

/** The template's columns, in order (from the field registry, src/lib/content/event-fields.ts). The first fourteen are the ones most sheets have. */
export const COLUMNS: Column[] = EVENT_COLUMNS.map(({ field, column: { order: _, ...c } }) => ({ field, ...c }));

/** The columns of the shipped template: the fourteen most sheets have, then 适合年龄, 无障碍, 回放链接 (the rest are accepted but not shown). */
export const TEMPLATE_COLUMNS = COLUMNS.filter((c, i) => i < 14 || c.template);

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
  const d = decodeUtf8(bytes);
  if (d.ok) return d.text;
  const whole = importDecoding(d.encoding);
  if (whole) return new TextDecoder(whole).decode(bytes);
  throw new ImportLimitError(`第 ${d.line} 行：${encodingMessage(d.encoding)}`);
}

/**
 * The same encoding rules as the validator (src/lib/content/encoding.ts), with one allowance: a spreadsheet
 * saved whole as GB18030 (Excel on Chinese Windows) or UTF-16 with its byte-order mark (Excel's
 * "Unicode text") is converted, since the importer writes UTF-8 files anyway. A file that mixes
 * encodings — one GBK cell in a UTF-8 CSV — is refused, naming the line: converting it would
 * publish mojibake (issue 17).
 */
export function importDecoding(encoding: Encoding): 'gb18030' | 'utf-16le' | 'utf-16be' | undefined {
  return encoding === 'GBK/GB18030' ? 'gb18030' : encoding === 'UTF-16LE' ? 'utf-16le' : encoding === 'UTF-16BE' ? 'utf-16be' : undefined;
}

/** A file over the import's limits, or in an encoding we will not guess: one line for the person. */
export class ImportLimitError extends Error {}

/** CSV text → grid. Comma, semicolon or tab separated (Papa Parse guesses); quoted cells may span lines. */
export function parseCsv(text: string): unknown[][] {
  const r = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: false });
  return r.data;
}
