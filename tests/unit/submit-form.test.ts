/**
 * The /submit/ form's logic (src/lib/submit-form.ts): good answers make byte for byte the file
 * `npm run new -- event --yes` makes from the same answers (run here as a dry run on the same
 * content tree); bad answers get the schema's and the validator's own bilingual messages, next to
 * the right field; the GitHub links carry the file; the choices travel compactly.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { httpUrl, localDateTime } from '../../src/lib/content/schema.ts';
import { checkNewFiles } from '../../src/lib/import/scaffold.ts';
import { slugify } from '../../src/lib/slug.ts';
import {
  buildSubmission,
  DEFAULT_REPO,
  decodeChoices,
  EMPTY_FORM,
  encodeChoices,
  FIELD_SCHEMA_PATH,
  fieldHelp,
  formFlags,
  GITHUB_URL_MAX,
  NEW_ORGANIZER,
  newFileLink,
  newIssueLink,
  repoSlug,
  splitMessage,
  type SubmitChoices,
  type SubmitForm,
  submissionFiles,
  submissionIssueLink,
  submissionMailLink,
  submitChoices,
} from '../../src/lib/submit-form.ts';
import { correctionIssueLink, correctionMailLink, mailtoLink } from '../../src/lib/contact.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIR = 'tests/fixtures/import/content';
const existing = readContentFiles(join(ROOT, DIR), ROOT);
const fixture = validateContent(existing, DIR);
const choices = submitChoices(fixture.content);
const opts = { choices, slugify, contentDir: DIR };

/** `npm run new -- event <flags> --yes --dry-run` on a content tree: the path and text it would write. */
async function cli(form: SubmitForm, contentDir = DIR): Promise<{ path: string; text: string }> {
  const args = Object.entries(formFlags(form)).flatMap(([k, v]) => (v === undefined ? [] : [`--${k}`, v]));
  const r = await promisify(execFile)(process.execPath, ['scripts/new.ts', 'event', ...args, '--yes', '--dry-run'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1' },
  });
  const m = /^# (.+)\n([\s\S]*)\n演练模式/.exec(r.stdout);
  expect(m, r.stdout + r.stderr).not.toBeNull();
  return { path: m![1]!, text: m![2]! };
}

const form = (patch: Partial<SubmitForm>): SubmitForm => ({ ...EMPTY_FORM, ...patch });

const TRAINING = form({
  title: '世界急救日公益培训：心肺复苏与AED使用',
  summary: '急救医生讲解心肺复苏要点，现场练习AED使用。',
  start: '2026/9/12 下午2:00',
  end: '16:30',
  organizer: 'example-society',
  place: 'venue',
  venue: 'example-science-hall',
  topics: ['卫生健康', '应急和防灾减灾'],
  audiences: ['公众', '老年人'],
  formats: ['培训'],
  observance: 'example-day',
  registration: 'https://www.example.org/signup',
  registrationRequired: 'yes',
  capacity: '40',
  fee: '0',
  deadline: '2026年9月10日',
  registrationNote: '电话报名：见主办单位网站',
  description: '由急救医生讲解心肺复苏要点。\r\n\r\n现场练习 AED 使用，请穿便于活动的衣服。',
});

