/**
 * The importer within its budget (issue 17, hostile corpus II): size and row limits stated in the
 * error, a CSV read in chunks, the validator's encoding rules (a GBK cell in a UTF-8 CSV refused at
 * its line; whole-file GB18030 and UTF-16 with BOM converted), a fold inside a UTF-8 character in an
 * .ics restored, a zip bomb of a sheet refused before unpacking, formula-looking cells kept as
 * text, and a name that fits two organizers never given to one of them.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { readImportSource } from '../../src/lib/import/import-fs.ts';
import { matchOrganizer } from '../../src/lib/import/import-match.ts';
import { formatRowProblem, planImport } from '../../src/lib/import/import-plan.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIR = 'tests/fixtures/import/content';
mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
const TMP = mkdtempSync(join(ROOT, 'tests/.tmp/import-limits-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const HEADER = '活动名称,开始时间,主办单位,地点\n';
const file = (name: string, bytes: Uint8Array | string) => {
  const p = join(TMP, name);
  writeFileSync(p, bytes);
  return p;
};
const failure = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error) => e.message);

describe('encodings: the validator’s rules', () => {
  it('a UTF-8 CSV with one GBK cell is refused at that line, naming the encoding', async () => {
    const gbkCell = Buffer.from('b2e2cad4bdb2d7f9', 'hex'); // 测试讲座 in GBK
    const csv = Buffer.concat([Buffer.from(`${HEADER}中文讲座,2026-09-12,示例学会,线上\n`), gbkCell, Buffer.from(',2026-09-13,示例学会,线上\n')]);
    expect(await failure(readImportSource(file('mixed.csv', csv)))).toBe(
      '第 3 行：这一行不是 UTF-8 编码（文件其余部分是 UTF-8，这里像是从 GBK/GB18030 文档粘贴的），请重新输入这一行并用 UTF-8 保存 / this line is not UTF-8 (it looks like GBK/GB18030 pasted into a UTF-8 file)',
    );
  });

  it('UTF-16 with a byte-order mark (Excel’s “Unicode text”) is read', async () => {
    const text = `${HEADER}测试讲座,2026-09-12,示例学会,线上\n`;
    const src = await readImportSource(file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(src.records.map((r) => r.cells.title)).toEqual(['测试讲座']);
  });

  it('an .ics folded inside a UTF-8 character keeps the character (lines unfolded as bytes)', async () => {
    const summary = Buffer.from('SUMMARY:科普讲座', 'utf8');
    // Fold after the first byte of 讲 (E8 AE B2): CRLF + space inside the character.
    const cut = summary.indexOf(0xe8) + 1;
    const folded = Buffer.concat([summary.subarray(0, cut), Buffer.from('\r\n '), summary.subarray(cut)]);
    const ics = Buffer.concat([
      Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//ZH\r\nBEGIN:VEVENT\r\nUID:a@example.org\r\nDTSTART;VALUE=DATE:20260912\r\n'),
      folded,
      Buffer.from('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    ]);
    const src = await readImportSource(file('folded.ics', ics), { organizer: '示例学会' });
    expect(src.records.map((r) => r.cells.title)).toEqual(['科普讲座']);
  });
});

describe('limits, stated in the error', () => {
  it('more than 5000 rows: refused while reading, without reading the rest', async () => {
    const fd = openSync(join(TMP, 'rows.csv'), 'w');
    writeSync(fd, HEADER);
    for (let i = 0; i < 6000; i++) writeSync(fd, `讲座${i},2026-09-12,示例学会,线上\n`);
    closeSync(fd);
    expect(await failure(readImportSource(join(TMP, 'rows.csv')))).toBe('表格超过 5000 行，一次最多导入 5000 行，请分成几个文件 / more than 5000 rows (the limit is 5000 rows)');
  });

  it('a file over 20 MB is refused by its size', async () => {
    const p = join(TMP, 'big.csv');
    writeFileSync(p, HEADER);
    const fd = openSync(p, 'r+');
    writeSync(fd, ' ', 21 * 1024 * 1024); // sparse: no 21 MB written
    closeSync(fd);
    expect(await failure(readImportSource(p))).toBe('文件太大（21.0 MB），一次最多导入 20 MB，请分成几个文件 / file too large (21.0 MB; the limit is 20 MB)');
  });

  it('an .xlsx whose sheet unpacks to more than 64 MB is refused before it is unpacked', { timeout: 60_000 }, async () => {
    const row = '<row><c t="inlineStr"><is><t>讲座</t></is></c></row>';
    const sheet = `<worksheet><sheetData>${row.repeat(Math.ceil((65 * 1024 * 1024) / row.length))}</sheetData></worksheet>`;
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet), '[Content_Types].xml': strToU8('<Types/>') }, { level: 6 });
    expect(zip.length).toBeLessThan(2 * 1024 * 1024); // a small file…
    expect(await failure(readImportSource(file('bomb.xlsx', zip)))).toBe(
      '工作表解压后有 70 MB（上限 64 MB，约 5000 行），请分成几个文件 / the sheet unpacks to 70 MB (the limit is 64 MB, about 5000 rows): split the file',
    );
  });
});

describe('cells are text, never formulas', () => {
  it('=, +, -, @ at the start of a cell stay literal text in the written file', async () => {
    const where = '北京市海淀区科普路1号';
    const csv = `${HEADER}"=HYPERLINK(""https://evil.example/"",""点我"")",2026-09-12,示例学会,${where}\n+1 科普讲座,2026-09-13,示例学会,${where}\n-2 科普讲座,2026-09-14,示例学会,${where}\n@SUM(A1) 科普讲座,2026-09-15,示例学会,${where}\n`;
    const src = await readImportSource(file('formulas.csv', csv));
    const plan = planImport(src.records, readContentFiles(join(ROOT, DIR), ROOT), DIR, { now: '2026-11-25T10:00' });
    expect(plan.errors.map(formatRowProblem)).toEqual([]);
    const titles = plan.files.map((f) => /^title: (.*)$/m.exec(f.text)![1]);
    expect(titles).toEqual(['=HYPERLINK("https://evil.example/","点我")', '+1 科普讲座', '-2 科普讲座', '"@SUM(A1) 科普讲座"'].map((t) => expect.stringContaining(t.replace(/^"|"$/g, ''))));
    // What the site reads back is exactly the cell, as text.
    const back = validateContent([...readContentFiles(join(ROOT, DIR), ROOT), ...plan.files.map((f) => ({ path: f.path, text: f.text }))], DIR);
    expect(back.errors).toEqual([]);
    expect(back.content.events.filter((e) => plan.files.some((f) => f.path === e.file)).map((e) => e.title).sort()).toEqual(
      ['+1 科普讲座', '-2 科普讲座', '=HYPERLINK("https://evil.example/","点我")', '@SUM(A1) 科普讲座'].sort(),
    );
  });
});

describe('a name that fits two organizers', () => {
  it('is never given to one of them: the person is asked for the id', () => {
    const orgs = [
      { id: 'a-newcomer', name: '示例科普学会', aliases: [] as string[] },
      { id: 'example-society', name: '示例科普学会', shortName: '示例学会', aliases: [] as string[] },
    ] as never;
    expect(matchOrganizer('示例科普学会', orgs)).toEqual({ error: '“示例科普学会”对应多个主办单位（a-newcomer、example-society），请写编号 / "示例科普学会" names more than one organizer: write the id' });
    expect(matchOrganizer('示例学会', orgs)).toEqual({ id: 'example-society' });
  });
});

void readFileSync;
