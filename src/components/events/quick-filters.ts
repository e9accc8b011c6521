/**
 * The quick filters of /events/ (issue 18): 今天 · 本周末 · 7 天内 · 本月 · 可报名 · 免费 · 孩子年龄 ·
 * 离我近, one tap each, kept in the URL (/events/?when=weekend&age=10&open=1&near=1) and combinable
 * with the calendar's filters (topic, audience, region …: same parser, same rules, src/lib/calendar/filters.ts).
 *
 * The page is static; this script filters the calendar's per-month JSON (/data/events/<YYYY-MM>.json).
 * It loads nothing until a filter is set — a plain /events/ fetches no data at all — and then only
 * the months it needs: a date filter's own month(s), otherwise this month, with a button for the
 * next. The position for 离我近 is asked for only when that chip is tapped (or silently reused when
 * the browser already allows it), used to sort here, and never sent anywhere.
 *
 * Without JavaScript the chips are links to static lists (/events/when/weekend/ …), and the age form
 * submits to /events/, whose static list is every upcoming event.
 *
 * This file draws and keeps the state; fetching the months and asking for the position are
 * quick-load.ts's, the filters' words and rules src/lib/calendar/filters.ts's.
 */
import type { CalendarEvent } from '../../lib/calendar/calendar-data.ts';
import { uniqueEvents } from '../../lib/calendar/calendar-draw.ts';
import {
  activeFilterCount,
  ageOf,
  calendarSearch,
  distanceTo,
  eventDays,
  FILTER_KEYS,
  filterWords,
  matchesFilters,
  parseCalendarParams,
  sortByDistance,
  type Filters,
  type When,
} from '../../lib/calendar/filters.ts';
import { distanceLabel, type LatLng } from '../../lib/geo.ts';
import { todayIn } from '../../lib/time/days.ts';
import { eventsFilteredUrl, OBSERVANCES_URL } from '../../lib/urls.ts';
import { cardElement } from './event-card-dom.ts';
import { locate, quietLocate } from '../../lib/geo.ts';
import { denseHint, quickData, quickMonths, type QuickData, type QuickMonths } from './quick-load.ts';
import { denseLine, monthWord, statusLine, type Dense } from './quick-status.ts';

/** Cards drawn at once; more on 再显示. */
const SHOW_STEP = 60;

type Filter = (typeof FILTER_KEYS)[number];

/** The parts of the page the script works on (QuickFilters.astro, and the results in /events/). */
interface QuickPage {
  doc: Document;
  root: HTMLElement;
  results: HTMLElement;
  statics: NodeListOf<HTMLElement>;
  list: HTMLUListElement;
  status: HTMLElement;
  clear: HTMLAnchorElement;
  more: HTMLElement;
  nearButton: HTMLButtonElement | null;
  ageForm: HTMLFormElement | null;
  ageInput: HTMLInputElement | null | undefined;
}

/** The page and what it shows: the filters, the position once given, how far the list goes. */
interface Quick extends QuickPage {
  filters: Filters;
  here?: LatLng;
  extraMonths: number;
  shown: number;
  /** Counts the redraws: one overtaken by a later one draws nothing. */
  run: number;
  data: QuickData;
}

function findPage(doc: Document): QuickPage | undefined {
  const root = doc.querySelector<HTMLElement>('[data-quick]');
  const results = doc.querySelector<HTMLElement>('[data-quick-results]');
  if (!root || !results) return undefined;
  const ageForm = root.querySelector<HTMLFormElement>('[data-age]');
  return {
    doc,
    root,
    results,
    statics: doc.querySelectorAll<HTMLElement>('[data-quick-static]'),
    list: results.querySelector('ul')!,
    status: root.querySelector<HTMLElement>('[data-quick-status]')!,
    clear: root.querySelector<HTMLAnchorElement>('[data-quick-clear]')!,
    more: results.querySelector<HTMLElement>('[data-quick-more]')!,
    nearButton: root.querySelector<HTMLButtonElement>('[data-near]'),
    ageForm,
    ageInput: ageForm?.querySelector<HTMLInputElement>('input[name="age"]'),
  };
}

