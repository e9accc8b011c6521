/**
 * /submit/ in a real browser on the shared build: fill the form, get the schema's message for a
 * date that does not exist (next to the field and in the error summary, which links to it), fix
 * it, and get a live preview and a GitHub “new file” link whose `value` is a file the validator
 * accepts inside the test content tree. Also: pinyin loads only once a title is typed, the page
 * works at 360 px and by keyboard, and axe finds no WCAG 2.1 A/AA violations with errors shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { checkNewFiles } from '../../src/lib/import/scaffold.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { TMP } from '../helpers/build-site.ts';

const base = inject('baseUrl');
const NOW = '2026-09-10T10:00:00+08:00';
const TITLE = '世界急救日公益培训：心肺复苏与AED使用';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(width = 1280): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}submit/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('astro-island:not([ssr])');
  return { page, errors, requests };
}

/** Fill the form as a person would, with a start date that does not exist. */
async function fillWithBadDate(page: Page) {
  await page.locator('#f-title').fill(TITLE);
  await page.locator('#f-start').fill('2026-09-31 14:00');
  await page.getByLabel('结束（可选）').fill('16:30');
  await page.getByLabel('主办单位（必填）', { exact: true }).selectOption('test-science-society');
  await page.getByRole('radio', { name: '已有的场馆' }).check();
  await page.getByLabel('场馆', { exact: true }).selectOption('test-science-center');
  await page.getByRole('checkbox', { name: '卫生健康' }).check();
  await page.getByRole('checkbox', { name: '公众' }).check();
  await page.getByLabel('报名网址（可选）').fill('https://www.example.org/signup');
  await page.getByLabel('活动介绍（可选）').fill('由急救医生讲解心肺复苏要点。\n\n现场练习 AED 使用。');
}

