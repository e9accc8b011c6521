/**
 * /calendar/ in a real browser: the September 2026 test events (first-aid training on the 12th, the
 * cancelled lecture on the 15th, the science fair 19–21), observance days apart from activities,
 * view switching, filters that change both what is shown and the URL, data fetched per month.
 * The browser clock is pinned to the build's "today" (2026-09-10) so the calendar opens there.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CLS_RECORDER, countScrolledTo, launchBrowser, layoutShift } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { calendarEvent } from '../helpers/calendar-event.ts';

const base = inject('baseUrl');
const TODAY = '2026-09-10T10:00:00+08:00';
const TRAINING = 'a[href="/events/2026-09-12-first-aid-training/"]';
const LECTURE = 'a[href="/events/2026-09-15-cancelled-lecture/"]';
const FAIR = 'a[href="/events/2026-09-20-science-fair/"]';
const ONLINE = 'a[href="/events/2026-10-10-online-talk/"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(path: string, width = 1280, prepare?: (page: Page) => Promise<void>): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  await prepare?.(page);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(base + path.replace(/^\//, ''), { waitUntil: 'networkidle' });
  await loaded(page);
  return { page, errors, requests };
}

/**
 * Waits until the calendar has drawn (its month's data is in and every event is on the grid: the root
 * leaves aria-busy, KepuCalendar.tsx), then returns the status line ("2026年9月：3 项活动"). After an
 * action, poll it (`expect.poll(() => loaded(page))`): the old status may still show for a moment.
 */
async function loaded(page: Page): Promise<string> {
  await page.waitForFunction(() => /项活动/.test(document.querySelector('.kp-status')?.textContent ?? '') && !!document.querySelector('.kp-calendar[aria-busy="false"] .kp-fc'));
  return (await page.textContent('.kp-status'))!;
}

const search = (page: Page) => new URL(page.url()).searchParams;

