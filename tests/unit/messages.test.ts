/**
 * The message table: mistakes people who are not programmers make, each with the message that
 * names the real cause and the fix — Chinese first, English after — pinned through the real paths
 * (npm run validate, npm run import, the /submit/ form), never by calling a message function.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { formatRowProblem, planImport } from '../../src/lib/import/import-plan.ts';
import { parseCsv, tableToRecords } from '../../src/lib/import/import-table.ts';
import { slugify } from '../../src/lib/slug.ts';
import { buildSubmission, EMPTY_FORM, submitChoices } from '../../src/lib/submit-form.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIR = 'tests/fixtures/import/content';
const existing = readContentFiles(join(ROOT, DIR), ROOT);
const FILE = `${DIR}/events/2026/2026-10-10-x.md`;

/** `npm run validate` on the fixture tree plus one event file: its lines. */
function validate(frontMatter: string): string[] {
  const r = validateContent([...existing, { path: FILE, text: `---\n${frontMatter}\n---\n` }], DIR);
  return r.errors.filter((e) => e.file === FILE).map(formatError);
}

/** `npm run import` of a CSV text (header + rows): its problem lines. */
function importCsv(csv: string): string[] {
  const { records } = tableToRecords(parseCsv(csv));
  const plan = planImport(records, existing, DIR, { now: '2026-09-01T09:00' });
  return plan.errors.map(formatRowProblem);
}

const HEAD = '活动名称,开始时间,主办单位,地点,报名链接,线上链接';
const EVENT = 'title: 示例讲座\nstart: 2026-10-10T14:00\norganizer: example-society\nvenue: example-science-hall';

describe('a field name with a full-width colon (Chinese input method)', () => {
  it('npm run validate names the field and the fix, not the YAML library’s words', () => {
    expect(validate('title：示例讲座\nstart: 2026-10-10T14:00\norganizer: example-society\nvenue: example-science-hall')).toEqual([
      `${FILE}:2 “title：”的冒号是全角的：字段名后面要用半角冒号“:”再加一个空格，例如 title: … / the colon after "title" is full-width: use an ASCII colon ":" and a space`,
    ]);
    // Last line too, where YAML would silently glue it onto the value above.
    expect(validate(`${EVENT}\nsummary：一句话`)).toEqual([
      `${FILE}:6 “summary：”的冒号是全角的：字段名后面要用半角冒号“:”再加一个空格，例如 summary: … / the colon after "summary" is full-width: use an ASCII colon ":" and a space`,
    ]);
    // A full-width colon inside a value is ordinary writing.
    expect(validate(`${EVENT}\nnote: 说明：地点待定`)).toEqual([]);
  });
});

describe('links pasted from elsewhere', () => {
  it('full-width characters are named, in validate, import and the form', () => {
    expect(validate(`${EVENT}\nurl: ｈｔｔｐｓ：／／www.example.org／a`)).toEqual([
      `${FILE}:6 url: 网址里有全角字符 ｈｔｔｐｓ：／／ ／，请改成半角（切换到英文输入法重新输入，例如 https://）/ the URL contains full-width characters: retype them in half-width (ASCII)`,
    ]);
    expect(importCsv(`${HEAD}\n示例讲座,2026-10-10 14:00,示例科普学会,示例科学馆,https：//www.example.org/signup,`)).toEqual([
      '行 2 报名链接: 网址里有全角字符 ：，请改成半角（切换到英文输入法重新输入，例如 https://） / row 2 registration: the URL contains full-width characters: retype them in half-width (ASCII)',
    ]);
    const s = buildSubmission(
      { ...EMPTY_FORM, title: '示例讲座', start: '2026-10-10 14:00', organizer: 'example-society', place: 'online', online: 'ｈｔｔｐｓ：／／live.example.org' },
      { choices: submitChoices(validateContent(existing, DIR).content), slugify, contentDir: DIR },
    );
    expect(s.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'online: 网址里有全角字符 ｈｔｔｐｓ：／／，请改成半角（切换到英文输入法重新输入，例如 https://）/ the URL contains full-width characters: retype them in half-width (ASCII)',
    ]);
  });

  it('a spreadsheet formula is called a formula', () => {
    expect(importCsv(`${HEAD}\n示例讲座,2026-10-10 14:00,示例科普学会,示例科学馆,"=HYPERLINK(""https://www.example.org/signup"",""报名"")",`)).toEqual([
      '行 2 报名链接: 这是表格公式（=HYPERLINK("https://www.exampl…），不是网址：请在表格里把它复制后“选择性粘贴为数值”，或直接写 https://… / row 2 registration: this is a spreadsheet formula, not a URL: paste it as a value',
    ]);
    expect(validate(`${EVENT}\nonline: "=HYPERLINK(\\"https://live.example.org\\")"`)).toEqual([
      `${FILE}:6 online: 这是表格公式（=HYPERLINK("https://live.examp…），不是网址：请在表格里把它复制后“选择性粘贴为数值”，或直接写 https://… / this is a spreadsheet formula, not a URL: paste it as a value`,
    ]);
  });
});

