/**
 * Ways in without GitHub, in Chromium with JavaScript on and off: /submit/ sends the generated file
 * by mail (a `mailto:` a mail program opens with the file in the body) and downloads it, also with
 * an organizer that is not in the list; without JavaScript it is a plain mail form and the
 * spreadsheet template. Every event and observance page has 信息有误？ with a mail and a GitHub
 * correction naming the page.
 *
 * Chromium has no mail program here: when a page opens `mailto:`, it reports “Failed to launch
 * 'mailto:…'” on the console, which is how these tests read the address the browser built.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

const base = inject('baseUrl');
const EMAIL = 'submit@kepu.example.org';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function context(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
}

/** The `mailto:` address Chromium tried to open after `act`, read from its console report. */
async function mailtoOpened(page: Page, act: () => Promise<unknown>): Promise<string> {
  const seen = page.waitForEvent('console', { predicate: (m) => m.text().includes("'mailto:"), timeout: 10_000 });
  await act();
  return /'(mailto:[^']*)'/.exec((await seen).text())![1]!;
}

/** mailto:to?subject=…&body=… → its parts, decoded. */
function mail(href: string): { to: string; subject: string; body: string } {
  const m = /^mailto:([^?]*)\?(.*)$/.exec(href)!;
  const params = Object.fromEntries(m[2]!.split('&').map((kv) => [kv.slice(0, kv.indexOf('=')), decodeURIComponent(kv.slice(kv.indexOf('=') + 1))]));
  return { to: m[1]!, subject: params.subject ?? '', body: params.body ?? '' };
}

describe('/submit/ by mail', () => {
  it('with JavaScript: the generated file goes in the mail body, and downloads', { timeout: 120_000 }, async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await page.clock.setFixedTime('2026-09-10T10:00:00+08:00');
    await page.goto(`${base}submit/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('astro-island:not([ssr])');
    await page.locator('#f-title').fill('示例观星会');
    await page.locator('#f-start').fill('2026-10-17 19:00');
    await page.getByLabel('主办单位（必填）', { exact: true }).selectOption('test-science-society');
    await page.getByRole('radio', { name: '已有的场馆' }).check();
    await page.getByLabel('场馆', { exact: true }).selectOption('test-science-center');
    await page.getByRole('button', { name: '检查并生成文件' }).click();
    const send = page.getByTestId('mail-submit');
    await send.waitFor();
    const preview = (await page.textContent('[data-testid="file-preview"]'))!;
    const href = (await send.getAttribute('href'))!;
    const m = mail(href);
    expect(m.to).toBe(EMAIL);
    expect(m.subject).toBe('[新活动] 示例观星会');
    expect(m.body).toContain('活动 / Event: 示例观星会\r\n时间 / When: 2026-10-17 19:00\r\n');
    expect(m.body).toContain(`===== 文件 1/1 / file: content/events/2026/2026-10-17-shi-li-guan-xing-hui.md =====\r\n${preview.replace(/\n$/, '').replace(/\n/g, '\r\n')}\r\n===== 文件结束`);
    // Clicking it hands exactly that address to the system's mail program.
    expect(await mailtoOpened(page, () => send.click())).toBe(href);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载文件' }).click()]);
    expect(download.suggestedFilename()).toBe('2026-10-17-shi-li-guan-xing-hui.md');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(preview);
    await ctx.close();
  });

  it('with JavaScript: an organizer not in the list is filled in and travels with the event', { timeout: 120_000 }, async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await page.clock.setFixedTime('2026-09-10T10:00:00+08:00');
    await page.goto(`${base}submit/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('astro-island:not([ssr])');
    await page.locator('#f-title').fill('示例观星会');
    await page.locator('#f-start').fill('2026-10-17 19:00');
    await page.getByLabel('主办单位（必填）', { exact: true }).selectOption({ label: '列表里没有，填写新单位…' });
    await page.getByLabel('单位全称').fill('示例天文爱好者协会');
    await page.getByLabel('单位网站（可选）').fill('https://www.example.org/astro');
    await page.getByLabel('单位所在地区（可选）').selectOption({ label: '北京市' });
    await page.getByRole('radio', { name: '线上（直播、展播）' }).check();
    await page.getByLabel('线上网址').fill('https://live.example.org/stars');
    await page.getByRole('button', { name: '检查并生成文件' }).click();
    await page.getByTestId('mail-submit').waitFor();
    // Two files: GitHub's new-file page cannot take both, mail and issue can.
    expect(await page.getByTestId('github-new-file').count()).toBe(0);
    const m = mail((await page.getByTestId('mail-submit').getAttribute('href'))!);
    expect(m.body).toContain('主办单位 / Organizer: 示例天文爱好者协会（新单位，文件附在下面 / new, file below）');
    expect(m.body).toContain('===== 文件 1/2 / file: content/organizers/shi-li-tian-wen-ai-hao-zhe-xie-hui.yaml =====\r\n');
    expect(m.body).toContain('name: 示例天文爱好者协会\r\ntype: other\r\nregion: "110000"\r\nwebsite: https://www.example.org/astro\r\n');
    expect(m.body).toContain('organizer: shi-li-tian-wen-ai-hao-zhe-xie-hui\r\n');
    const issue = new URL((await page.getByTestId('github-issue').getAttribute('href'))!);
    expect(issue.searchParams.get('body')).toContain('content/organizers/shi-li-tian-wen-ai-hao-zhe-xie-hui.yaml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载单位文件' }).click()]);
    expect(download.suggestedFilename()).toBe('shi-li-tian-wen-ai-hao-zhe-xie-hui.yaml');
    await ctx.close();
  });

  it('without JavaScript: a mail link with the questions in its body, and the spreadsheet template', { timeout: 60_000 }, async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(`${base}submit/`, { waitUntil: 'load' });
    const form = page.getByTestId('mail-fallback');
    expect(await form.isVisible()).toBe(true);
    const link = page.getByTestId('mail-fallback-link');
    const href = (await link.getAttribute('href'))!;
    const m = mail(href);
    expect(m.to).toBe(EMAIL);
    expect(m.subject).toBe('[新活动] 科普日历活动提交');
    const questions = (await page.textContent('.mail-questions'))!;
    expect(questions).toMatch(/^活动名称：\n开始时间（例如 2026-09-12 14:00；全天活动只写日期）：\n结束时间：\n主办单位全称：\n（列表里没有的新单位）单位网站：\n（列表里没有的新单位）单位所在地区：\n/);
    expect(m.body).toBe(`您好，请收录下面的科普活动：\n\n${questions}`.replace(/\n/g, '\r\n'));
    // Chromium hands the link to the mail program exactly as written (spaces stay %20).
    expect(await mailtoOpened(page, () => link.click())).toBe(href);
    expect(href).not.toContain('+');

    const template = page.getByRole('link', { name: '电子表格模板（.xlsx）' }).first();
    const res = await page.request.get(new URL((await template.getAttribute('href'))!, base).href);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await ctx.close();
  });
});

