/**
 * The ☆ 收藏 buttons of every page (FavoriteButton.astro, and the cards the /events/ filters and
 * 我的收藏 draw): shown once localStorage works, pressed for starred events, one click to star or
 * unstar. One listener for the whole document, so cards drawn later work too; after drawing some,
 * a script dispatches `kepu:stars` and their state is set. Runs in the page script bundle
 * (page-clock-entry.ts): a few hundred bytes, on every page.
 */
import { type Favorite, FAVORITES_KEY, isFavorite, readFavorites, toggleFavorite, writeFavorites } from '../../lib/browser/favorites.ts';

export function loadFavorites(): Favorite[] | undefined {
  try {
    return readFavorites(localStorage.getItem(FAVORITES_KEY));
  } catch {
    return undefined; // storage blocked (private mode in some browsers, some in-app browsers)
  }
}

function saveFavorites(list: Favorite[]): boolean {
  try {
    localStorage.setItem(FAVORITES_KEY, writeFavorites(list));
    return true;
  } catch {
    return false;
  }
}

/** What a star button says about its event. */
export function favoriteOf(el: Element): Favorite {
  const a = (k: string) => el.getAttribute(`data-fav-${k}`) || undefined;
  return { id: el.getAttribute('data-fav')!, title: a('title') ?? '', start: a('start') ?? '', ...(a('end') ? { end: a('end') } : {}), ...(a('place') ? { place: a('place') } : {}) };
}

export function syncStars(doc: Document, list: readonly Favorite[]): void {
  doc.querySelectorAll<HTMLElement>('[data-fav-link]').forEach((a) => (a.hidden = false));
  doc.querySelectorAll<HTMLElement>('[data-fav]').forEach((b) => {
    const on = isFavorite(list, b.getAttribute('data-fav')!);
    b.hidden = false;
    b.setAttribute('aria-pressed', String(on));
    b.textContent = on ? '★ 已收藏' : '☆ 收藏';
  });
}

export function runStars(doc: Document = document): void {
  const first = loadFavorites();
  if (!first) return;
  syncStars(doc, first);
  doc.addEventListener('click', (ev) => {
    const b = (ev.target as Element | null)?.closest?.('[data-fav]');
    if (!b) return;
    const list = toggleFavorite(loadFavorites() ?? [], favoriteOf(b));
    if (saveFavorites(list)) syncStars(doc, list);
    doc.dispatchEvent(new Event('kepu:favorites'));
  });
  doc.addEventListener('kepu:stars', () => syncStars(doc, loadFavorites() ?? []));
  // Another tab starred or unstarred something.
  window.addEventListener('storage', (ev) => ev.key === FAVORITES_KEY && syncStars(doc, loadFavorites() ?? []));
}
