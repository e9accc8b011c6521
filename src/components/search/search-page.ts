/**
 * The /search/ page: reads ?q= (so the header form works without JavaScript) and the filters and
 * sort from the URL, searches as the person types, and keeps the URL in step so a search can be
 * bookmarked or shared. Results are a list of links; the count goes to a polite live region; "more"
 * moves focus to the first new result.
 */
import './search.css';
import { hit, runSearch, searchEverywhere, unsearched, type SortOrder } from './search-engine.ts';
import { FilterPanel } from './search-filters.ts';
import { hitItem } from './search-render.ts';
import { todayIn } from '../../lib/time/days.ts';

const PAGE = 10;
const SORTS: SortOrder[] = ['relevance', 'date-desc', 'date-asc'];

class SearchPage {
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  /** 也搜索其余活动: the bundles a search has not read (issue 21: the nearest are read first). */
  private readonly everywhere: HTMLButtonElement;
  private readonly sortSel: HTMLSelectElement;
  private readonly reset: HTMLButtonElement;
  private readonly panel: FilterPanel;
  private results: Awaited<ReturnType<typeof runSearch>>['results'] = [];
  private shown = 0;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  // Results say 已结束 for events that ended before today in China.
  private readonly today = todayIn(new Date());

  private readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.form = root.querySelector<HTMLFormElement>('form')!;
    this.input = this.form.querySelector<HTMLInputElement>('input[name="q"]')!;
    this.status = root.querySelector<HTMLElement>('[data-status]')!;
    this.list = root.querySelector<HTMLOListElement>('[data-hits]')!;
    this.more = root.querySelector<HTMLButtonElement>('[data-more]')!;
    this.everywhere = root.querySelector<HTMLButtonElement>('[data-everywhere]')!;
    this.sortSel = root.querySelector<HTMLSelectElement>('[data-sort]')!;
    this.reset = root.querySelector<HTMLButtonElement>('[data-reset]')!;
    const url = new URL(location.href);
    this.input.value = url.searchParams.get('q') ?? '';
    const sortParam = url.searchParams.get('sort') as SortOrder | null;
    this.sortSel.value = sortParam && SORTS.includes(sortParam) ? sortParam : 'relevance';
    this.panel = new FilterPanel(root.querySelector<HTMLElement>('[data-filters]')!, url, () => void this.run());
  }

  /** Live results: the no-JavaScript button goes (it would stand between the box and the results). */
  start(): void {
    this.form.querySelector<HTMLButtonElement>('button[type="submit"]')?.remove();
    this.root.classList.add('is-live');
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(), 200);
    });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.timer);
      void this.run();
    });
    this.sortSel.addEventListener('change', () => void this.run());
    this.more.addEventListener('click', () => void this.showMore(true));
    this.everywhere.addEventListener('click', () => {
      this.everywhere.hidden = true;
      void searchEverywhere().then(() => this.run());
    });
    this.reset.addEventListener('click', () => {
      this.panel.clear();
      void this.run();
    });
    this.panel.render();
    void (this.panel.preselected ? this.panel.load().catch(() => undefined) : Promise.resolve()).then(() => this.run());
    this.input.focus();
  }

  /** The URL follows the search, so it can be bookmarked or shared. */
  private syncUrl(): void {
    const u = new URL(location.href);
    u.search = '';
    if (this.input.value.trim()) u.searchParams.set('q', this.input.value.trim());
    for (const [k, set] of this.panel.chosen) for (const v of set) u.searchParams.append(k, v);
    if (this.sortSel.value !== 'relevance') u.searchParams.set('sort', this.sortSel.value);
    history.replaceState(null, '', u);
  }

  private async showMore(moveFocus: boolean): Promise<void> {
    const next = this.results.slice(this.shown, this.shown + PAGE);
    const mine = this.seq;
    const hits = await Promise.all(next.map(hit));
    if (mine !== this.seq) return;
    const items = hits.map((h) => hitItem(h, this.today));
    this.list.append(...items);
    this.shown += next.length;
    this.more.hidden = this.shown >= this.results.length;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  private async run(): Promise<void> {
    const mine = ++this.seq;
    delete this.root.dataset.searched;
    this.syncUrl();
    const q = this.input.value.trim();
    const f = this.panel.filters();
    this.reset.hidden = !Object.keys(f).length;
    if (!q && !Object.keys(f).length) {
      this.results = [];
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = '输入关键词开始搜索，例如：爱眼、急救、科普月、5·12、aiyanri';
      this.root.dataset.searched = '';
      return;
    }
    try {
      const out = await runSearch(q, { filters: f, sort: this.sortSel.value as SortOrder });
      if (mine !== this.seq) return;
      this.results = out.results;
      this.shown = 0;
      this.list.replaceChildren();
      this.panel.counts(out.filters);
      await this.showMore(false);
      if (mine !== this.seq) return;
      const where = q ? `与“${q}”相关的` : '符合筛选条件的';
      const dated = this.sortSel.value !== 'relevance' ? '（按日期排序，只列出有日期的活动和纪念日）' : '';
      this.status.textContent = this.results.length
        ? `找到 ${this.results.length} 条${where}结果${dated}`
        : `没有找到${where}结果。可以换个说法、用更短的词、拼音（如 aiyanri）或去掉筛选条件。`;
      // Marks the finished search (used by the browser tests).
      this.root.dataset.searched = q;
      const left = await unsearched();
      if (mine !== this.seq) return;
      this.everywhere.hidden = left === 0;
    } catch {
      if (mine !== this.seq) return;
      this.status.textContent = '搜索暂时不可用，请稍后再试。';
    }
  }
}

export function start(root: HTMLElement | null = document.querySelector('[data-search-page]')): void {
  if (root) new SearchPage(root).start();
}