describe('/submit/', () => {
  it('shows the schema’s error for a bad date, then a valid file and a GitHub link once it is fixed', { timeout: 120_000 }, async () => {
    const { page, errors, requests } = await open();
    // pinyin-pro (the file name) is a separate script, fetched only once there is a title.
    // (Neither its loader nor the chunk with pinyin-pro: a static import of anything in slug.ts pulls it in.)
    expect(requests.filter((p) => p.includes('slug'))).toEqual([]);
    await fillWithBadDate(page);
    await page.getByRole('button', { name: '检查并生成文件' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor({ state: 'visible' });
    // Focus moves after the summary is drawn: poll, do not read once.
    await expect.poll(() => page.evaluate('document.activeElement.className')).toBe('error-summary');
    const link = summary.getByRole('link', { name: /开始：没有这一天（2026-09-31）/ });
    await expect(link.getAttribute('href')).resolves.toBe('#f-start');
    await expect(page.textContent('#f-start-error')).resolves.toContain('没有这一天（2026-09-31），请检查月份和日期 / not a real calendar date');
    await expect(page.getAttribute('#f-start', 'aria-invalid')).resolves.toBe('true');
    expect(await page.getAttribute('#f-start', 'aria-describedby')).toContain('f-start-error');
    expect(await page.locator('[data-testid="github-new-file"]').count()).toBe(0);
    // The summary's link moves focus to the field.
    await link.click();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('f-start');

    // Fixing the date clears the error as one types, and the file appears.
    await page.locator('#f-start').fill('2026-09-12 14:00');
    await page.waitForSelector('[data-testid="github-new-file"]');
    expect(await summary.count()).toBe(0);
    expect(await page.locator('#f-start-error').count()).toBe(0);
    const preview = (await page.textContent('[data-testid="file-preview"]'))!;
    expect(preview).toContain(`title: ${TITLE}\nstart: 2026-09-12T14:00\nend: 2026-09-12T16:30\norganizer: test-science-society\nvenue: test-science-center\n`);
    expect(requests.some((p) => p.includes('load-slug'))).toBe(true);

    const href = (await page.getAttribute('[data-testid="github-new-file"]', 'href'))!;
    const url = new URL(href);
    expect(url.origin).toBe('https://github.com');
    expect(url.pathname).toMatch(/^\/[\w.-]+\/[\w.-]+\/new\/main$/);
    const path = url.searchParams.get('filename')!;
    const text = url.searchParams.get('value')!;
    expect(path).toBe('content/events/2026/2026-09-12-shi-jie-ji-jiu-ri-gong-yi-pei-xun-xin-fei-fu-su.md');
    expect(await page.textContent('.result-path code')).toBe(path);
    expect(text).toBe(preview);
    // The file the link carries passes the validator inside the whole test content tree.
    const tree = readContentFiles(join(TMP, 'site-content'), TMP);
    const check = checkNewFiles(tree, [{ path: path.replace(/^content\//, 'site-content/'), text }], 'site-content');
    expect(check.errors).toEqual([]);
    expect(check.result.content.events.find((e) => e.file.endsWith('fei-fu-su.md'))).toMatchObject({ organizer: 'test-science-society', topics: ['health'], audiences: ['public'] });

    // The issue for people who do not make pull requests carries the same file.
    const issue = new URL((await page.getAttribute('[data-testid="github-issue"]', 'href'))!);
    expect(issue.pathname).toMatch(/\/issues\/new$/);
    expect(issue.searchParams.get('title')).toBe(`[新活动] ${TITLE}`);
    expect(issue.searchParams.get('body')).toContain(text);
    expect(errors).toEqual([]);
  });

  it('offers the field registry\'s generic fields (适合年龄) and ties their errors to them', { timeout: 120_000 }, async () => {
    const { page, errors } = await open();
    await fillWithBadDate(page);
    await page.locator('#f-start').fill('2026-09-12 14:00');
    await page.getByLabel('适合年龄（可选）').fill('6-12岁');
    await page.waitForSelector('[data-testid="github-new-file"]');
    await expect(page.textContent('[data-testid="file-preview"]')).resolves.toContain('ageMin: 6\nageMax: 12\n');
    await page.getByLabel('适合年龄（可选）').fill('12-6');
    await page.getByRole('button', { name: '检查并生成文件' }).click();
    await expect(page.textContent('#f-age-error')).resolves.toContain('适合年龄的上限小于下限');
    expect(errors).toEqual([]);
  });

  it('works by keyboard: Enter in a field checks the form and focus goes to the summary', async () => {
    const { page } = await open();
    await page.locator('#f-title').focus();
    await page.keyboard.type('科普讲座');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    await expect.poll(() => page.evaluate('document.activeElement.className')).toBe('error-summary');
    const items = await page.locator('.error-summary li').allTextContents();
    expect(items).toEqual(['开始：缺少必填字段，请补上', '主办单位：请填写主办单位（已有单位的名称或编号）']);
    // Every field has a visible label, and the schema's help is next to it.
    await expect(page.textContent('#f-title-help')).resolves.toContain('活动名称，一行，不超过 80 字 / Title, one line, at most 80 characters.');
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('.submit-form input, .submit-form select, .submit-form textarea')]
      .filter((el) => !(el.labels && el.labels.length && el.labels[0].textContent.trim())).map((el) => el.name)`);
    expect(unlabelled).toEqual([]);
  });

  it('fits 360 px without sideways scrolling and has no WCAG 2.1 A/AA violations with errors shown', { timeout: 120_000 }, async () => {
    const { page, errors } = await open(360);
    await fillWithBadDate(page);
    await page.getByRole('button', { name: '检查并生成文件' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#f-start').fill('2026-09-12 14:00');
    await page.waitForSelector('[data-testid="github-new-file"]');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps the island props small and says which repository it opens', () => {
    const html = readFileSync(`${inject('distDir')}/submit/index.html`, 'utf8');
    const props = /<astro-island[^>]*\sprops="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(props.length).toBeGreaterThan(0);
    expect(props.length).toBeLessThan(20_000);
    expect(html).toContain('KEPU_REPO');
    expect(html).toMatch(/<noscript>/);
  });
});