it('a pulled event says where it is synchronised from', { timeout: 30_000 }, async () => {
  const ctx = await context(false);
  const page = await ctx.newPage();
  await page.goto(`${base}events/2026-10-10-online-talk/`, { waitUntil: 'load' });
  const line = page.getByText('自动同步自主办单位发布的');
  expect(await line.isVisible()).toBe(true);
  expect(await line.getByRole('link', { name: '活动日历' }).getAttribute('href')).toBe('https://www.example.org/test-society/calendar.ics');
  await ctx.close();
});

describe('信息有误？', () => {
  const pages = [
    { path: 'events/2026-09-12-first-aid-training/', kind: '活动', file: /\/events\/2026\/2026-09-12-first-aid-training\.md$/ },
    { path: 'observances/world-first-aid-day/', kind: '纪念日', file: /\/observances\/world-first-aid-day\.md$/ },
  ];
  for (const js of [true, false]) {
    it.each(pages)(`with JavaScript ${js ? 'on' : 'off'}: $path names the page by mail and in a GitHub correction`, { timeout: 60_000 }, async ({ path, kind, file }) => {
      const ctx = await context(js);
      const page = await ctx.newPage();
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      const box = page.getByTestId('correction');
      expect(await box.getByRole('heading', { name: '信息有误？' }).isVisible()).toBe(true);
      const title = (await page.textContent('h1'))!.trim();
      const mailLink = box.getByRole('link', { name: '发邮件告诉我们' });
      const href = (await mailLink.getAttribute('href'))!;
      const m = mail(href);
      expect(m.to).toBe(EMAIL);
      expect(m.subject).toBe(`[更正] ${kind}：${title}`);
      const lines = m.body.split('\r\n');
      expect(lines).toContain(`页面 / Page: https://kepu.example.org/${path}`);
      expect(lines).toContain(`名称 / Title: ${title}`);
      expect(lines.find((l) => l.startsWith('文件 / File: '))).toMatch(file);
      expect(await mailtoOpened(page, () => mailLink.click())).toBe(href);

      const issue = new URL((await box.getByRole('link', { name: '在 GitHub 上提交更正' }).getAttribute('href'))!);
      expect(issue.pathname).toMatch(/^\/[\w.-]+\/[\w.-]+\/issues\/new$/);
      expect(issue.searchParams.get('template')).toBe('correction.yml');
      expect(issue.searchParams.get('title')).toBe(`[更正] ${title}`);
      expect(issue.searchParams.get('entry')).toMatch(new RegExp(`^https://kepu\\.example\\.org/${path}\\n`));
      // Reachable by keyboard: Tab lands on the mail link at some point.
      await page.locator('h1').focus();
      let reached = false;
      for (let i = 0; i < 200 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await mailLink.evaluate((el) => el === document.activeElement);
      }
      expect(reached).toBe(true);
      await ctx.close();
    });
  }
});