// Each `npm run new` validates its whole tree in a fresh Node process: seconds, not milliseconds.
describe('good answers → the file npm run new writes', { timeout: 30_000 }, () => {
  it.each([
    ['a timed training at a venue, with registration details', TRAINING],
    [
      'an all-day programme at an address, English title for the slug',
      form({
        title: '海淀区青少年天文观测周',
        titleEn: 'Haidian Youth Astronomy Week',
        start: '2026-10-01',
        end: '2026-10-07',
        organizer: 'haidian-example-association',
        place: 'address',
        address: '北京市海淀区示例路1号',
        region: '110108',
        topics: ['天文'],
        audiences: ['青少年'],
        registrationRequired: 'no',
      }),
    ],
    [
      'a call for entries without a place, with a source',
      form({
        title: '2026年示例科普作品征集',
        kind: 'call',
        start: '2026-07-01',
        end: '2026-08-15',
        organizer: 'example-society',
        place: '',
        url: 'https://www.example.org/call',
        sourceTitle: '关于开展2026年示例科普作品征集的通知',
        sourceUrl: 'https://www.example.org/notice',
      }),
    ],
    [
      'an online lecture and a programme across a region',
      form({ title: '线上科普讲座', start: '2026-11-03 19:30', organizer: 'example-society', place: 'online', online: 'https://live.example.org/1', formats: ['讲座'] }),
    ],
    ['a programme across a region', form({ title: '朝阳区科普月系列活动', start: '2026-09-01', end: '2026-09-30', organizer: 'example-society', place: 'region', region: '110105' })],
  ])('%s', async (_, f) => {
    const s = buildSubmission(f, opts);
    expect(s.errors).toEqual([]);
    const made = await cli(f);
    expect(s.text).toBe(made.text);
    expect(s.path).toBe(made.path);
    expect(s.path).toBe(`${DIR}/events/${s.id!.slice(0, 4)}/${s.id}.md`);
    // And the validator accepts it inside the whole tree, not only against the stand-ins.
    expect(checkNewFiles(existing, [{ path: s.path!, text: s.text! }], DIR).errors).toEqual([]);
  });

  it('writes the training the way the contributor guide shows it', () => {
    const s = buildSubmission(TRAINING, opts);
    expect(s.path).toBe(`${DIR}/events/2026/2026-09-12-shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su.md`);
    expect(s.text).toBe(`---
title: 世界急救日公益培训：心肺复苏与AED使用
summary: 急救医生讲解心肺复苏要点，现场练习AED使用。
start: 2026-09-12T14:00
end: 2026-09-12T16:30
organizer: example-society
venue: example-science-hall
observance: example-day
topics: [卫生健康, 应急和防灾减灾]
audiences: [公众, 老年人]
formats: [培训]
registration:
  url: https://www.example.org/signup
  required: true
  capacity: 40
  fee: 0
  deadline: 2026-09-10
  note: 电话报名：见主办单位网站
status: scheduled
---

由急救医生讲解心肺复苏要点。

现场练习 AED 使用，请穿便于活动的衣服。
`);
  });

  it('matches npm run new on the shipped content too (a campaign, a real organizer)', async () => {
    const files = readContentFiles(join(ROOT, 'content'), ROOT);
    const shipped = submitChoices(validateContent(files, 'content').content);
    const campaign = shipped.campaigns.find((c) => c.id === 'national-science-month') ?? shipped.campaigns[0]!;
    const f = form({ title: '全国科普月社区科普开放日', start: '2026-09-19', organizer: shipped.organizers[0]!.id, place: 'region', region: 'national', campaign: campaign.id });
    const s = buildSubmission(f, { choices: shipped, slugify });
    expect(s.errors).toEqual([]);
    expect(s).toMatchObject(await cli(f, 'content'));
    expect(s.text).toContain(`campaign: ${campaign.id}\n`);
  });

  it('makes the text before pinyin has loaded, and the path once it has', () => {
    const early = buildSubmission(TRAINING, { choices, contentDir: DIR });
    const later = buildSubmission(TRAINING, opts);
    expect(early.text).toBe(later.text);
    expect(early.path).toBeUndefined();
    expect(early.errors).toEqual([]);
  });

  it('warns (only warns) when the event is over, given today', () => {
    const s = buildSubmission(TRAINING, { ...opts, today: '2026-09-13' });
    expect(s.errors).toEqual([]);
    expect(s.warnings).toEqual([{ field: 'start', message: '活动日期已经过去（2026-09-12），请检查年份 / the date is in the past', severity: 'warning' }]);
    expect(buildSubmission(TRAINING, { ...opts, today: '2026-09-12' }).warnings).toEqual([]);
  });
});

