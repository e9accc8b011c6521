/**
 * Sharing where links are opened (issue 19): which user agents are in-app browsers and which device
 * they are (src/lib/browser/devices.ts), the landing page of every feed (src/lib/views/subscribe-pages.ts), which
 * images exist (src/lib/views/share-images.ts), and the images themselves (scripts/lib/draw-share-image.ts):
 * PNG of the stated size, ≤ 200 KB, the title drawn (rendered again on its own and compared pixel
 * by pixel), line breaks that keep Chinese punctuation in place, a QR code that decodes (jsQR) to
 * the page, and the cache that redraws only what changed. "Today" is always passed in.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { deviceOf, inAppName, isInAppBrowser } from '../../src/lib/browser/devices.ts';
import { landingFeeds, subscribePagePath } from '../../src/lib/views/subscribe-pages.ts';
import { EVENT_CARD_DAYS, eventCardPath, eventPreviewImage, shareImages, type ShareImage } from '../../src/lib/views/share-images.ts';
import { addDays } from '../../src/lib/time/days.ts';
import { INK, drawShareImage, fontOf, wrap } from '../../scripts/lib/draw-share-image.ts';
import { writeShareImages } from '../../scripts/lib/write-share-images.ts';
import { decodeQr, isPng, pngPixels, pngSize, pngText } from '../helpers/png.ts';
import { event } from '../fixtures/ical/scenarios.ts';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const TODAY = '2026-09-10';
const loaded = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT);
const q = buildQuery(loaded.content);

// Real user agents (2024–2026), as the apps send them.
const UA = {
  wechatAndroid: 'Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
  wecom: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/107.0.0.0 Safari/537.36 wxwork/4.1.20 MicroMessenger/7.0.1 Language/zh ColorScheme/Light',
  qq: 'Mozilla/5.0 (Linux; Android 12; PGT-AN10 Build/HONORPGT-AN10; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.88 Mobile Safari/537.36 V1_AND_SQ_8.9.68_4264_YYB_D QQ/8.9.68.11565 NetType/WIFI WebP/0.3.0 AppId/537164840',
  qqBrowser: 'Mozilla/5.0 (Linux; U; Android 13; zh-cn; 22081212C Build/TKQ1.220829.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.6 Mobile Safari/537.36 COVC/046603',
  weibo: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,2__weibo__13.9.1__iphone__os16.6)',
  douyin: 'Mozilla/5.0 (Linux; Android 12; ANA-AN00 Build/HUAWEIANA-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/103.0.5060.129 Mobile Safari/537.36 aweme_270300 JsSdk/1.0 NetType/WIFI Channel/huawei_1128_64 app_version/27.3.0 ByteLocale/zh-CN BytedanceWebview/d8a21c6',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  harmonyNext: 'Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  ipadOs: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

describe('devices and in-app browsers', () => {
  it('knows WeChat, WeCom, QQ, Weibo and Douyin as in-app browsers, and names them', () => {
    for (const [k, name] of [['wechatAndroid', '微信'], ['wechatIphone', '微信'], ['wecom', '企业微信'], ['qq', 'QQ'], ['weibo', '微博'], ['douyin', '抖音']] as const) {
      expect(isInAppBrowser(UA[k]), k).toBe(true);
      expect(inAppName(UA[k]), k).toBe(name);
    }
  });

  it('leaves real browsers alone, QQ Browser (MQQBrowser) included', () => {
    for (const k of ['qqBrowser', 'chromeAndroid', 'harmonyNext', 'safariIphone', 'ipadOs', 'chromeWindows'] as const) expect(isInAppBrowser(UA[k]), k).toBe(false);
  });

  it('tells iPhone, Android (HarmonyOS NEXT too) and desktop apart; an iPad that says Macintosh by its touch screen', () => {
    expect(deviceOf(UA.wechatIphone)).toBe('ios');
    expect(deviceOf(UA.safariIphone)).toBe('ios');
    expect(deviceOf(UA.ipadOs, true)).toBe('ios');
    expect(deviceOf(UA.ipadOs, false)).toBe('desktop');
    expect(deviceOf(UA.wechatAndroid)).toBe('android');
    expect(deviceOf(UA.harmonyNext)).toBe('android');
    expect(deviceOf(UA.chromeWindows)).toBe('desktop');
    expect(deviceOf(UA.wecom)).toBe('desktop');
  });
});

describe('landing pages', () => {
  it('maps a feed to /subscribe/<feed path>/', () => {
    expect(subscribePagePath('/calendar.ics')).toBe('/subscribe/calendar/');
    expect(subscribePagePath('/topics/health.ics')).toBe('/subscribe/topics/health/');
    expect(subscribePagePath('/campaigns/national-science-month/2026.ics')).toBe('/subscribe/campaigns/national-science-month/2026/');
  });

  it('has one landing page per feed with a QR code: main feeds, observances, campaign editions, every facet', () => {
    const feeds = [...landingFeeds(q, TODAY)];
    const paths = feeds.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of ['/calendar.ics', '/calls.ics', '/observances.ics', '/observances/world-first-aid-day.ics', '/campaigns/national-science-month/2026.ics', '/organizers/test-science-society.ics', '/venues/test-science-center.ics', '/regions/110105.ics']) {
      expect(paths, p).toContain(p);
    }
    const health = feeds.find((f) => f.path === '/regions/110105.ics')!;
    expect(health.page).toBe('/regions/110105/');
    expect(health.title.startsWith('地区：')).toBe(true);
  });
});

describe('which images exist', () => {
  const e = (start: string, end?: string) => event({ id: `${start}-x`, title: '测试', start, ...(end ? { end } : {}) });

  it(`gives an event a card while it is not over and starts within ${EVENT_CARD_DAYS} days`, () => {
    expect(eventCardPath(e(TODAY), TODAY)).toBe(`/share/events/${TODAY}-x.png`);
    expect(eventCardPath(e(addDays(TODAY, EVENT_CARD_DAYS)), TODAY)).toBeDefined();
    expect(eventCardPath(e(addDays(TODAY, EVENT_CARD_DAYS + 1)), TODAY)).toBeUndefined();
    expect(eventCardPath(e(addDays(TODAY, -1)), TODAY)).toBeUndefined();
    // Began last week, still running: it has one.
    expect(eventCardPath(e(addDays(TODAY, -7), addDays(TODAY, 3)), TODAY)).toBeDefined();
  });

  it('lets an event without its own card borrow its campaign edition’s, else its observance’s', () => {
    const far = { ...e('2026-12-01'), campaign: undefined, observance: 'world-first-aid-day' };
    expect(eventPreviewImage(far, q, TODAY)).toBe('/share/observances/world-first-aid-day.png');
    expect(eventPreviewImage({ ...far, observance: undefined }, q, TODAY)).toBeUndefined();
  });

  it('lists a card and a poster per observance and campaign edition, cards for topics and regions and near events, each with its page in the QR code', () => {
    const images = [...shareImages(q, TODAY, SITE)];
    const paths = images.map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/share/observances/world-first-aid-day.png');
    expect(paths).toContain('/share/observances/world-first-aid-day-poster.png');
    expect(paths).toContain('/share/campaigns/national-science-month/2026-poster.png');
    expect(paths).toContain('/share/regions/110105.png');
    const aid = images.find((i) => i.path === '/share/observances/world-first-aid-day.png')!;
    expect(aid.qr).toBe(`${SITE}/observances/world-first-aid-day/`);
    expect(aid.lines[0]).toBe('2026年9月12日（星期六）');
    for (const i of images) expect(i.qr.startsWith(`${SITE}/`), i.path).toBe(true);
    const events = images.filter((i) => i.path.startsWith('/share/events/'));
    expect(events.length).toBeGreaterThan(0);
    for (const i of events) expect(q.event.get(i.path.slice(14, -4))!.endDate >= TODAY).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// drawing
// ---------------------------------------------------------------------------------------------

const LONG = '“科学之光”2026年全国科普月暨北京科学嘉年华：人工智能、航空航天与心肺复苏AED急救技能公益培训（第三期），面向青少年、老年人和社区居民';
const card: ShareImage = {
  path: '/share/events/test.png', format: 'card', tone: 'event', kicker: '科普日历 · 科普活动', title: '世界急救日公益培训：心肺复苏与AED使用',
  lines: ['2026年9月12日（星期六）14:00–16:30', '北京科学中心 · 北京市西城区', '主办：北京市红十字会'], qr: `${SITE}/events/2026-09-12-first-aid-training/`, alt: '世界急救日公益培训',
};
const poster: ShareImage = { ...card, path: '/share/observances/x-poster.png', format: 'poster', tone: 'observance', title: '全国科普月', body: LONG.repeat(3), qr: `${SITE}/observances/national-science-month/` };

/** Draw the title lines of `drawn` alone on white, with the same fonts, and compare them with the image. */
function titleMatches(png: Buffer, drawn: ReturnType<typeof drawShareImage>, titleLines = drawn.text.filter((t) => t.role === 'title')): boolean {
  const { width, height, rgba } = pngPixels(png);
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.lang = 'zh-CN';
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = INK;
  for (const t of titleLines) (g.font = t.font), g.fillText(t.text, t.x, t.y);
  const ref = g.getImageData(0, 0, width, height).data;
  const size = Number(/(\d+)px/.exec(titleLines[0]!.font)![1]);
  let inked = 0;
  for (const t of drawn.text.filter((x) => x.role === 'title')) {
    for (let y = Math.round(t.y - size); y < Math.round(t.y + size * 0.3); y++) {
      // Up to the QR code's panel (12 px of padding, the code centred in its square).
      for (let x = t.x; x < drawn.qr.x - 40; x++) {
        const i = (y * width + x) * 4;
        if (rgba[i] !== ref[i] || rgba[i + 1] !== ref[i + 1] || rgba[i + 2] !== ref[i + 2]) return false;
        if (ref[i]! < 128) inked++;
      }
    }
  }
  return inked > 500;
}

