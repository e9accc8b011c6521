/**
 * Listing pages by topic, audience, region, organizer and venue, their index pages with counts,
 * and the embeddable lists, on the test build (today pinned to 2026-09-10; the browser clock too,
 * so the client-side "已结束" marker agrees with the build).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';

const base = inject('baseUrl');
const dist = inject('distDir');
const TODAY = '2026-09-10T10:00:00+08:00';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path.replace(/^\//, ''), { waitUntil: 'networkidle' });
  return { page, errors };
}

const titles = (page: Page, section: string) => page.locator(`section[aria-labelledby="${section}"] .event-card .title a`).allTextContents();

/** One page per listing type, with what the test fixtures put there. */
const CASES = [
  { path: '/topics/health/', h1: '卫生健康', upcoming: ['世界急救日公益培训：心肺复苏与AED使用'], feed: '/topics/health.ics', calendar: '/calendar/?topic=health&view=list' },
  { path: '/audiences/families/', h1: '儿童和家庭', upcoming: ['测试科学嘉年华'], feed: '/audiences/families.ics', calendar: '/calendar/?audience=families&view=list' },
  { path: '/regions/110105/', h1: '北京市朝阳区', upcoming: ['世界急救日公益培训：心肺复苏与AED使用', '测试讲座（已取消）', '测试科学嘉年华'], feed: '/regions/110105.ics', calendar: '/calendar/?region=110105&view=list' },
  { path: '/organizers/test-science-society/', h1: '测试市科普学会', upcoming: ['世界急救日公益培训：心肺复苏与AED使用', '测试讲座（已取消）', '测试科学嘉年华', '测试线上直播：心理健康'], past: ['测试往期活动'], feed: '/organizers/test-science-society.ics' },
  { path: '/venues/test-science-center/', h1: '测试科学中心', upcoming: ['世界急救日公益培训：心肺复苏与AED使用', '测试讲座（已取消）', '测试科学嘉年华'], feed: '/venues/test-science-center.ics' },
];

