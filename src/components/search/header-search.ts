/**
 * The header search box, once it is used: results appear under it as the person types (the first
 * few, with a link to all of them on /search/). Loaded by the layout on the first focus of the box;
 * without JavaScript the box is a plain form to /search/?q=.
 *
 * Keyboard: ↓ from the box goes to the first result, ↑/↓ move between results, Esc closes and
 * returns to the box, Enter in the box opens /search/ with all results. A polite live region
 * says how many results there are.
 */
import { hit, runSearch } from './search-engine.ts';
import { hitItem } from './search-render.ts';
import { todayIn } from '../../lib/time/days.ts';

const SHOWN = 6;

interface Pop {
  pop: HTMLDivElement;
  status: HTMLParagraphElement;
  list: HTMLUListElement;
  all: HTMLAnchorElement;
}

/** The results panel, right after the box (Tab from the box reaches the results before the form's button). */
function buildPop(input: HTMLInputElement, form: HTMLFormElement): Pop {
  const pop = document.createElement('div');
  pop.className = 'search-pop';
  pop.id = `${input.id || 'site-search'}-results`;
  pop.hidden = true;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  const list = document.createElement('ul');
  list.className = 'search-hits compact';
  list.setAttribute('aria-label', '搜索结果');
  const all = document.createElement('a');
  all.className = 'search-all';
  pop.append(list, all);
  input.after(pop);
  form.append(status);
  form.classList.add('has-pop');
  // Not a combobox (results are links that take focus): aria-controls only, and the live region
  // says how many results there are and that ↓ reaches them.
  input.setAttribute('aria-controls', pop.id);
  return { pop, status, list, all };
}

/** Esc closes and returns to the box; ↓ from the box reaches the results, ↑/↓ move between them. */
function bindKeys(form: HTMLFormElement, input: HTMLInputElement, pop: HTMLElement): void {
  form.addEventListener('keydown', (e) => {
    const ls = [...pop.querySelectorAll<HTMLAnchorElement>('a')];
    const i = ls.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape' && !pop.hidden) {
      pop.hidden = true;
      input.focus();
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && !pop.hidden && ls.length) {
      ls[Math.min(i + 1, ls.length - 1)]!.focus();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      (i === 0 ? input : ls[i - 1]!).focus();
      e.preventDefault();
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) pop.hidden = true;
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) pop.hidden = true;
  });
}

/** The first results for what is in the box (a later search wins over a slower earlier one). */
async function show(input: HTMLInputElement, form: HTMLFormElement, p: Pop, isLatest: () => boolean): Promise<void> {
  const raw = input.value;
  if (!raw.trim()) {
    p.pop.hidden = true;
    p.status.textContent = '';
    return;
  }
  try {
    const out = await runSearch(raw);
    const hits = await Promise.all(out.results.slice(0, SHOWN).map(hit));
    if (!isLatest()) return;
    const today = todayIn(new Date());
    p.list.replaceChildren(...hits.map((h) => hitItem(h, today, { compact: true })));
    const n = out.results.length;
    p.all.href = `${form.getAttribute('action') ?? '/search/'}?q=${encodeURIComponent(raw.trim())}`;
    p.all.textContent = n ? `查看全部 ${n} 条结果` : '没有找到结果，去搜索页试试筛选';
    p.status.textContent = n ? `找到 ${n} 条结果，按向下键浏览` : `没有找到与“${raw.trim()}”相关的结果`;
    p.pop.hidden = false;
  } catch {
    if (!isLatest()) return;
    p.status.textContent = '搜索暂时不可用，请按回车键打开搜索页';
  }
}

export function attach(input: HTMLInputElement): void {
  const form = input.form;
  if (!form || input.dataset.searchReady) return;
  input.dataset.searchReady = '1';
  const p = buildPop(input, form);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  const update = () => {
    const mine = ++seq;
    return show(input, form, p, () => mine === seq);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  input.addEventListener('focus', (e) => {
    // Coming back from the results (Esc, ↑) leaves them closed; coming from elsewhere reopens them.
    if (form.contains(e.relatedTarget as Node | null)) return;
    if (input.value.trim() && p.list.childElementCount) p.pop.hidden = false;
  });
  bindKeys(form, input, p.pop);
  if (input.value.trim()) void update();
}
