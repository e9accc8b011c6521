/**
 * npm run pull against recorded feeds served by a local HTTP server (node:http) — never the
 * internet. A calendar pulled twice, before and after changes at the source (tests/fixtures/pull/
 * calendar-v1.ics → calendar-v2.ics), gives exactly the expected new, updated and cancelled files,
 * with stable file names (so calendar UIDs), provenance and the pull request's summary. Also: a
 * person's edit is a conflict and is never overwritten; an empty feed cancels nothing; a web page
 * with schema.org Event JSON-LD; and every broken source (404, a login page instead of a calendar,
 * unparseable, huge, endless, too slow, nobody listening) is one line while the others go on.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { eventUid, sequenceOf } from '../../src/lib/ical/ical.ts';
import { editedSincePull, pulledText, withoutHash } from '../../src/lib/pull/compare.ts';
import { readFeed } from '../../src/lib/pull/feed.ts';
import { planPull } from '../../src/lib/pull/plan.ts';
import { fileHash } from '../../src/lib/pull/pull-fs.ts';
import { checkSources } from '../../src/lib/pull/sources.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/pull');
const run = promisify(execFile);

// ------------------------------------------------------------------------------------------------
// The recorded feeds, served locally
// ------------------------------------------------------------------------------------------------

let server: Server;
let base = '';
/** What /calendar.ics serves now: the organizer's calendar "before" or "after". */
let calendar = 'calendar-v1.ics';
let closedPort = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/calendar.ics') return send(200, 'text/calendar; charset=utf-8', readFileSync(join(FIX, calendar)));
    if (path === '/page.html') return send(200, 'text/html; charset=utf-8', readFileSync(join(FIX, 'events-page.html')));
    if (path === '/login.ics') return send(200, 'text/html; charset=utf-8', readFileSync(join(FIX, 'not-a-calendar.html')));
    if (path === '/malformed.ics') return send(200, 'text/calendar', readFileSync(join(FIX, 'malformed.ics')));
    if (path === '/huge.ics') return send(200, 'text/calendar', 'BEGIN:VCALENDAR\r\n' + 'X-PADDING:0123456789abcdef\r\n'.repeat(80_000) + 'END:VCALENDAR\r\n');
    if (path === '/endless.ics') {
      // A feed that never ends: chunks until the client hangs up.
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      const timer = setInterval(() => res.write('X-MORE:' + 'x'.repeat(16_000) + '\r\n'), 5);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/slow.ics') {
      // Headers, then nothing: the pull's timeout must end it.
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      return;
    }
    send(404, 'text/html', '<h1>404</h1>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: open one, note it, close it.
  const spare = createServer();
  await new Promise<void>((done) => spare.listen(0, '127.0.0.1', done));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise<void>((done) => spare.close(() => done()));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

// ------------------------------------------------------------------------------------------------
// A copy of the import fixtures' content tree, and the command
// ------------------------------------------------------------------------------------------------

let tmp = '';
function tempTree(sources: object[]): string {
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  tmp = mkdtempSync(join(ROOT, 'tests/.tmp/pull-'));
  cpSync(join(ROOT, 'tests/fixtures/import/content'), join(tmp, 'content'), { recursive: true });
  writeFileSync(join(tmp, 'content/sources.yaml'), JSON.stringify(sources, null, 2));
  return tmp;
}
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = '';
  calendar = 'calendar-v1.ics';
});

async function pull(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [join(ROOT, 'scripts/pull.ts'), ...args], { cwd: tmp, env: { ...process.env, CONTENT_DIR: 'content' } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

/** Every event file: path → text. */
function files(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(join(tmp, dir), { withFileTypes: true })) {
      const p = `${dir}/${name.name}`;
      if (name.isDirectory()) walk(p);
      else out.set(p, readFileSync(join(tmp, p), 'utf8'));
    }
  };
  walk('content/events');
  return out;
}

function validated() {
  return validateContent(readContentFiles(join(tmp, 'content'), tmp), 'content');
}

