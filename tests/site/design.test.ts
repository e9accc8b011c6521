/**
 * Design rules in a real browser: no horizontal scrolling at 360 px or at 200 % zoom (a 1280 px
 * window zoomed to 200 % is a 640 CSS px viewport at device scale 2), a base font of at least 16 px,
 * the larger-type toggle remembered across pages and reloads, a visible keyboard focus, dark mode
 * with WCAG AA contrast (axe-core). Screenshots for people to look at: `npm run screenshots`.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { PAGES } from '../helpers/pages.ts';

const base = inject('baseUrl');
const TODAY = '2026-09-10T10:00:00+08:00';
/** The calendar has its month's data and every event drawn (aria-busy, KepuCalendar.tsx). */
const CALENDAR_DRAWN = '.kp-calendar[aria-busy="false"] .kp-fc';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string, opts: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts });
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !/status of 404/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path.replace(/^\//, ''), { waitUntil: 'load' });
  if (path === '/calendar/') await page.waitForSelector(CALENDAR_DRAWN);
  return { page, errors };
}

/** Elements wider than the viewport (what makes a page scroll sideways), for a useful message. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const w = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= w) return [];
    return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w + 1)
      .slice(0, 5).map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' + Math.round(el.getBoundingClientRect().right));
  })()`);
}

describe('layout', () => {
  for (const [name, path] of PAGES) {
    it(`${name}: no horizontal scroll at 360 px and at 200 % zoom; base font ≥ 16 px`, async () => {
      for (const opts of [{ viewport: { width: 360, height: 740 } }, { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }]) {
        const { page, errors } = await open(path, opts);
        expect(await overflow(page), `${path} at ${opts.viewport.width}px`).toEqual([]);
        expect(parseFloat(await page.evaluate('getComputedStyle(document.body).fontSize'))).toBeGreaterThanOrEqual(16);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    });
  }
});

describe('reading comfort', () => {
  it('the larger-type toggle is remembered across reloads and pages', async () => {
    const { page } = await open('/');
    const size = () => page.evaluate('parseFloat(getComputedStyle(document.body).fontSize)') as Promise<number>;
    const normal = await size();
    await page.click('[data-font-toggle]');
    await expect(page.getAttribute('html', 'data-font')).resolves.toBe('large');
    await expect(page.getAttribute('[data-font-toggle]', 'aria-pressed')).resolves.toBe('true');
    expect(await size()).toBeGreaterThanOrEqual(normal * 1.2);
    await page.reload();
    await expect(page.getAttribute('html', 'data-font')).resolves.toBe('large');
    await page.goto(`${base}calendar/`, { waitUntil: 'load' });
    await expect(page.getAttribute('html', 'data-font')).resolves.toBe('large');
    await page.waitForSelector(CALENDAR_DRAWN);
    // The calendar follows the larger type too.
    const calSize = await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('[role="tab"]')).fontSize)`);
    expect(calSize).toBeGreaterThanOrEqual(normal * 1.2);
    expect(await overflow(page)).toEqual([]);
    await page.click('[data-font-toggle]');
    await page.reload();
    await expect(page.getAttribute('html', 'data-font')).resolves.toBeNull();
  });

  it('keyboard focus is visible, and the first Tab reaches the skip link', async () => {
    const { page } = await open('/topics/health/');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.className')).resolves.toBe('skip');
    const ring = (await page.evaluate(`(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()`)) as string[];
    expect(ring[0]).toBe('solid');
    expect(parseFloat(ring[1]!)).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate('document.activeElement.getBoundingClientRect().left >= 0')).toBe(true);
  });

  it('dark mode: dark background, light text, and no contrast violations', async () => {
    for (const path of ['/', '/calendar/', '/events/2026-09-15-cancelled-lecture/', '/topics/health/', '/organizers/test-science-society/', '/observances/world-first-aid-day/']) {
      const { page } = await open(path, { colorScheme: 'dark' });
      const [bg, fg] = (await page.evaluate(`(() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; })()`)) as string[];
      expect(luminance(bg!), path).toBeLessThan(0.05);
      expect(luminance(fg!), path).toBeGreaterThan(0.6);
      expect(await axeViolations(page), path).toEqual([]);
      await page.context().close();
    }
  });

  it('home, an event and an observance have no WCAG 2.1 A/AA violations in light mode', async () => {
    for (const path of ['/', '/events/2026-09-12-first-aid-training/', '/observances/world-first-aid-day/', '/no-such-page/']) {
      const { page } = await open(path);
      expect(await axeViolations(page), path).toEqual([]);
      await page.context().close();
    }
  });
});

/** Relative luminance of an `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

