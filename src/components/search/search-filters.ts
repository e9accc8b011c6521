/**
 * The /search/ page's filter groups (类型, 主题, 面向人群, 地区, 年份): checkboxes with live counts.
 * 类型 is listed at once (its four values are known); the others load their values (every filter's
 * index, ≈ 140 KB at 10k events) only when a group is opened or the URL already selects one, so that
 * a first query does not pay for filters nobody opens.
 */
import { allFilters, type Filters } from './search-engine.ts';

export const GROUPS = [
  { key: 'type', label: '类型' },
  { key: 'topic', label: '主题' },
  { key: 'audience', label: '面向人群' },
  { key: 'region', label: '地区' },
  { key: 'year', label: '年份' },
] as const;
const TYPE_ORDER = ['活动', '纪念日', '机构', '场馆'];

function sortValues(key: string, counts: Record<string, number>): string[] {
  const vals = Object.keys(counts);
  if (key === 'type') return vals.sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  if (key === 'year') return vals.sort().reverse();
  return vals.sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b, 'zh-CN'));
}

export class FilterPanel {
  /** The values chosen per group (from the URL, then the checkboxes). */
  readonly chosen: Map<string, Set<string>>;
  private readonly boxes = new Map<string, HTMLInputElement>();
  private readonly groupBoxes = new Map<string, HTMLFieldSetElement>();
  private loaded: Promise<void> | undefined;
  private readonly box: HTMLElement;
  /** Called when a checkbox changes, and when values arrive after a group is first opened. */
  private readonly onChange: () => void;

  constructor(box: HTMLElement, url: URL, onChange: () => void) {
    this.box = box;
    this.onChange = onChange;
    this.chosen = new Map(GROUPS.map((g) => [g.key, new Set(url.searchParams.getAll(g.key))]));
  }

  /** The chosen values as Pagefind filters. */
  filters(): Filters {
    const f: Filters = {};
    for (const [k, set] of this.chosen) if (set.size) f[k] = { any: [...set] };
    return f;
  }

  /** Whether the URL already selects a value whose group must be loaded. */
  get preselected(): boolean {
    return GROUPS.some((g) => g.key !== 'type' && this.chosen.get(g.key)!.size > 0);
  }

  load(): Promise<void> {
    this.loaded ??= allFilters().then((all) => {
      for (const g of GROUPS) {
        const counts = all[g.key] ?? {};
        if (!Object.keys(counts).length) this.groupBoxes.get(g.key)!.closest('details')!.remove();
        else this.addValues(g.key, sortValues(g.key, counts));
      }
    });
    return this.loaded;
  }

  render(): void {
    this.box.replaceChildren(...GROUPS.map((g) => this.group(g.key, g.label)));
  }

  counts(counts: Record<string, Record<string, number>>): void {
    for (const [id, box] of this.boxes) {
      const [k, v] = id.split('\u0000') as [string, string];
      const n = counts[k]?.[v];
      box.parentElement!.querySelector('.count')!.textContent = n === undefined ? '' : `（${n}）`;
    }
  }

  clear(): void {
    for (const set of this.chosen.values()) set.clear();
    for (const box of this.boxes.values()) box.checked = false;
  }

  private group(key: string, label: string): HTMLDetailsElement {
    const details = document.createElement('details');
    details.className = 'search-filter';
    const summary = document.createElement('summary');
    summary.textContent = label;
    const fs = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = label;
    fs.append(legend);
    this.groupBoxes.set(key, fs);
    if (key === 'type') {
      details.open = true;
      this.addValues('type', TYPE_ORDER);
    } else {
      details.open = this.chosen.get(key)!.size > 0;
      const wait = document.createElement('p');
      wait.className = 'search-filter-wait muted';
      wait.textContent = '正在载入选项…';
      fs.append(wait);
      details.addEventListener('toggle', () => {
        // First opening: load the values, then search again for their counts.
        if (details.open && !this.loaded) void this.load().then(this.onChange, () => (wait.textContent = '选项载入失败，请刷新页面重试'));
      });
    }
    details.append(summary, fs);
    return details;
  }

  private addValues(key: string, values: string[]): void {
    const fs = this.groupBoxes.get(key)!;
    fs.querySelector('.search-filter-wait')?.remove();
    for (const v of values) {
      if (this.boxes.has(`${key}\u0000${v}`)) continue;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = v;
      box.checked = this.chosen.get(key)!.has(v);
      box.addEventListener('change', () => {
        const set = this.chosen.get(key)!;
        if (box.checked) set.add(v);
        else set.delete(v);
        this.onChange();
      });
      const count = document.createElement('span');
      count.className = 'count';
      label.append(box, ` ${v} `, count);
      fs.append(label);
      this.boxes.set(`${key}\u0000${v}`, box);
    }
  }
}
