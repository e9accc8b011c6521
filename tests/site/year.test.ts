/**
 * The 科普 year in a real browser and real files (issue 15):
 * - the shared build ("today" 2026-09-10): year pages for 2025–2028 with every observance, the
 *   downloads beside them read back by an xlsx reader, as CSV and by two iCal readers, and the
 *   print poster as PDF (one A3 landscape page, two A4 portrait pages, every name in the text);
 * - a quiet December (2026-12-06) build of the same content: the home page is not empty, the year
 *   page points to 2027, the calendar on an empty month leads to the nearest month with activities;
 * - two builds of one observance, before and after its 2027 dates are announced: subscribers'
 *   calendars move the 预计 band by themselves (same UID, higher SEQUENCE, new days).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { buildSitesInParallel } from '../helpers/build-parallel.ts';
import { ROOT, TMP, testContentTree } from '../helpers/build-site.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';
import { serveStatic } from '../../scripts/lib/serve-static.ts';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { TABLE_HEADERS, yearRows } from '../../src/lib/views/observance-year.ts';

const base = inject('baseUrl');
const dist = inject('distDir');
const today = inject('siteToday');
const DECEMBER = '2026-12-06';

let browser: Browser;
let december: { url: string; close: () => Promise<void> };
const trees = { before: join(TMP, 'year-tentative-before'), after: join(TMP, 'year-tentative-after'), december: join(TMP, 'year-december') };

const WEEK = (dates: string) => `---
name: 测试科技周
kind: campaign
rule: { type: announced }
days: 7
usual: 每年5月下旬
expected: { start: "05-21", end: "05-31" }
authority: 测试部门
level: national
established: 2001
source: { title: 测试通知 }
${dates}---
测试用的历史背景。
`;

function tentativeTree(dir: string, dates: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'observances'), { recursive: true });
  cpSync(join(ROOT, 'content/vocab'), join(dir, 'vocab'), { recursive: true });
  writeFileSync(join(dir, 'observances/test-week.md'), WEEK(dates));
  return dir;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const before = tentativeTree(`${trees.before}-content`, '');
  const after = tentativeTree(`${trees.after}-content`, 'dates:\n  "2027": { start: 2027-05-22, end: 2027-05-29, source: { title: 2027年通知 } }\n');
  const decemberContent = testContentTree(`${trees.december}-content`);
  const results = await buildSitesInParallel([
    { contentDir: before, outDir: trees.before, today: DECEMBER, noSearch: true },
    { contentDir: after, outDir: trees.after, today: DECEMBER, noSearch: true },
    { contentDir: decemberContent, outDir: trees.december, today: DECEMBER, noSearch: true },
  ]);
  for (const r of results) expect(r.status, r.output.slice(-2000)).toBe(0);
  december = await serveStatic(trees.december);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await december?.close();
});

const observances = () => loadContent(join(TMP, 'site-content')).content.observances;

describe('year pages for planners', () => {
  it('exist for last year to two years ahead, each listing every observance of its year with weekday', async () => {
    for (const year of [2025, 2026, 2027, 2028]) {
      const { page, errors } = await openPage(browser, `${base}observances/${year}/`);
      const rows = yearRows(observances(), year, today);
      await expect(page.locator('h1').textContent()).resolves.toBe(`${year} 年科普纪念日日历`);
      const names = await page.locator('.year-months li > a, .year-pending li > a').allTextContents();
      expect(names.sort(), String(year)).toEqual(rows.map((r) => r.o.name).sort());
      await expect(page.locator('.downloads').textContent()).resolves.toContain(`全部 ${rows.length} 个`);
      expect(errors).toEqual([]);
    }
    const { page } = await openPage(browser, `${base}observances/2027/`);
    const eye = page.locator('.year-months li', { has: page.locator('a[href="/observances/eye-care-day/"]') });
    await expect(eye.textContent()).resolves.toMatch(/6月6日\s*星期日\s*全国爱眼日\s*全国日/);
    const week = page.locator('.year-months li', { has: page.locator('a[href="/observances/national-science-week/"]') });
    await expect(week.getAttribute('class')).resolves.toContain('is-tentative');
    await expect(week.locator('.when').textContent()).resolves.toMatch(/^预计.+，日期待公布$/);
    expect(spawnSync('test', ['-e', join(dist, 'observances/2029/index.html')]).status).not.toBe(0);
  });

  it('filter by level and topic, kept in the URL; the year switcher marks the year; fits 360 px', async () => {
    const { page } = await openPage(browser, `${base}observances/2026/`, { width: 360, height: 800 });
    await expect(page.locator('.year-nav [aria-current="page"]').textContent()).resolves.toBe('2026 年');
    await page.selectOption('select[name="level"]', 'international');
    await page.waitForURL(/level=international/);
    const shown = await page.locator('.year-months li:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
    expect(shown.length).toBeGreaterThan(20);
    expect(new Set(shown)).toEqual(new Set(['international']));
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
  });

  it('the downloads: Excel reads the .xlsx, the CSV has a BOM and Chinese headers, the .ics passes two readers', async () => {
    const rows = yearRows(observances(), 2027, today);
    const sheet = await readSheet(readFileSync(join(dist, 'observances/2027.xlsx')));
    expect(sheet[0]).toEqual([...TABLE_HEADERS]);
    expect(sheet.length).toBe(rows.length + 1);
    const weekRow = sheet.find((r) => r[3] === '全国科技活动周')!;
    expect(String(weekRow[8])).toMatch(/^预计/);
    expect(sheet.find((r) => r[3] === '全国爱眼日')!.slice(0, 3)).toEqual(['2027-06-06', '2027-06-06', '星期日']);

    const csv = readFileSync(join(dist, 'observances/2027.csv'), 'utf8');
    expect(csv.startsWith('\ufeff开始日期,结束日期,星期,名称')).toBe(true);
    expect(csv.trimEnd().split('\r\n').length).toBe(rows.length + 1);

    const ics = readFileSync(join(dist, 'observances/2027.ics'), 'utf8');
    assertIcs({ label: 'observances/2027.ics', bytes: ics });
    const events = readIcsEvents(ics);
    expect(events.length).toBe(rows.filter((r) => r.start).length);
    expect(events.find((e) => e.summary.startsWith('【日期待公布】全国科技活动周'))).toBeDefined();
    expect(events.every((e) => e.start.startsWith('2027'))).toBe(true);
  });

  it('prints as a poster: one A3 landscape sheet or two A4 portrait sheets, every observance in the text, nothing cut off', async () => {
    const rows = yearRows(observances(), 2027, today);
    const { page } = await openPage(browser, `${base}observances/2027/`);
    await expect(page.locator('[data-print]').isVisible()).resolves.toBe(true);
    const sheets = [
      { name: 'a3', format: 'A3', landscape: true, pages: 1, viewport: { width: 1587, height: 1123 } },
      { name: 'a4', format: 'A4', landscape: false, pages: 2, viewport: { width: 794, height: 1123 } },
    ] as const;
    for (const s of sheets) {
      const pdf = join(TMP, `year-poster-${s.name}.pdf`);
      await page.pdf({ path: pdf, format: s.format, landscape: s.landscape, printBackground: true });
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(/Pages:\s+(\d+)/.exec(info.stdout)?.[1], s.name).toBe(String(s.pages));
      const text = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      const missing = rows.map((r) => r.o.name).filter((n) => !text.includes(n.replace(/\s+/g, '')));
      expect(missing, s.name).toEqual([]);
      // The same layout on screen with print styles: nothing wider than the sheet, no label out of its strip.
      await page.setViewportSize(s.viewport);
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'), s.name).toBe(true);
      const outside = await page.evaluate(`(() => {
        const shown = [...document.querySelectorAll('.strip')].filter((s) => s.getClientRects().length > 0);
        if (shown.length !== 1) return ['one strip should be printed, not ' + shown.length];
        const strip = shown[0].getBoundingClientRect();
        return [...shown[0].querySelectorAll('svg text')].filter((l) => { const r = l.getBoundingClientRect(); return r.left < strip.left - 1 || r.right > strip.right + 1; }).map((l) => l.textContent);
      })()`);
      expect(outside, s.name).toEqual([]);
      await page.emulateMedia({ media: null }); // back to no emulation: page.pdf() prints with print styles only then
    }
  });
});

describe('a quiet December day (2026-12-06)', () => {
  it('the home page counts down to the next observance days and shows the next campaigns and a look back', async () => {
    const { page, errors } = await openPage(browser, december.url);
    const days = page.locator('section[aria-labelledby="soon"] .next-days li');
    await expect(days.count()).resolves.toBe(8);
    for (const t of await days.locator('.countdown').allTextContents()) expect(t).toMatch(/^（还有 \d+ 天）$/);
    const editions = await page.locator('.editions li').allTextContents();
    expect(editions).toHaveLength(2);
    expect(editions[0]).toMatch(/^2027 年全国科技活动周2027年预计/);
    expect(editions[1]).toMatch(/^2027 年全国科普月2027年9月/);
    const hub = page.locator('.latest-hub a');
    await expect(hub.textContent()).resolves.toMatch(/2026 年.+的 \d+ 项活动/);
    await hub.click();
    await page.waitForURL(/\/campaigns\/.+\/2026\/$/);
    expect(errors).toEqual([]);
  });

  it('/events/ with nothing ahead is not empty: the next observance days and the activities that ended last', async () => {
    const { page, errors } = await openPage(browser, `${december.url}events/`);
    await expect(page.locator('[data-quick-static] .muted').first().textContent()).resolves.toContain('近期暂时没有已登记的活动');
    const days = page.locator('section[aria-labelledby="events-next-days"] li');
    await expect(days.count()).resolves.toBe(4);
    for (const t of await days.locator('.countdown').allTextContents()) expect(t).toMatch(/^（还有 \d+ 天）$/);
    const recent = page.locator('section[aria-labelledby="events-recent"] .event-list > li');
    const n = await recent.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(6);
    expect(errors).toEqual([]);
  });

  it('a quick filter that finds nothing, with nothing to widen to, says so instead of offering “（0 个）”', async () => {
    const { page, errors } = await openPage(browser, `${december.url}events/?when=weekend`);
    const widen = page.locator('.quick-widen');
    await widen.waitFor();
    await expect(widen.textContent()).resolves.toBe('近期还没有登记的活动，放宽条件也找不到。可以先看看纪念日日历。');
    await expect(widen.locator('a').getAttribute('href')).resolves.toBe('/observances/');
    expect(errors).toEqual([]);
  });

  it('the year page points to 2027 for planning', async () => {
    const { page } = await openPage(browser, `${december.url}observances/`);
    const next = page.locator('.plan-next a');
    await expect(next.getAttribute('href')).resolves.toBe('/observances/2027/');
    const { page: sept } = await openPage(browser, `${base}observances/`);
    await expect(sept.locator('.plan-next').count()).resolves.toBe(0);
  });

  it('the calendar shows next year’s 全国科技活动周 as a pale 预计 band, not as a date', async () => {
    const { page } = await openPage(browser, `${december.url}calendar/?view=month&date=2027-05`);
    const band = page.locator('.kp-tentative', { hasText: '预计：全国科技活动周（日期待公布）' }).first();
    await band.waitFor();
    await expect(band.evaluate((el) => getComputedStyle(el).borderStyle)).resolves.toContain('dashed');
    await expect(page.locator('.kp-campaign', { hasText: '全国科技活动周' }).count()).resolves.toBe(0);
  });

  it('the calendar on a month without activities says so and leads to the nearest month that has some', async () => {
    const { page } = await openPage(browser, `${december.url}calendar/`);
    const empty = page.locator('.kp-empty');
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toContain('2026年12月还没有登记的活动');
    await empty.locator('a').click();
    // The nearest month with activities: November (tests/fixtures/weekend).
    await page.waitForURL(/date=2026-11/);
    await page.locator('.kp-status', { hasText: '2026年11月：4 项活动' }).waitFor();
    await expect.poll(() => page.locator('.kp-empty').count()).toBe(0);
  });
});

describe('a 预计 band becomes the announced dates in subscribers’ calendars', () => {
  const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

  it('same UID, higher SEQUENCE, TENTATIVE → CONFIRMED, the real days — in both feeds and the calendar data', () => {
    for (const file of ['observances.ics', 'observances/2027.ics', 'observances/test-week.ics']) {
      assertIcs([{ label: `before/${file}`, bytes: read(trees.before, file) }, { label: `after/${file}`, bytes: read(trees.after, file) }]);
      const b = readIcsEvents(read(trees.before, file)).find((e) => e.uid.startsWith('obs-test-week-2027@'))!;
      const a = readIcsEvents(read(trees.after, file)).find((e) => e.uid.startsWith('obs-test-week-2027@'))!;
      expect(b, file).toMatchObject({ status: 'TENTATIVE', sequence: 0, start: '2027-05-21', summary: '【日期待公布】测试科技周（预计5月下旬）' });
      expect(a, file).toMatchObject({ uid: b.uid, status: 'CONFIRMED', start: '2027-05-22', summary: '测试科技周' });
      expect(a.sequence, file).toBeGreaterThan(b.sequence);
    }
    const tentative = JSON.parse(read(trees.before, 'data/observances/2027.json')).observances;
    expect(tentative).toEqual([expect.objectContaining({ id: 'test-week', start: '2027-05-21', end: '2027-05-31', tentative: true })]);
    const dated = JSON.parse(read(trees.after, 'data/observances/2027.json')).observances;
    expect(dated).toEqual([expect.objectContaining({ id: 'test-week', start: '2027-05-22', end: '2027-05-29' })]);
    expect(dated[0].tentative).toBeUndefined();
    expect(read(trees.before, 'observances/test-week/index.html')).toContain('预计5月下旬，日期待公布');
    expect(read(trees.after, 'observances/test-week/index.html')).toContain('5月22日—29日');
  });
});