describe('the images', { timeout: 60_000 }, () => {
  it('are PNG of 1200×630 (card) and 1080×1920 (poster), at most 200 KB even with long text', () => {
    for (const img of [card, { ...card, title: LONG, banner: '已取消' }, poster, { ...poster, title: LONG, lines: [LONG, LONG, LONG] }]) {
      const { png, width, height } = drawShareImage(img);
      expect(isPng(png)).toBe(true);
      expect(pngSize(png)).toEqual(img.format === 'card' ? { width: 1200, height: 630 } : { width: 1080, height: 1920 });
      expect([width, height]).toEqual([pngSize(png).width, pngSize(png).height]);
      expect(png.length, img.title).toBeLessThanOrEqual(200 * 1024);
    }
  });

  it('carry the title: its lines join to the title, and drawing them alone gives the same pixels', () => {
    const drawn = drawShareImage(card);
    const title = drawn.text.filter((t) => t.role === 'title');
    expect(title.map((t) => t.text).join('')).toBe(card.title);
    expect(titleMatches(drawn.png, drawn)).toBe(true);
    // The comparison can fail: another text in the same place does not match.
    expect(titleMatches(drawn.png, drawn, title.map((t) => ({ ...t, text: '世界卫生日公益讲座' })))).toBe(false);
    expect(pngText(drawn.png).Title).toBe(card.title);
  });

  it('cut a long title at three lines with “…”, and never start a line with closing punctuation', () => {
    const drawn = drawShareImage({ ...card, title: LONG });
    const title = drawn.text.filter((t) => t.role === 'title').map((t) => t.text);
    expect(title).toHaveLength(3);
    expect(title[2]!.endsWith('…')).toBe(true);
    expect(LONG.startsWith(title.join('').slice(0, -1))).toBe(true);
    const g = createCanvas(10, 10).getContext('2d');
    g.font = fontOf(700, 58);
    for (const width of [300, 420, 560, 770]) {
      const lines = wrap(g, LONG, width, 20);
      expect(lines.join(''), String(width)).toBe(LONG);
      for (const l of lines.slice(1)) expect(l, `${width}: ${lines.join(' | ')}`).not.toMatch(/^[，。、：；！？）”]/);
      for (const l of lines.slice(0, -1)) expect(l, `${width}: ${lines.join(' | ')}`).not.toMatch(/[（“]$/);
      for (const l of lines) expect(g.measureText(l).width).toBeLessThanOrEqual(width);
    }
  });

  it('have a QR code that decodes to the page (card and poster)', () => {
    expect(decodeQr(drawShareImage(card).png)).toBe(card.qr);
    expect(decodeQr(drawShareImage(poster).png)).toBe(poster.qr);
  });

  it('are drawn the same way every time (a cache key stands for the pixels)', () => {
    expect(drawShareImage(card).png.equals(drawShareImage(card).png)).toBe(true);
  });
});

