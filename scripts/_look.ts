import { serveStatic } from './lib/serve-static.ts';
import { chromium } from 'playwright-core';
const served = await serveStatic('tests/.tmp/dev-dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const WX = 'Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const AND = 'Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
for (const [name, ua] of [['wechat', WX], ['android', AND]] as const) {
  const ctx = await browser.newContext({ userAgent: ua, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const reqs: string[] = []; page.on('request', (r) => reqs.push(r.url()));
  await page.goto(served.url + '/subscribe/topics/health/');
  await page.screenshot({ path: `/tmp/look-${name}-landing.png`, fullPage: true });
  if (name === 'android') { await page.goto(served.url + '/topics/health/'); await page.locator('details.subscribe-box summary').click(); await page.locator('a[href^="webcal:"]:visible').first().click(); }
  else await page.locator('a[href$=".ics"]:visible').first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/look-${name}-overlay.png` });
  console.log(name, await page.evaluate('document.documentElement.dataset.device + " inapp=" + ("inapp" in document.documentElement.dataset)'), 'dialog open:', await page.locator('dialog.guard[open]').count(), reqs.filter(u => /\.ics|webcal/.test(u)));
}
await browser.close(); served.close();
