/**
 * The /search/ page: reads ?q= (so the header form works without JavaScript) and the filters and
 * sort from the URL, searches as the person types, and keeps the URL in step so a search can be
 * bookmarked or shared. Results are a list of links; the count goes to a polite live region; "more"
 * moves focus to the first new result.
 */
import './search.css';
import { allFilters, hit, runSearch, type Filters, type SortOrder } from './search-engine.ts';
import { hitItem } from './search-render.ts';
import { todayIn } from '../../lib/time/days.ts';

const PAGE = 10;
const GROUPS = [
  { key: 'type', label: '类型' },
  { key: 'topic', label: '主题' },
  { key: 'audience', label: '面向人群' },
  { key: 'region', label: '地区' },
  { key: 'year', label: '年份' },
] as const;
const TYPE_ORDER = ['活动', '纪念日', '机构', '场馆'];
const SORTS: SortOrder[] = ['relevance', 'date-desc', 'date-asc'];

function sortValues(key: string, counts: Record<string, number>): string[] {
  const vals = Object.keys(counts);
  if (key === 'type') return vals.sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  if (key === 'year') return vals.sort().reverse();
  return vals.sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b, 'zh-CN'));
}

export function start(root: HTMLElement | null = document.querySelector('[data-search-page]')): void {
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-hits]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const sortSel = root.querySelector<HTMLSelectElement>('[data-sort]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-filters]')!;
  const reset = root.querySelector<HTMLButtonElement>('[data-reset]')!;
  // Results appear as the person types: the button is only for the no-JavaScript form (and would
  // stand between the box and the first result in the Tab order).
  form.querySelector<HTMLButtonElement>('button[type="submit"]')?.remove();
  root.classList.add('is-live');

  const url = new URL(location.href);
  input.value = url.searchParams.get('q') ?? '';
  const sortParam = url.searchParams.get('sort') as SortOrder | null;
  sortSel.value = sortParam && SORTS.includes(sortParam) ? sortParam : 'relevance';
  const chosen = new Map<string, Set<string>>(GROUPS.map((g) => [g.key, new Set(url.searchParams.getAll(g.key))]));
  const boxes = new Map<string, HTMLInputElement>();

  let results: Awaited<ReturnType<typeof runSearch>>['results'] = [];
  let shown = 0;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Results say 已结束 for events that ended before today in China.
  const today = todayIn(new Date());

  const filters = (): Filters => {
    const f: Filters = {};
    for (const [k, set] of chosen) if (set.size) f[k] = { any: [...set] };
    return f;
  };

  function syncUrl(): void {
    const u = new URL(location.href);
    u.search = '';
    if (input.value.trim()) u.searchParams.set('q', input.value.trim());
    for (const [k, set] of chosen) for (const v of set) u.searchParams.append(k, v);
    if (sortSel.value !== 'relevance') u.searchParams.set('sort', sortSel.value);
    history.replaceState(null, '', u);
  }

  /**
   * Filter groups: 类型 is listed at once (its four values are known); the others load their values
   * (every filter's index, ≈ 140 KB at 10k events) only when a group is opened or the URL already
   * selects one, so that a first query does not pay for filters nobody opens.
   */
  let filtersLoaded: Promise<void> | undefined;
  const groupBoxes = new Map<string, HTMLFieldSetElement>();
  function addValues(key: string, values: string[]): void {
    const fs = groupBoxes.get(key)!;
    fs.querySelector('.search-filter-wait')?.remove();
    for (const v of values) {
      if (boxes.has(`${key}\u0000${v}`)) continue;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = v;
      box.checked = chosen.get(key)!.has(v);
      box.addEventListener('change', () => {
        const set = chosen.get(key)!;
        if (box.checked) set.add(v);
        else set.delete(v);
        void run();
      });
      const count = document.createElement('span');
      count.className = 'count';
      label.append(box, ` ${v} `, count);
      fs.append(label);
      boxes.set(`${key}\u0000${v}`, box);
    }
  }
  function loadFilters(): Promise<void> {
    filtersLoaded ??= allFilters().then((all) => {
      for (const g of GROUPS) {
        const counts = all[g.key] ?? {};
        if (!Object.keys(counts).length) groupBoxes.get(g.key)!.closest('details')!.remove();
        else addValues(g.key, sortValues(g.key, counts));
      }
    });
    return filtersLoaded;
  }
  function renderFilterGroups(): void {
    filterBox.replaceChildren(
      ...GROUPS.map((g) => {
        const details = document.createElement('details');
        details.className = 'search-filter';
        const summary = document.createElement('summary');
        summary.textContent = g.label;
        const fs = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.className = 'visually-hidden';
        legend.textContent = g.label;
        fs.append(legend);
        groupBoxes.set(g.key, fs);
        if (g.key === 'type') {
          details.open = true;
          addValues('type', TYPE_ORDER);
        } else {
          details.open = chosen.get(g.key)!.size > 0;
          const wait = document.createElement('p');
          wait.className = 'search-filter-wait muted';
          wait.textContent = '正在载入选项…';
          fs.append(wait);
          details.addEventListener('toggle', () => {
            // First opening: load the values, then search again for their counts.
            if (details.open && !filtersLoaded) void loadFilters().then(run, () => (wait.textContent = '选项载入失败，请刷新页面重试'));
          });
        }
        details.append(summary, fs);
        return details;
      }),
    );
  }

  function updateCounts(counts: Record<string, Record<string, number>>): void {
    for (const [id, box] of boxes) {
      const [k, v] = id.split('\u0000') as [string, string];
      const n = counts[k]?.[v];
      box.parentElement!.querySelector('.count')!.textContent = n === undefined ? '' : `（${n}）`;
    }
  }

  async function showMore(moveFocus: boolean): Promise<void> {
    const next = results.slice(shown, shown + PAGE);
    const mine = seq;
    const hits = await Promise.all(next.map(hit));
    if (mine !== seq) return;
    const items = hits.map((h) => hitItem(h, today));
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  async function run(): Promise<void> {
    const mine = ++seq;
    delete root!.dataset.searched;
    syncUrl();
    const q = input.value.trim();
    const f = filters();
    reset.hidden = !Object.keys(f).length;
    if (!q && !Object.keys(f).length) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '输入关键词开始搜索，例如：爱眼、急救、科普月、5·12、aiyanri';
      root!.dataset.searched = '';
      return;
    }
    try {
      const out = await runSearch(q, { filters: f, sort: sortSel.value as SortOrder });
      if (mine !== seq) return;
      results = out.results;
      shown = 0;
      list.replaceChildren();
      updateCounts(out.filters);
      await showMore(false);
      if (mine !== seq) return;
      const where = q ? `与“${q}”相关的` : '符合筛选条件的';
      const dated = sortSel.value !== 'relevance' ? '（按日期排序，只列出有日期的活动和纪念日）' : '';
      status.textContent = results.length
        ? `找到 ${results.length} 条${where}结果${dated}`
        : `没有找到${where}结果。可以换个说法、用更短的词、拼音（如 aiyanri）或去掉筛选条件。`;
      // Marks the finished search (used by the browser tests).
      root!.dataset.searched = q;
    } catch {
      if (mine !== seq) return;
      status.textContent = '搜索暂时不可用，请稍后再试。';
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  sortSel.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showMore(true));
  reset.addEventListener('click', () => {
    for (const set of chosen.values()) set.clear();
    for (const box of boxes.values()) box.checked = false;
    void run();
  });

  renderFilterGroups();
  const preselected = GROUPS.some((g) => g.key !== 'type' && chosen.get(g.key)!.size > 0);
  void (preselected ? loadFilters().catch(() => undefined) : Promise.resolve()).then(run);
  input.focus();
}
