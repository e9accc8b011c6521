/**
 * The validator's steps at their edges (src/lib/content/validate/*.ts), found by mutation testing (issue 22):
 * which files are read, refused or skipped, and in what order; which lines the raw-text check reads;
 * the id hint for every field that names another file; the lines and fields the observance and event
 * rules name; the usual-period warning at its 60-day edge; the address's region suggestion; and the
 * event as the site receives it. Messages are pinned as contributors read them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { type SourceFile, validateContent } from '../../src/lib/content/validate.ts';
import { ROOT } from '../helpers/build-site.ts';

const base = (): SourceFile[] => readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({ ...f, path: f.path.replace('tests/fixtures/site/', 'content/') }));
/** Errors (E) and warnings (W) for the fixture site plus `extra`, as printed. */
function check(extra: SourceFile[], files = base()): string[] {
  const r = validateContent([...files, ...extra], 'content');
  return [...r.errors.map((e) => `E ${formatError(e)}`), ...r.warnings.map((e) => `W ${formatError(e)}`)];
}
const md = (fields: string, body = '介绍。') => `---\n${fields}\n---\n${body}\n`;
const PLAIN = 'title: 测试讲座\nstart: 2026-09-12T14:00\nend: 2026-09-12T16:00\norganizer: test-science-society\nvenue: test-science-center';
const AT = 'content/events/2026/2026-09-12-a.md';
const OBS = (extra: string) => `---\nname: 测试日\nkind: day\n${extra}\nauthority: 测试机构\nlevel: national\nsource: { title: 测试来源 }\n---\n历史。\n`;
const obs = (extra: string, id = 'a') => ({ path: `content/observances/${id}.md`, text: OBS(extra) });

describe('reading files', () => {
  it('an unreadable file says why; a content root handed on without a code is not found', () => {
    expect(check([{ path: AT, text: '', unreadable: 'EACCES' }])).toEqual([`E ${AT} 无法读取（EACCES），请检查文件权限 / cannot read this file (EACCES)`]);
    expect(validateContent([{ path: 'content', text: '' }], 'content').errors.map(formatError)).toEqual([
      'content 找不到内容文件夹（ENOENT），请检查 CONTENT_DIR 或路径 / content folder not found or unreadable',
    ]);
  });

  it('only the README and sources.yaml at the top are skipped; other files there, or of those names deeper, are refused', () => {
    expect(check([{ path: 'content/README.md', text: 'x' }, { path: 'content/sources.yaml', text: '- x\n' }])).toEqual([]);
    expect(check([{ path: 'content/notes.txt', text: 'x' }, { path: 'content/events/README.md', text: 'x' }, { path: 'content/sources.yaml/x.yaml', text: 'x' }, { path: 'content/readme.md/x.md', text: 'x' }])).toEqual([
      'E content/events/README.md 文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training.md / file name must use a-z, 0-9 and hyphens',
      'E content/notes.txt 不认识的文件夹，内容只能放在 events、observances、organizers、venues 或 vocab 里 / unknown content folder',
      'E content/readme.md/x.md 不认识的文件夹，内容只能放在 events、observances、organizers、venues 或 vocab 里 / unknown content folder',
      'E content/sources.yaml/x.yaml 不认识的文件夹，内容只能放在 events、observances、organizers、venues 或 vocab 里 / unknown content folder',
    ]);
  });

  it('a vocabulary file needs its extension', () => {
    expect(check([{ path: 'content/vocab/topics', text: '- { id: x, label: 某 }\n' }])).toEqual([
      'E content/vocab/topics 未知的词表文件，只能是 topics.yaml、audiences.yaml、formats.yaml、regions.yaml / unknown vocabulary file',
    ]);
  });

  it('a file named like a collection folder is in no folder; a file name without a dot has the wrong type', () => {
    expect(check([{ path: 'content/events', text: 'x' }, { path: 'content/events/2026/notes', text: 'x' }])).toEqual([
      'E content/events 不认识的文件夹，内容只能放在 events、observances、organizers、venues 或 vocab 里 / unknown content folder',
      'E content/events/2026/notes 文件类型不对，events 里的文件要以 .md 结尾 / wrong file type: use .md',
    ]);
  });

  it('files are read in path order whatever order they come in: the first by path keeps a shared id', () => {
    const yml = { path: 'content/organizers/test-red-cross.yml', text: 'name: 另一个\ntype: other\n' };
    const dup = 'E content/organizers/test-red-cross.yml 文件名重复：content/organizers/test-red-cross.yaml 已经用了“test-red-cross”，网址会冲突，请换一个文件名 / duplicate id, also used by content/organizers/test-red-cross.yaml';
    expect(check([], [yml, ...base()])).toEqual([dup]);
    expect(check([], [...base(), yml])).toEqual([dup]);
  });

  it('a YAML file is checked for control characters from its first line, comments included', () => {
    expect(check([{ path: 'content/organizers/x.yaml', text: 'name: 某单位 # 备注\u0007\ntype: other\n' }, { path: 'content/venues/y.yaml', text: 'name: 某馆\ntype: other # \u0007\nregion: "110105"\n' }])).toEqual([
      'E content/organizers/x.yaml:1 不能包含看不见的控制字符（U+0007），请删除它 / must not contain invisible control characters (U+0007)',
      'E content/venues/y.yaml:2 不能包含看不见的控制字符（U+0007），请删除它 / must not contain invisible control characters (U+0007)',
    ]);
  });

  it('in a Markdown file the raw check reads the front matter only; the description is checkBody’s', () => {
    // A comment in the front matter is no field: only the raw check sees it.
    expect(check([{ path: AT, text: `---\ntitle: 测试讲座 # \u0007\n${PLAIN.split('\n').slice(1).join('\n')}\n---\n介绍。\n` }])).toEqual([
      `E ${AT}:2 不能包含看不见的控制字符（U+0007），请删除它 / must not contain invisible control characters (U+0007)`,
    ]);
    // A lone carriage return in the description is a line break there, not a character to delete.
    expect(check([{ path: AT, text: md(PLAIN, '第一行\r第二行\n第三行\r第四行') }])).toEqual([]);
  });
});