export function runQuickFilters(doc: Document = document): void {
  const page = findPage(doc);
  if (!page) return;
  const q: Quick = { ...page, filters: parseCalendarParams(location.search).filters, extraMonths: 0, shown: SHOW_STEP, run: 0, data: quickData() };
  if (q.nearButton && 'geolocation' in navigator) q.nearButton.hidden = false;
  q.root.dataset.ready = '';
  q.root.addEventListener('click', (ev) => onChip(q, ev));
  q.ageForm?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    set(q, { ...q.filters, age: ageOf(q.ageInput?.value ?? '') });
  });
  window.addEventListener('popstate', () => {
    q.filters = parseCalendarParams(location.search).filters;
    void apply(q);
  });
  void apply(q);
}

/** A chip tapped: a date, 可报名 or 免费 (each a toggle), 清除全部筛选, or 离我近. */
function onChip(q: Quick, ev: Event): void {
  const t = (ev.target as Element).closest<HTMLElement>('[data-when], [data-toggle], [data-near], [data-quick-clear]');
  if (!t) return;
  ev.preventDefault();
  const { filters } = q;
  if (t.dataset.when) set(q, { ...filters, when: filters.when === t.dataset.when ? undefined : (t.dataset.when as When) });
  else if (t.dataset.toggle) {
    const k = t.dataset.toggle as 'open' | 'free';
    set(q, { ...filters, [k]: !filters[k] });
  } else if (t.hasAttribute('data-quick-clear')) set(q, {});
  else if (filters.near) set(q, { ...filters, near: undefined });
  else askPosition(q);
}

/** 离我近 tapped: the position first (the browser asks), then the filter. */
function askPosition(q: Quick): void {
  q.status.textContent = '正在取得位置…（只在本机使用，不会发送）';
  locate().then(
    (p) => ((q.here = p), set(q, { ...q.filters, near: true })),
    () => (q.status.textContent = '没有取得位置（未允许定位，或设备无法定位）。可以改用地区筛选，或在日历里按地区查看。'),
  );
}

/** New filters: a new history entry, the list from its first page and this month again. */
function set(q: Quick, next: Filters): void {
  for (const k of FILTER_KEYS) if (next[k] === undefined || next[k] === false) delete next[k];
  q.filters = next;
  q.extraMonths = 0;
  q.shown = SHOW_STEP;
  history.pushState(null, '', eventsFilteredUrl(calendarSearch({ filters: next, observances: true })));
  void apply(q);
}

/** The chips pressed as the filters say, the age field, and 清除 while any filter is set. */
function sync(q: Quick): void {
  const { root, filters, ageInput } = q;
  root.querySelectorAll<HTMLElement>('[data-when]').forEach((a) => {
    a.setAttribute('role', 'button');
    a.setAttribute('aria-pressed', String(filters.when === a.dataset.when));
  });
  root.querySelectorAll<HTMLElement>('[data-toggle]').forEach((a) => {
    a.setAttribute('role', 'button');
    a.setAttribute('aria-pressed', String(Boolean(filters[a.dataset.toggle as 'open' | 'free'])));
  });
  q.nearButton?.setAttribute('aria-pressed', String(Boolean(filters.near)));
  if (ageInput && q.doc.activeElement !== ageInput) ageInput.value = filters.age === undefined ? '' : String(filters.age);
  q.clear.hidden = activeFilterCount(filters) === 0;
}

/** The filtered list in place of the static one, or back. */
function show(q: Quick, filtered: boolean): void {
  q.statics.forEach((s) => (s.hidden = filtered));
  q.results.hidden = !filtered;
}

