/**
 * The one script behind subscribing, adding to a calendar and sharing (issue 19), ≤ 2 KB gzipped:
 * - marks <html> with the device (data-device = ios | android | desktop) and, in an in-app browser,
 *   data-inapp, so a landing page shows the buttons that work there first (CSS, src/styles);
 * - copy buttons ([data-copy]) copy their text, falling back to selecting the field beside them;
 * - before any webcal:, .ics or download link acts in WeChat, QQ, Weibo, Douyin … (which block them
 *   silently), or a webcal: link on Android (where it does nothing), it stops the navigation and
 *   shows a plain overlay: open in the browser, or copy the address. Nothing silently fails.
 * Without JS every button is there and every link works as a plain link.
 */
import { deviceOf, inAppName, isInAppBrowser } from '../../lib/browser/devices.ts';

const d = document.documentElement;
const ua = navigator.userAgent;
const inApp = isInAppBrowser(ua);
d.dataset.device = deviceOf(ua, navigator.maxTouchPoints > 1);
if (inApp) d.dataset.inapp = '';
for (const b of document.querySelectorAll<HTMLElement>('[data-copy][hidden]')) b.hidden = false;

function copy(b: HTMLElement): void {
  const text = b.dataset.copy!;
  const field = b.parentElement?.querySelector('input');
  const done = () => {
    b.textContent = '已复制';
    setTimeout(() => (b.textContent = b.dataset.label || '复制'), 2000);
  };
  const select = () => {
    if (!field) return;
    field.focus();
    field.select();
    try {
      if (document.execCommand('copy')) done();
    } catch {
      /* the text stays selected for a long press */
    }
  };
  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, select);
  else select();
}

let box: HTMLDialogElement | undefined;

/** The overlay: a title, what to do, the address with a copy button, and 关闭. */
function overlay(title: string, text: string, url: string, extra = ''): void {
  if (!box) {
    box = document.createElement('dialog');
    box.className = 'guard';
    box.setAttribute('aria-labelledby', 'guard-h');
    document.body.append(box);
  }
  box.innerHTML = `<h2 id="guard-h"></h2><p></p>${extra}<p class="sub-copy"><input type="text" readonly aria-label="网址"><button type="button" data-label="复制网址">复制网址</button></p><p><button type="button" class="secondary" data-close>关闭</button></p>`;
  box.querySelector('h2')!.textContent = title;
  box.querySelector('p')!.textContent = text;
  box.querySelector('input')!.value = url;
  box.querySelector<HTMLElement>('[data-label]')!.dataset.copy = url;
  if (box.showModal) box.showModal();
  else box.setAttribute('open', '');
}

document.addEventListener(
  'click',
  (ev) => {
    const t = ev.target as Element;
    const b = t.closest?.<HTMLElement>('[data-copy]');
    if (b) return copy(b);
    if (t.closest?.('[data-close]')) return box?.close ? box.close() : box?.removeAttribute('open');
    if (t.closest?.('[data-show-all]')) return void delete d.dataset.device;
    const a = t.closest?.<HTMLAnchorElement>('a[href]');
    if (!a) return;
    const href = a.href;
    const webcal = /^webcal:/i.test(href);
    const file = webcal || a.hasAttribute('download') || /\.(ics|xlsx|csv)(\?|#|$)/i.test(href);
    if (!file || (!inApp && !(webcal && d.dataset.device === 'android'))) return;
    ev.preventDefault();
    const https = href.replace(/^webcal:/i, 'https:');
    if (!inApp) {
      const steps = a.dataset.landing ? `<p><a href="${a.dataset.landing}#android">华为、小米、OPPO、vivo 和 Google 日历的订阅步骤</a></p>` : '';
      return overlay('复制订阅网址', '安卓手机的浏览器打不开“订阅到日历”链接。请复制下面的网址，粘贴到日历应用的“按网址订阅”里。', https, steps);
    }
    const image = /\.png(\?|#|$)/i.test(href) ? `<img src="${https}" alt="" style="max-width:100%;max-height:50vh">` : '';
    overlay(
      '请在浏览器中打开',
      `${inAppName(ua)}里不能直接订阅日历或下载文件。点右上角 ··· 选择「在浏览器打开」，再点一次；${image ? '也可以长按下面的图片保存或发送给朋友；' : ''}或者复制网址，粘贴到浏览器或日历应用里。`,
      https,
      image,
    );
  },
  true,
);
