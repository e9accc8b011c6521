/**
 * 我的收藏 (/favorites/, issue 18): the starred events from localStorage, in date order, past ones
 * greyed; one .ics file of them all, joined in the browser from the events' own published files
 * (/events/<id>.ics), downloaded once (not a subscription: nothing about the reader is on a server);
 * and a print view. Nothing is sent anywhere.
 */
import { favoriteEndDate, joinCalendars, sortFavorites } from '../../lib/browser/favorites.ts';
import { todayIn } from '../../lib/time/days.ts';
import { eventFeedUrl } from '../../lib/urls.ts';
import { cardElement } from '../events/event-card-dom.ts';
import { loadFavorites } from './stars.ts';
import { saveFile } from '../../lib/browser/download.ts';

export const FAVORITES_CALENDAR_NAME = '科普日历 · 我的收藏';

export function runFavoritesPage(doc: Document = document): void {
  const root = doc.querySelector<HTMLElement>('[data-favorites]');
  if (!root) return;
  const list = root.querySelector('ul')!;
  const empty = root.querySelector<HTMLElement>('[data-favorites-empty]')!;
  const tools = root.querySelector<HTMLElement>('[data-favorites-tools]')!;
  const status = root.querySelector<HTMLElement>('[data-favorites-status]')!;
  const download = root.querySelector<HTMLButtonElement>('[data-favorites-ics]')!;
  const print = root.querySelector<HTMLButtonElement>('[data-favorites-print]')!;
  const noStorage = root.querySelector<HTMLElement>('[data-favorites-nostorage]')!;

  const draw = () => {
    const stored = loadFavorites();
    noStorage.hidden = stored !== undefined;
    const favs = sortFavorites(stored ?? []);
    const today = todayIn(new Date());
    list.replaceChildren(
      ...favs.map((f) => {
        const li = cardElement(doc, f);
        if (favoriteEndDate(f) < today) li.classList.add('is-past');
        return li;
      }),
    );
    const past = favs.filter((f) => favoriteEndDate(f) < today).length;
    empty.hidden = favs.length > 0;
    tools.hidden = favs.length === 0;
    root.dataset.count = String(favs.length);
    status.textContent = favs.length ? `共收藏 ${favs.length} 个活动${past ? `，其中 ${past} 个已结束` : ''}。` : '';
    doc.dispatchEvent(new Event('kepu:stars'));
  };

  download.addEventListener('click', async () => {
    const favs = sortFavorites(loadFavorites() ?? []);
    if (!favs.length) return;
    status.textContent = '正在生成日历文件…';
    const texts = await Promise.all(favs.map((f) => fetch(eventFeedUrl(f.id)).then((r) => (r.ok ? r.text() : ''), () => '')));
    const files = texts.filter(Boolean);
    const missing = favs.length - files.length;
    const blob = new Blob([joinCalendars(files, FAVORITES_CALENDAR_NAME)], { type: 'text/calendar;charset=utf-8' });
    saveFile('科普日历-我的收藏.ics', blob, doc);
    status.textContent = `已生成包含 ${files.length} 个活动的日历文件，用手机或电脑的日历打开即可导入${missing ? `（${missing} 个活动已不在网站上，未包含）` : ''}。这是一次性的文件：以后活动改期或取消，请回到这里重新下载，或订阅主办单位的日历。`;
  });
  print.addEventListener('click', () => window.print());
  // Unstarring here takes the card away; another tab's changes too.
  doc.addEventListener('kepu:favorites', draw);
  window.addEventListener('storage', draw);
  draw();
}
