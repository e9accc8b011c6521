/**
 * Subscribing and sharing where links are opened (issue 19), on the built site (shared build: shipped
 * content + test events, today 2026-09-10), checked as a real client does:
 * - every QR code on a page, screenshotted in Chromium and decoded by jsQR, is an https landing page
 *   of this site that answers 200 and offers the feed it stands for;
 * - in Chromium with a WeChat user agent, a .ics or webcal click shows the overlay and nothing is
 *   fetched or navigated; in a desktop browser the same click downloads; on Android a webcal click
 *   shows the copy-the-address steps; the landing page shows the device's own section first;
 * - the share images are PNG of the stated sizes, ≤ 200 KB, their QR codes decode to pages that
 *   answer 200 and whose h1 is the title the image carries; pages point og:image at them;
 * - the script behind all this is ≤ 2 KB gzipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { decodeQr, isPng, pngSize, pngText } from '../helpers/png.ts';
import { assertIcs } from '../helpers/ics-check.ts';
import ICAL from 'ical.js';

const dist = inject('distDir');
const base = inject('baseUrl');
const SITE = 'https://kepu.example.org';
/** The local server's address for a URL of the site. */
const local = (url: string) => new URL(new URL(url).pathname, base).href;

const UA = {
  wechatIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
  wechatAndroid: 'Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  chromeDesktop: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

interface Tracked {
  page: Page;
  /** Every URL the page requested after it loaded. */
  requests: string[];
}

async function open(path: string, ua: string, opts: { width?: number; scale?: number } = {}): Promise<Tracked> {
  const mobile = !/X11|Windows/.test(ua);
  const ctx = await browser.newContext({ userAgent: ua, viewport: { width: opts.width ?? (mobile ? 390 : 1280), height: 900 }, deviceScaleFactor: opts.scale ?? 1, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
  // A click whose default action was not prevented by the time it bubbles to window is a navigation
  // the browser will attempt (webcal: has no request to watch): record it.
  await page.evaluate(`window.__nav = []; window.addEventListener('click', function (e) { var a = e.target.closest && e.target.closest('a[href]'); if (a && !e.defaultPrevented) window.__nav.push(a.href); });`);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, requests };
}

const navigations = (page: Page) => page.evaluate('window.__nav') as Promise<string[]>;

// ---------------------------------------------------------------------------------------------
// QR codes on pages
// ---------------------------------------------------------------------------------------------

describe('QR codes on the pages', () => {
  const pages = ['/', '/calendar/', '/subscribe/', '/observances/', '/observances/world-first-aid-day/', '/campaigns/national-science-month/2026/', '/topics/health/', '/regions/110105/', '/audiences/seniors/', '/organizers/test-science-society/', '/venues/test-science-center/'];

  it('decode (from a screenshot) to https landing pages of this site that answer 200 and offer the feed', { timeout: 240_000 }, async () => {
    const seen: string[] = [];
    for (const path of pages) {
      const { page } = await open(path, UA.chromeDesktop, { scale: 2 });
      // Folded subscribe boxes hold a QR code too.
      for (const s of await page.locator('details.subscribe-box > summary').all()) await s.click();
      const codes = await page.locator('.subscribe').all();
      expect(codes.length, path).toBeGreaterThan(0);
      for (const box of codes) {
        const feed = (await box.getAttribute('data-feed'))!;
        const shot = await box.locator('figure.sub-qr svg').screenshot({ type: 'png' });
        const url = decodeQr(shot);
        expect(url, `${path} ${feed}`).toBe(`${SITE}/subscribe/${feed.slice(1).replace(/\.ics$/, '')}/`);
        const res = await fetch(local(url!));
        expect(res.status, url).toBe(200);
        const html = await res.text();
        expect(html, url).toContain(`value="${SITE}${feed}"`);
        expect(html, url).toContain(`href="webcal://kepu.example.org${feed}"`);
        seen.push(feed);
      }
      await page.context().close();
    }
    expect(seen).toEqual(expect.arrayContaining(['/calendar.ics', '/observances.ics', '/calls.ics', '/observances/world-first-aid-day.ics', '/campaigns/national-science-month/2026.ics', '/topics/health.ics', '/venues/test-science-center.ics']));
  });

  it('the landing page’s own QR code (for a phone, from a desktop screen) decodes to itself', async () => {
    const { page } = await open('/subscribe/topics/health/', UA.chromeDesktop, { scale: 2 });
    const url = decodeQr(await page.locator('.landing-qr svg').screenshot({ type: 'png' }));
    expect(url).toBe(`${SITE}/subscribe/topics/health/`);
  });
});

// ---------------------------------------------------------------------------------------------
// the overlay
// ---------------------------------------------------------------------------------------------

describe('in WeChat, nothing silently fails', () => {
  it('a .ics download on an event page shows the overlay, and nothing is fetched or navigated', async () => {
    const { page, requests } = await open('/events/2026-09-12-first-aid-training/', UA.wechatAndroid);
    await page.locator('a[href$=".ics"]').first().click();
    const dialog = page.locator('dialog.guard');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.textContent()).resolves.toContain('点右上角 ··· 选择「在浏览器打开」');
    await expect(dialog.textContent()).resolves.toContain('微信');
    expect(await dialog.locator('input').inputValue()).toBe(new URL('/events/2026-09-12-first-aid-training.ics', base).href);
    expect(requests.filter((u) => u.endsWith('.ics'))).toEqual([]);
    expect(await navigations(page)).toEqual([]);
    expect(page.url()).toBe(new URL('/events/2026-09-12-first-aid-training/', base).href);
  });

  it('a webcal subscribe button on a landing page (WeChat on iPhone) shows the overlay before any navigation; its copy button copies the https address', async () => {
    const { page } = await open('/subscribe/topics/health/', UA.wechatIphone);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    expect(await page.locator('[data-for="ios"]').isVisible()).toBe(true);
    expect(await page.locator('[data-for="desktop"]').isVisible()).toBe(false);
    await page.locator('[data-for="ios"] a[href^="webcal:"]').click();
    const dialog = page.locator('dialog.guard');
    await dialog.waitFor({ state: 'visible' });
    expect(await navigations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '复制网址' }).click();
    await page.waitForFunction(`document.querySelector('dialog.guard [data-label]').textContent === '已复制'`);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${SITE}/topics/health.ics`);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a poster download in WeChat shows the long-press hint with the image', async () => {
    const { page, requests } = await open('/observances/world-first-aid-day/', UA.wechatAndroid);
    await page.locator('details.share > summary').click();
    await page.locator('a[download][href$="-poster.png"]').click();
    const dialog = page.locator('dialog.guard');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.textContent()).resolves.toContain('长按');
    expect(await dialog.locator('img').getAttribute('src')).toBe(new URL('/share/observances/world-first-aid-day-poster.png', base).href);
    expect(await navigations(page)).toEqual([]);
    expect(requests.filter((u) => u.endsWith('.ics'))).toEqual([]);
  });

  it('a desktop browser is left alone: the same .ics click downloads, no overlay', async () => {
    const { page } = await open('/events/2026-09-12-first-aid-training/', UA.chromeDesktop);
    const download = page.waitForEvent('download');
    await page.locator('a[href$=".ics"]').first().click();
    expect((await download).suggestedFilename()).toBe('2026-09-12-first-aid-training.ics');
    expect(await page.locator('dialog.guard[open]').count()).toBe(0);
  });

  it('我的收藏 says downloads are blocked only inside an in-app browser', async () => {
    const hint = '[data-favorites-tools-hint]';
    const desktop = await open('/favorites/', UA.chromeDesktop);
    expect(await desktop.page.locator(hint).isVisible()).toBe(false);
    const wechat = await open('/favorites/', UA.wechatAndroid);
    await expect(wechat.page.locator(hint).textContent()).resolves.toMatch(/^在微信、QQ 等应用里打开时不能下载文件/);
    expect(await wechat.page.locator(hint).isVisible()).toBe(true);
  });

  it('on Android, a webcal button shows the copy-the-address steps instead of doing nothing', async () => {
    const { page } = await open('/topics/health/', UA.chromeAndroid);
    await page.locator('details.subscribe-box > summary').click();
    await page.locator('a[href^="webcal:"]:visible').first().click();
    const dialog = page.locator('dialog.guard');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('input').inputValue()).toBe(`${SITE}/topics/health.ics`);
    expect(await dialog.locator('a').getAttribute('href')).toBe('/subscribe/topics/health/#android');
    expect(await navigations(page)).toEqual([]);
  });

  it('the landing page on Android shows the copy-first section and the vendors’ steps; a button brings back the others', async () => {
    const { page } = await open('/subscribe/calendar/', UA.chromeAndroid);
    const android = page.locator('[data-for="android"]');
    expect(await android.isVisible()).toBe(true);
    expect(await page.locator('[data-for="ios"]').isVisible()).toBe(false);
    for (const vendor of ['华为', '小米', 'OPPO', 'vivo', 'Google']) await expect(android.textContent()).resolves.toContain(vendor);
    await page.getByRole('button', { name: '显示其他设备的订阅方法' }).click();
    expect(await page.locator('[data-for="ios"]').isVisible()).toBe(true);
    expect(await page.locator('[data-for="desktop"]').isVisible()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// the images
// ---------------------------------------------------------------------------------------------

const images = (readdirSync(join(dist, 'share'), { recursive: true }) as string[]).filter((f) => f.endsWith('.png')).map((f) => `share/${f.split('\\').join('/')}`).sort();

describe('share images', () => {
  it('exist for every observance (card and poster), campaign edition, topic, region and the near test events', () => {
    for (const f of ['share/observances/world-first-aid-day.png', 'share/observances/world-first-aid-day-poster.png', 'share/campaigns/national-science-month/2026.png', 'share/campaigns/national-science-month/2026-poster.png', 'share/topics/health.png', 'share/regions/110105.png', 'share/events/2026-09-12-first-aid-training.png', 'share/events/2026-10-10-online-talk.png']) {
      expect(images, f).toContain(f);
    }
    // The past event has none (cards are for events not over).
    expect(images).not.toContain('share/events/2025-09-13-past-event.png');
  });

  it('are PNG of 1200×630 (cards) or 1080×1920 (posters), at most 200 KB, with their title in a text chunk', () => {
    for (const f of images) {
      const bytes = readFileSync(join(dist, f));
      expect(isPng(bytes), f).toBe(true);
      expect(pngSize(bytes), f).toEqual(f.endsWith('-poster.png') ? { width: 1080, height: 1920 } : { width: 1200, height: 630 });
      expect(bytes.length, f).toBeLessThanOrEqual(200 * 1024);
      expect(pngText(bytes).Title, f).toBeTruthy();
    }
  });

  it('have QR codes (decoded from the pixels) that open pages of this site answering 200, whose heading is the image’s title', { timeout: 180_000 }, async () => {
    // Every event card, and a spread of the rest (jsQR takes ≈ 0.3–0.7 s for a poster here).
    const posters = images.filter((f) => f.endsWith('-poster.png'));
    const cards = images.filter((f) => !f.endsWith('-poster.png') && !f.startsWith('share/events/'));
    const sample = [...images.filter((f) => f.startsWith('share/events/')), ...posters.filter((_, i) => i % 8 === 0), ...cards.filter((_, i) => i % 10 === 0)];
    for (const f of sample) {
      const bytes = readFileSync(join(dist, f));
      const url = decodeQr(bytes);
      expect(url, f).toMatch(new RegExp(`^${SITE}/`));
      const res = await fetch(local(url!));
      expect(res.status, `${f} → ${url}`).toBe(200);
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(await res.text())?.[1]?.trim();
      expect(pngText(bytes).Title, `${f} → ${url}`).toContain(h1);
    }
  });

  it('are the og:image of their pages', () => {
    const og = (page: string) => /<meta property="og:image" content="([^"]+)"/.exec(readFileSync(join(dist, page, 'index.html'), 'utf8'))?.[1];
    expect(og('events/2026-09-12-first-aid-training')).toBe(`${SITE}/share/events/2026-09-12-first-aid-training.png`);
    expect(og('observances/world-first-aid-day')).toBe(`${SITE}/share/observances/world-first-aid-day.png`);
    expect(og('campaigns/national-science-month/2026')).toBe(`${SITE}/share/campaigns/national-science-month/2026.png`);
    expect(og('topics/health')).toBe(`${SITE}/share/topics/health.png`);
    expect(og('organizers/test-science-society')).toBe(`${SITE}/og-default.png`);
  });

  it('the 分享 button loads its image only when opened, and offers the poster, the card and the link', async () => {
    const { page, requests } = await open('/campaigns/national-science-month/2026/', UA.chromeDesktop);
    expect(requests.filter((u) => u.endsWith('.png'))).toEqual([]);
    await page.locator('details.share > summary').click();
    await page.waitForFunction(`document.querySelector('details.share img').naturalWidth === 1080`);
    expect(await page.locator('details.share a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/share/campaigns/national-science-month/2026-poster.png', '/share/campaigns/national-science-month/2026.png']);
    expect(await page.locator('details.share input').inputValue()).toBe(`${SITE}/campaigns/national-science-month/2026/`);
  });
});

describe('reminder feeds and RSS per listing', () => {
  it('/observances-alarm.ics and /calls-alarm.ics pass the byte checks, ical.js and python3-icalendar, with a VALARM on every event that is not cancelled', () => {
    for (const f of ['observances-alarm.ics', 'calls-alarm.ics']) {
      const bytes = readFileSync(join(dist, f));
      assertIcs({ label: f, bytes });
      const events = new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent');
      // The same entries as the plain feed (the shipped calls are all past on this build's today;
      // the unit tests check the calls' alarm times).
      const plain = readFileSync(join(dist, f.replace('-alarm', '')), 'utf8');
      expect(events.length, f).toBe(plain.split('BEGIN:VEVENT').length - 1);
      if (f.startsWith('observances')) expect(events.length).toBeGreaterThan(0);
      for (const v of events) {
        if (v.getFirstPropertyValue('status') === 'CANCELLED') continue;
        expect(v.getAllSubcomponents('valarm').length, `${f} ${v.getFirstPropertyValue('uid')}`).toBe(f.startsWith('calls') ? 2 : 1);
      }
    }
    // The plain feeds keep none.
    for (const f of ['observances.ics', 'calls.ics', 'calendar.ics']) expect(readFileSync(join(dist, f), 'utf8'), f).not.toContain('BEGIN:VALARM');
  });

  it('each topic, region and organizer listing links its RSS feed by title, and the feed answers with its items', async () => {
    for (const [page, title] of [['/topics/health/', '科普日历 · 主题：卫生健康 · 新活动'], ['/regions/110105/', '科普日历 · 地区：北京市朝阳区 · 新活动'], ['/organizers/test-science-society/', undefined]] as const) {
      const html = await (await fetch(local(SITE + page))).text();
      // The listing's own feed, beside the site-wide /feed.xml every page links.
      const link = new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="([^"]+)" href="(${page}feed\\.xml)"`).exec(html);
      expect(link?.[2], page).toBe(`${page}feed.xml`);
      if (title) expect(link?.[1]).toBe(title);
      expect(html, page).toContain(`href="${page}feed.xml"`);
      const res = await fetch(local(SITE + link![2]));
      expect(res.status).toBe(200);
      const xml = await res.text();
      expect(xml).toContain(`<title>${link![1]}</title>`);
      expect(xml.match(/<item>/g)?.length ?? 0, page).toBeGreaterThan(0);
    }
  });
});

describe('the page script', () => {
  it('weighs at most 2 KB gzipped', () => {
    const html = readFileSync(join(dist, 'events/2026-09-12-first-aid-training/index.html'), 'utf8');
    const script = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((s) => s.includes('MicroMessenger'));
    expect(script).toBeDefined();
    expect(gzipSync(script!).length).toBeLessThanOrEqual(2048);
  });
});