/** Show what the filters find: load the months they need, then draw (unless a later run overtook this one). */
async function apply(q: Quick): Promise<void> {
  const mine = ++q.run;
  sync(q);
  if (activeFilterCount(q.filters) === 0) {
    show(q, false);
    q.status.textContent = '';
    return;
  }
  show(q, true);
  q.status.textContent = '正在加载…';
  const today = todayIn(new Date());
  if (q.filters.near && !q.here) {
    const p = await quietLocate();
    if (p) q.here = p;
  }
  let months: QuickMonths;
  let events: CalendarEvent[];
  let dense: Dense[];
  try {
    const m = await q.data.manifest();
    months = quickMonths(m.months, q.filters.when, today, q.extraMonths);
    const loaded = await Promise.all(months.keys.map((k) => q.data.month(k, q.filters)));
    events = uniqueEvents(loaded.map((l) => l.events));
    dense = loaded.flatMap((l, i) => (l.dense ? [{ key: months.keys[i]!, ...denseHint(l.dense, q.filters, today) }] : []));
  } catch {
    if (mine === q.run) q.status.textContent = '活动数据加载失败，请检查网络后重试 / could not load the events';
    return;
  }
  if (mine !== q.run) return;
  draw(q, events, months, today, dense);
}

/** The cards, the status line and the buttons under the list, for the events loaded. */
function draw(q: Quick, events: CalendarEvent[], months: QuickMonths, today: string, dense: Dense[] = []): void {
  const { doc, filters, shown, more } = q;
  const here = filters.near ? q.here : undefined;
  const pass = (f: Filters) => events.filter((e) => eventDays(e).endDate >= today && matchesFilters(e, { ...f, near: undefined }, { today }));
  let found = pass(filters);
  if (here) found = sortByDistance(found, here);
  q.list.replaceChildren(
    ...found.slice(0, shown).map((e) => {
      const km = distanceTo(e, here);
      return cardElement(doc, { ...e, ...(km !== undefined ? { distance: distanceLabel(km) } : {}) });
    }),
  );
  q.status.textContent = statusLine(filters, found, here, months, q.extraMonths, denseLine(dense));
  more.replaceChildren();
  for (const d of dense) if (d.n > 0) more.append(link(doc, `在日历里按天查看${monthWord(d.key)}的活动 →`, d.href));
  if (found.length > shown) more.append(button(doc, `再显示 ${Math.min(SHOW_STEP, found.length - shown)} 个`, () => ((q.shown += SHOW_STEP), void apply(q))));
  if (months.rest.length) more.append(button(doc, `继续查找 ${monthWord(months.rest[0]!)}的活动`, () => (q.extraMonths++, void apply(q))));
  if (!found.length && !dense.some((d) => d.n > 0)) more.append(widen(q, pass));
  doc.dispatchEvent(new Event('kepu:stars'));
}

function link(doc: Document, text: string, href: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  const a = doc.createElement('a');
  a.href = href;
  a.textContent = text;
  p.append(a);
  return p;
}

function button(doc: Document, text: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = 'secondary';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Nothing found: each filter with how many events dropping it would show. */
function widen(q: Quick, pass: (f: Filters) => CalendarEvent[]): HTMLParagraphElement {
  const { doc, filters } = q;
  const p = doc.createElement('p');
  p.className = 'quick-widen';
  // Only the ways out that find something: “去掉‘本周末’（0 个）” would lead nowhere.
  const options = (FILTER_KEYS as readonly Filter[])
    .filter((k) => k !== 'near' && filters[k] !== undefined)
    .map((k) => {
      const f = { ...filters, [k]: undefined };
      return { k, f, n: pass(f).length };
    })
    .filter((o) => o.n > 0);
  if (!options.length) {
    const a = doc.createElement('a');
    a.href = OBSERVANCES_URL;
    a.textContent = '纪念日日历';
    p.append('近期还没有登记的活动，放宽条件也找不到。可以先看看', a, '。');
    return p;
  }
  p.append('没有找到符合全部条件的活动。试试放宽条件：');
  options.forEach(({ k, f, n }, i) => {
    const a = doc.createElement('a');
    a.href = eventsFilteredUrl(calendarSearch({ filters: f, observances: true }));
    a.textContent = `去掉“${filterWords({ [k]: filters[k] } as Filters)[0]}”（${n} 个）`;
    a.addEventListener('click', (ev) => (ev.preventDefault(), set(q, f)));
    p.append(i ? '、' : '', a);
  });
  return p;
}