describe('a name where the id belongs', () => {
  const hint = (id: string, name: string) => `（这里要写编号，不是名称：是不是 ${id}（${name}）？/ write the id, not the name: did you mean ${id}?）`;
  const SLUG = '编号只能用小写字母、数字和连字符，例如 beijing-science-center / ids use a-z, 0-9 and hyphens';

  it('in every field that names another file: organizer, co-organizers, venue, observance, campaign', () => {
    expect(check([{ path: AT, text: md('title: 测试讲座\nstart: 2026-09-12T14:00\norganizer: 测试学会\ncoOrganizers: [测试市红十字会]\nvenue: 测试科学中心\nobservance: 世界急救日\ncampaign: National Science Popularization Month') }])).toEqual([
      `E ${AT}:4 organizer: ${SLUG} ${hint('test-science-society', '测试市科普学会')}`,
      `E ${AT}:5 coOrganizers.0: ${SLUG} ${hint('test-red-cross', '测试市红十字会')}`,
      `E ${AT}:6 venue: ${SLUG} ${hint('test-science-center', '测试科学中心')}`,
      `E ${AT}:7 observance: ${SLUG} ${hint('world-first-aid-day', '世界急救日')}`,
      `E ${AT}:8 campaign: ${SLUG} ${hint('national-science-month', '全国科普月')}`,
    ]);
  });

  it('no hint for a name nobody has, for a field that names no file, or with no files of that kind', () => {
    expect(check([{ path: AT, text: md(`${PLAIN.replace('test-science-society', '不存在的学会')}\nurl: 测试学会`) }])).toEqual([
      `E ${AT}:5 organizer: ${SLUG}`,
      `E ${AT}:7 url: 只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted`,
    ]);
    const only = validateContent([{ path: AT, text: md('title: 测试讲座\nstart: 2026-09-12T14:00\norganizer: 测试学会\nvenue: 测试科学中心') }], 'content');
    expect(only.errors.map(formatError).filter((l) => l.startsWith(AT))).toEqual([`${AT}:4 organizer: ${SLUG}`, `${AT}:5 venue: ${SLUG}`]);
  });

  it('a blank name is no name: a blank reference gets no hint', () => {
    const blank = { path: 'content/organizers/test-blank.yaml', text: 'name: 空白简称的学会\nshortName: " "\ntype: society\n' };
    expect(check([blank, { path: AT, text: md(PLAIN.replace('test-science-society', '" "')) }]).filter((l) => l.includes(AT))).toEqual([`E ${AT}:5 organizer: ${SLUG}`]);
  });

  it('two files known by one name: the first by path is suggested', () => {
    const second = { path: 'content/organizers/test-z-society.yaml', text: 'name: 另一个学会\naliases: [测试学会]\ntype: society\n' };
    expect(check([second, { path: AT, text: md(PLAIN.replace('test-science-society', '测试学会')) }])).toEqual([`E ${AT}:5 organizer: ${SLUG} ${hint('test-science-society', '测试市科普学会')}`]);
  });
});

