/** The built site in a real browser: the spine's pages exist and show real data. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.ts';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('spine pages', () => {
  it('home says what today is and lists the next events', async () => {
    const { page, errors } = await openPage(browser, base);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.textContent('.obs-today')).resolves.toContain('今天是 2026年9月10日，星期四');
    // The test events after the pinned today, in date order.
    const titles = await page.locator('#next ~ .event-list h3 a, section[aria-labelledby="next"] h3 a').allTextContents();
    expect(titles[0]).toBe('世界急救日公益培训：心肺复苏与AED使用');
    expect(errors).toEqual([]);
  });

  it('an event page shows time with weekday, place, organizer, registration and observance', async () => {
    const { page, errors } = await openPage(browser, `${base}events/2026-09-12-first-aid-training/`);
    const facts = await page.textContent('dl.facts');
    expect(facts).toContain('2026年9月12日（星期六）14:00–16:30');
    expect(facts).toContain('测试科学中心');
    expect(facts).toContain('北京市朝阳区');
    expect(facts).toContain('测试市红十字会');
    expect(facts).toContain('名额 40 人，免费');
    expect(facts).toContain('世界急救日');
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(ld).toMatchObject({ '@type': 'Event', startDate: '2026-09-12T14:00:00+08:00', eventStatus: 'https://schema.org/EventScheduled' });
    expect(errors).toEqual([]);
  });

  it('an event page renders its Markdown description; an event without one has no empty 活动介绍 section', async () => {
    const { page } = await openPage(browser, `${base}events/2026-09-12-first-aid-training/`);
    await expect(page.innerHTML('section[aria-labelledby="about"]')).resolves.toContain('学习<strong>心肺复苏</strong>。');
    const bare = await openPage(browser, `${base}events/2025-09-13-past-event/`);
    await expect(bare.page.locator('#about').count()).resolves.toBe(0);
    await expect(bare.page.locator('h1').textContent()).resolves.toBeTruthy();
  });

  it("an event page shows the registry's generic facts (适合年龄) and puts them in its JSON-LD, .ics and open data", async () => {
    const { page, errors } = await openPage(browser, `${base}events/2026-09-20-science-fair/`);
    const facts = page.locator('dl.facts');
    await expect(facts.locator('dt:text-is("适合年龄") + dd').textContent()).resolves.toBe('6–14 岁');
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(ld.typicalAgeRange).toBe('6-14');
    const ics = await (await fetch(`${base}events/2026-09-20-science-fair.ics`)).text();
    expect(ics.replace(/\r\n /g, '')).toContain('\\n适合年龄：6–14 岁\\n');
    const index = (await (await fetch(`${base}api/events.json`)).json()) as { files: { month: string; url: string }[] };
    const sep = index.files.find((f) => f.month === '2026-09')!;
    const data = (await (await fetch(`${base}${new URL(sep.url).pathname.slice(1)}`)).json()) as { events: { id: string; ageMin?: number; ageMax?: number }[] };
    expect(data.events.find((x) => x.id === '2026-09-20-science-fair')).toMatchObject({ ageMin: 6, ageMax: 14 });
    expect(errors).toEqual([]);
  });

  it("the page clock rewrites an event's relative hint against today in China, wherever the reader is", async () => {
    // As built (today 2026-09-10) the page already says it, so nothing moves when the clock runs (CLS) …
    const html = await (await fetch(`${base}events/2026-09-12-first-aid-training/`)).text();
    expect(/data-rel-start="2026-09-12"[^>]*>([^<]*)</.exec(html)?.[1]).toBe('（后天）');
    // … and the same page, opened on different days: the hint follows the reader's clock, not the build's.
    const cases = [
      ['2026-09-10T10:00:00+08:00', 'Asia/Shanghai', '（后天）'],
      ['2026-09-12T09:00:00+08:00', 'Asia/Shanghai', '（今天）'],
      ['2026-09-13T09:00:00+08:00', 'Asia/Shanghai', '（已结束）'],
      ['2026-09-02T09:00:00+08:00', 'Asia/Shanghai', '（还有 10 天）'],
      // 2026-09-11 01:00 in China is still the 10th in Los Angeles: China's day counts.
      ['2026-09-11T01:00:00+08:00', 'America/Los_Angeles', '（明天）'],
    ] as const;
    for (const [now, timezoneId, hint] of cases) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId });
      const page = await context.newPage();
      await page.clock.setFixedTime(now);
      await page.goto(`${base}events/2026-09-12-first-aid-training/`);
      await expect.poll(() => page.textContent('dl.facts [data-rel-start]'), { message: `${now} ${timezoneId}` }).toBe(hint);
      await context.close();
    }
  });

  it('a cancelled event says so loudly', async () => {
    const { page } = await openPage(browser, `${base}events/2026-09-15-cancelled-lecture/`);
    await expect(page.textContent('[role="alert"]')).resolves.toContain('此活动已取消');
  });

  it('an observance page gives dates for this and the next two years, authority, source and history', async () => {
    const { page, errors } = await openPage(browser, `${base}observances/world-first-aid-day/`);
    const text = (await page.textContent('main'))!;
    expect(text).toContain('2026 年9月12日');
    expect(text).toContain('2027 年9月11日');
    expect(text).toContain('2028 年9月9日');
    expect(text).toContain('设立机构');
    expect(text).toContain('历史背景');
    // The history is the observance's Markdown body, rendered (not the 暂无 placeholder).
    const history = await page.locator('section[aria-labelledby="history"] p').first().textContent();
    expect(history).toContain('世界急救日');
    expect(history).not.toBe('暂无。');
    expect(errors).toEqual([]);
  });

  it('the archive lists past events by year', async () => {
    const { page } = await openPage(browser, `${base}events/archive/2025/`);
    await expect(page.locator('.event-card').count()).resolves.toBeGreaterThan(0);
  });
});
