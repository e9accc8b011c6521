/**
 * Hostile corpus II (issue 17): files that passed the validator and then broke the build, the feeds
 * or the site's origin — unbounded recurrences, spans to 9999, invisible characters, look-alike
 * names, encodings other than UTF-8, files that were skipped in silence, hostile images. Every file
 * in tests/fixtures/hostile2/invalid/ is dropped into the small fixture site and must be refused
 * with its pinned message (file:line field: 中文 / English); cases that need raw bytes, several
 * files or a disk are built here. The build's own faults are in tests/site/build-faults.test.ts,
 * the importer's in tests/unit/import-limits.test.ts. README.md beside the fixtures counts verdicts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssets, readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { imageProblem } from '../../src/lib/content/image-check.ts';
import { type AssetFile, type SourceFile, validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const HOSTILE = join(ROOT, 'tests/fixtures/hostile2/invalid');
const base: SourceFile[] = readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({
  ...f,
  path: f.path.replace('tests/fixtures/site/', 'content/'),
}));
const target = (coll: string, name: string) => (coll === 'events' ? `content/events/2026/${name}` : `content/${coll}/${name}`);

/** Every message of the fixture site with `extra` added (replacing files of the same path). */
function messages(extra: SourceFile[], assets: AssetFile[] = []): string[] {
  const paths = new Set(extra.map((f) => f.path));
  const r = validateContent([...base.filter((f) => !paths.has(f.path)), ...extra], 'content', { assets });
  return [...r.errors, ...r.warnings].map(formatError);
}