describe('listing pages', () => {
  for (const c of CASES) {
    it(`${c.path} lists its events, upcoming first, with counts and its feed`, async () => {
      const { page, errors } = await open(c.path);
      await expect(page.textContent('h1')).resolves.toBe(c.h1);
      expect(await titles(page, 'up-h')).toEqual(c.upcoming);
      // Past events of the shipped content may appear too; the test organizer has only its own.
      if (c.past) expect(await titles(page, 'past-h')).toEqual(c.past);
      await expect(page.textContent('.count-line')).resolves.toMatch(new RegExp(`^近期 ${c.upcoming.length} 项活动，往期 \\d+ 项$`));
      await expect(page.textContent('#up-h .count')).resolves.toBe(`${c.upcoming.length} 项`);
      expect(await page.locator(`a[href="${c.feed}"]`).count()).toBe(1);
      if (c.calendar) expect(await page.locator(`a[href="${c.calendar}"]`).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  }

  it('the organizer page shows type, region, website and a copy-paste embed snippet', async () => {
    const { page } = await open('/organizers/test-science-society/');
    const facts = (await page.textContent('dl.facts'))!;
    expect(facts).toContain('学会、协会');
    expect(facts).toContain('北京市朝阳区');
    expect(facts).toContain('https://society.example.org');
    const snippet = await page.inputValue('.embed-snippet textarea');
    expect(snippet).toMatch(/^<iframe src="https:\/\/kepu\.example\.org\/embed\/organizers\/test-science-society\/" title="测试市科普学会的科普活动（科普日历）"/);
  });

  it('the venue page shows its address with a map link', async () => {
    const { page } = await open('/venues/test-science-center/');
    const facts = (await page.textContent('dl.facts'))!;
    expect(facts).toContain('科技馆');
    expect(facts).toContain('测试市朝阳区科普路1号');
    expect(await page.getAttribute('dl.facts a[href^="https://uri.amap.com/"]', 'href')).toContain(encodeURIComponent('测试科学中心'));
  });

  it('a topic page links its observance days', async () => {
    const { page } = await open('/topics/health/');
    expect(await page.locator('section[aria-labelledby="obs-h"] a[href="/observances/world-first-aid-day/"]').count()).toBe(1);
  });

  it('index pages list every entry with counts', async () => {
    // Exact counts for the test-only organizer and venue; the vocabularies also count shipped events.
    for (const [path, label, count] of [
      ['/organizers/', '测试市科普学会', /^近期 4 · 共 5$/],
      ['/venues/', '测试科学中心', /^近期 3 · 共 3$/],
      ['/topics/', '卫生健康', /^近期 1 · 共 \d+$/],
      ['/audiences/', '儿童和家庭', /^近期 1 · 共 \d+$/],
      ['/regions/', '朝阳区', /^近期 3 · 共 \d+$/],
      ['/topics/', '禁毒', /^暂无活动$/],
    ] as const) {
      const { page, errors } = await open(path);
      const row = page.locator('.listing-index li', { has: page.locator(`a:text-is("${label}")`) });
      await expect(row.locator('.count').textContent(), path).resolves.toMatch(count);
      expect(errors).toEqual([]);
    }
  });

  it('every listing page a test event links to exists', () => {
    for (const p of ['topics/emergency', 'audiences/seniors', 'regions/110000', 'organizers/test-red-cross', 'topics/anti-drug']) {
      expect(readFileSync(`${dist}/${p}/index.html`, 'utf8')).toContain('<h1');
    }
  });

  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    for (const path of ['/topics/', '/topics/health/', '/regions/', '/organizers/test-science-society/', '/venues/test-science-center/', '/audiences/seniors/']) {
      const { page } = await open(path);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});

describe('embeds', () => {
  it('are self-contained upcoming lists that open links in a new tab', async () => {
    const { page, errors } = await open('/embed/organizers/test-science-society/', 400);
    expect(await page.locator('header, nav, .site-header').count()).toBe(0);
    await expect(page.getAttribute('base', 'target')).resolves.toBe('_blank');
    await expect(page.getAttribute('meta[name="robots"]', 'content')).resolves.toBe('noindex');
    const links = await page.locator('ol a.title').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['世界急救日公益培训：心肺复苏与AED使用', 'https://kepu.example.org/events/2026-09-12-first-aid-training/'],
      ['测试讲座（已取消）', 'https://kepu.example.org/events/2026-09-15-cancelled-lecture/'],
      ['测试科学嘉年华', 'https://kepu.example.org/events/2026-09-20-science-fair/'],
      ['测试线上直播：心理健康', 'https://kepu.example.org/events/2026-10-10-online-talk/'],
    ]);
    await expect(page.locator('li', { hasText: '测试讲座' }).locator('.badge').textContent()).resolves.toBe('已取消');
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('exist for topics and regions too, and hide what has passed since the build', async () => {
    const { page } = await open('/embed/topics/health/');
    expect(await page.locator('ol li').count()).toBe(1);
    const later = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const p2 = await later.newPage();
    await p2.clock.setFixedTime('2026-09-13T10:00:00+08:00');
    await p2.goto(`${base}embed/regions/110105/`, { waitUntil: 'networkidle' });
    expect(await p2.locator('ol li:visible').count()).toBe(2); // the training of the 12th is over
    await p2.clock.setFixedTime('2026-12-01T10:00:00+08:00');
    await p2.reload({ waitUntil: 'networkidle' });
    expect(await p2.locator('ol li:visible').count()).toBe(0);
    await expect(p2.isVisible('[data-when-all-past]')).resolves.toBe(true);
  });

  it('are kept out of the sitemap and robots', () => {
    expect(readFileSync(`${dist}/sitemap-0.xml`, 'utf8')).not.toContain('/embed/');
    expect(readFileSync(`${dist}/sitemap-0.xml`, 'utf8')).toContain('/topics/health/');
  });
});

