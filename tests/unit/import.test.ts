/**
 * npm run import: spreadsheet cells as people type them, the fixture CSV with good and bad rows
 * (row numbers and messages pinned), an .xlsx with real date cells (written by the test), a GB18030
 * CSV, an .ics feed, duplicates and atomic writes. All of it against copies of
 * tests/fixtures/import/content, never the real content. The command itself (all-or-nothing writes,
 * --dry-run, --skip-invalid) is tested in import-cli.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { readImportSource, writeFilesAtomically } from '../../src/lib/import/import-fs.ts';
import { plainDescription } from '../../src/lib/import/import-ics.ts';
import { normalizeDateTime, readKind, readStatus, readWhen, splitList } from '../../src/lib/import/import-match.ts';
import { formatRowProblem, planImport, splitBilingual } from '../../src/lib/import/import-plan.ts';
import { decodeText, parseCsv, tableToRecords } from '../../src/lib/import/import-table.ts';
import { checkNewFiles } from '../../src/lib/import/scaffold.ts';
import { IMPORT_CONTENT, importScratch } from '../helpers/import-scratch.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/import');
const DIR = IMPORT_CONTENT;
const existing = readContentFiles(join(ROOT, DIR), ROOT);
const NOW = '2026-11-25T10:00';

const { tempTree } = importScratch();

describe('cells as people type them', () => {
  it.each([
    ['2026-09-12', '2026-09-12'],
    ['2026/9/12', '2026-09-12'],
    ['2026.9.12', '2026-09-12'],
    ['2026年9月12日', '2026-09-12'],
    ['2026-09-12 14:00', '2026-09-12T14:00'],
    ['2026-09-12T14:00:00', '2026-09-12T14:00'],
    ['2026/9/12 下午2:00', '2026-09-12T14:00'],
    ['2026年9月12日 上午9点半', '2026-09-12T09:30'],
    ['2026年9月12日 晚上7点', '2026-09-12T19:00'],
    ['２０２６－０９－１２　１４：００', '2026-09-12T14:00'],
    [new Date(Date.UTC(2026, 8, 12, 13, 59, 59, 999)), '2026-09-12T14:00'],
    [new Date(Date.UTC(2026, 9, 3)), '2026-10-03'],
    [46277, '2026-09-12'],
    ['下周六', '下周六'],
    ['2026-13-01', '2026-13-01'],
  ])('%s → %s', (cell, text) => {
    expect(normalizeDateTime(cell)).toBe(text);
  });

  it('reads ranges in the start cell and end cells holding only a time', () => {
    expect(readWhen('2026-09-12 14:00-16:30', '')).toEqual({ start: '2026-09-12T14:00', end: '2026-09-12T16:30' });
    expect(readWhen('2026-09-01至2026-09-30', undefined)).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    expect(readWhen('2026-09-01 ~ 2026-09-30', undefined)).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    expect(readWhen('2026-09-12 14:00', '下午4点半')).toEqual({ start: '2026-09-12T14:00', end: '2026-09-12T16:30' });
    expect(readWhen('2026-09-12 14:00', new Date(Date.UTC(1899, 11, 30, 16, 30)))).toEqual({ start: '2026-09-12T14:00', end: '2026-09-12T16:30' });
    expect(readWhen('2026-09-12', '2026-09-13')).toEqual({ start: '2026-09-12', end: '2026-09-13' });
  });

  it('knows the status and kind words, lists and bilingual messages', () => {
    expect(['照常', '取消', '延期', '改为线上', '', 'Cancelled', '暂停'].map(readStatus)).toEqual(['scheduled', 'cancelled', 'postponed', 'moved-online', 'scheduled', 'cancelled', undefined]);
    expect(['活动', '征集', '申报截止', '', 'deadline', '会议'].map(readKind)).toEqual(['activity', 'call', 'deadline', 'activity', 'deadline', undefined]);
    expect(splitList('公众、老年人，青少年; 学生\n儿童')).toEqual(['公众', '老年人', '青少年', '学生', '儿童']);
    expect(splitBilingual('“x”不在词表里，请从 content/vocab/topics.yaml 中选择 / "x" is not in the vocabulary')).toEqual(['“x”不在词表里，请从 content/vocab/topics.yaml 中选择', '"x" is not in the vocabulary']);
    expect(splitBilingual('您是不是要写“卫生健康”？/ did you mean 卫生健康?')).toEqual(['您是不是要写“卫生健康”？', 'did you mean 卫生健康?']);
  });

  it('finds the header below title rows, counts blank rows, and names unknown columns', () => {
    const { records, notices } = tableToRecords([
      ['2026年全国科普月活动安排表'],
      [],
      ['序号', '活动名称*', '开始时间（如 2026-09-12 14:00）', '主办单位'],
      ['1', '讲座', '2026-09-12', '示例学会'],
      ['', '', '', ''],
      ['3', '展览', '2026-09-13', '示例学会'],
    ]);
    expect(records.map((r) => [r.ref.n, r.cells.title])).toEqual([[4, '讲座'], [6, '展览']]);
    expect(notices.map((n) => n.message)).toEqual(['不认识的列“序号”已忽略 / unknown column "序号" ignored']);
    expect(tableToRecords([['a', 'b']]).notices[0]!.message).toMatch(/^找不到表头/);
  });

  it('reads UTF-8 (with BOM) and the GB18030 that Excel saves on Chinese Windows', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0xb4, 0xbb]))).toBe('活');
    const gbk = readFileSync(join(FIX, 'events-gbk.csv'));
    expect(parseCsv(decodeText(gbk))[1]![0]).toBe('海淀区科普讲座');
  });

  it('turns HTML descriptions from calendar apps into plain text', () => {
    expect(plainDescription('<p>第一段<br>第二行</p><p>A &amp; B &lt;x&gt;</p>')).toBe('第一段\n第二行\n\nA & B ‹x›');
    expect(plainDescription('  没有标签  ')).toBe('没有标签');
  });
});

describe('the fixture spreadsheet (events.csv)', () => {
  const plan = async () => {
    const src = await readImportSource(join(FIX, 'events.csv'));
    return planImport(src.records, existing, DIR, { now: NOW, problems: src.problems });
  };

  it('reports every bad row by row number and column, Chinese first', async () => {
    const p = await plan();
    expect(p.records).toBe(12);
    expect(p.errors.map(formatRowProblem)).toEqual([
      '行 5 开始时间: 没有这一天（2026-13-01），请检查月份和日期 / row 5 start: not a real calendar date',
      '行 6 主办单位: 找不到主办单位“示列科普学会”：请写 content/organizers/ 里已有单位的名称或编号，新单位请先用 npm run new -- organizer 添加（您是不是要写“示例科普学会”（example-society）？） / row 6 organizer: unknown organizer "示列科普学会": add it first with npm run new -- organizer (did you mean example-society?)',
      '行 7 结束时间: 结束时间早于开始时间（2026-10-11 14:00 < 2026-10-11 15:00），请改为开始之后的时间 / row 7 end: end is before start',
      '行 10 主题: “卫生建康”不在主题词表里，请从 content/vocab/topics.yaml 中选择（您是不是要写“卫生健康”？） / row 10 topics: "卫生建康" is not in the topics vocabulary (did you mean 卫生健康?)',
      '行 12 状态: 状态“暂停”看不懂，请写 照常、取消、延期、改为线上（或 scheduled、cancelled、postponed、moved-online） / row 12 status: unknown status',
      '行 14 报名链接: 只接受以 https:// 或 http:// 开头的完整网址 / row 14 registration: only full http(s) URLs are accepted',
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('skips duplicates of existing files and of earlier rows, with a notice', async () => {
    const p = await plan();
    expect(p.skipped.map((s) => s.message)).toEqual([
      `行 8: 与已有的 ${DIR}/events/2026/2026-09-12-existing-astronomy-lecture.md 重复（同名、同一天、同一主办单位或场馆），已跳过 / row 8: duplicate of ${DIR}/events/2026/2026-09-12-existing-astronomy-lecture.md, skipped`,
      '行 9: 与行 2 重复（同名、同一天、同一主办单位或场馆），已跳过 / row 9: duplicate of row 2, skipped',
    ]);
  });

  it('builds one valid file per good row', async () => {
    const p = await plan();
    expect(p.files.map((f) => [f.ref.n, f.path])).toEqual([
      [2, `${DIR}/events/2026/2026-09-12-shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su.md`],
      [3, `${DIR}/events/2026/2026-10-03-she-qu-tian-wen-guan-ce-ye.md`],
      [11, `${DIR}/events/2026/2026-10-13-yi-qu-xiao-de-jian-kang-jiang-zuo.md`],
      [13, `${DIR}/events/2026/2026-10-15-xian-shang-tian-wen-zhi-bo.md`],
    ]);
    expect(p.files[0]!.text).toBe(`---
title: 世界急救日公益培训：心肺复苏与AED使用
start: 2026-09-12T14:00
end: 2026-09-12T16:30
organizer: example-society
venue: example-science-hall
topics: [卫生健康, 应急]
audiences: [公众, 老年人]
formats: [培训]
registration:
  url: https://www.example.org/signup
status: scheduled
---

由急救医生讲解心肺复苏要点，
现场练习AED使用。
`);
    // An address that is not a known venue, a region label turned into its code, an organizer by short name.
    expect(p.files[1]!.text).toContain('organizer: haidian-example-association\naddress: 北京市海淀区示例路1号\nregion: "110108"\n');
    expect(p.files[1]!.text).toContain('start: 2026-10-03\nend: 2026-10-04\n');
    // 取消 → cancelled, with the import time as `updated` so calendar apps pick the change up.
    expect(p.files[2]!.text).toContain('status: cancelled\nupdated: 2026-11-25T10:00\n');
    // 线上 is no place; the online link is kept; a Chinese afternoon time is read.
    expect(p.files[3]!.text).toContain('start: 2026-10-15T19:30\nend: 2026-10-15T21:00\norganizer: example-society\nonline: https://www.example.org/live\n');
    expect(checkNewFiles(existing, p.files, DIR).errors.map(formatError)).toEqual([]);
  });

  it('a second import of the same sheet adds nothing', async () => {
    const first = await plan();
    const withNew = [...existing, ...first.files];
    const src = await readImportSource(join(FIX, 'events.csv'));
    const again = planImport(src.records, withNew, DIR, { now: NOW });
    expect(again.files).toEqual([]);
    expect(again.skipped.map((s) => s.ref.n)).toEqual([2, 3, 8, 9, 11, 13]);
  });

  it('reads a GB18030 CSV the same way', async () => {
    const src = await readImportSource(join(FIX, 'events-gbk.csv'));
    const p = planImport(src.records, existing, DIR, { now: NOW });
    expect(p.errors).toEqual([]);
    expect(p.files.map((f) => f.path)).toEqual([`${DIR}/events/2026/2026-11-01-hai-dian-qu-ke-pu-jiang-zuo.md`]);
  });
});

describe('place columns', () => {
  it('keeps the exact spot at a known venue, and joins a place with its street', () => {
    const { records } = tableToRecords([
      ['活动名称', '开始时间', '地点', '地址', '主办单位'],
      ['示例讲座', '2026-10-20 10:00', '示例科学馆', '三层报告厅', '示例学会'],
      ['示例义诊', '2026-10-21', '某社区广场', '北京市海淀区示例路5号', '示例学会'],
    ]);
    const p = planImport(records, existing, DIR, { now: NOW });
    expect(p.errors).toEqual([]);
    expect(p.files[0]!.text).toContain('venue: example-science-hall\naddress: 三层报告厅\n');
    expect(p.files[1]!.text).toContain('address: 某社区广场（北京市海淀区示例路5号）\n');
  });
});

describe('an .xlsx with real date cells', () => {
  it('reads date, date-time and time-only cells as the sheet shows them, with row numbers', async () => {
    const dir = tempTree();
    const file = join(ROOT, dir, '..', 'events.xlsx');
    const date = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
    await writeXlsxFile([
      ['2026年示例活动表'],
      ['活动名称', '开始时间', '结束时间', '地点', '主办单位', '主题', '状态'],
      ['示例科普讲座', { value: date(2026, 9, 12, 14), format: 'yyyy-mm-dd hh:mm' }, { value: date(2026, 9, 12, 16, 30), format: 'hh:mm' }, '示例科学馆', '示例学会', '天文', '照常'],
      ['示例科普展览', { value: date(2026, 10, 3), format: 'yyyy-mm-dd' }, { value: date(2026, 10, 7), format: 'yyyy-mm-dd' }, '北京市海淀区示例路3号', '海淀示例科协', '', '延期'],
      ['示例错误活动', '2026-02-30', '', '示例科学馆', '示例学会', '', ''],
    ] as never).toFile(file);
    const src = await readImportSource(file);
    const p = planImport(src.records, readContentFiles(join(ROOT, dir), ROOT), dir, { now: NOW });
    expect(p.files.map((f) => [f.ref.n, f.path.slice(dir.length)])).toEqual([
      [3, '/events/2026/2026-09-12-shi-li-ke-pu-jiang-zuo.md'],
      [4, '/events/2026/2026-10-03-shi-li-ke-pu-zhan-lan.md'],
    ]);
    expect(p.files[0]!.text).toContain('start: 2026-09-12T14:00\nend: 2026-09-12T16:30\n');
    expect(p.files[1]!.text).toContain('start: 2026-10-03\nend: 2026-10-07\n');
    expect(p.errors.map(formatRowProblem)).toEqual(['行 5 开始时间: 没有这一天（2026-02-30），请检查月份和日期 / row 5 start: not a real calendar date']);
    // 延期 without the original start is a warning, not an error.
    expect(p.warnings.map(formatRowProblem)).toEqual(['行 4 状态: [提醒] 延期的活动请写 previousStart（原定开始时间） / row 4 status: [warning] postponed events should state previousStart']);
  });
});

describe('an organizer’s .ics feed', () => {
  const plan = async () => {
    const src = await readImportSource(join(FIX, 'feed.ics'), { organizer: '示例学会' });
    return planImport(src.records, existing, DIR, { now: NOW, problems: src.problems });
  };

  it('keeps TZID wall-clock times, converts UTC to Beijing time, and ends all-day events on the last day', async () => {
    const p = await plan();
    expect(p.files.map((f) => f.ref.n)).toEqual([1, 2, 3, 5]);
    const [timed, allDay, utc, windows] = p.files.map((f) => f.text);
    expect(timed).toBe(`---
title: 示例学会科普讲座：身边的急救知识
start: 2026-09-20T14:00
end: 2026-09-20T16:00
organizer: example-society
venue: example-science-hall
topics: [卫生健康]
formats: [讲座]
status: scheduled
url: https://www.example.org/events/1
---

第一段
第二行

第二段 & 结尾
`);
    expect(allDay).toContain('start: 2026-09-21\nend: 2026-09-27\norganizer: example-society\naddress: 北京市海淀区示例路2号\n');
    expect(utc).toContain('start: 2026-09-22T19:00\nend: 2026-09-22T20:30\norganizer: example-society\nonline: https://www.example.org/live\nstatus: cancelled\nupdated: 2026-11-25T10:00\n');
    expect(windows).toContain('start: 2026-09-24T09:30\nend: 2026-09-24T11:30\n');
    expect(windows).not.toContain('timezone:');
    expect(checkNewFiles(existing, p.files, DIR).errors.map(formatError)).toEqual([]);
  });

  it('reports an unknown TZID and categories outside the vocabularies', async () => {
    const p = await plan();
    expect(p.errors.map(formatRowProblem)).toEqual([
      '第 4 个 VEVENT (badtz-4@example.org) 时区: 不认识的时区 TZID=Mars/Olympus_Mons，请改用 IANA 名称（例如 Asia/Shanghai） / VEVENT 4 (badtz-4@example.org) timezone: unknown TZID Mars/Olympus_Mons',
    ]);
    expect(p.warnings.map(formatRowProblem)).toEqual([
      '第 1 个 VEVENT (timed-1@example.org) CATEGORIES 分类: [提醒] 分类“未知分类”不在词表里，未导入 / VEVENT 1 (timed-1@example.org) CATEGORIES: [warning] categories not in the vocabularies were left out',
    ]);
  });

  it('keeps another zone when the TZID is not China', async () => {
    const dir = tempTree();
    const file = join(ROOT, dir, '..', 'tokyo.ics');
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//ZH', 'BEGIN:VEVENT', 'UID:t@example.org', 'DTSTAMP:20260801T000000Z', 'SUMMARY:示例线上交流', 'DTSTART;TZID=Asia/Tokyo:20260925T200000', 'DTEND;TZID=Asia/Tokyo:20260925T210000', 'LOCATION:https://www.example.org/meet', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const src = await readImportSource(file, { organizer: 'example-society' });
    const p = planImport(src.records, existing, DIR, { now: NOW });
    expect(p.files[0]!.text).toContain('start: 2026-09-25T20:00\nend: 2026-09-25T21:00\ntimezone: Asia/Tokyo\n');
  });
});

describe('writeFilesAtomically', () => {
  it('never overwrites, and removes what it placed when a later file fails', () => {
    const dir = tempTree();
    const existingFile = `${dir}/events/2026/2026-09-12-existing-astronomy-lecture.md`;
    const before = readFileSync(join(ROOT, existingFile), 'utf8');
    const fresh = `${dir}/events/2026/2026-12-01-new.md`;
    expect(() => writeFilesAtomically([{ path: fresh, text: 'x' }, { path: existingFile, text: 'overwritten' }], ROOT)).toThrow(/EEXIST/);
    expect(existsSync(join(ROOT, fresh))).toBe(false);
    expect(readFileSync(join(ROOT, existingFile), 'utf8')).toBe(before);
    expect(readContentFiles(join(ROOT, dir), ROOT).some((f) => f.path.includes('.tmp-'))).toBe(false);
  });
});
