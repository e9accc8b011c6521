/**
 * 大字 is large everywhere (issue 18): on the main pages, at a phone's 390 px and a desktop's 1280 px,
 * every visible control — button, select, text field, checkbox, radio, chip, the calendar's toolbar
 * and view tabs — measures at least 44×44 px, and every one with text shows it at 18 px or more.
 * Before: the /observances/ filters were 116×19 px at 13 px and the search checkboxes 13×13 px.
 * And a phone in 大字 opens the calendar as a list, even from a link to the month view.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** A page in 大字 mode (as the toggle leaves it in localStorage), with the browser's clock at the build's today. */
async function openLarge(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.clock.setFixedTime(new Date('2026-09-10T10:00:00+08:00'));
  await page.addInitScript(() => localStorage.setItem('kepu-font', 'large'));
  await page.goto(`${base}${path.slice(1)}`, { waitUntil: 'networkidle' });
  return { page, errors };
}

interface Measured {
  what: string;
  width: number;
  height: number;
  fontPx: number;
  /** A checkbox or radio: its size counts, its text is its label's. */
  box: boolean;
}

/** Every visible control on the page, measured. Passed as a string: vitest rewrites functions. */
const MEASURE = `(() => {
  const sel = 'button, select, textarea, input:not([type="hidden"]), [role="button"], [role="tab"], .chip, a.button';
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const box = el.matches('input[type="checkbox"], input[type="radio"]');
    const textOf = box ? (el.closest('label') ?? el) : el;
    const what = (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') + ' “' + ((el.textContent || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim().slice(0, 20)) + '”');
    out.push({ what, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10, fontPx: parseFloat(getComputedStyle(textOf).fontSize), box });
  }
  return out;
})()`;

const PAGES: [string, string?][] = [
  ['/'],
  ['/calendar/', '[role="tab"][aria-selected="true"]'],
  ['/events/'],
  ['/events/2026-09-12-first-aid-training/'],
  ['/observances/'],
  ['/search/?q=%E6%80%A5%E6%95%91', '[data-search-page][data-searched]'],
  ['/submit/', 'form'],
  ['/favorites/'],
  ['/subscribe/'],
];

describe('大字: every control at least 44×44 px, text at least 18 px', () => {
  for (const width of [390, 1280]) {
    it.each(PAGES)(`%s at ${width} px`, async (path, waitFor) => {
      const { page, errors } = await openLarge(path, width);
      if (waitFor) await page.waitForSelector(waitFor);
      expect(await page.getAttribute('html', 'data-font')).toBe('large');
      const controls = (await page.evaluate(MEASURE)) as Measured[];
      expect(controls.length, path).toBeGreaterThan(2);
      const small = controls.filter((c) => c.width < 44 || c.height < 44).map((c) => `${c.what} ${c.width}×${c.height}`);
      const tiny = controls.filter((c) => c.fontPx < 18).map((c) => `${c.what} ${c.fontPx}px`);
      expect(small, `${path} at ${width}: controls under 44×44`).toEqual([]);
      expect(tiny, `${path} at ${width}: text under 18 px`).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('大字 on a phone opens the calendar as a list', () => {
  it('at 390 px, even from a link to the month view; at 1280 px the month stays', async () => {
    const phone = await openLarge('/calendar/?view=month&date=2026-09', 390);
    await expect(phone.page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-label')).resolves.toBe('列表');
    await phone.page.context().close();
    const desk = await openLarge('/calendar/?view=month&date=2026-09', 1280);
    await expect(desk.page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-label')).resolves.toBe('月');
    await desk.page.context().close();
  });
});