describe('calendar', () => {
  it('opens at today in month view and shows September 2026’s events, observance days and the 全国科普月 banner', async () => {
    const { page, errors, requests } = await open('/calendar/');
    await expect.poll(() => page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-label')).toBe('月');
    await expect.poll(() => loaded(page)).toBe('2026年9月：3 项活动');
    for (const sel of [TRAINING, LECTURE, FAIR]) await expect.poll(() => page.locator(sel).count()).toBeGreaterThan(0);
    await expect(page.locator(LECTURE).first().textContent()).resolves.toContain('【已取消】');
    await expect(page.locator('a[href="/observances/world-first-aid-day/"]').first().textContent()).resolves.toContain('纪念日：世界急救日');
    await expect.poll(() => page.locator('a[href="/observances/national-science-month/"]').count()).toBeGreaterThan(0);
    // Only the visible months' files were fetched (the grid shows Aug 31 – Oct 11; 2026-08 has none),
    // and no manifest: it is in the page, so the month's files are asked for at once.
    const data = requests.filter((p) => p.startsWith('/data/'));
    expect(data.sort()).toEqual(['/data/events/2026-09.json', '/data/events/2026-10.json', '/data/observances/2026.json']);
    expect(errors).toEqual([]);
  });

  it('keeps the page small: island props are the filter vocabularies only', async () => {
    const html = readFileSync(`${inject('distDir')}/calendar/index.html`, 'utf8');
    const props = /<astro-island[^>]*\sprops="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(props.length).toBeGreaterThan(0);
    expect(props.length).toBeLessThan(12_000);
    expect(html).not.toContain('2026-09-12-first-aid-training');
    // Without JavaScript there is a way to the events.
    expect(html).toMatch(/<noscript>[\s\S]*href="\/events\/"/);
  });

  it('switches views and records the view in the URL; the list shows the fair on each of its days', async () => {
    const { page, errors } = await open('/calendar/');
    await page.click('[role="tab"][aria-label="周"]');
    await expect.poll(() => search(page).get('view')).toBe('week');
    await expect.poll(() => page.locator(TRAINING).count()).toBe(1); // the week of Sep 7–13
    await expect.poll(() => page.locator(FAIR).count()).toBe(0);
    await page.click('[role="tab"][aria-label="列表"]');
    await expect.poll(() => search(page).get('view')).toBe('list');
    expect(search(page).get('date')).toBe('2026-09');
    await expect.poll(() => page.locator(FAIR).count()).toBe(3);
    const fairDays = await page.$$eval(FAIR, (links) => links.map((a) => a.closest('[role="listitem"][aria-label]')?.getAttribute('aria-label')));
    expect(fairDays).toEqual(['2026年9月19日', '2026年9月20日', '2026年9月21日']);
    // Multi-day observances are listed once above the list instead of on every day.
    await expect.poll(() => page.textContent('.kp-aside')).toContain('全国科普月');
    await expect.poll(() => page.locator('[role="list"] a[href="/observances/national-science-month/"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('goes to the next month and today; the URL follows', async () => {
    const { page, errors } = await open('/calendar/');
    await page.click('button[aria-label="下个月"]');
    await expect.poll(() => search(page).get('date')).toBe('2026-10');
    await expect.poll(() => page.locator(ONLINE).count()).toBe(1);
    await expect.poll(() => loaded(page)).toBe('2026年10月：1 项活动');
    await page.click('button[aria-label="今天"]');
    await expect.poll(() => search(page).get('date')).toBe('2026-09');
    expect(errors).toEqual([]);
  });

  it('filters change the events shown and the URL; clear-all brings everything back', async () => {
    const { page, errors } = await open('/calendar/');
    await page.selectOption('#kp-f-topic', 'health');
    await expect.poll(() => search(page).get('topic')).toBe('health');
    await expect.poll(() => loaded(page)).toBe('2026年9月：1 项活动');
    await expect.poll(() => page.locator(TRAINING).count()).toBe(1);
    await expect.poll(() => page.locator(FAIR).count()).toBe(0);
    // Observance days follow the topic filter: 世界急救日 is a health day, 全国科普月 is not.
    await expect.poll(() => page.locator('a[href="/observances/world-first-aid-day/"]').count()).toBe(1);
    await expect.poll(() => page.locator('a[href="/observances/national-science-month/"]').count()).toBe(0);

    await page.selectOption('#kp-f-topic', '');
    await page.selectOption('#kp-f-status', 'active');
    await expect.poll(() => search(page).get('status')).toBe('active');
    await expect.poll(() => loaded(page)).toBe('2026年9月：2 项活动');
    await expect.poll(() => page.locator(LECTURE).count()).toBe(0);
    await page.selectOption('#kp-f-audience', 'families');
    await expect.poll(() => search(page).get('audience')).toBe('families');
    await expect.poll(() => loaded(page)).toBe('2026年9月：1 项活动');
    await expect.poll(() => page.locator(FAIR).count()).toBeGreaterThan(0);
    await page.check('input[name="free"]');
    await page.selectOption('#kp-f-mode', 'onsite');
    await page.selectOption('#kp-f-region', '110105');
    await expect.poll(() => page.url()).toContain('?audience=families&region=110105&mode=onsite&free=1&status=active');
    await expect.poll(() => page.locator(FAIR).count()).toBeGreaterThan(0);
    await page.selectOption('#kp-f-region', '110108');
    await expect.poll(() => loaded(page)).toBe('2026年9月：0 项活动符合条件');
    await page.uncheck('input[name="obs"]');
    await expect.poll(() => search(page).get('obs')).toBe('0');
    await expect.poll(() => page.locator('.kp-calendar a[href^="/observances/"]').count()).toBe(0);

    await page.click('button:has-text("清除筛选")');
    await expect.poll(() => page.url()).toBe(`${base}calendar/`);
    await expect.poll(() => loaded(page)).toBe('2026年9月：3 项活动');
    await expect.poll(() => page.locator(FAIR).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a shared link opens the same filtered view', async () => {
    const { page, errors } = await open('/calendar/?topic=health&view=list&date=2026-09');
    await expect.poll(() => page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-label')).toBe('列表');
    await expect.poll(() => page.inputValue('#kp-f-topic')).toBe('health');
    await expect.poll(() => page.locator(TRAINING).count()).toBe(1);
    await expect.poll(() => page.locator(FAIR).count()).toBe(0);
    await expect.poll(() => page.textContent('.kp-filter-box summary')).toContain('已选 1 项');
    // In-app browsers hide the address bar: the page copies its own link.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    await page.click('button:has-text("复制链接")');
    await expect.poll(() => page.textContent('.kp-share [role="status"]')).toBe('链接已复制');
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(`${base}calendar/?topic=health&view=list&date=2026-09`);
    expect(errors).toEqual([]);
  });

  it('phones get the list view, with the filters folded and the first rows on the first screen', async () => {
    const { page, errors } = await open('/calendar/', 390);
    await expect.poll(() => page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-label')).toBe('列表');
    // An iPhone's first screen (390 × 844) shows activities, not only the controls above them: the
    // quick filters are one row (2026-12: the list began at y ≈ 1,016 under four rows of them, the
    // legend and the lead), and what they scroll to is reached by the keyboard.
    const firstRow = await page.locator('.kp-fc [role="list"] a[href^="/events/"]').first().boundingBox();
    expect(firstRow!.y + firstRow!.height).toBeLessThanOrEqual(844);
    expect((await page.locator('.kp-quick .chips').boundingBox())!.height).toBeLessThan(60);
    await page.focus('#kp-age');
    const age = (await page.locator('#kp-age').boundingBox())!;
    expect(age.x + age.width).toBeLessThanOrEqual(390);
    expect(await page.isVisible('#kp-f-topic')).toBe(false);
    await page.click('.kp-filter-box summary');
    expect(await page.isVisible('#kp-f-topic')).toBe(true);
    expect(search(page).get('view')).toBeNull(); // the default is not written into the URL
    // A week on a phone is a list too (seven 50 px columns cannot hold a title).
    await page.click('[role="tab"][aria-label="周"]');
    await expect.poll(() => search(page).get('view')).toBe('week');
    await expect.poll(() => page.textContent('[role="heading"]')).toBe('2026年9月7日—13日');
    await expect.poll(() => page.locator(`[role="list"] ${TRAINING}`).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a phone’s list of this month starts at today: what is over is folded, one tap away', async () => {
    // Two activities earlier this month (the test content has none before the 12th).
    const { page, errors } = await open('/calendar/', 390, async (p) => {
      await p.addInitScript(CLS_RECORDER);
      await p.route('**/data/events/2026-09.json', async (route) => {
        const file = await (await route.fetch()).json();
        file.events.push(calendarEvent('test-past-1', '2026-09-03'), calendarEvent('test-past-2', '2026-09-08T14:00', '2026-09-08T16:00'));
        await route.fulfill({ json: file });
      });
    });
    const days = () => page.$$eval('.kp-fc [role="listitem"][aria-label]', (rows) => [...new Set(rows.map((r) => r.getAttribute('aria-label')!))]);
    const dayNumber = (label: string) => Number(/9月(\d+)日/.exec(label)![1]);
    await expect.poll(() => page.textContent('.kp-past')).toMatch(/^今天以前的 \d+ 项已收起。显示$/);
    const folded = Number(/(\d+) 项/.exec((await page.textContent('.kp-past'))!)![1]);
    expect(folded).toBe(2);
    expect((await days()).every((d) => dayNumber(d) >= 10)).toBe(true);
    await expect.poll(() => page.locator(TRAINING).count()).toBe(1);
    // The status line still counts the whole month; nothing moved while the list was drawn.
    expect(await loaded(page)).toMatch(/^2026年9月：\d+ 项活动$/);
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const before = await page.locator('.kp-fc [role="listitem"] a').count();
    await page.click('.kp-past button');
    await expect.poll(() => page.locator('.kp-past').count()).toBe(0);
    await expect.poll(() => page.locator('.kp-fc [role="listitem"] a').count()).toBe(before + folded);
    expect((await days()).some((d) => dayNumber(d) < 10)).toBe(true);
    // Another month lists from its first day.
    await page.click('button[aria-label="下个月"]');
    await expect.poll(() => search(page).get('date')).toBe('2026-10');
    await expect.poll(() => page.locator(ONLINE).count()).toBe(1);
    expect(await page.locator('.kp-past').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a month without activities says so under the drawn calendar, and nothing moves (a quiet December)', async () => {
    const { page, errors } = await open('/calendar/?date=2026-12', 390, async (p) => void (await p.addInitScript(CLS_RECORDER)));
    await expect.poll(() => loaded(page)).toBe('2026年12月：0 项活动');
    await expect.poll(() => page.textContent('.kp-empty')).toContain('2026年12月还没有登记的活动');
    // It once came before the calendar, which then pushed it 268 px down (CLS 0.058 on a phone).
    expect(await layoutShift(page)).toBeLessThan(0.01);
    expect(await page.locator('.kp-empty a').getAttribute('href')).toMatch(/date=2026-11/);
    expect(errors).toEqual([]);
  });

  it('opens a month whose activities alone are more than a page at its first day, its frame drawn before the month’s file is in', async () => {
    // September 2025 of the shipped content: a few exhibitions of a whole month each, more than 100
    // rows (the manifest's byDay). The month's file is held: the phone's frame and its note are drawn.
    const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.clock.setFixedTime(TODAY);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let asked = false;
    await page.route('**/data/events/2025-09.json', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(base + 'calendar/?date=2025-09');
    await expect.poll(() => asked).toBe(true);
    await expect.poll(() => page.textContent('.kp-note')).toContain('按天列出');
    expect(await page.locator('.kp-fc').count()).toBe(0);
    release();
    await expect.poll(() => loaded(page)).toMatch(/^2025年9月1日：\d+ 项活动$/);
    expect(await page.textContent('[role="heading"]')).toBe('2025年9月1日');
    expect(await page.locator('.kp-fc a[href^="/events/"]').count()).toBeGreaterThan(0);
    // With a filter the month may fit one list: the calendar decides once the file is in.
    await page.goto(base + 'calendar/?date=2025-09&free=1');
    await expect.poll(() => loaded(page)).toMatch(/^2025年9月/);
    await context.close();
  });

  it('says so when FullCalendar cannot be loaded, and stops being busy', async () => {
    // Not open(): it waits for the drawn calendar.
    const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.clock.setFixedTime(TODAY);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let aborted = 0;
    await page.route(/\/_astro\/CalendarGrid\.[\w-]+\.js$/, (route) => (aborted++, route.abort()));
    await page.goto(base + 'calendar/');
    await expect.poll(() => page.textContent('.kp-status')).toBe('日历数据加载失败，请检查网络后刷新页面 / could not load the calendar data');
    await expect.poll(() => page.getAttribute('.kp-calendar', 'aria-busy')).toBe('false');
    // The frame is there (filters, status), the calendar is not.
    expect(await page.locator('.kp-filter-box').count()).toBe(1);
    expect(await page.locator('.kp-fc').count()).toBe(0);
    expect(aborted).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a dense month lists one day at a time, the rows within reach first, 100 as it is scrolled; 再列出 adds more; the next day follows', async () => {
    // The test content has a few events a month; this month file gets 250 generated ones on 10 September
    // and 5 on the 11th (what 50,000 events a year look like), served in place of the built file.
    const generated = (day: string, n: number) =>
      Array.from({ length: n }, (_, i) => calendarEvent(`test-dense-${day}-${i}`, day, undefined, { title: `测试活动 ${day} ${i}` }));
    const { page, errors } = await open('/calendar/', 390, async (p) => {
      await p.addInitScript(CLS_RECORDER);
      await p.route('**/data/events/2026-09.json', async (route) => {
        const file = await (await route.fetch()).json();
        file.events.push(...generated('2026-09-10', 250), ...generated('2026-09-11', 5));
        await route.fulfill({ json: file });
      });
    });
    const ROW = '.kp-fc [role="list"] [role="listitem"] a';
    const rows = () => page.locator(ROW).count();
    await expect.poll(() => page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-label')).toBe('列表');
    await expect.poll(() => page.textContent('[role="heading"]')).toBe('2026年9月10日');
    await expect.poll(() => loaded(page)).toMatch(/^2026年9月10日：25\d 项活动$/);
    // Drawn (aria-busy false): the rows of the first screens, not all 100 — the phone is not kept
    // busy with rows below the fold (use-first-draw.ts) — and the screen is full of rows.
    const first = await rows();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(100);
    expect(await page.locator(ROW).last().evaluate((a) => a.getBoundingClientRect().bottom > window.innerHeight)).toBe(true);
    // Nothing on screen moved while the calendar and its first rows were drawn (Lighthouse's CLS).
    expect(await layoutShift(page)).toBeLessThan(0.01);
    // Below them 继续列出 draws the next rows for whoever does not scroll (a keyboard, a screen reader) …
    await page.focus('.kp-more button');
    expect(await page.textContent('.kp-more')).toBe('继续列出');
    await page.keyboard.press('Enter');
    await expect.poll(rows).toBeGreaterThan(first);
    // … and scrolled down, the rest comes, up to a page of 100.
    await expect.poll(() => countScrolledTo(page, ROW)).toBe(100);
    await expect.poll(() => page.textContent('.kp-more')).toMatch(/先列出 100 条，还有 15\d 条/);
    await expect.poll(() => page.textContent('.kp-note')).toContain('按天列出');
    expect(search(page).get('view')).toBeNull(); // opening at the day is not a choice to record
    await page.click('.kp-more button');
    await expect.poll(rows).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('button[aria-label="后一天"]');
    await expect.poll(() => page.textContent('[role="heading"]')).toBe('2026年9月11日');
    await expect.poll(() => search(page).get('date')).toBe('2026-09-11');
    await expect.poll(() => page.locator('.kp-fc a[href^="/events/test-dense-2026-09-11-"]').count()).toBe(5);
    await expect.poll(() => page.locator('.kp-more').count()).toBe(0);
    // Filtered down, the month fits in one list again.
    await page.click('.kp-filter-box summary');
    await page.selectOption('#kp-f-topic', 'health');
    await expect.poll(() => page.textContent('[role="heading"]')).toBe('2026年9月');
    await expect.poll(() => search(page).get('date')).toBe('2026-09'); // the link shows what is shown
    await expect.poll(() => loaded(page)).toBe('2026年9月：1 项活动');
    await expect.poll(() => page.locator(TRAINING).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    const { page } = await open('/calendar/');
    expect(await axeViolations(page)).toEqual([]);
  });
});

