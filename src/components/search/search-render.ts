/**
 * One search result as a list item: a link with the page's name, then type, date, place and a
 * snippet with the matched words marked. Built with DOM methods; the snippet keeps only text and
 * <mark> from Pagefind's excerpt, so indexed content can never inject markup.
 */
import type { Hit } from './search-engine.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Pagefind's excerpt (escaped text with <mark>) as safe nodes. */
export function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out: Node[] = [];
  for (const n of doc.body.firstChild?.childNodes ?? []) {
    if (n.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(n.textContent ?? ''));
    else if (n.nodeName === 'MARK') out.push(el('mark', undefined, n.textContent ?? ''));
    else out.push(document.createTextNode(n.textContent ?? ''));
  }
  return out;
}

const TYPE_CLASS: Record<string, string> = { 活动: 'is-event', 纪念日: 'is-observance', 机构: 'is-organizer', 场馆: 'is-venue' };

export function hitItem(h: Hit, today: string, opts: { compact?: boolean } = {}): HTMLLIElement {
  const li = el('li', 'search-hit');
  const head = el('p', 'search-hit-head');
  if (h.type) head.append(el('span', `badge search-type ${TYPE_CLASS[h.type] ?? ''}`, h.type), ' ');
  const a = el('a', 'search-hit-title', h.title);
  a.href = h.url;
  head.append(a);
  li.append(head);
  const facts = [h.when, h.place].filter((s): s is string => !!s);
  const past = h.type === '活动' && h.end && h.end < today;
  if (facts.length || past) {
    const meta = el('p', 'search-hit-meta', facts.join(' · '));
    if (past) meta.append(' ', el('span', 'search-hit-past', '已结束'));
    li.append(meta);
  }
  if (!opts.compact && h.excerpt) {
    const ex = el('p', 'search-hit-excerpt');
    ex.append(...excerptNodes(h.excerpt));
    li.append(ex);
  }
  return li;
}
