/**
 * npm run new: the pure builder (file text, path, pinyin slug), the field checks the prompts use,
 * and the non-interactive command end to end against a copy of the small fixture tree
 * (tests/fixtures/import/content). The file text is pinned: it is what contributors will edit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { buildEntry, checkField, checkNewFiles, entryText, takenIds } from '../../src/lib/import/scaffold.ts';
import { ENUM_LABELS } from '../../src/lib/labels.ts';
import { EVENT_KINDS, EVENT_STATUSES, LEVELS, OBSERVANCE_KINDS, ORGANIZER_TYPES, VENUE_TYPES } from '../../src/lib/content/schema.ts';
import { slugify, uniqueId } from '../../src/lib/slug.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/import/content');
const DIR = 'tests/fixtures/import/content';
const existing = readContentFiles(FIXTURE, ROOT);

describe('slugify', () => {
  it.each([
    ['世界急救日公益培训：心肺复苏与AED使用', 'shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su'],
    ['银行里的科学', 'yin-hang-li-de-ke-xue'],
    ['重阳节登高', 'chong-yang-jie-deng-gao'],
    ['“典赞·科普中国”2026', 'dian-zan-ke-pu-zhong-guo-2026'],
    ['Ｓｃｉｅｎｃｅ Ｄａｙ', 'science-day'],
    ['Café Scientifique!', 'cafe-scientifique'],
    ['！？', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long slugs at a hyphen, never inside a syllable', () => {
    const s = slugify('全国科普月北京市海淀区科学技术协会主场活动暨青少年科学素质提升系列讲座');
    expect(s.length).toBeLessThanOrEqual(48);
    expect(s).toBe('quan-guo-ke-pu-yue-bei-jing-shi-hai-dian-qu-ke');
  });

  it('adds -2, -3 … when the id is taken', () => {
    expect(uniqueId('a', new Set())).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('buildEntry', () => {
  it('writes an event the way the contributor guide shows it, in the start year folder', () => {
    const taken = takenIds(existing, DIR, 'events');
    const f = buildEntry(
      'events',
      {
        title: '世界急救日公益培训：心肺复苏与AED使用',
        kind: 'activity',
        start: '2026-09-12T14:00',
        end: '2026-09-12T16:30',
        timezone: 'Asia/Shanghai',
        organizer: 'example-society',
        coOrganizers: [],
        venue: 'example-science-hall',
        topics: ['卫生健康', '应急'],
        audiences: ['公众', '老年人'],
        formats: [],
        registration: { url: 'https://www.example.org/signup', required: true, capacity: 40, fee: 0 },
        status: 'scheduled',
        summary: '  ',
      },
      { contentDir: DIR, taken, body: '第一段。\r\n\r\n第二段。' },
    );
    expect(f.id).toBe('2026-09-12-shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su');
    expect(f.path).toBe(`${DIR}/events/2026/2026-09-12-shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su.md`);
    expect(f.text).toBe(`---
title: 世界急救日公益培训：心肺复苏与AED使用
start: 2026-09-12T14:00
end: 2026-09-12T16:30
organizer: example-society
venue: example-science-hall
topics: [卫生健康, 应急]
audiences: [公众, 老年人]
registration:
  url: https://www.example.org/signup
  required: true
  capacity: 40
  fee: 0
status: scheduled
---

第一段。

第二段。
`);
    expect(checkNewFiles(existing, [f], DIR).errors.map(formatError)).toEqual([]);
    expect(taken.has(f.id)).toBe(true);
  });

  it('uses the English title for the slug when there is one, and quotes what YAML would misread', () => {
    const f = buildEntry(
      'events',
      { title: '观星: 夜空 #1', titleEn: 'Stargazing night', start: '2026-10-03', organizer: 'example-society', region: '110108', status: 'scheduled' },
      { contentDir: DIR, taken: new Set(['2026-10-03-stargazing-night']) },
    );
    expect(f.path).toBe(`${DIR}/events/2026/2026-10-03-stargazing-night-2.md`);
    expect(f.text).toContain('title: "观星: 夜空 #1"\n');
    expect(f.text).toContain('region: "110108"\n');
    expect(checkNewFiles(existing, [f], DIR).errors.map(formatError)).toEqual([]);
  });

  it('writes organizers as plain YAML with a source comment', () => {
    const f = buildEntry(
      'organizers',
      { name: '示例天文学会', shortName: '示例天文会', type: 'society', region: '110108', aliases: [] },
      { contentDir: DIR, taken: takenIds(existing, DIR, 'organizers'), comment: '来源：测试' },
    );
    expect(f.path).toBe(`${DIR}/organizers/shi-li-tian-wen-xue-hui.yaml`);
    expect(f.text).toBe('# 来源：测试\nname: 示例天文学会\nshortName: 示例天文会\ntype: society\nregion: "110108"\n');
    expect(checkNewFiles(existing, [f], DIR).errors).toEqual([]);
  });

  it('reports problems of the new file only, with file:line, as npm run validate would', () => {
    const text = entryText('events', { title: '测试', start: '2026-09-12', organizer: 'nobody', address: '某地', topics: ['卫生建康'] });
    const path = `${DIR}/events/2026/2026-09-12-ce-shi.md`;
    expect(checkNewFiles(existing, [{ path, text }], DIR).errors.map(formatError)).toEqual([
      `${path}:4 organizer: 找不到主办单位“nobody”：content/organizers/ 里没有这个文件，请先添加它或改正编号 / unknown organizer "nobody"`,
      `${path}:6 topics: “卫生建康”不在主题词表里，请从 content/vocab/topics.yaml 中选择 / "卫生建康" is not in the topics vocabulary （您是不是要写“卫生健康”？/ did you mean 卫生健康?）`,
    ]);
  });
});

describe('checkField (what each prompt answer is checked with)', () => {
  it('uses the schema field validators and their bilingual messages', () => {
    expect(checkField('events', 'title', '世界急救日')).toBeUndefined();
    expect(checkField('events', 'title', '第一行\n第二行')).toBe('不能包含换行或控制字符，请写成一行 / must be one line without control characters');
    expect(checkField('events', 'start', '2026-02-30')).toBe('没有这一天（2026-02-30），请检查月份和日期 / not a real calendar date');
    expect(checkField('events', 'online', 'javascript:alert(1)')).toBe('只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted');
    expect(checkField('observances', 'established', 1799)).toBe('不能小于 1800 / must be at least 1800');
  });

  it('has a Chinese label for every enum value the prompts offer', () => {
    expect(Object.keys(ENUM_LABELS.eventKind)).toEqual([...EVENT_KINDS]);
    expect(Object.keys(ENUM_LABELS.eventStatus)).toEqual([...EVENT_STATUSES]);
    expect(Object.keys(ENUM_LABELS.organizerType)).toEqual([...ORGANIZER_TYPES]);
    expect(Object.keys(ENUM_LABELS.venueType)).toEqual([...VENUE_TYPES]);
    expect(Object.keys(ENUM_LABELS.observanceKind)).toEqual([...OBSERVANCE_KINDS]);
    expect(Object.keys(ENUM_LABELS.level)).toEqual([...LEVELS]);
  });
});

describe('npm run new (non-interactive)', { timeout: 60_000 }, () => {
  let tmp = '';
  const copy = () => {
    mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
    tmp = mkdtempSync(join(ROOT, 'tests/.tmp/new-'));
    cpSync(FIXTURE, join(tmp, 'content'), { recursive: true });
    return relative(ROOT, join(tmp, 'content'));
  };
  const run = (dir: string, args: string[]) =>
    spawnSync(process.execPath, ['scripts/new.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir, NO_COLOR: '1' } });
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('writes a valid event from flags, matching organizer and venue by name', () => {
    const dir = copy();
    const r = run(dir, [
      'event', '--title', '世界急救日公益培训：心肺复苏与AED使用', '--start', '2026/9/12 下午2:00', '--end', '16:30',
      '--organizer', '示例学会', '--venue', '示例馆', '--topics', '卫生健康,应急', '--audiences', '公众、老年人', '--yes',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const path = `${dir}/events/2026/2026-09-12-shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su.md`;
    expect(r.stdout).toContain(`✓ ${path}`);
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(`---
title: 世界急救日公益培训：心肺复苏与AED使用
start: 2026-09-12T14:00
end: 2026-09-12T16:30
organizer: example-society
venue: example-science-hall
topics: [卫生健康, 应急]
audiences: [公众, 老年人]
status: scheduled
---
`);
    const after = validateContent(readContentFiles(join(ROOT, dir), ROOT), dir);
    expect(after.errors.map(formatError)).toEqual([]);
    expect(after.content.events).toHaveLength(2);
  });

  it('writes organizers, venues and observances', () => {
    const dir = copy();
    expect(run(dir, ['organizer', '--name', '示例天文学会', '--type', 'society', '--region', '海淀区', '--yes']).status).toBe(0);
    expect(run(dir, ['venue', '--name', '示例天文台', '--type', 'research', '--region', '朝阳区', '--id', 'example-observatory', '--yes']).status).toBe(0);
    const o = run(dir, [
      'observance', '--name', '示例观测日', '--kind', 'day', '--rule', 'fixed', '--date', '10-01', '--authority', '示例机构',
      '--level', 'national', '--source-title', '测试用虚构文件', '--verified', 'false', '--note', '测试用', '--description', '测试用历史背景。', '--yes',
    ]);
    expect(o.stderr).toBe('');
    expect(readFileSync(join(ROOT, dir, 'venues/example-observatory.yaml'), 'utf8')).toBe('name: 示例天文台\ntype: research\nregion: "110105"\n');
    expect(existsSync(join(ROOT, dir, 'organizers/shi-li-tian-wen-xue-hui.yaml'))).toBe(true);
    expect(readFileSync(join(ROOT, dir, 'observances/shi-li-guan-ce-ri.md'), 'utf8')).toContain('rule:\n  type: fixed\n  date: 10-01\n');
    expect(validateContent(readContentFiles(join(ROOT, dir), ROOT), dir).errors.map(formatError)).toEqual([]);
  });

  it('refuses mistakes with every message at once and writes nothing', () => {
    const dir = copy();
    const before = readContentFiles(join(ROOT, dir), ROOT).length;
    const r = run(dir, ['event', '--title', '测试', '--start', '2026-09-31', '--organizer', '示列科普学会', '--address', '某地', '--online', 'javascript:x', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      '✗ --organizer: 找不到主办单位“示列科普学会”：请写 content/organizers/ 里已有单位的名称或编号，新单位请先用 npm run new -- organizer 添加（您是不是要写“示例科普学会”（example-society）？） / unknown organizer "示列科普学会": add it first with npm run new -- organizer (did you mean example-society?)',
      '✗ --start: 没有这一天（2026-09-31），请检查月份和日期 / not a real calendar date',
      '✗ --online: 只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted',
      '没有写入文件 / nothing written',
    ]);
    expect(readContentFiles(join(ROOT, dir), ROOT)).toHaveLength(before);
  });

  it('refuses an event that already exists, and names the file', () => {
    const dir = copy();
    const r = run(dir, ['event', '--title', '已有的天文讲座', '--start', '2026-09-12 10:00', '--organizer', 'example-society', '--venue', '示例科学馆', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`已经有这个活动：${dir}/events/2026/2026-09-12-existing-astronomy-lecture.md`);
  });

  it('--dry-run prints the file and writes nothing; missing flags are named', () => {
    const dir = copy();
    const before = readContentFiles(join(ROOT, dir), ROOT).length;
    const r = run(dir, ['event', '--kind', '征集', '--title', '示例作品征集', '--start', '2026-10-01', '--end', '2026-10-31', '--organizer', '示例学会', '--dry-run', '--yes']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kind: call\n');
    expect(r.stdout).toContain('演练模式，没有写入文件 / dry run, nothing written');
    expect(readContentFiles(join(ROOT, dir), ROOT)).toHaveLength(before);
    const m = run(dir, ['event', '--title', '只有标题', '--yes']);
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('✗ 缺少参数 / missing: --start、--organizer、--venue 或 --address 或 --online 或 --region');
  });
});

describe('the example in CONTRIBUTING.md (way 1: copy it in the GitHub web editor)', () => {
  it('is a valid event in the real content tree', () => {
    const md = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const block = /```markdown\n([\s\S]*?)```/.exec(md)![1]!.replace(/^ {3}/gm, '');
    const real = readContentFiles(join(ROOT, 'content'), ROOT);
    const path = 'content/events/2026/2026-09-12-contributing-example.md';
    expect(checkNewFiles(real, [{ path, text: block }], 'content').errors.map(formatError)).toEqual([]);
  });
});