const SOCIETY = (url: string) => ({ id: 'example-society', url, organizer: 'example-society', audiences: ['公众'] });
const A = 'content/events/2026/2026-10-10-shi-li-xue-hui-tian-wen-jiang-zuo-qiu-ji-xing.md';
const B = 'content/events/2026/2026-10-15-shi-li-ji-jiu-zhi-shi-zhan-lan.md';
const C = 'content/events/2026/2026-10-18-shi-li-xian-shang-ke-pu-zhi-bo-liu-xing-yu-guan.md';
const D = 'content/events/2026/2026-08-01-shi-li-shu-qi-tian-wen-ying.md';
const E = 'content/events/2026/2026-11-01-shi-li-lao-nian-ren-jian-kang-jiang-zuo.md';
const F = 'content/events/2026/2026-10-24-shi-li-qing-shao-nian-fang-zai-jian-zai-ti-yan.md';
const G1 = 'content/events/2026/2026-12-30-shi-li-kua-nian-guan-xing-ye.md';
const G2 = 'content/events/2027/2026-12-30-shi-li-kua-nian-guan-xing-ye.md';
const EXISTING = 'content/events/2026/2026-09-12-existing-astronomy-lecture.md';

describe('a recorded feed pulled twice', () => {
  it('writes new files, then exactly the updates and cancellations, with stable UIDs and provenance', { timeout: 60_000 }, async () => {
    tempTree([SOCIETY(`${base}/calendar.ics`)]);

    // Day 1: everything is new.
    const first = await pull(['--now', '2026-09-01T09:00']);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('新增 6、更新 0、取消 0 / 6 new, 0 updated, 0 cancelled');
    const day1 = files();
    expect([...day1.keys()].sort()).toEqual([D, EXISTING, A, B, C, E, G1].sort());
    expect(day1.get(A)).toBe(
      [
        '---',
        'title: 示例学会天文讲座：秋季星空',
        'start: 2026-10-10T14:00',
        'end: 2026-10-10T16:00',
        'organizer: example-society',
        'venue: example-science-hall',
        'topics: [天文]',
        'audiences: [公众]',
        'formats: [讲座]',
        'status: scheduled',
        'url: https://www.example.org/events/a',
        'feed:',
        `  url: ${base}/calendar.ics`,
        '  uid: lecture-a@example.org',
        '  fetched: 2026-09-01T09:00',
        `  hash: ${fileHash(withoutHash(day1.get(A)!))}`,
        '---',
        '',
        '讲解秋季星空的主要星座。',
        '',
      ].join('\n'),
    );
    const before = validated();
    expect(before.errors.map(formatError)).toEqual([]);
    const uidBefore = new Map(before.content.events.map((e) => [e.feed?.uid ?? e.id, eventUid(e, 'https://kepu.example.org')]));
    const seqBefore = new Map(before.content.events.map((e) => [e.feed?.uid ?? e.id, sequenceOf(e)]));

    // Day 5: the source changed.
    calendar = 'calendar-v2.ics';
    const second = await pull(['--now', '2026-09-05T09:00', '--pr-dir', 'pr']);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('新增 1、更新 2、取消 2 / 1 new, 2 updated, 2 cancelled；未变 1 / 1 unchanged');
    const day5 = files();
    expect([...day5.keys()].sort()).toEqual([D, EXISTING, A, B, C, E, F, G2].sort());
    // Untouched: the unchanged stream, the past camp that dropped off the feed, the hand-written file.
    for (const p of [C, D, EXISTING]) expect(day5.get(p), p).toBe(day1.get(p));
    // Updated in place: new time and description, `updated`, same uid, new fetched-at.
    expect(day5.get(A)).toContain('start: 2026-10-10T15:00\nend: 2026-10-10T17:00\n');
    expect(day5.get(A)).toContain('status: scheduled\nurl: https://www.example.org/events/a\nupdated: 2026-09-05T09:00\nfeed:\n');
    expect(day5.get(A)).toContain('  uid: lecture-a@example.org\n  fetched: 2026-09-05T09:00\n');
    expect(day5.get(A)).toContain('时间改为下午三点。');
    // Cancelled at the source (STATUS:CANCELLED) and gone from it while upcoming: cancelled, kept.
    for (const p of [B, E]) expect(day5.get(p), p).toMatch(/\nstatus: cancelled\nupdated: 2026-09-05T09:00\n/);
    // Moved to next year: same file name in the 2027 folder.
    expect(day5.get(G2)).toContain('start: 2027-01-05T19:00');
    expect(day5.get(F)).toContain('  uid: new-f@example.org\n  fetched: 2026-09-05T09:00\n');
    expect(day5.get(F)).toContain('topics: [应急]\naudiences: [公众, 青少年]');

    const after = validated();
    expect(after.errors.map(formatError)).toEqual([]);
    for (const e of after.content.events) {
      const key = e.feed?.uid ?? e.id;
      if (uidBefore.has(key)) expect(eventUid(e, 'https://kepu.example.org'), key).toBe(uidBefore.get(key));
    }
    const seq = (uid: string) => sequenceOf(after.content.events.find((e) => e.feed?.uid === uid)!);
    for (const uid of ['lecture-a@example.org', 'exhibit-b@example.org', 'gone-e@example.org', 'newyear-g@example.org']) expect(seq(uid), uid).toBeGreaterThan(seqBefore.get(uid)!);
    expect(seq('online-c@example.org')).toBe(seqBefore.get('online-c@example.org'));

    // The pull request a maintainer reads.
    expect(readFileSync(join(tmp, 'pr/example-society.title.txt'), 'utf8')).toBe('拉取示例科普学会的日历：新增 1、更新 2、取消 2\n');
    const body = readFileSync(join(tmp, 'pr/example-society.md'), 'utf8').replaceAll(base, 'http://127.0.0.1:PORT');
    expect(body).toBe(readFileSync(join(FIX, 'pull-request-v2.md'), 'utf8'));

    // Day 6: nothing changed at the source → nothing written.
    const third = await pull(['--now', '2026-09-06T09:00']);
    expect(third.out).toContain('新增 0、更新 0、取消 0 / 0 new, 0 updated, 0 cancelled；未变 5 / 5 unchanged');
    expect(files()).toEqual(day5);
  });

  it('never overwrites a file a person edited since the last pull: a conflict, until they release it', { timeout: 60_000 }, async () => {
    tempTree([SOCIETY(`${base}/calendar.ics`)]);
    await pull(['--now', '2026-09-01T09:00']);
    const edited = readFileSync(join(tmp, A), 'utf8').replace('title: 示例学会天文讲座：秋季星空', 'title: 示例学会天文讲座：秋季星空（需预约）');
    writeFileSync(join(tmp, A), edited);
    const editedE = readFileSync(join(tmp, E), 'utf8').replace('status: scheduled', 'status: scheduled\nnote: 主办方电话确认照常举行');
    writeFileSync(join(tmp, E), editedE);

    calendar = 'calendar-v2.ics';
    const r = await pull(['--now', '2026-09-05T09:00', '--pr-dir', 'pr']);
    expect(r.out).toContain('新增 1、更新 1、取消 1 / 1 new, 1 updated, 1 cancelled；未变 1、冲突 2 / 1 unchanged, 2 conflicts');
    expect(r.out).toContain(`! ${A} 「示例学会天文讲座：秋季星空」: 来源有变化（title, start, end, description），但这个文件在上次拉取后被人改过，没有覆盖`);
    expect(r.out).toContain(`! ${E} 「示例老年人健康讲座」: 来源里已经没有这个活动，但这个文件在上次拉取后被人改过，没有标为取消`);
    expect(readFileSync(join(tmp, A), 'utf8')).toBe(edited);
    expect(readFileSync(join(tmp, E), 'utf8')).toBe(editedE);
    expect(readFileSync(join(tmp, 'pr/example-society.md'), 'utf8')).toContain('### 冲突：人工改过，没有覆盖 / Conflicts: edited by a person, not overwritten');

    // Deleting the hash line hands the file back to the pull.
    writeFileSync(join(tmp, A), edited.replace(/^ {2}hash: .*\n/m, ''));
    const again = await pull(['--now', '2026-09-06T09:00']);
    expect(again.out).toContain('更新 1');
    expect(readFileSync(join(tmp, A), 'utf8')).toContain('title: 示例学会天文讲座：秋季星空\nstart: 2026-10-10T15:00');
  });

  it('cancels nothing when a source suddenly lists no events', { timeout: 30_000 }, async () => {
    tempTree([SOCIETY(`${base}/calendar.ics`)]);
    await pull(['--now', '2026-09-01T09:00']);
    const day1 = files();
    // The same address, now listing nothing (a broken export): the files stay as they are.
    calendar = 'calendar-empty.ics';
    const r = await pull(['--now', '2026-09-05T09:00']);
    expect(r.out).toContain('新增 0、更新 0、取消 0');
    expect(r.out).toContain('! 来源里一个活动都没有，但之前拉取的 5 个活动还没有举行：为防止误取消，这次没有取消任何活动，请确认来源是否正常');
    expect(files()).toEqual(day1);
  });
});

