/**
 * Node-only side of the importer and the scaffold: read a .csv / .xlsx / .ics file into records,
 * and write new content files so that no file is ever half-written — each file is written to a
 * temporary name and then linked into place (which also refuses to overwrite an existing file),
 * and if any file of a batch cannot be placed, the ones already placed are removed again.
 */
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { icsToRecords } from './import-ics.ts';
import type { RowProblem } from './import-rows.ts';
import { checkImportSize, checkXlsxSheets, readCsvRows, tooManyRows, unfoldIcsBytes } from './import-read-fs.ts';
import { decodeText, type ImportRecord, tableToRecords, TEMPLATE_COLUMNS } from './import-table.ts';
import { MAX_IMPORT_ROWS } from '../content/limits.ts';

export interface ImportSource {
  records: ImportRecord[];
  /** Problems of single records found while reading (e.g. an unknown TZID). */
  problems: RowProblem[];
  /** Notes about the whole file (unknown columns, no header …). */
  notices: string[];
}

export const IMPORT_EXTENSIONS = ['.csv', '.xlsx', '.ics'];

export async function readImportSource(file: string, opts: { zone?: string; organizer?: string } = {}): Promise<ImportSource> {
  const ext = extname(file).toLowerCase();
  if (ext === '.ics') {
    checkImportSize(file);
    const r = icsToRecords(decodeText(unfoldIcsBytes(readFileSync(file))), opts);
    if (r.records.length > MAX_IMPORT_ROWS) throw tooManyRows('日历');
    return { records: r.records, problems: r.problems, notices: r.notices };
  }
  let grid: unknown[][];
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') grid = await readCsvRows(file);
  else if (ext === '.xlsx') {
    grid = await readSheet(await checkXlsxSheets(file), { trim: true });
    if (grid.length > MAX_IMPORT_ROWS + 10) throw tooManyRows('表格');
  }
  else if (ext === '.xls' || ext === '.et' || ext === '.numbers' || ext === '.ods')
    throw new Error(`不支持 ${ext} 文件：请在表格软件里“另存为” .xlsx 或 .csv（UTF-8）/ ${ext} is not supported: save as .xlsx or .csv`);
  else throw new Error(`只能导入 .csv、.xlsx 或 .ics 文件 / only .csv, .xlsx and .ics files can be imported`);
  const t = tableToRecords(grid);
  return { records: t.records, problems: [], notices: t.notices.map((n) => n.message) };
}

/**
 * Write all files or none. Paths are relative to `cwd`. Existing files are never overwritten
 * (an id collision there means the content changed under us: run again).
 */
export function writeFilesAtomically(files: { path: string; text: string }[], cwd = process.cwd()): string[] {
  const tag = `.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // Hidden temporary names: the content reader skips dot files if a crash leaves one behind.
  const temp = (full: string) => join(dirname(full), `.${basename(full)}${tag}`);
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      const full = resolve(cwd, f.path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(temp(full), f.text, { encoding: 'utf8', flag: 'wx' });
      temps.push(temp(full));
    }
    for (const f of files) {
      const full = resolve(cwd, f.path);
      linkSync(temp(full), full); // fails with EEXIST instead of overwriting
      placed.push(full);
    }
    return placed;
  } catch (e) {
    for (const p of placed) tryUnlink(p);
    throw e;
  } finally {
    for (const t of temps) tryUnlink(t);
  }
}

function tryUnlink(p: string) {
  try {
    unlinkSync(p);
  } catch {
    /* already gone */
  }
}

/**
 * The spreadsheet templates people download: public/templates/events-template.csv (UTF-8 with a
 * BOM, so that Excel on Windows shows the Chinese headers) and .xlsx with a 填写说明 sheet.
 */
export async function writeTemplates(dir = 'public/templates'): Promise<string[]> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'events-template.csv');
  writeFileSync(csv, '\ufeff' + TEMPLATE_COLUMNS.map((c) => c.zh).join(',') + '\r\n', 'utf8');
  const xlsx = join(dir, 'events-template.xlsx');
  const header = TEMPLATE_COLUMNS.map((c) => ({ value: c.zh, fontWeight: 'bold' as const, backgroundColor: c.required ? '#FDE9D9' : '#EAF1FB' }));
  // Text-formatted empty cells keep Excel from turning 2026-09-12 14:00 or 110108 into numbers.
  const blank = TEMPLATE_COLUMNS.map(() => ({ value: '', type: String, format: '@' }));
  const guide = [
    ['列名', '必填', '怎么填', '示例'].map((v) => ({ value: v, fontWeight: 'bold' as const })),
    ...TEMPLATE_COLUMNS.map((c) => [c.zh, c.required ? '必填' : '', c.help, c.example].map((v) => ({ value: v, wrap: true }))),
    [],
    [{ value: '每行一个活动；第一行是列名，不要改动。保存为 .xlsx 或 .csv（UTF-8），然后运行 npm run import -- 文件名。详见 CONTRIBUTING.md。', wrap: true }],
    [{ value: '只写确知的信息；不确定的单元格留空。取消或延期的活动请改“状态”，不要删除。', wrap: true }],
  ];
  await writeXlsxFile([
    { sheet: '活动', data: [header, ...Array.from({ length: 200 }, () => blank)] as never, columns: TEMPLATE_COLUMNS.map((c) => ({ width: c.field === 'title' || c.field === 'description' ? 36 : 16 })), stickyRowsCount: 1 },
    { sheet: '填写说明', data: guide as never, columns: [{ width: 12 }, { width: 6 }, { width: 60 }, { width: 36 }] },
  ]).toFile(xlsx);
  return [csv, xlsx];
}