/** file → [line, field, message] of every expected problem. */
const EXPECTED: Record<string, [number, string, string][]> = {
  'events/body-invisible-and-missing-images.md': [
    [7, 'body', '正文里有看不见的字符（U+200B 零宽空格 zero-width space），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+200B)'],
    [8, 'body', '正文里有看不见的字符（U+200F 从右到左标记 RLM），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+200F)'],
    [10, 'body', '找不到图片 /images/no-such-poster.png：public/images/no-such-poster.png 不存在，请把图片放进 public/images/ 或改正文件名 / image not found: public/images/no-such-poster.png'],
    [10, 'body', '找不到图片 /images/manual%20v2.pdf：public/images/manual v2.pdf 不存在，请把图片放进 public/images/ 或改正文件名 / image not found: public/images/manual v2.pdf'],
    [12, 'body', '找不到图片 /images/also-missing.jpg：public/images/also-missing.jpg 不存在，请把图片放进 public/images/ 或改正文件名 / image not found: public/images/also-missing.jpg'],
  ],
  'events/end-9999.md': [
    [6, 'end', '年份 9999 不在 2000–2100 之间，请检查 / year out of range'],
  ],
  'events/invisible-characters.md': [
    [2, 'title', '不能包含看不见的字符（U+200B 零宽空格 zero-width space），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+200B)'],
    [3, 'summary', '不能包含看不见的字符（U+200E 从左到右标记 LRM），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+200E)'],
    [4, 'address', '不能包含看不见的字符（U+2060 零宽不换行符 word joiner），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+2060)'],
    [5, 'note', '不能包含看不见的字符（U+00AD 软连字符 soft hyphen），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+00AD)'],
    [8, 'keywords.0', '不能包含看不见的字符（U+FEFF 零宽不换行空格 BOM），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+FEFF)'],
    [8, 'keywords.1', '不能包含看不见的字符（U+180E 蒙古文元音分隔符 Mongolian vowel separator），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+180E)'],
  ],
  'events/invisible-only-title.md': [
    [2, 'title', '不能包含看不见的字符（U+3164 韩文填充符 Hangul filler），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+3164)'],
    [3, 'summary', '不能为空 / must not be empty'],
  ],
  'events/other-dates-out-of-range.md': [
    [6, 'previousStart', '年份 1900 不在 2000–2100 之间，请检查 / year out of range'],
    [7, 'updated', '年份 3000 不在 2000–2100 之间，请检查 / year out of range'],
    [9, 'registration.deadline', '年份 2200 不在 2000–2100 之间，请检查 / year out of range'],
  ],
  'events/readme.md': [
    [1, '', '文件第一行必须是 ---，后面是 YAML 字段，再以 --- 结束 / the file must start with a --- front-matter block'],
  ],
  'events/rrule-byhour.md': [
    [6, 'rrule', '重复规则不能写 BYHOUR、BYMINUTE 或 BYSECOND：时间写在 start 里 / BYHOUR, BYMINUTE and BYSECOND are not accepted: the time is the start'],
  ],
  'events/rrule-count.md': [
    [6, 'rrule', 'COUNT 要在 1–366 之间（现在是 100000）/ COUNT must be 1–366'],
  ],
  'events/rrule-no-date.md': [
    [6, 'rrule', '这条重复规则找不到任何日期，请检查月份和日期 / this rule gives no date'],
  ],
  'events/rrule-secondly.md': [
    [6, 'rrule', '重复不能比每天更频繁（FREQ=SECONDLY），请用 DAILY、WEEKLY、MONTHLY 或 YEARLY / recurrence finer than daily is not accepted'],
  ],
  'events/rrule-unbounded.md': [
    [6, 'rrule', '重复次数太多（超过 366 次），请用 COUNT 或 UNTIL 限定，例如 FREQ=WEEKLY;COUNT=10 / more than 366 occurrences: bound the rule with COUNT or UNTIL'],
  ],
  'events/rrule-until-9999.md': [
    [6, 'rrule', 'UNTIL 的年份 9999 不在 2000–2100 之间 / UNTIL year out of range'],
  ],
  'events/seconds-out-of-range.md': [
    [3, 'start', '时间不对（14:00:99），小时 00–23，分钟 00–59，秒 00–59 / not a real time of day'],
    [4, 'end', '时间不对（16:00:60），小时 00–23，分钟 00–59，秒 00–59 / not a real time of day'],
  ],
  'events/sequence-overflow.md': [
    [6, 'sequence', '不能大于 2147483647 / must be at most 2147483647'],
  ],
  'events/span-400-days.md': [
    [6, 'end', '活动最长 366 天（这里是 400 天，到 2027-09-12 为止），长期项目请按阶段分成几个活动 / an event lasts at most 366 days'],
  ],
  'observances/dates-far-future.md': [
    [9, 'dates.2026.end', '年份 9999 不在 2000–2100 之间，请检查 / year out of range'],
    [10, 'dates.9999', '年份 9999 不在 2000–2100 之间，请检查 / year out of range'],
  ],
  'observances/rrule-every-day.md': [
    [4, 'rule.rrule', '纪念日规则每年只能有 1 天（这条规则在 2025 年有更多天），例如 9 月第二个星期六写 BYDAY=2SA / an observance rule must give one day a year'],
  ],
  'observances/rrule-heap-bomb.md': [
    [4, 'rule.rrule', '重复规则不能写 BYHOUR、BYMINUTE 或 BYSECOND：时间写在 start 里 / BYHOUR, BYMINUTE and BYSECOND are not accepted: the time is the start'],
  ],
  'observances/rrule-monthly.md': [
    [4, 'rule.rrule', '纪念日规则必须是 FREQ=YEARLY，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA / observance rules must be yearly'],
  ],
  'observances/rrule-no-day.md': [
    [4, 'rule.rrule', '这条纪念日规则找不到任何一天，请检查月份和日期 / this observance rule gives no day'],
  ],
  'organizers/twin-by-short-name.yaml': [
    [1, 'name', '单位名称“测试学会”与 content/organizers/test-science-society.yaml 的“测试学会”相同，导入表格和搜索会分不清，请写全称或加以区别 / the same name as content/organizers/test-science-society.yaml'],
    [2, 'shortName', '单位名称“测试市科普学会”与 content/organizers/test-science-society.yaml 的“测试市科普学会”相同，导入表格和搜索会分不清，请写全称或加以区别 / the same name as content/organizers/test-science-society.yaml'],
  ],
  'organizers/twin-of-science-society.yaml': [
    [1, 'name', '单位名称“测试市科普学会”与 content/organizers/test-science-society.yaml 的“测试市科普学会”相同，导入表格和搜索会分不清，请写全称或加以区别 / the same name as content/organizers/test-science-society.yaml'],
  ],
  'venues/twin-of-science-center.yaml': [
    [1, 'name', '场馆名称“测试科学中心”与 content/venues/test-science-center.yaml 的“测试科学中心”相同，导入表格和搜索会分不清，请写全称或加以区别 / the same name as content/venues/test-science-center.yaml'],
  ],};

