/**
 * Every validator rule, with one valid and one invalid fixture file each (tests/fixtures/validate/),
 * dropped into the small fixture site (tests/fixtures/site). The exact messages are pinned: they are
 * the product for contributors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError, githubAnnotation } from '../../src/lib/content/errors.ts';
import { type SourceFile, validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/validate');
const base: SourceFile[] = readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({
  ...f,
  path: f.path.replace('tests/fixtures/site/', 'content/'),
}));
const AT = 'content/events/2026/2026-09-12-test-lecture.md';

function check(extra: SourceFile[]): string[] {
  const { errors } = validateContent([...base, ...extra], 'content');
  return errors.map(formatError);
}
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');
const withFile = (name: string, at = AT) => check([{ path: at, text: fixture(name) }]);

it('the fixture site itself is valid', () => {
  expect(check([])).toEqual([]);
});

const RULES: Record<string, string[]> = {
  'end-before-start': [`${AT}:4 end: 结束时间早于开始时间（2026-09-12 13:00 < 2026-09-12 14:00），请改为开始之后的时间 / end is before start`],
  'real-date': [
    `${AT}:3 start: 没有这一天（2026-02-30），请检查月份和日期 / not a real calendar date`,
    `${AT}:4 end: 没有这一天（2026-02-30），请检查月份和日期 / not a real calendar date`,
  ],
  'year-range': [
    `${AT}:3 start: 年份 1900 不在 2000–2100 之间，请检查 / year out of range`,
    `${AT}:3 start: 文件应放在 content/events/1900/ 文件夹里（按开始年份）/ the file belongs in content/events/1900/`,
    `${AT}:4 end: 年份 1900 不在 2000–2100 之间，请检查 / year out of range`,
  ],
  'unknown-organizer': [
    `${AT}:5 organizer: 找不到主办单位“test-science-socity”：content/organizers/ 里没有这个文件，请先添加它或改正编号 / unknown organizer "test-science-socity" （您是不是要写“test-science-society”？/ did you mean test-science-society?）`,
  ],
  'unknown-venue': [
    `${AT}:6 venue: 找不到场馆“test-scince-center”：content/venues/ 里没有这个文件，请先添加它或改正编号 / unknown venue "test-scince-center" （您是不是要写“test-science-center”？/ did you mean test-science-center?）`,
  ],
  'unknown-observance': [
    `${AT}:10 observance: 找不到纪念日“world-first-aid”：content/observances/ 里没有这个文件，请先添加它或改正编号 / unknown observance "world-first-aid" （您是不是要写“world-first-aid-day”？/ did you mean world-first-aid-day?）`,
  ],
  'unknown-topic': [
    `${AT}:7 topics: “卫生建康”不在主题词表里，请从 content/vocab/topics.yaml 中选择 / "卫生建康" is not in the topics vocabulary （您是不是要写“卫生健康”？/ did you mean 卫生健康?）`,
  ],
  rrule: [`${AT}:10 rrule: 重复规则写得不对（FREQ=SOMETIMES;COUNT=x），例如 FREQ=WEEKLY;COUNT=4 / invalid RRULE`],
  timezone: [`${AT}:10 timezone: 未知时区，请写 IANA 名称，例如 Asia/Shanghai / unknown time zone: use an IANA name such as Asia/Shanghai`],
  'javascript-url': [`${AT}:10 url: 只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted`],
  'data-url': [
    `${AT}:10 registration.url: 只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted`,
  ],
  'title-length': [`${AT}:2 title: 不能超过 80 个字，请缩短 / must be at most 80 characters`],
  'title-line-break': [`${AT}:2 title: 不能包含换行或控制字符，请写成一行 / must be one line without control characters`],
  'title-control-char': [`${AT}:2 title: 不能包含换行或控制字符，请写成一行 / must be one line without control characters`],
  'broken-yaml': [`${AT}:6 YAML 格式错误：请检查缩进、冒号后的空格和引号是否成对 / YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`],
  'raw-html': [`${AT}:11 body: 正文里不能写 HTML 标签或脚本，请改用 Markdown（例如 **加粗**、[链接](https://…)）/ raw HTML is not allowed in the description: use Markdown`],
  'html-link': [`${AT}:11 body: 链接只能以 https:// 或 http:// 开头（javascript:alert(1）/ links must be http(s)`],
  'foreign-image': [`${AT}:11 body: 图片只能用本站 public/images/ 里的文件（https://evil.example.com/x.png），例如 ![说明](/images/xxx.jpg) / images must come from /images/`],
  'missing-field': [`${AT}:2 organizer: 缺少必填字段，请补上 / required field is missing`],
  'unknown-field': [`${AT}:10 organiser: 未知字段“organiser”，请删掉或改正，您是不是要写 organizer？/ did you mean organizer?`],
  'time-offset': [
    `${AT}:3 start: 不要在时间里写时区（2026-09-12T14:00+08:00），请写当地时间并用 timezone 字段 / no offset in the time: write local time and use the timezone field`,
    `${AT}:4 end: 不要在时间里写时区（2026-09-12T16:00+08:00），请写当地时间并用 timezone 字段 / no offset in the time: write local time and use the timezone field`,
  ],
  'end-kind-mismatch': [`${AT}:4 end: 开始只写了日期（全天），结束也只写日期，例如 2026-09-12 / start is a date, so end must be a date too`],
  status: [`${AT}:10 status: 状态只能是 scheduled、cancelled、postponed 或 moved-online / status must be scheduled, cancelled, postponed or moved-online`],
  'no-place': [`${AT}:2 venue: 请写场馆 venue（线下）、地址 address、地区 region 或线上网址 online 之一 / give a venue, an address, a region or an online URL`],
};

describe('validator rules (valid file passes, invalid file gets the pinned message)', () => {
  for (const [rule, expected] of Object.entries(RULES)) {
    it(rule, () => {
      expect(withFile(`${rule}.valid.md`)).toEqual([]);
      expect(withFile(`${rule}.invalid.md`)).toEqual(expected);
    });
  }
});

describe('rules about files and folders', () => {
  it('the year folder must match the start year', () => {
    expect(withFile('plain-event.md', 'content/events/2026/a.md')).toEqual([]);
    expect(withFile('plain-event.md', 'content/events/2025/a.md')).toEqual([
      'content/events/2025/a.md:3 start: 文件应放在 content/events/2026/ 文件夹里（按开始年份）/ the file belongs in content/events/2026/',
    ]);
  });

  it('a slug may be used once across all years, and the same activity twice is reported', () => {
    const errors = check([
      { path: 'content/events/2026/a.md', text: fixture('plain-event.md') },
      { path: 'content/events/2027/a.md', text: fixture('plain-event.md').replaceAll('2026-', '2027-') },
      { path: 'content/events/2026/b.md', text: fixture('plain-event.md') },
    ]);
    expect(errors).toEqual([
      'content/events/2026/b.md:1 title: 与 content/events/2026/a.md 重复（同名、同一天、同一主办单位），请删除其中一个 / duplicate of content/events/2026/a.md',
      'content/events/2027/a.md 文件名重复：content/events/2026/a.md 已经用了“a”，网址会冲突，请换一个文件名 / duplicate id, also used by content/events/2026/a.md',
    ]);
  });

  it('file names must be URL-safe', () => {
    expect(withFile('plain-event.md', 'content/events/2026/急救培训.md')).toEqual([
      'content/events/2026/急救培训.md 文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training.md / file name must use a-z, 0-9 and hyphens',
    ]);
  });

  it('oversized files are refused without parsing', () => {
    expect(withFile('plain-event.md')).toEqual([]);
    expect(withFile('oversized.invalid.md')).toEqual([`${AT} 文件太大（88 KB），单个文件不能超过 64 KB，请精简描述 / file too large (limit 64 KB)`]);
  });

  it('symbolic links are refused, never followed', () => {
    expect(check([{ path: 'content/events/2026/link.md', text: '', symlink: true }])).toEqual([
      'content/events/2026/link.md 不接受符号链接，请提交普通文件 / symbolic links are not accepted: commit a regular file',
    ]);
  });

  it('wrong file types in a collection folder are named', () => {
    expect(withFile('plain-event.md', 'content/events/2026/a.markdown')).toEqual([
      'content/events/2026/a.markdown 文件类型不对，events 里的文件要以 .md 结尾 / wrong file type: use .md',
    ]);
  });
});

it('near-identical titles on the same day are a warning naming both files', () => {
  const text = fixture('plain-event.md').replace('title: 测试讲座', 'title: 测试讲座：健康生活从饮食开始');
  const { errors, warnings } = validateContent(
    [...base, { path: 'content/events/2026/a.md', text }, { path: 'content/events/2026/b.md', text: text.replace('从饮食开始', '从饮食开始吧').replace('test-science-society', 'test-red-cross') }],
    'content',
  );
  expect(errors).toEqual([]);
  expect(warnings.map(formatError)).toEqual([
    'content/events/2026/b.md:1 title: [提醒 / warning] 与 content/events/2026/a.md 的活动名称几乎相同、又在同一天，是否重复提交？如是同一活动请删除一个 / near-duplicate of content/events/2026/a.md',
  ]);
});

it('the same title in different districts on the same day is not a near-duplicate', () => {
  const text = fixture('plain-event.md').replace('title: 测试讲座', 'title: 怀柔区“心灵成长”开放日').replace('venue: test-science-center', 'region: "110116"');
  const other = text.replace('怀柔区', '密云区').replace('"110116"', '"110118"').replace('test-science-society', 'test-red-cross');
  const { warnings } = validateContent([...base, { path: 'content/events/2026/a.md', text }, { path: 'content/events/2026/b.md', text: other }], 'content');
  expect(warnings).toEqual([]);
});

describe('GitHub annotations', () => {
  it('escape the message and carry file, line and field', () => {
    const { errors } = validateContent([...base, { path: AT, text: fixture('end-before-start.invalid.md') }], 'content');
    expect(githubAnnotation(errors[0]!)).toBe(
      `::error file=${AT},line=4,title=end::结束时间早于开始时间（2026-09-12 13:00 < 2026-09-12 14:00），请改为开始之后的时间 / end is before start`,
    );
  });
});

describe('observance dates (issue 15)', () => {
  const week = (dates: string, id = 'test-week') => ({
    path: `content/observances/${id}.md`,
    text: `---\nname: 测试科技周\nkind: campaign\nrule: { type: announced }\ndays: 7\nexpected: { start: "05-21", end: "05-31" }\nauthority: 测试部门\nlevel: national\nsource: { title: 测试通知 }\ndates:\n${dates}---\n历史。\n`,
  });
  const warnings = (files: SourceFile[]) => validateContent([...base, ...files], 'content').warnings.map(formatError);

  it('a year far from the usual window is questioned, unless its note gives the reason', () => {
    expect(warnings([week('  "2026": { start: 2026-11-24 }\n')])).toEqual([
      'content/observances/test-week.md:11 dates.2026.start: [提醒 / warning] 2026-11-24 离通常的时间（2026-05-21—2026-05-31）相差 177 天，请核对是否写错；确实如此时，在这一年写 note 说明原因 / 177 days from the usual period: check for a typo, or give the reason in this year\'s note',
    ]);
    expect(warnings([week('  "2026": { start: 2026-07-20 }\n')])).toEqual([]);
    expect(warnings([week('  "2026": { start: 2026-11-24, note: 因故推迟 }\n')])).toEqual([]);
  });

  it('an observance named by digits only would take a year page’s address', () => {
    expect(check([week('  "2026": { start: 2026-05-24 }\n', '2027')])).toEqual([
      'content/observances/2027.md:1 id: 纪念日的文件名不能只有数字（2027），会和年历页 /observances/2027/ 冲突，请用英文或拼音短名 / an observance id of digits only clashes with the year pages',
    ]);
  });
});
