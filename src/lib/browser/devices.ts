/**
 * Which device and which in-app browser a page is opened in (issue 19). In China most links are
 * opened inside WeChat, whose browser blocks custom URL schemes such as `webcal:` and blocks file
 * downloads (.ics); `webcal:` also does nothing in Android's Chrome and Firefox. The page script
 * (src/components/share/share-client.ts) uses these to show the buttons that work on the device,
 * and a plain "open in your browser" overlay before any webcal, .ics or download action in an
 * in-app browser. The one home of that detection; it imports nothing, so the page script stays
 * small. Pure.
 */

/**
 * In-app browsers that block custom schemes and downloads: WeChat and WeCom (MicroMessenger, wxwork),
 * QQ (` QQ/`, not the QQ Browser app, whose token is `MQQBrowser/`), Weibo, Douyin and Toutiao
 * (aweme, BytedanceWebview, NewsArticle), Alipay, DingTalk, Feishu/Lark.
 */
export const IN_APP_BROWSER = /MicroMessenger|wxwork|\sQQ\/\d|Weibo|aweme|BytedanceWebview|NewsArticle|AlipayClient|DingTalk|Lark\/\d/i;

/** Android phones and Huawei's HarmonyOS NEXT (no "Android" in its user agent): webcal does nothing there. */
export const ANDROID_LIKE = /Android|HarmonyOS|OpenHarmony/i;

/** iPhone and iPad (an iPad on iPadOS 13+ says "Macintosh": the page script also checks for touch). */
export const APPLE_MOBILE = /iPhone|iPad|iPod/;

export type Device = 'ios' | 'android' | 'desktop';

/** The device a user agent names; `touchMac` is true for a "Macintosh" with a touch screen (an iPad). */
export function deviceOf(ua: string, touchMac = false): Device {
  if (ANDROID_LIKE.test(ua)) return 'android';
  if (APPLE_MOBILE.test(ua) || (touchMac && /Macintosh/.test(ua))) return 'ios';
  return 'desktop';
}

export function isInAppBrowser(ua: string): boolean {
  return IN_APP_BROWSER.test(ua);
}

/** The app a user agent belongs to, in the overlay's words: 微信, QQ, 微博, 抖音 … or 本应用. */
export function inAppName(ua: string): string {
  const names: [RegExp, string][] = [
    [/wxwork/i, '企业微信'],
    [/MicroMessenger/i, '微信'],
    [/\sQQ\/\d/i, 'QQ'],
    [/Weibo/i, '微博'],
    [/aweme|BytedanceWebview/i, '抖音'],
    [/NewsArticle/i, '今日头条'],
    [/AlipayClient/i, '支付宝'],
    [/DingTalk/i, '钉钉'],
    [/Lark\/\d/i, '飞书'],
  ];
  return names.find(([re]) => re.test(ua))?.[1] ?? '本应用';
}