describe('a web page with schema.org Event data', () => {
  it('becomes event files through the same mapping and checks', { timeout: 30_000 }, async () => {
    tempTree([]);
    const r = await pull([`${base}/page.html`, '--organizer', '示例科普学会', '--now', '2026-09-01T09:00']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('新增 2、更新 0、取消 0 / 2 new, 0 updated, 0 cancelled；跳过 1 / 1 skipped');
    expect(r.out).toContain('= 「示例天文摄影展」 来源里已经取消，没有收录 / already cancelled at the source, not added');
    expect(r.out).toContain('! 网页里第 3 段 JSON-LD 不是有效的 JSON，已跳过 / JSON-LD block 3 is not valid JSON, skipped');
    const star = readFileSync(join(tmp, 'content/events/2026/2026-10-17-shi-li-guan-xing-zhi-ye.md'), 'utf8');
    // 11:30Z is 19:30 in Beijing; the Place is a known venue, its street the address.
    expect(star).toContain('start: 2026-10-17T19:30\nend: 2026-10-17T21:30\norganizer: example-society\nvenue: example-science-hall\naddress: 北京市海淀区示例路1号\n');
    expect(star).toContain('topics: [天文]\naudiences: [公众]\n');
    expect(star).toContain('  uid: https://www.example.org/events/star-night\n');
    expect(star).toMatch(/---\n\n用望远镜看月亮和土星。\n$/);
    const online = readFileSync(join(tmp, 'content/events/2026/2026-10-20-shi-li-xian-shang-ji-jiu-ke.md'), 'utf8');
    expect(online).toContain('start: 2026-10-20T19:00\norganizer: example-society\nonline: https://www.example.org/live/first-aid\ntopics: [卫生健康]\nformats: [培训]\n');
    expect(validated().errors.map(formatError)).toEqual([]);
  });
});

describe('broken sources', () => {
  it('are one line each, and the other sources go on', { timeout: 60_000 }, async () => {
    const broken = ['missing', 'login', 'malformed', 'huge', 'endless', 'slow'];
    tempTree([
      ...broken.map((id) => ({ id, url: `${base}/${id}.ics`, organizer: 'example-society' })),
      { id: 'offline', url: `http://127.0.0.1:${closedPort}/calendar.ics`, organizer: 'example-society' },
      SOCIETY(`${base}/calendar.ics`),
    ]);
    const r = await pull(['--now', '2026-09-01T09:00', '--timeout', '2', '--max-mb', '1']);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n').filter((l) => l.startsWith('✗'));
    const url = (p: string) => `✗ 示例科普学会 ${base}/${p}: `;
    expect(lines).toEqual([
      `${url('missing.ics')}来源返回 HTTP 404（找不到，网址可能已经改变） / the source answered HTTP 404`,
      `${url('login.ics')}来源返回的是网页（HTML），不是日历文件（.ics）：请检查网址是不是日历的订阅地址，或把 type 改成 jsonld / the source returned an HTML page, not an .ics calendar`,
      `${url('malformed.ics')}无法读取日历文件：invalid line (no token ";" or ":") "this line has no colon and breaks the parser" / cannot parse the .ics file`,
      `${url('huge.ics')}来源超过 1 MB，已停止读取：请让对方只发布近期的活动 / the source is larger than 1 MB: stopped reading`,
      `${url('endless.ics')}来源超过 1 MB，已停止读取：请让对方只发布近期的活动 / the source is larger than 1 MB: stopped reading`,
      `${url('slow.ics')}来源在 2 秒内没有传完，已放弃，下次再试 / the source did not answer completely within 2 s`,
      `✗ 示例科普学会 http://127.0.0.1:${closedPort}/calendar.ics: 无法连接 127.0.0.1:${closedPort}（对方拒绝连接，ECONNREFUSED）/ cannot reach 127.0.0.1:${closedPort} (ECONNREFUSED)`,
    ]);
    // The good source after them was pulled.
    expect(r.out).toContain('新增 6、更新 0、取消 0');
    expect(existsSync(join(tmp, A))).toBe(true);
    expect(r.out).toContain('⚠ 完成 / done：8 个来源，7 个无法读取 / 7 failed');
  });

  it('--dry-run writes nothing', { timeout: 30_000 }, async () => {
    tempTree([SOCIETY(`${base}/calendar.ics`)]);
    const r = await pull(['--dry-run', '--now', '2026-09-01T09:00']);
    expect(r.out).toContain('新增 6');
    expect([...files().keys()]).toEqual([EXISTING]);
  });
});

// ------------------------------------------------------------------------------------------------
// The pure parts
// ------------------------------------------------------------------------------------------------

const content = validateContent(readContentFiles(join(ROOT, 'tests/fixtures/import/content'), ROOT), 'tests/fixtures/import/content').content;

describe('content/sources.yaml is checked like content', () => {
  it('names the line, the field and the fix for references', () => {
    const text = [
      '- id: example-society',
      '  url: https://www.example.org/calendar.ics',
      '  organizer: 示例科普协会',
      '  topics: [天问]',
      '- id: example-society',
      '  url: webcal://www.example.org/calendar.ics',
      '  organizer: example-society',
      '  region: "999999"',
    ].join('\n');
    expect(checkSources('content/sources.yaml', text, content).errors.map(formatError)).toEqual([
      'content/sources.yaml:3 0.organizer: 找不到主办单位“示例科普协会”：请写 content/organizers/ 里已有单位的名称或编号，新单位请先用 npm run new -- organizer 添加 / unknown organizer "示例科普协会": add it first with npm run new -- organizer （您是不是要写“示例科普学会”（example-society）？/ did you mean example-society?）',
      'content/sources.yaml:4 0.topics: “天问”不在主题词表里，请从 content/vocab/topics.yaml 中选择 / "天问" is not in the topics vocabulary （您是不是要写“天文”？/ did you mean 天文?）',
      'content/sources.yaml:5 1.id: 来源编号“example-society”重复（第 1 个来源已经用了），请换一个 / duplicate source id "example-society"',
      'content/sources.yaml:6 1.url: 这个网址已经在第 1 个来源里了，同一个日历只写一次 / this URL is already listed',
      'content/sources.yaml:8 1.region: 地区编号“999999”不在 content/vocab/regions.yaml 里 / unknown region "999999"',
    ]);
  });

  it('checks the shape with the schema’s messages, and accepts a file of comments only', () => {
    const text = ['- id: Other', '  url: ftp://example.org/x.ics', '  organiser: example-society'].join('\n');
    expect(checkSources('content/sources.yaml', text, content).errors.map(formatError)).toMatchInlineSnapshot(`
      [
        "content/sources.yaml:1 0.id: 编号只能用小写字母、数字和连字符，例如 beijing-science-center / ids use a-z, 0-9 and hyphens",
        "content/sources.yaml:2 0.url: 只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted",
        "content/sources.yaml:1 0.organizer: 缺少必填字段，请补上 / required field is missing",
        "content/sources.yaml:3 0.organiser: 未知字段“organiser”，请删掉或改正，您是不是要写 organizer？/ did you mean organizer?",
      ]
    `);
    expect(checkSources('content/sources.yaml', '# 还没有来源\n', content)).toEqual({ sources: [], errors: [] });
    // An organizer written by its name is the organizer.
    const byName = checkSources('content/sources.yaml', '- { id: a, url: "https://www.example.org/a.ics", organizer: 示例科普学会 }', content);
    expect(byName.sources.map((x) => x.organizer)).toEqual(['example-society']);
  });
});

describe('provenance checksum', () => {
  const data = { title: '示例', start: '2026-10-10', organizer: 'example-society', status: 'scheduled' };
  const feed = { url: 'https://www.example.org/calendar.ics', uid: 'x@example.org', fetched: '2026-09-01T09:00' };
  const text = pulledText(data, '正文', feed, fileHash);

  it('is the checksum of the file without its own line', () => {
    expect(text).toMatch(/\n {2}hash: [0-9a-f]{16}\n---\n/);
    expect(fileHash(withoutHash(text))).toBe(/hash: ([0-9a-f]{16})/.exec(text)![1]);
    expect(editedSincePull(text, fileHash)).toBe(false);
  });

  it('tells any edit, even a comment or the body, and trusts a file without a hash', () => {
    expect(editedSincePull(text.replace('正文', '正文。'), fileHash)).toBe(true);
    expect(editedSincePull(text.replace('---\ntitle', '---\n# 人工核实\ntitle'), fileHash)).toBe(true);
    expect(editedSincePull(text.replace(/^ {2}hash: .*\n/m, ''), fileHash)).toBe(false);
  });

  it('a checksum YAML reads as a number (digits and one e) is written quoted and still works', () => {
    // 156e194805838752 is 1.56e+20 to YAML: it writes the string quoted. The pull used to stop here.
    const numeric = (t: string) => (t.includes('正文。') ? '0000000000000000' : '156e194805838752');
    const quoted = pulledText(data, '正文', feed, numeric);
    expect(quoted).toMatch(/\n {2}hash: (["'])156e194805838752\1\n---\n/);
    expect(withoutHash(quoted)).not.toContain('hash');
    expect(editedSincePull(quoted, numeric)).toBe(false);
    expect(editedSincePull(quoted.replace('正文', '正文。'), numeric)).toBe(true);
  });
});

describe('reading a source', () => {
  const src = { url: 'https://www.example.org/calendar.ics', organizer: 'example-society' };
  it('refuses a web page where a calendar was expected, and a page without events', () => {
    expect(readFeed('<!DOCTYPE html><p>登录</p>', src)).toEqual({ error: expect.stringMatching(/^来源返回的是网页（HTML），不是日历文件（\.ics）/) });
    expect(readFeed('<html><body>没有数据</body></html>', { ...src, url: 'https://www.example.org/events/' })).toEqual({
      error: '网页里没有 JSON-LD 数据（<script type="application/ld+json">）/ the page has no JSON-LD',
    });
  });

  it('refuses a runaway export', () => {
    const many = 'BEGIN:VCALENDAR\r\n' + Array.from({ length: 2001 }, (_, i) => `BEGIN:VEVENT\r\nUID:${i}\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20261010\r\nEND:VEVENT\r\n`).join('') + 'END:VCALENDAR\r\n';
    expect(readFeed(many, src)).toEqual({ error: expect.stringContaining('来源里有 2001 个活动，超过每个来源 2000 个的上限') });
  });

  it('keeps a moved calendar’s files: matched by UID when the address changed', () => {
    const dir = 'tests/fixtures/import/content';
    const v1 = readFeed(readFileSync(join(FIX, 'calendar-v1.ics'), 'utf8'), src);
    if ('error' in v1) throw new Error(v1.error);
    const opts = { contentDir: dir, now: '2026-09-01T09:00', today: '2026-09-01', hash: fileHash };
    const first = planPull(src, v1, readContentFiles(join(ROOT, dir), ROOT), opts);
    const tree = [...readContentFiles(join(ROOT, dir), ROOT), ...first.changes.map((c) => ({ path: c.path, text: c.text }))];
    const moved = planPull({ ...src, url: 'https://calendar.example.org/society.ics' }, v1, tree, { ...opts, now: '2026-09-02T09:00' });
    expect(moved.changes.map((c) => [c.kind, c.path.split('/').pop()])).toEqual(first.changes.map((c) => ['update', c.path.split('/').pop()]));
    expect(moved.changes[0]!.text).toContain('  url: https://calendar.example.org/society.ics\n');
  });
});
