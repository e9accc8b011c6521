/**
 * Debian's Chromium through playwright-core (npm tools cannot download browsers here). One browser
 * per test file; pages collect console errors so tests can assert there are none.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * The browser's environment: a UTF-8 locale even when the machine has none (a CI shell started with
 * `env -i` has no LANG) — without one Chromium saves a download named 科普日历-我的收藏.ics as
 * “download”, which no visitor's browser does.
 */
export const CHROMIUM_ENV = { ...process.env, LANG: /utf-?8/i.test(process.env.LC_ALL || process.env.LANG || '') ? (process.env.LC_ALL || process.env.LANG)! : 'C.UTF-8' };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, env: CHROMIUM_ENV });
}

export interface TrackedPage {
  page: Page;
  errors: string[];
}

export async function openPage(browser: Browser, url: string, opts: { width?: number; height?: number } = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors };
}

/**
 * How many elements match, after scrolling to the bottom of the page: a calendar list draws its
 * rows as they come within a screen of the window (use-first-draw.ts), so a test that wants them
 * all scrolls, as a reader would. For expect.poll: each call scrolls again.
 */
export async function countScrolledTo(page: Page, selector: string): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.locator(selector).count();
}

/** Sums layout shifts from the first byte (an init script: no shift happens before it listens). */
export const CLS_RECORDER = `window.__cls = { sum: 0, o: new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls.sum += e.value; }) };
window.__cls.o.observe({ type: 'layout-shift' });`;

/**
 * The page's layout shift so far (Lighthouse's CLS): after one more rendered frame (a shift is
 * measured when a frame is drawn), the delivered entries plus those still queued (`takeRecords`
 * reads them at once — no waiting for the observer's callback).
 */
export async function layoutShift(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(`(() => { const c = window.__cls; for (const e of c.o.takeRecords()) if (!e.hadRecentInput) c.sum += e.value; return c.sum; })()`) as Promise<number>;
}