describe('the image cache', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-share-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every image once, then only those whose text changed; forgets the rest', async () => {
    const small = buildQuery({ ...loaded.content, events: loaded.content.events.slice(0, 3) });
    const cache = join(dir, 'cache');
    const first = await writeShareImages(join(dir, 'out1'), small, TODAY, SITE, cache);
    expect(first.drawn).toBeGreaterThan(0);
    expect(first.reused).toBe(0);
    const again = await writeShareImages(join(dir, 'out2'), small, TODAY, SITE, cache);
    expect(again).toEqual({ drawn: 0, reused: first.drawn });
    const out = join(dir, 'out2', 'share/observances/world-first-aid-day.png');
    expect(readFileSync(out).equals(readFileSync(join(dir, 'out1', 'share/observances/world-first-aid-day.png')))).toBe(true);
    // One observance renamed: its card and poster are drawn again, nothing else.
    const renamed = buildQuery({ ...small.content, observances: small.content.observances.map((o) => (o.id === 'world-first-aid-day' ? { ...o, name: '世界急救日（改）' } : o)) });
    const third = await writeShareImages(join(dir, 'out3'), renamed, TODAY, SITE, cache);
    expect(third.drawn).toBe(2);
    expect(readdirSync(cache).length).toBe(first.drawn);
  });

  it('encoded on other threads, several at once, each image is byte for byte the one drawn alone', async () => {
    const small = buildQuery({ ...loaded.content, events: loaded.content.events.slice(0, 3) });
    const out = join(dir, 'slots');
    await writeShareImages(out, small, TODAY, SITE, join(dir, 'cache-slots'));
    const images = [...shareImages(small, TODAY, SITE)];
    expect(images.length).toBeGreaterThan(10);
    const differ = images.filter((img) => !readFileSync(join(out, img.path.slice(1))).equals(drawShareImage(img).png)).map((img) => img.path);
    expect(differ).toEqual([]);
  });
});
