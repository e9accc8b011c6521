/**
 * Ways to reach the maintainers that need no build tools: a pre-filled GitHub issue, or a mail
 * (`mailto:`) for people without GitHub — it is unreliable from the mainland and unknown to most
 * 学会 staff. Used by /submit/ and by 信息有误？ on every event and observance page. Pure: the
 * repository and the address come from the site settings (src/site-config.ts).
 */

/** The repository the site links to when KEPU_REPO is not set at build time. */
export const DEFAULT_REPO = 'kepu-calendar/kepu-calendar';

/** `owner/name` from a setting such as KEPU_REPO (a full github.com URL is accepted too), else the default. */
export function repoSlug(value: string | undefined): string {
  const v = (value ?? '').trim().replace(/^https?:\/\/github\.com\//i, '').replace(/\.git$/i, '').replace(/\/+$/, '');
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(v) ? v : DEFAULT_REPO;
}

/**
 * Links longer than this are not trusted to arrive whole (GitHub answers 414 above about 8 KB;
 * mail programs vary). A Chinese character takes 9 characters once percent-encoded.
 */
export const LINK_MAX = 8000;

/** Percent-encoding as browsers normalise mailto: links (encodeURIComponent leaves ' ( ) ! * bare). */
const q = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 6068: line breaks in a mail body are CRLF, percent-encoded. */
export function mailtoLink(address: string, subject: string, body: string): string {
  return `mailto:${address}?subject=${q(subject)}&body=${q(body.replace(/\r?\n/g, '\r\n'))}`;
}

export interface PageRef {
  kind: 'event' | 'observance';
  /** Title or name as the page shows it. */
  title: string;
  /** The page's public address. */
  url: string;
  /** Repository-relative content file, so that a maintainer opens the right one. */
  file: string;
}

const KIND_ZH = { event: '活动', observance: '纪念日' } as const;

/** The correction issue (the repository's correction.yml form) with the page filled in. */
export function correctionIssueLink(repo: string, page: PageRef): string {
  const title = `[更正] ${page.title}`;
  return `https://github.com/${repo}/issues/new?template=correction.yml&title=${q(title)}&entry=${q(`${page.url}\n${page.file}`)}`;
}

/** The same correction as a mail: the page named, and the three questions of the issue form. */
export function correctionMailLink(address: string, page: PageRef): string {
  const subject = `[更正] ${KIND_ZH[page.kind]}：${page.title}`;
  const body = [
    '您好，',
    '',
    `科普日历上这一条${KIND_ZH[page.kind]}的信息有误：`,
    `页面 / Page: ${page.url}`,
    `名称 / Title: ${page.title}`,
    `文件 / File: ${page.file}`,
    '',
    '哪里不对 / What is wrong:',
    '',
    '',
    '正确的信息 / The correct information:',
    '',
    '',
    '依据（通知、公告或官方页面的网址）/ Source:',
    '',
    '',
  ].join('\n');
  return mailtoLink(address, subject, body);
}

/**
 * The questions of the mail form on /submit/ without JavaScript: the event's fields in words a
 * society's staff member knows, one per line, to fill in after the colon. A maintainer turns the
 * answers into the file (or runs `npm run new` with them).
 */
export const MAIL_QUESTIONS = [
  '活动名称：',
  '开始时间（例如 2026-09-12 14:00；全天活动只写日期）：',
  '结束时间：',
  '主办单位全称：',
  '（列表里没有的新单位）单位网站：',
  '（列表里没有的新单位）单位所在地区：',
  '地点（场馆名称或详细地址；线上活动写网址）：',
  '面向人群（例如 公众、青少年、老年人）：',
  '主题（例如 天文、卫生健康）：',
  '形式（例如 讲座、展览、培训）：',
  '报名方式或报名网址：',
  '活动介绍：',
  '',
  '',
  '信息来源（通知或官方页面的网址）：',
  '联系人和电话（只给维护者看，不会公开）：',
  '',
].join('\n');

/** Subject of a submission mailed without the form (no JavaScript); people may edit it. */
export const MAIL_FORM_SUBJECT = '[新活动] 科普日历活动提交';

/**
 * A mail with the questions in its body, answered in the mail program. A link rather than a
 * `<form action="mailto:">`: Chromium writes a GET form's spaces as `+` (shown literally by mail
 * programs) and garbles non-ASCII text in a POST text/plain form (measured in
 * tests/site/contact.test.ts), while a link it passes on exactly as written.
 */
export function blankSubmissionMailLink(address: string): string {
  return mailtoLink(address, MAIL_FORM_SUBJECT, `您好，请收录下面的科普活动：\n\n${MAIL_QUESTIONS}`);
}
