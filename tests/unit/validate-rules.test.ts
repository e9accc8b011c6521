/**
 * The validator's rules one at a time (src/lib/content/validate.ts), each as a small file dropped into the
 * fixture site: files and folders (vocabularies, unknown folders, types, names, sizes, symlinks,
 * duplicate ids, non-mappings), event rules (years, year folders, ends, places, rules, statuses,
 * references, vocabularies, campaigns), observance rules, control characters at any depth, exact and
 * near duplicates, and the did-you-mean distance. Messages are pinned as contributors read them.
 * validate.test.ts pins one fixture per rule; hostile.test.ts the hostile corpus.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import type { EventEntry } from '../../src/lib/content/model.ts';
import { MAX_FILE_BYTES, nearDuplicates, type SourceFile, suggest, validateContent } from '../../src/lib/content/validate.ts';
import { event } from '../fixtures/ical/scenarios.ts';
import { ROOT } from '../helpers/build-site.ts';

const base = (): SourceFile[] => readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({ ...f, path: f.path.replace('tests/fixtures/site/', 'content/') }));
/** Errors (E) and warnings (W) for the fixture site plus `extra`, as printed. */
function check(extra: SourceFile[], dir = 'content', files = base()): string[] {
  const r = validateContent([...files, ...extra], dir);
  return [...r.errors.map((e) => `E ${formatError(e)}`), ...r.warnings.map((e) => `W ${formatError(e)}`)];
}
const md = (fields: string, body = '介绍。') => `---\n${fields}\n---\n${body}\n`;
const PLAIN = 'title: 测试讲座\nstart: 2026-09-12T14:00\nend: 2026-09-12T16:00\norganizer: test-science-society\nvenue: test-science-center';
const AT = 'content/events/2026/2026-09-12-a.md';
const OBS = (extra: string) => `---\nname: 测试日\nkind: day\n${extra}\nauthority: 测试机构\nlevel: national\nsource: { title: 测试来源 }\n---\n历史。\n`;