describe('events', () => {
  it('an event lasts up to 366 days: the 366th day is fine, the 367th is refused', () => {
    const until = (end: string) => check([{ path: AT, text: md(PLAIN.replace('end: 2026-09-12T16:00', `end: ${end}`)) }]);
    expect(until('2027-09-12T16:00')).toEqual([]);
    expect(until('2027-09-13T16:00')).toEqual([`E ${AT}:4 end: 活动最长 366 天（这里是 367 天，到 2027-09-12 为止），长期项目请按阶段分成几个活动 / an event lasts at most 366 days`]);
  });

  it('a registration deadline out of range is named at its own line', () => {
    expect(check([{ path: AT, text: md(`${PLAIN}\nregistration:\n  url: https://example.org/signup\n  deadline: 2101-01-01T12:00`) }])).toEqual([
      `E ${AT}:9 registration.deadline: 年份 2101 不在 2000–2100 之间，请检查 / year out of range`,
    ]);
  });

  it('an address naming a district suggests its region (a warning at the address), unless a region or venue is given', () => {
    const HAIDIAN = 'title: 海淀社区急救课\nstart: 2026-09-26T09:00\nend: 2026-09-26T11:00\norganizer: test-science-society\naddress: 北京市海淀区学院路30号社区活动中心';
    const at = 'content/events/2026/2026-09-26-a.md';
    const r = validateContent([...base(), { path: at, text: md(HAIDIAN) }], 'content');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(formatError)).toEqual([
      `${at}:6 region: [提醒 / warning] 地址里写的是北京市海淀区，请加上 region: "110108"（北京市海淀区），活动才会出现在北京市海淀区的列表和筛选里 / the address names 北京市海淀区: add region: "110108"`,
    ]);
    // Filed under the district the address names, before the organizer's region (110105).
    expect(r.content.events.find((e) => e.id === '2026-09-26-a')).toMatchObject({ region: undefined, regionId: '110108' });
    expect(check([{ path: at, text: md(`${HAIDIAN}\nregion: "110108"`) }])).toEqual([]);
    expect(check([{ path: at, text: md(`${HAIDIAN}\nvenue: test-science-center`) }])).toEqual([]);
  });

  it('the site receives the end as a day and whether the event is all-day', () => {
    const r = validateContent([...base(), { path: AT, text: md(PLAIN) }, { path: 'content/events/2026/2026-09-13-b.md', text: md(PLAIN.replace(/2026-09-12T1\d:00/g, '2026-09-13')) }], 'content');
    expect(r.errors).toEqual([]);
    const ev = (id: string) => r.content.events.find((e) => e.id === id)!;
    expect(ev('2026-09-12-a')).toMatchObject({ allDay: false, startDate: '2026-09-12', endDate: '2026-09-12' });
    expect(ev('2026-09-13-b')).toMatchObject({ allDay: true, startDate: '2026-09-13', endDate: '2026-09-13' });
    const noEnd = validateContent([...base(), { path: AT, text: md(PLAIN.replace('end: 2026-09-12T16:00\n', '')) }], 'content');
    expect(noEnd.content.events.find((e) => e.id === '2026-09-12-a')).toMatchObject({ allDay: false, endDate: '2026-09-12' });
  });
});

