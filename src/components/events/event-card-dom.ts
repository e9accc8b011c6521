/**
 * An event card drawn in the browser — by the /events/ quick filters and 我的收藏 — with the same
 * markup and classes as EventCard.astro (so the same CSS, the page clock's 已结束 and the ☆ work
 * on it). Built with DOM calls, never from HTML strings: titles are contributor text.
 */
import type { EventKind, EventStatus } from '../../lib/content/schema.ts';
import { KIND_LABEL, STATUS_LABEL } from '../../lib/labels.ts';
import { formatRangeZh, weekdayZh } from '../../lib/time/labels.ts';
import { eventUrl } from '../../lib/urls.ts';

export interface CardData {
  id: string;
  title: string;
  start: string;
  end?: string;
  place?: string;
  status?: EventStatus;
  kind?: EventKind;
  /** 约 3.2 公里 (the near filter). */
  distance?: string;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const x = doc.createElement(tag);
  if (cls) x.className = cls;
  if (text !== undefined) x.textContent = text;
  return x;
}

export function cardElement(doc: Document, d: CardData, heading: 'h2' | 'h3' = 'h2'): HTMLLIElement {
  const startDate = d.start.slice(0, 10);
  const li = el(doc, 'li', 'event-card');
  li.dataset.end = (d.end ?? d.start).slice(0, 10);
  const block = el(doc, 'div', 'date-block');
  block.setAttribute('aria-hidden', 'true');
  block.append(
    el(doc, 'span', 'y', startDate.slice(0, 4)),
    el(doc, 'span', 'm', `${Number(startDate.slice(5, 7))}月`),
    el(doc, 'span', 'd', String(Number(startDate.slice(8, 10)))),
    el(doc, 'span', 'w', weekdayZh(startDate).replace('星期', '周')),
  );
  const body = el(doc, 'div');
  const h = el(doc, heading, 'title');
  if (d.status && d.status !== 'scheduled') h.append(el(doc, 'span', `badge ${d.status}`, STATUS_LABEL[d.status]));
  if (d.kind && d.kind !== 'activity') h.append(el(doc, 'span', 'badge kind', KIND_LABEL[d.kind]));
  const a = el(doc, 'a', undefined, d.title);
  a.href = eventUrl(d.id);
  h.append(a);
  const when = el(doc, 'p', 'meta');
  when.append(el(doc, 'span', 'when', formatRangeZh(d.start, d.end)));
  body.append(h, when);
  if (d.place || d.distance) body.append(el(doc, 'p', 'meta', [d.distance && `距离${d.distance}`, d.place].filter(Boolean).join(' · ')));
  const star = el(doc, 'button', 'secondary star', '☆ 收藏');
  star.type = 'button';
  star.hidden = true;
  star.setAttribute('aria-pressed', 'false');
  star.setAttribute('aria-label', `收藏：${d.title}`);
  star.dataset.fav = d.id;
  star.dataset.favTitle = d.title;
  star.dataset.favStart = d.start;
  if (d.end) star.dataset.favEnd = d.end;
  if (d.place) star.dataset.favPlace = d.place;
  body.append(star);
  li.append(block, body);
  return li;
}