describe('files and folders', () => {
  it('vocabularies: only the four names, .yaml or .yml; broken YAML and schema problems at their lines', () => {
    expect(check([{ path: 'content/vocab/colours.yaml', text: '- { id: red, label: 红 }\n' }, { path: 'content/vocab/topics.txt', text: 'x' }])).toEqual([
      'E content/vocab/colours.yaml 未知的词表文件，只能是 topics.yaml、audiences.yaml、formats.yaml、regions.yaml / unknown vocabulary file',
      'E content/vocab/topics.txt 未知的词表文件，只能是 topics.yaml、audiences.yaml、formats.yaml、regions.yaml / unknown vocabulary file',
    ]);
    const yml = base().map((f) => (f.path.endsWith('vocab/topics.yaml') ? { ...f, path: 'content/vocab/topics.yml' } : f));
    expect(check([], 'content', yml)).toEqual([]);
    // A vocabulary in place of the fixture's own file (a second file for one vocabulary is refused).
    const instead = (text: string) => check([], 'content', base().map((f) => (f.path === 'content/vocab/formats.yaml' ? { ...f, text } : f))).filter((l) => l.startsWith('E content/vocab/formats.yaml'));
    expect(check([{ path: 'content/vocab/formats.yml', text: '- { id: talk, label: 讲座 }\n' }])).toEqual([
      'E content/vocab/formats.yml 词表“formats”已经在 content/vocab/formats.yaml 里，每个词表只能有一个文件，请合并后删除这个 / only one file per vocabulary: content/vocab/formats.yaml already defines formats',
    ]);
    expect(instead('- { id: x, label: [\n')).toEqual([
      'E content/vocab/formats.yaml:2 YAML 格式错误：请检查缩进、冒号后的空格和引号是否成对 / YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(instead('- { id: talk }\n- { id: show, label: 表演, colour: red }\n')).toEqual([
      'E content/vocab/formats.yaml:1 0.label: 缺少必填字段，请补上 / required field is missing',
      'E content/vocab/formats.yaml:2 1: 未知字段“colour”，请删掉或改正 / unknown field',
    ]);
    expect(instead('- { id: talk, label: 讲座, aliases: ["a\\u0007b"] }\n')).toEqual([
      'E content/vocab/formats.yaml:1 0.aliases.0: 不能包含看不见的控制字符（U+0007），请删除它 / must not contain invisible control characters (U+0007)',
    ]);
  });

  it('unknown folders, wrong file types, file names that are no slug', () => {
    expect(check([{ path: 'content/posts/x.md', text: md(PLAIN) }, { path: 'content/organizers/x.md', text: 'name: x' }, { path: 'content/events/2026/x.txt', text: 'x' }, { path: 'content/events/2026/X_y.md', text: md(PLAIN) }])).toEqual([
      'E content/events/2026/X_y.md 文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training.md / file name must use a-z, 0-9 and hyphens',
      'E content/events/2026/x.txt 文件类型不对，events 里的文件要以 .md 结尾 / wrong file type: use .md',
      'E content/organizers/x.md 文件类型不对，organizers 里的文件要以 .yaml 或 .yml 结尾 / wrong file type: use .yaml or .yml',
      'E content/posts/x.md 不认识的文件夹，内容只能放在 events、observances、organizers、venues 或 vocab 里 / unknown content folder',
    ]);
  });

  it('a README at the top is skipped, a hidden file is refused; files outside the content folder are not read', () => {
    expect(check([{ path: 'content/Readme.md', text: 'x' }, { path: 'elsewhere/events/x.md', text: 'x' }])).toEqual([]);
    expect(check([{ path: 'content/events/2026/.draft.md', text: 'x' }])).toEqual([
      'E content/events/2026/.draft.md 以点开头的文件或文件夹不会发布，请删除它或改名 / files and folders starting with a dot are not published: delete or rename it',
    ]);
  });

  it('a symlink is refused; a file of exactly 64 KB is read, one byte more is refused', () => {
    expect(check([{ path: AT, text: '', symlink: true }])).toEqual([`E ${AT} 不接受符号链接，请提交普通文件 / symbolic links are not accepted: commit a regular file`]);
    const sized = (n: number) => md(PLAIN, 'x'.repeat(n - Buffer.byteLength(md(PLAIN, ''))));
    expect(Buffer.byteLength(sized(MAX_FILE_BYTES))).toBe(MAX_FILE_BYTES);
    expect(check([{ path: AT, text: sized(MAX_FILE_BYTES) }])).toEqual([]);
    expect(check([{ path: AT, text: sized(MAX_FILE_BYTES + 1) }])).toEqual([`E ${AT} 文件太大（64 KB），单个文件不能超过 64 KB，请精简描述 / file too large (limit 64 KB)`]);
  });

  it('a file that is not a mapping, or is broken YAML; an empty one is a mapping with nothing in it', () => {
    expect(check([{ path: 'content/organizers/a.yaml', text: '- a\n- b\n' }, { path: 'content/organizers/b.yaml', text: 'just text\n' }, { path: 'content/organizers/e.yaml', text: 'name: [\n' }])).toEqual([
      'E content/organizers/a.yaml:1 内容应该是“字段: 值”的列表 / expected a mapping of fields',
      'E content/organizers/b.yaml:1 内容应该是“字段: 值”的列表 / expected a mapping of fields',
      'E content/organizers/e.yaml:2 YAML 格式错误：请检查缩进、冒号后的空格和引号是否成对 / YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(check([{ path: 'content/organizers/d.yaml', text: '' }])[0]).toBe('E content/organizers/d.yaml:1 name: 缺少必填字段，请补上 / required field is missing');
  });

  it('two files with one id (.yaml and .yml) are refused; the content folder may end in slashes', () => {
    expect(check([{ path: 'content/organizers/test-red-cross.yml', text: 'name: 另一个\ntype: other\n' }])).toEqual([
      'E content/organizers/test-red-cross.yml 文件名重复：content/organizers/test-red-cross.yaml 已经用了“test-red-cross”，网址会冲突，请换一个文件名 / duplicate id, also used by content/organizers/test-red-cross.yaml',
    ]);
    expect(validateContent(base(), 'content//').content.events).toHaveLength(5);
    // Files come in any order; the first by path keeps the id.
    expect(check([], 'content', [...base()].reverse().concat({ path: 'content/organizers/test-red-cross.yml', text: 'name: 另一个\ntype: other\n' }))[0]).toMatch(/^E content\/organizers\/test-red-cross\.yml 文件名重复/);
  });
});

describe('events', () => {
  it('years from 2000 to 2100, in their year’s folder', () => {
    const on = (day: string, path = `content/events/${day.slice(0, 4)}/${day}-a.md`) => ({ path, text: md(PLAIN.replace(/2026-09-12/g, day)) });
    expect(check([on('2000-01-01'), on('2100-12-31')])).toEqual([]);
    expect(check([on('1999-12-31'), on('2101-01-01')])).toEqual([
      'E content/events/1999/1999-12-31-a.md:3 start: 年份 1999 不在 2000–2100 之间，请检查 / year out of range',
      'E content/events/1999/1999-12-31-a.md:4 end: 年份 1999 不在 2000–2100 之间，请检查 / year out of range',
      'E content/events/2101/2101-01-01-a.md:3 start: 年份 2101 不在 2000–2100 之间，请检查 / year out of range',
      'E content/events/2101/2101-01-01-a.md:4 end: 年份 2101 不在 2000–2100 之间，请检查 / year out of range',
    ]);
    expect(check([on('2026-09-12', 'content/events/2026-09-12-a.md'), on('2026-09-13', 'content/events/2026/sub/2026-09-13-b.md')])).toEqual([
      'E content/events/2026-09-12-a.md:3 start: 文件应放在 content/events/2026/ 文件夹里（按开始年份）/ the file belongs in content/events/2026/',
      'E content/events/2026/sub/2026-09-13-b.md:3 start: 文件应放在 content/events/2026/ 文件夹里（按开始年份）/ the file belongs in content/events/2026/',
    ]);
  });

  it('an end with a time after a start with one; an end equal to the start is fine', () => {
    expect(check([{ path: AT, text: md(PLAIN.replace('end: 2026-09-12T16:00', 'end: 2026-09-13')) }])).toEqual([
      `E ${AT}:4 end: 开始写了时间，结束也要写时间，例如 2026-09-12T17:00 / start has a time, so end needs one too`,
    ]);
    expect(check([{ path: AT, text: md(PLAIN.replace('end: 2026-09-12T16:00', 'end: 2026-09-12T14:00')) }])).toEqual([]);
  });

  it('calls and deadlines need no place', () => {
    expect(check([{ path: AT, text: md(PLAIN.replace('venue: test-science-center', 'kind: call')) }])).toEqual([]);
  });

  it('a recurrence rule: no DTSTART or line breaks, a FREQ, the RRULE: prefix allowed', () => {
    const at = (day: string, rule: string) => ({ path: `content/events/2026/${day}-a.md`, text: md(`${PLAIN.replace(/2026-09-12/g, day)}\nrrule: "${rule}"`) });
    expect(check([at('2026-09-12', 'DTSTART:20260912\\nFREQ=WEEKLY'), at('2026-09-13', 'RRULE:FREQ=WEEKLY;COUNT=4'), at('2026-09-14', 'COUNT=4'), at('2026-09-15', 'FREQ=SOMETIMES')])).toEqual([
      'E content/events/2026/2026-09-12-a.md:7 rrule: 不能包含换行或控制字符，请写成一行 / must be one line without control characters',
      'E content/events/2026/2026-09-12-a.md:7 rrule: 只写规则本身，不写 DTSTART/TZID，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA / write the rule only, without DTSTART or TZID',
      'E content/events/2026/2026-09-14-a.md:7 rrule: 重复规则写得不对（COUNT=4），例如 FREQ=WEEKLY;COUNT=4 / invalid RRULE',
      'E content/events/2026/2026-09-15-a.md:7 rrule: 重复规则写得不对（FREQ=SOMETIMES），例如 FREQ=WEEKLY;COUNT=4 / invalid RRULE',
    ]);
  });

  it('a changed status wants `updated`, a postponement its previous start (warnings)', () => {
    expect(check([{ path: AT, text: md(`${PLAIN}\nstatus: postponed`) }, { path: 'content/events/2026/2026-09-13-b.md', text: md(`${PLAIN.replace(/2026-09-12/g, '2026-09-13')}\nstatus: cancelled\nupdated: 2026-09-01T10:00`) }])).toEqual([
      `W ${AT}:7 previousStart: [提醒 / warning] 延期的活动请写 previousStart（原定开始时间）/ postponed events should state previousStart`,
      `W ${AT}:7 updated: [提醒 / warning] 状态改变时请写 updated（修改时间），日历订阅才会更新 / set updated when the status changes`,
    ]);
  });

  it('co-organizers, campaigns, audiences, formats and regions are looked up; each value once', () => {
    const r = validateContent([...base(), { path: AT, text: md(`${PLAIN}\ncoOrganizers: [test-red-cros, test-red-cross]\ncampaign: world-first-aid-day\naudiences: [公从, 公众, public]\nformats: [讲坐]\nregion: "110199"`) }], 'content');
    expect(r.errors.map(formatError)).toEqual([
      `${AT}:7 coOrganizers: 找不到协办单位“test-red-cros”：content/organizers/ 里没有这个文件，请先添加它或改正编号 / unknown organizer "test-red-cros" （您是不是要写“test-red-cross”？/ did you mean test-red-cross?）`,
      `${AT}:8 campaign: “world-first-aid-day”不是活动季（kind: campaign），相关纪念日请写在 observance 字段 / not a campaign: use observance instead`,
      `${AT}:9 audiences: “公从”不在面向人群词表里，请从 content/vocab/audiences.yaml 中选择 / "公从" is not in the audiences vocabulary （您是不是要写“公众”？/ did you mean 公众?）`,
      `${AT}:10 formats: “讲坐”不在形式词表里，请从 content/vocab/formats.yaml 中选择 / "讲坐" is not in the formats vocabulary （您是不是要写“讲座”？/ did you mean 讲座?）`,
      `${AT}:11 region: “110199”不在地区词表里，请从 content/vocab/regions.yaml 中选择 / "110199" is not in the regions vocabulary （可选：全国、北京市、东城区、西城区、朝阳区、丰台区、石景山区、海淀区、门头沟区、房山区、通州区、顺义区…）`,
    ]);
    expect(r.content.events.find((e) => e.id === '2026-09-12-a')).toMatchObject({ audiences: ['public'], regionId: '110105' });
  });

  it('a campaign that is one, or unknown; the region comes from the event, else its venue, else its organizer', () => {
    expect(check([{ path: AT, text: md(`${PLAIN}\ncampaign: national-science-month`) }])).toEqual([]);
    expect(check([{ path: AT, text: md(`${PLAIN}\ncampaign: no-such`) }])).toEqual([
      `E ${AT}:7 campaign: 找不到活动季“no-such”：content/observances/ 里没有这个文件，请先添加它或改正编号 / unknown observance "no-such"`,
    ]);
    const region = (fields: string) => validateContent([...base(), { path: AT, text: md(fields) }], 'content').content.events.find((e) => e.id === '2026-09-12-a')!;
    expect(region(PLAIN.replace('venue: test-science-center', 'region: "110000"'))).toMatchObject({ region: '110000', regionId: '110000' });
    expect(region(PLAIN)).toMatchObject({ region: undefined, regionId: '110105' });
    expect(region(PLAIN.replace('venue: test-science-center', 'online: https://live.example.org/').replace('test-science-society', 'test-red-cross'))).toMatchObject({ regionId: '110108' });
  });

  it('the same title (spacing and punctuation aside), day and organizer twice is an error', () => {
    expect(check([{ path: AT, text: md(PLAIN) }, { path: 'content/events/2026/2026-09-12-b.md', text: md(PLAIN.replace('测试讲座', '测试 讲座！')) }])).toEqual([
      'E content/events/2026/2026-09-12-b.md:1 title: 与 content/events/2026/2026-09-12-a.md 重复（同名、同一天、同一主办单位），请删除其中一个 / duplicate of content/events/2026/2026-09-12-a.md',
    ]);
  });

  it('control characters anywhere: list items, nested fields, keys', () => {
    expect(check([{ path: AT, text: md(`${PLAIN}\nkeywords: ["a\\u0007b"]\nregistration: { url: "https://x.org", note: "a\\u2066b" }`) }])).toEqual([
      `E ${AT}:7 keywords.0: 不能包含看不见的控制字符（U+0007），请删除它 / must not contain invisible control characters (U+0007)`,
      `E ${AT}:8 registration.note: 不能包含看不见的控制字符（U+2066），请删除它 / must not contain invisible control characters (U+2066)`,
    ]);
  });
});

describe('observances', () => {
  const at = (name: string, extra: string) => ({ path: `content/observances/${name}.md`, text: OBS(extra) });
  it('rules: yearly RRULEs only, written without DTSTART/TZID, with a FREQ', () => {
    expect(check([at('a', 'rule: { type: rrule, rrule: "FREQ=MONTHLY;BYMONTHDAY=1" }'), at('b', 'rule: { type: rrule, rrule: "RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=2SA" }'), at('c', 'rule: { type: rrule, rrule: "BYMONTH=9" }'), at('d', 'rule: { type: rrule, rrule: "TZID=Asia/Shanghai;FREQ=YEARLY" }')])).toEqual([
      'E content/observances/a.md:4 rule.rrule: 纪念日规则必须是 FREQ=YEARLY，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA / observance rules must be yearly',
      'E content/observances/c.md:4 rule.rrule: 重复规则写得不对（BYMONTH=9），例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA / invalid RRULE',
      'E content/observances/d.md:4 rule.rrule: 只写规则本身，不写 DTSTART/TZID，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA / write the rule only, without DTSTART or TZID',
    ]);
  });

  it('a whole month takes no days; an announced rule needs dates or the usual time', () => {
    expect(check([at('a', 'rule: { type: month, month: 9 }\ndays: 3'), at('m', 'rule: { type: month, month: 9 }')])).toEqual(['E content/observances/a.md:5 days: 整月规则不用写 days，请删掉这一行 / days is not used with a whole-month rule']);
    expect(check([at('a', 'rule: { type: announced }'), at('b', 'rule: { type: announced }\nusual: 每年5月'), at('c', 'rule: { type: announced }\ndates: { "2026": { start: 2026-05-17 } }')])).toEqual([
      'E content/observances/a.md:4 rule: 每年公布的纪念日要在 dates 里写已公布的日期，或在 usual 里写通常的时间 / announced rules need dates or usual',
    ]);
  });

  it('years: ended before established is wrong, the same year is fine; dates in their year, ends after starts', () => {
    expect(check([at('a', 'rule: { type: fixed, date: "06-06" }\nestablished: 2000\nendedYear: 1999'), at('b', 'rule: { type: fixed, date: "06-06" }\nestablished: 2000\nendedYear: 2000'), at('c', 'rule: { type: fixed, date: "06-06" }\nendedYear: 1999')])).toEqual([
      'E content/observances/a.md:6 endedYear: 停办年份早于设立年份 / endedYear is before established',
    ]);
    expect(check([at('a', 'rule: { type: announced }\ndates: { "2026": { start: 2027-05-17 }, "2025": { start: 2025-05-17, end: 2025-05-10 }, "2024": { start: 2024-05-17, end: 2024-05-17 } }')])).toEqual([
      'E content/observances/a.md:5 dates.2025.end: 结束日期早于开始日期（2025-05-10 < 2025-05-17），请改正 / end is before start',
      'E content/observances/a.md:5 dates.2026.start: 2026 年的日期应在 2026 年内（2027-05-17）/ date is not in year 2026',
    ]);
  });

  it('related observances and topics are looked up', () => {
    expect(check([at('a', 'rule: { type: fixed, date: "06-06" }\nrelated: [world-first-aid, eye-care-day]\ntopics: [卫生建康]')])).toEqual([
      'E content/observances/a.md:5 related: 找不到纪念日“world-first-aid”：content/observances/ 里没有这个文件，请先添加它或改正编号 / unknown observance "world-first-aid" （您是不是要写“world-first-aid-day”？/ did you mean world-first-aid-day?）',
      'E content/observances/a.md:6 topics: “卫生建康”不在主题词表里，请从 content/vocab/topics.yaml 中选择 / "卫生建康" is not in the topics vocabulary （您是不是要写“卫生健康”？/ did you mean 卫生健康?）',
    ]);
  });
});

describe('near duplicates', () => {
  const ev = (id: string, title: string, over: Partial<EventEntry> = {}) => event({ id, title, start: '2026-09-12T14:00', organizer: 'o', file: `${id}.md`, ...over });
  const warned = (list: EventEntry[]) => nearDuplicates(list).map((w) => `${w.file}:${w.line} ${w.field} ${w.severity}: ${w.message}`);

  it('titles one edit apart from 8 characters, two from 16, by the same organizer, venue or region, on the same day', () => {
    expect(warned([ev('a', 'ABCDEFGH'), ev('b', 'ABCDEFGX')])).toEqual(['b.md:1 title warning: 与 a.md 的活动名称几乎相同、又在同一天，是否重复提交？如是同一活动请删除一个 / near-duplicate of a.md']);
    expect(warned([ev('a', 'ABCDEFG'), ev('b', 'ABCDEFX')])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGH'), ev('b', 'ABCDEXYH')])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGHIJKLMNOP'), ev('b', 'ABCDEFGHIJKLMNXY')])).toHaveLength(1);
    expect(warned([ev('a', 'ABCDEFGHIJKLMNOP'), ev('b', 'ABCDEFGHIJKLMXYZ')])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGHIJKLMNOP'), ev('b', 'ABCDEFGHIJKLMN')])).toHaveLength(1);
    expect(warned([ev('a', 'ABCDEFGHIJKLMNOP'), ev('b', 'ABCDEFGHIJKLM')])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGH'), ev('b', 'ABCDEFGX', { start: '2026-09-13T14:00', startDate: '2026-09-13' })])).toEqual([]);
  });

  it('other organizers: only at the same venue or in the same region; exact twins of one organizer are the error’s', () => {
    expect(warned([ev('a', 'ABCDEFGH', { venue: 'v', regionId: 'r1' }), ev('b', 'ABCDEFGX', { organizer: 'p', venue: 'w', regionId: 'r2' })])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGH', { venue: 'v', regionId: 'r1' }), ev('b', 'ABCDEFGX', { organizer: 'p', venue: 'v', regionId: 'r2' })])).toHaveLength(1);
    expect(warned([ev('a', 'ABCDEFGH', { regionId: 'r1' }), ev('b', 'ABCDEFGX', { organizer: 'p', regionId: 'r1' })])).toHaveLength(1);
    expect(warned([ev('a', 'ABCDEFGH', { regionId: 'r1' }), ev('b', 'ABCDEFGX', { organizer: 'p', regionId: 'r2' })])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGH'), ev('b', 'abcdefgh!')])).toEqual([]);
    expect(warned([ev('a', 'ABCDEFGH', { regionId: 'r1' }), ev('b', 'ABCDEFGH', { organizer: 'p', regionId: 'r1' })])).toHaveLength(1);
  });

  it('days with more than 200 events are not compared pair by pair', () => {
    const day = (n: number) => [ev('a', 'ABCDEFGH'), ev('b', 'ABCDEFGX'), ...Array.from({ length: n - 2 }, (_, i) => ev(`x${i}`, `完全不同的标题${i}号`, { organizer: `o${i}`, regionId: `r${i}` }))];
    expect(warned(day(200))).toHaveLength(1);
    expect(warned(day(201))).toEqual([]);
  });
});

describe('did you mean', () => {
  it('the nearest candidate within half the longer length (at least one edit)', () => {
    expect(suggest('abc', [])).toBeUndefined();
    expect(suggest('abcd', ['abxy', 'zzzz'])).toBe('abxy');
    expect(suggest('abcd', ['axyz'])).toBeUndefined();
    expect(suggest('a', ['b'])).toBe('b');
    expect(suggest('ab', ['xy'])).toBeUndefined();
  });
});