const corpus = readdirSync(HOSTILE).flatMap((coll) => readdirSync(join(HOSTILE, coll)).map((name) => `${coll}/${name}`));

describe('hostile corpus II: the validator refuses every file, naming file, line, field and fix', () => {
  it('the base site is valid and every fixture has pinned messages', () => {
    expect(messages([])).toEqual([]);
    expect(corpus.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const rel of Object.keys(EXPECTED)) {
    it(rel, () => {
      const [coll, name] = rel.split('/') as [string, string];
      const at = target(coll, name);
      const want = EXPECTED[rel]!.map(([line, field, message]) => `${at}${line ? `:${line}` : ''}${field ? ` ${field}:` : ''} ${message}`);
      expect(messages([{ path: at, text: readFileSync(join(HOSTILE, rel), 'utf8') }])).toEqual(want);
    });
  }
});

describe('hostile bytes and trees that cannot live in a fixture file', () => {
  const event = (front: string, body = '一段介绍。') =>
    `---\ntitle: 测试讲座\nstart: 2026-09-12T14:00\norganizer: test-science-society\nvenue: test-science-center\n${front}---\n${body}\n`;

  /** A content tree on disk: the fixture site plus `files` (bytes), read as the validator reads it. */
  function onDisk(files: Record<string, Buffer | string>, special?: (dir: string) => void): string[] {
    const top = join(tmpdir(), `kepu-hostile2-${process.pid}`);
    const dir = join(top, 'content');
    rmSync(top, { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/site'), dir, { recursive: true });
    for (const [rel, bytes] of Object.entries(files)) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), bytes);
    }
    special?.(dir);
    try {
      const r = validateContent(readContentFiles(dir, top), 'content');
      return [...r.errors, ...r.warnings].map(formatError);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  }
  // 测试讲座 in GBK, and a UTF-8 file into which one GBK line was pasted.
  const GBK_TITLE = Buffer.from('b2e2cad4bdb2d7f9', 'hex');
  const utf8 = (s: string) => Buffer.from(s, 'utf8');

  it('a GBK-saved event file names the encoding and the line of its first GBK byte', () => {
    const file = Buffer.concat([utf8('---\ntitle: '), GBK_TITLE, utf8('\nstart: 2026-09-12T14:00\n---\n')]);
    expect(onDisk({ 'events/2026/gbk.md': file })).toEqual([
      'content/events/2026/gbk.md:2 文件不是 UTF-8 编码（看起来是 GBK/GB18030），请在编辑器里选择“UTF-8”重新保存 / the file is not UTF-8 (it looks like GBK/GB18030): save it as UTF-8',
    ]);
  });

  it('one GBK line pasted into a UTF-8 file is named as such, at its line', () => {
    const file = Buffer.concat([utf8(event('summary: 简介\n').replace('一段介绍。', '第一段。\n')), GBK_TITLE, utf8('\n')]);
    expect(onDisk({ 'events/2026/mixed.md': file })).toEqual([
      'content/events/2026/mixed.md:10 这一行不是 UTF-8 编码（文件其余部分是 UTF-8，这里像是从 GBK/GB18030 文档粘贴的），请重新输入这一行并用 UTF-8 保存 / this line is not UTF-8 (it looks like GBK/GB18030 pasted into a UTF-8 file)',
    ]);
  });

  it('UTF-16 files, with or without a byte-order mark, name UTF-16', () => {
    const text = event('');
    expect(onDisk({ 'events/2026/utf16-bom.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'organizers/utf16.yaml': Buffer.from('name: 测试\ntype: society\n', 'utf16le') })).toEqual([
      'content/events/2026/utf16-bom.md:1 文件不是 UTF-8 编码（看起来是 UTF-16LE），请在编辑器里选择“UTF-8”重新保存 / the file is not UTF-8 (it looks like UTF-16LE): save it as UTF-8',
      'content/organizers/utf16.yaml:1 文件不是 UTF-8 编码（看起来是 UTF-16LE），请在编辑器里选择“UTF-8”重新保存 / the file is not UTF-8 (it looks like UTF-16LE): save it as UTF-8',
    ]);
  });

  it('NUL and ESC in a YAML comment are refused on their line', () => {
    const file = event('# 注释里有 \u0000 和 \u001b[2J\nsummary: 简介 # 行尾注释 \u0007\n');
    expect(onDisk({ 'events/2026/comment-controls.md': file })).toEqual([
      'content/events/2026/comment-controls.md:6 不能包含看不见的控制字符（U+0000），请删除它 / must not contain invisible control characters (U+0000)',
      'content/events/2026/comment-controls.md:7 不能包含看不见的控制字符（U+0007），请删除它 / must not contain invisible control characters (U+0007)',
    ]);
  });

  it('no file is skipped in silence: dot files and folders, a readme among the events, a FIFO', () => {
    const out = onDisk({ 'events/2026/.draft.md': event(''), 'events/.old/2026-01-01-x.md': event(''), 'events/2026/README.md': '# 说明\n' }, (dir) =>
      execFileSync('mkfifo', [join(dir, 'events/2026/pipe.md')]),
    );
    expect(out).toEqual([
      'content/events/.old 以点开头的文件或文件夹不会发布，请删除它或改名 / files and folders starting with a dot are not published: delete or rename it',
      'content/events/2026/.draft.md 以点开头的文件或文件夹不会发布，请删除它或改名 / files and folders starting with a dot are not published: delete or rename it',
      'content/events/2026/README.md 文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training.md / file name must use a-z, 0-9 and hyphens',
      'content/events/2026/pipe.md 不是普通文件（管道、设备等），请提交普通文件 / not a regular file',
    ]);
  });

  it('exactly one file per vocabulary: a second topics file, or one in a subfolder, is refused', () => {
    const topics = readFileSync(join(ROOT, 'tests/fixtures/site/vocab/topics.yaml'));
    expect(onDisk({ 'vocab/topics.yml': topics, 'vocab/extra/topics.yaml': '- { id: evil, label: 邪恶 }\n' })).toEqual([
      'content/vocab/extra/topics.yaml 词表文件只能直接放在 content/vocab/ 里，子文件夹里的不会被使用，请删除它 / vocabulary files belong directly in content/vocab/',
      'content/vocab/topics.yml 词表“topics”已经在 content/vocab/topics.yaml 里，每个词表只能有一个文件，请合并后删除这个 / only one file per vocabulary: content/vocab/topics.yaml already defines topics',
    ]);
  });

  it('a missing or misspelt CONTENT_DIR is an error, not an empty valid site', () => {
    const r = validateContent([{ path: 'contnet', text: '', unreadable: 'ENOENT' }], 'contnet');
    expect(r.errors.map(formatError)).toEqual(['contnet 找不到内容文件夹（ENOENT），请检查 CONTENT_DIR 或路径 / content folder not found or unreadable']);
  });

  // A zero-width space is refused outright; a zero-width joiner (emoji need it) is allowed, and ignored when comparing.
  it('duplicates are found through NFC/NFD and zero-width differences', () => {
    const at = (n: string) => `content/events/2026/${n}.md`;
    const title = (t: string) => event('').replace('title: 测试讲座', `title: "${t}"`);
    expect(messages([
      { path: at('a-nfc'), text: title('Café 科学讲座') },
      { path: at('b-nfd'), text: title('Cafe\u0301 科学讲座') },
      { path: at('c-zwj'), text: title('Café\\u200d 科学讲座') },
    ])).toEqual([
      'content/events/2026/b-nfd.md:1 title: 与 content/events/2026/a-nfc.md 重复（同名、同一天、同一主办单位），请删除其中一个 / duplicate of content/events/2026/a-nfc.md',
      'content/events/2026/c-zwj.md:1 title: 与 content/events/2026/a-nfc.md 重复（同名、同一天、同一主办单位），请删除其中一个 / duplicate of content/events/2026/a-nfc.md',
    ]);
  });
});

describe('images in public/ are content too', () => {
  const IMAGES = join(ROOT, 'tests/fixtures/hostile2/images');
  const NOT_PLAIN = (what: string) => `SVG 里不能有脚本或外部引用（${what}），只接受纯图形；请导出为 PNG，或在编辑器里去掉它 / SVG images must be plain drawings: no scripts, event handlers or external references`;

  /** The fixture images as public/images/*, validated with the fixture site. */
  function withImages(extra: SourceFile[] = []): string[] {
    const top = join(tmpdir(), `kepu-images-${process.pid}`);
    rmSync(top, { recursive: true, force: true });
    cpSync(IMAGES, join(top, 'public/images'), { recursive: true });
    cpSync(join(ROOT, 'public/favicon.svg'), join(top, 'public/favicon.svg'));
    try {
      return messages(extra, readAssets(join(top, 'public'), top));
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  }

  it('hostile SVGs and false or oversized rasters are refused; plain SVG, a real PNG and the favicon pass', () => {
    expect(withImages()).toEqual([
      `public/images/animate-href.svg:2 ${NOT_PLAIN('javascript:')}`,
      `public/images/entity.svg:2 ${NOT_PLAIN('DOCTYPE/ENTITY')}`,
      `public/images/external-href.svg:2 ${NOT_PLAIN('外部链接 href / an external href')}`,
      'public/images/fake.png 文件内容不是 PNG 图片（扩展名与内容不符）/ the file is not a PNG image',
      `public/images/foreign-object.svg:2 ${NOT_PLAIN('<foreignObject>')}`,
      'public/images/huge-dimensions.png 图片尺寸太大（100000×100000），每边不能超过 10000 像素 / image larger than 10000 px a side',
      `public/images/onload.svg:2 ${NOT_PLAIN('事件属性 on…= / an event handler')}`,
      `public/images/script.svg:3 ${NOT_PLAIN('<script>')}`,
    ]);
  });

  it('images a description points at must exist in public/images/', () => {
    const at = 'content/events/2026/poster.md';
    const text = `---\ntitle: 海报讲座\nstart: 2026-09-12T14:00\norganizer: test-science-society\nvenue: test-science-center\n---\n![海报](/images/small.png)\n\n![不存在](/images/missing.png)\n`;
    expect(withImages([{ path: at, text }]).filter((m) => m.startsWith(at))).toEqual([
      `${at}:9 body: 找不到图片 /images/missing.png：public/images/missing.png 不存在，请把图片放进 public/images/ 或改正文件名 / image not found: public/images/missing.png`,
    ]);
  });

  it('size: more than 2 MB is refused before anything else, and public/images/ holds only images', () => {
    expect(imageProblem('images/big.png', { length: 3 * 1024 * 1024 } as Uint8Array)?.message).toBe('图片太大（3072 KB），不能超过 2 MB，请压缩后再提交 / image too large (limit 2 MB)');
    expect(imageProblem('images/page.html', new Uint8Array(10))?.message).toBe('public/images/ 里只能放图片（.png .jpg .jpeg .gif .webp .avif .ico .svg）/ only images belong in public/images/');
  });
});
