/**
 * The page script of every page (BaseLayout) and embed (EmbedLayout). Pages are built once a day;
 * between builds the reader's browser, against today in China:
 * - marks entries that have ended (`data-end="YYYY-MM-DD"` before today → class `is-past`);
 * - rewrites relative hints (`data-rel-start` / `data-rel-end` → （还有 3 天）), with the same
 *   `relativeHint` the build uses;
 * - says 报名已截止 once a registration deadline passes (`data-reg-deadline`, issue 18);
 * - shows an embed's "nothing upcoming" note (`data-when-all-past`) when every entry has ended.
 *
 * The layouts inline page-clock-entry.ts, bundled at build time (`?inline-script`,
 * src/integrations/inline-script.ts): no request, and the rules stay written once, here and in
 * src/lib/time/.
 */
import { deadlinePassed } from '../lib/content/registration.ts';
import { nowIn, todayIn } from '../lib/time/days.ts';
import { relativeHint } from '../lib/time/labels.ts';

export function runPageClock(doc: Document = document, now: Date = new Date()): void {
  const items = doc.querySelectorAll('[data-end]');
  const hints = doc.querySelectorAll('[data-rel-start]');
  const deadlines = doc.querySelectorAll<HTMLElement>('[data-reg-deadline]');
  // Nothing dated on the page (the calendar, search, the forms): no clock. The first time-zone
  // lookup costs a slow phone ≈ 100 ms of blocked main thread (Intl loads its zone data).
  if (!items.length && !hints.length && !deadlines.length) return;
  const today = todayIn(now);
  let left = items.length;
  items.forEach((el) => {
    if (el.getAttribute('data-end')! < today) {
      el.classList.add('is-past');
      left--;
    }
  });
  hints.forEach((el) => {
    const start = el.getAttribute('data-rel-start')!;
    el.textContent = `（${relativeHint(start, el.getAttribute('data-rel-end') || start, today)}）`;
  });
  // 报名已截止 once an open registration's deadline passes (registration.ts; the page carries both texts).
  deadlines.forEach((el) => {
    if (!deadlinePassed(el.getAttribute('data-reg-deadline')!, today, nowIn(now))) return;
    el.querySelector<HTMLElement>('[data-reg-now]')?.setAttribute('hidden', '');
    el.querySelector<HTMLElement>('[data-reg-later]')?.removeAttribute('hidden');
  });
  const note = doc.querySelector<HTMLElement>('[data-when-all-past]');
  if (note && items.length && !left) note.hidden = false;
}