describe('bad answers → the schema’s and the validator’s messages, next to the field', () => {
  /** The message zod gives for one value under one schema, as the validator prints it. */
  const schemaMessage = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) =>
    schema.safeParse(v).error!.issues[0]!.message;
  const errorsOf = (patch: Partial<SubmitForm>) => buildSubmission({ ...TRAINING, ...patch }, opts).errors.map((e) => [e.field, e.message]);

  it('a date that does not exist', () => {
    expect(errorsOf({ start: '2026-02-30', end: '' })).toEqual([['start', schemaMessage(localDateTime, '2026-02-30')]]);
    expect(schemaMessage(localDateTime, '2026-02-30')).toBe('没有这一天（2026-02-30），请检查月份和日期 / not a real calendar date');
  });

  it('a title of only invisible characters, or with a zero-width space, is refused in the form too (issue 17)', () => {
    expect(errorsOf({ title: '\u3164\u3164' })).toEqual([['title', '不能包含看不见的字符（U+3164 韩文填充符 Hangul filler），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (U+3164)']]);
    expect(errorsOf({ title: '\u200d\u200d' })).toEqual([['title', '不能为空 / must not be empty']]);
  });

  it('a time that does not exist, and a date written with an offset', () => {
    expect(errorsOf({ start: '2026-09-12T25:00', end: '' })).toEqual([['start', '时间不对（25:00），小时 00–23，分钟 00–59 / not a real time of day']]);
    expect(errorsOf({ start: '2026-09-12T14:00+08:00', end: '' })).toEqual([['start', schemaMessage(localDateTime, '2026-09-12T14:00+08:00')]]);
  });

  it('an end before the start, and an all-day start with a timed end', () => {
    expect(errorsOf({ end: '13:00' })).toEqual([['end', '结束时间早于开始时间（2026-09-12 13:00 < 2026-09-12 14:00），请改为开始之后的时间 / end is before start']]);
    expect(errorsOf({ start: '2026-09-12', end: '2026-09-13 10:00' })).toEqual([['end', '开始只写了日期（全天），结束也只写日期，例如 2026-09-12 / start is a date, so end must be a date too']]);
  });

  it('a title that is too long', () => {
    expect(errorsOf({ title: '科'.repeat(81) })).toEqual([['title', '不能超过 80 个字，请缩短 / must be at most 80 characters']]);
  });

  it('links that are not http(s), and numbers that are not numbers', () => {
    expect(errorsOf({ registration: 'javascript:alert(1)', url: 'www.example.org', capacity: '四十' })).toEqual([
      ['registration', schemaMessage(httpUrl, 'javascript:alert(1)')],
      ['capacity', '应该是数字 / expected number'],
      ['url', schemaMessage(httpUrl, 'www.example.org')],
    ]);
  });

  it('an activity with no place: the place question gets the validator’s message', () => {
    const e = buildSubmission({ ...TRAINING, place: '' }, opts).errors;
    expect(e).toEqual([{ field: 'place', message: '请写场馆 venue（线下）、地址 address、地区 region 或线上网址 online 之一 / give a venue, an address, a region or an online URL', severity: 'error' }]);
    // An address chosen but left empty: the same message, next to the address box.
    expect(buildSubmission({ ...TRAINING, place: 'address' }, opts).errors.map((x) => x.field)).toEqual(['address']);
  });

  it('an empty form: the required fields, in page order', () => {
    expect(buildSubmission(EMPTY_FORM, opts).errors.map((e) => [e.field, e.message])).toEqual([
      ['title', '缺少必填字段，请补上 / required field is missing'],
      ['start', '缺少必填字段，请补上 / required field is missing'],
      ['organizer', '请填写主办单位（已有单位的名称或编号）/ the organizer is missing'],
    ]);
  });

  it('a source link without a source title, HTML in the description, an unknown organizer', () => {
    expect(errorsOf({ sourceUrl: 'https://www.example.org/notice' })).toEqual([['sourceTitle', '缺少必填字段，请补上 / required field is missing']]);
    const html = errorsOf({ description: '欢迎参加<script>alert(1)</script>' });
    expect(html).toHaveLength(1);
    expect(html[0]![0]).toBe('description');
    const unknown = buildSubmission({ ...TRAINING, organizer: 'no-such-society' }, opts).errors;
    expect(unknown.map((e) => e.field)).toEqual(['organizer']);
    expect(unknown[0]!.message).toMatch(/^找不到主办单位“no-such-society”/);
  });

  it('every message is Chinese first, then English', () => {
    const all = [
      ...buildSubmission(EMPTY_FORM, opts).errors,
      ...buildSubmission({ ...TRAINING, start: 'x', registration: 'ftp://x', capacity: '-1', fee: 'abc', description: '<iframe src=x>' }, opts).errors,
    ];
    expect(all.length).toBeGreaterThan(5);
    for (const e of all) {
      expect(e.message).toMatch(/^[^/]*\p{Script=Han}[^]*\/ [A-Za-z"]/u);
      const { zh, en } = splitMessage(e.message);
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(en).toMatch(/^[A-Za-z"]/);
      expect(en).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('GitHub links', () => {
  const s = buildSubmission(TRAINING, { ...opts, contentDir: 'content' });

  it('the new-file page gets the path and the whole file', () => {
    const link = newFileLink('kepu-calendar/kepu-calendar', 'main', s.path!, s.text!);
    expect(link.complete).toBe(true);
    const u = new URL(link.href);
    expect(`${u.origin}${u.pathname}`).toBe('https://github.com/kepu-calendar/kepu-calendar/new/main');
    expect(u.searchParams.get('filename')).toBe(s.path);
    expect(u.searchParams.get('value')).toBe(s.text);
    expect(link.href).toContain('filename=content/events/2026/');
  });

  it('a file too long for a URL leaves the value out (the page copies it instead)', () => {
    const long = buildSubmission({ ...TRAINING, description: '科普'.repeat(600) }, { ...opts, contentDir: 'content' });
    const link = newFileLink('a/b', 'main', long.path!, long.text!);
    expect(link.complete).toBe(false);
    expect(new URL(link.href).searchParams.has('value')).toBe(false);
    expect(link.href.length).toBeLessThanOrEqual(GITHUB_URL_MAX);
    const issue = newIssueLink('a/b', TRAINING.title, long.path!, long.text!);
    expect(issue.complete).toBe(false);
    expect(new URL(issue.href).searchParams.get('body')).toContain('请粘贴在这里');
  });

  it('the issue carries the title, the path and the file in a fence longer than any backticks in it', () => {
    const text = s.text!.replace('现场练习', '现场练习 ```code``` ');
    const u = new URL(newIssueLink('a/b', TRAINING.title, s.path!, text).href);
    expect(u.pathname).toBe('/a/b/issues/new');
    expect(u.searchParams.get('title')).toBe(`[新活动] ${TRAINING.title}`);
    const body = u.searchParams.get('body')!;
    expect(body).toContain(`\`${s.path}\``);
    expect(body).toContain(`\`\`\`\`markdown\n${text}\`\`\`\`\n`);
  });

  it('the repository is one setting with a default', () => {
    expect(repoSlug(undefined)).toBe(DEFAULT_REPO);
    expect(repoSlug('')).toBe(DEFAULT_REPO);
    expect(repoSlug('beijing-kexie/kepu')).toBe('beijing-kexie/kepu');
    expect(repoSlug('https://github.com/beijing-kexie/kepu.git')).toBe('beijing-kexie/kepu');
    expect(repoSlug('not a repo')).toBe(DEFAULT_REPO);
    expect(repoSlug('a/b?x=1')).toBe(DEFAULT_REPO);
  });
});

describe('an organizer that is not in the list, in the same form', () => {
  const NEW = form({
    title: '示例天文学会秋季观星会',
    start: '2026-10-17 19:00',
    organizer: NEW_ORGANIZER,
    orgName: '示例天文学会',
    orgWebsite: 'https://www.example.org/astro',
    orgRegion: '110108',
    orgType: 'society',
    place: 'address',
    address: '北京市海淀区示例路9号',
    topics: ['天文'],
  });

  it('becomes a second file, and the event refers to it; both pass the validator in the whole tree', () => {
    const s = buildSubmission(NEW, opts);
    expect(s.errors).toEqual([]);
    expect(s.organizerFile).toEqual({
      id: 'shi-li-tian-wen-xue-hui',
      path: `${DIR}/organizers/shi-li-tian-wen-xue-hui.yaml`,
      text: "# 通过网站“提交活动”表单新增的单位，请维护者核对 / added with the site's submit form\nname: 示例天文学会\ntype: society\nregion: \"110108\"\nwebsite: https://www.example.org/astro\n",
    });
    expect(s.text).toContain('\norganizer: shi-li-tian-wen-xue-hui\n');
    expect(submissionFiles(s).map((f) => f.path)).toEqual([s.organizerFile!.path, s.path]);
    expect(checkNewFiles(existing, submissionFiles(s), DIR).errors).toEqual([]);
  });

  it('gets the schema’s messages next to its own fields; a name already listed is pointed out', () => {
    const s = buildSubmission({ ...NEW, orgName: '', orgWebsite: 'www.example.org' }, opts);
    expect(s.errors.map((e) => [e.field, e.message])).toEqual([['orgName', '请填写单位全称 / the organizer’s full name is missing']]);
    const bad = buildSubmission({ ...NEW, orgWebsite: 'www.example.org' }, opts);
    expect(bad.errors.map((e) => [e.field, e.message])).toEqual([['orgWebsite', '只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted']]);
    const twin = buildSubmission({ ...NEW, orgName: '示例科普学会' }, opts);
    expect(twin.warnings.map((e) => [e.field, e.message])).toEqual([['orgName', '列表里已经有“示例科普学会（示例学会）”，请直接在主办单位里选择它 / already in the list: choose it above']]);
    // The id waits for pinyin like the event's file name.
    expect(buildSubmission(NEW, { ...opts, slugify: undefined }).organizerFile).toBeUndefined();
  });

  it('travels with the event in the issue and the mail', () => {
    const s = buildSubmission(NEW, { ...opts, contentDir: 'content' });
    const files = submissionFiles(s);
    const issue = new URL(submissionIssueLink('a/b', NEW.title, files).href).searchParams.get('body')!;
    expect(issue).toContain(`文件路径 / path: \`content/organizers/shi-li-tian-wen-xue-hui.yaml\`\n\n\`\`\`yaml\n${files[0]!.text}\`\`\``);
    expect(issue).toContain(`\`\`\`markdown\n${files[1]!.text}\`\`\``);
    const mail = submissionMailLink('submit@kepu.example.org', { title: NEW.title, start: NEW.start, organizer: '示例天文学会', isNew: true }, files);
    expect(mail.complete).toBe(true);
    const body = decodeURIComponent(/[?&]body=([^&]*)/.exec(mail.href)![1]!);
    expect(body).toContain('主办单位 / Organizer: 示例天文学会（新单位，文件附在下面 / new, file below）\r\n');
    expect(body).toContain('===== 文件 1/2 / file: content/organizers/shi-li-tian-wen-xue-hui.yaml =====\r\n# 通过网站');
  });
});

describe('mail', () => {
  const s = buildSubmission(TRAINING, { ...opts, contentDir: 'content' });
  const decode = (href: string) => {
    const u = /^mailto:([^?]+)\?subject=([^&]*)&body=(.*)$/.exec(href)!;
    return { to: u[1], subject: decodeURIComponent(u[2]!), body: decodeURIComponent(u[3]!) };
  };

  it('carries the file in a body a person reads, with CRLF line breaks', () => {
    const link = submissionMailLink('submit@kepu.example.org', { title: TRAINING.title, start: '2026-09-12 14:00', end: '16:30', organizer: '示例科普学会' }, submissionFiles(s));
    expect(link.complete).toBe(true);
    const m = decode(link.href);
    expect(m.to).toBe('submit@kepu.example.org');
    expect(m.subject).toBe(`[新活动] ${TRAINING.title}`);
    expect(m.body).toBe(
      [
        '您好，',
        '',
        '请把下面的活动收录到科普日历。内容由网站的“提交活动”表单生成，已按网站的规则检查过。',
        "Please add this event to Kepu Calendar (made and checked by the site's submit form).",
        '',
        `活动 / Event: ${TRAINING.title}`,
        '时间 / When: 2026-09-12 14:00 至 16:30',
        '主办单位 / Organizer: 示例科普学会',
        '',
        `===== 文件 1/1 / file: ${s.path} =====`,
        s.text!.replace(/\n$/, ''),
        '===== 文件结束 / end of file =====',
        '',
      ].join('\n').replace(/\n/g, '\r\n'),
    );
  });

  it('too long for a link: asks to paste or attach (the page copies the file first)', () => {
    const long = buildSubmission({ ...TRAINING, description: '科普'.repeat(600) }, { ...opts, contentDir: 'content' });
    const link = submissionMailLink('submit@kepu.example.org', { title: TRAINING.title }, submissionFiles(long));
    expect(link.complete).toBe(false);
    expect(link.href.length).toBeLessThanOrEqual(GITHUB_URL_MAX);
    expect(decode(link.href).body).toContain('已复制到剪贴板，请粘贴在这里，或把下载的文件作为附件发送');
  });

  it('信息有误？ names the page and its file, by mail and as the correction issue form', () => {
    const page = { kind: 'event' as const, title: '示例讲座', url: 'https://kepu.example.org/events/2026-10-10-x/', file: 'content/events/2026/2026-10-10-x.md' };
    const m = decode(correctionMailLink('submit@kepu.example.org', page));
    expect(m.subject).toBe('[更正] 活动：示例讲座');
    expect(m.body).toContain('页面 / Page: https://kepu.example.org/events/2026-10-10-x/\r\n名称 / Title: 示例讲座\r\n文件 / File: content/events/2026/2026-10-10-x.md\r\n');
    const issue = new URL(correctionIssueLink('a/b', page));
    expect(issue.pathname).toBe('/a/b/issues/new');
    expect(Object.fromEntries(issue.searchParams)).toEqual({ template: 'correction.yml', title: '[更正] 示例讲座', entry: `${page.url}\n${page.file}` });
    expect(mailtoLink('a@example.org', 'x y', 'a+b\nc')).toBe('mailto:a@example.org?subject=x%20y&body=a%2Bb%0D%0Ac');
  });
});

describe('choices and help', () => {
  it('lists ids and labels; discontinued observances are left out; campaigns apart', () => {
    const files = readContentFiles(join(ROOT, 'content'), ROOT);
    const content = validateContent(files, 'content').content;
    const c = submitChoices(content);
    const ended = content.observances.filter((o) => o.endedYear !== undefined).map((o) => o.id);
    expect(ended.length).toBeGreaterThan(0);
    for (const id of ended) expect([...c.observances, ...c.campaigns].map((x) => x.id)).not.toContain(id);
    expect(c.campaigns.map((x) => x.id)).toContain('national-science-month');
    expect(c.observances.map((x) => x.id)).not.toContain('national-science-month');
    expect(c.regions.find((r) => r.id === '110108')).toEqual({ id: '110108', label: '海淀区', depth: 1 });
    expect(c.regions.find((r) => r.id === '110000')).toEqual({ id: '110000', label: '北京市' });
  });

  it('travel as one compact string and come back the same', () => {
    const c: SubmitChoices = { ...choices, regions: [{ id: '110000', label: '北京市' }, { id: '110108', label: '海淀区', depth: 1 }] };
    const s = encodeChoices(c);
    expect(decodeChoices(s)).toEqual(c);
    expect(s.length).toBeLessThan(JSON.stringify(c).length);
  });

  it('help is the schema’s JSDoc line for every field that has one', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'public/schemas/event.schema.json'), 'utf8'));
    const help = fieldHelp(schema);
    expect(Object.keys(help).sort()).toEqual(Object.keys(FIELD_SCHEMA_PATH).sort());
    expect(help.title).toBe('活动名称，一行，不超过 80 字 / Title, one line, at most 80 characters.');
    expect(help.capacity).toBe(schema.properties.registration.properties.capacity.description);
    expect(help.sourceUrl).toBe(schema.properties.source.properties.url.description);
  });
});