describe('observances', () => {
  it('dates in the wrong year, ends before starts and ends out of range are named at their own lines', () => {
    expect(check([obs('rule: { type: announced }\ndates:\n  "2026":\n    start: 2027-05-17\n  "2025":\n    start: 2025-05-17\n    end: 2025-05-10\n  "2024":\n    start: 2024-05-17\n    end: 2101-05-17')])).toEqual([
      'E content/observances/a.md:7 dates.2026.start: 2026 年的日期应在 2026 年内（2027-05-17）/ date is not in year 2026',
      'E content/observances/a.md:10 dates.2025.end: 结束日期早于开始日期（2025-05-10 < 2025-05-17），请改正 / end is before start',
      'E content/observances/a.md:13 dates.2024.end: 年份 2101 不在 2000–2100 之间，请检查 / year out of range',
    ]);
  });

  it('a rule’s problem is named at the rrule line', () => {
    expect(check([obs('rule:\n  type: rrule\n  rrule: "FREQ=MONTHLY;BYMONTHDAY=1"')])).toEqual([
      'E content/observances/a.md:6 rule.rrule: 纪念日规则必须是 FREQ=YEARLY，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA / observance rules must be yearly',
    ]);
  });

  it('ids of digits only are refused; digits with letters are fine', () => {
    expect(check([obs('rule: { type: fixed, date: "06-06" }', '2027-day'), obs('rule: { type: fixed, date: "06-06" }', 'day-2027'), obs('rule: { type: fixed, date: "06-06" }', '2027')])).toEqual([
      'E content/observances/2027.md:1 id: 纪念日的文件名不能只有数字（2027），会和年历页 /observances/2027/ 冲突，请用英文或拼音短名 / an observance id of digits only clashes with the year pages',
    ]);
  });
});

describe('a listed date far from the usual time (a warning)', () => {
  const FAR = (start: string, off: number, from = '2026-06-06', to = from) =>
    `W content/observances/a.md:7 dates.2026.start: [提醒 / warning] ${start} 离通常的时间（${from}—${to}）相差 ${off} 天，请核对是否写错；确实如此时，在这一年写 note 说明原因 / ${off} days from the usual period: check for a typo, or give the reason in this year's note`;
  const fixed = (start: string, extra = '') => check([obs(`rule: { type: fixed, date: "06-06" }${extra}\ndates:\n  "2026":\n    start: ${start}`)]);

  it('from the rule’s own day: 60 days either side are fine, 61 are questioned', () => {
    expect(fixed('2026-08-05')).toEqual([]);
    expect(fixed('2026-08-06')).toEqual([FAR('2026-08-06', 61)]);
    expect(fixed('2026-04-07')).toEqual([]);
    expect(fixed('2026-04-06')).toEqual([FAR('2026-04-06', 61)]);
  });

  it('from the usual window when one is given, even for a rule with its own day', () => {
    expect(fixed('2026-09-10', '\nexpected: { start: "09-01", end: "09-30" }')).toEqual([]);
    expect(fixed('2026-12-01', '\nexpected: { start: "09-01", end: "09-30" }')).toEqual([FAR('2026-12-01', 62, '2026-09-01', '2026-09-30').replace(':7 ', ':8 ')]);
  });

  it('not for a year the observance was not held, a year with a note, or a date already refused for its year', () => {
    expect(fixed('2026-12-01', '\nestablished: 2027')).toEqual([]);
    expect(fixed('2026-12-01', '\nendedYear: 2025')).toEqual([]);
    expect(check([obs('rule: { type: fixed, date: "06-06" }\ndates:\n  "2026":\n    start: 2026-12-01\n    note: 因故推迟')])).toEqual([]);
    expect(fixed('2027-06-06')).toEqual(['E content/observances/a.md:7 dates.2026.start: 2026 年的日期应在 2026 年内（2027-06-06）/ date is not in year 2026']);
  });
});