describe('dates from a spreadsheet', () => {
  it('an Excel date number (a date cell saved as General) is called one, with the date it stands for', () => {
    // Before: “行 2: 文件名只能用小写字母…” — a file name the person never wrote.
    expect(importCsv(`${HEAD}\n示例讲座,46277.58333,示例科普学会,示例科学馆,,`)).toEqual([
      '行 2 开始时间: 这是 Excel 的日期数字（46277.58333），请把单元格格式设为文本或日期后重新填写（也就是 2026-09-12 14:00？） / row 2 start: this is an Excel date number: format the cell as text or a date (that is 2026-09-12T14:00?)',
    ]);
    // Any start that cannot be read is the start's problem, never the file name's.
    expect(importCsv(`${HEAD}\n示例讲座,下周六,示例科普学会,示例科学馆,,`)).toEqual([
      '行 2 开始时间: 日期格式不对（下周六），请写成 2026-09-12 或 2026-09-12T14:00 / row 2 start: write a date like 2026-09-12 or 2026-09-12T14:00',
    ]);
  });
});

describe('organizers', () => {
  it('one unknown organizer on many rows is said once, with the rows', () => {
    // Rows 2–5 and 7 name an organizer that does not exist; row 6 is fine.
    const row = (n: number, organizer: string) => `讲座${n},2026-10-1${n} 14:00,${organizer},示例科学馆,,`;
    const csv = [HEAD, ...[2, 3, 4, 5, 6, 7].map((n) => row(n, n === 6 ? '示例科普学会' : '北京天文学会'))].join('\n');
    expect(importCsv(csv)).toEqual([
      '行 2–5、7（共 5 行） 主办单位: 找不到主办单位“北京天文学会”：请写 content/organizers/ 里已有单位的名称或编号，新单位请先用 npm run new -- organizer 添加 / rows 2–5, 7 organizer: unknown organizer "北京天文学会": add it first with npm run new -- organizer',
    ]);
  });

  it('an organizer or venue written by its name in a file gets the id it matches', () => {
    expect(validate('title: 示例讲座\nstart: 2026-10-10T14:00\norganizer: 示例科普学会\nvenue: 示例馆')).toEqual([
      `${FILE}:4 organizer: 编号只能用小写字母、数字和连字符，例如 beijing-science-center / ids use a-z, 0-9 and hyphens （这里要写编号，不是名称：是不是 example-society（示例科普学会）？/ write the id, not the name: did you mean example-society?）`,
      `${FILE}:5 venue: 编号只能用小写字母、数字和连字符，例如 beijing-science-center / ids use a-z, 0-9 and hyphens （这里要写编号，不是名称：是不是 example-science-hall（示例科学馆）？/ write the id, not the name: did you mean example-science-hall?）`,
    ]);
  });
});
