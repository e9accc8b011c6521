/**
 * The quick filters of /events/ (issue 18): 今天 · 本周末 · 7 天内 · 本月 · 可报名 · 免费 · 孩子年龄 ·
 * 离我近, one tap each, kept in the URL (/events/?when=weekend&age=10&open=1&near=1) and combinable
 * with the calendar's filters (topic, audience, region …: same parser, same rules, src/lib/filters.ts).
 *
 * The page is static; this script filters the calendar's per-month JSON (/data/events/<YYYY-MM>.json).
 * It loads nothing until a filter is set — a plain /events/ fetches no data at all — and then only
 * the months it needs: a date filter's own month(s), otherwise this month, with a button for the
 * next. The position for 离我近 is asked for only when that chip is tapped (or silently reused when
 * the browser already allows it), used to sort here, and never sent anywhere.
 *
 * Without JavaScript the chips are links to static lists (/events/when/weekend/ …), and the age form
 * submits to /events/, whose static list is every upcoming event.
 */
import type { CalendarEvent, CalendarManifest, MonthFile } from '../../lib/calendar-data.ts';
import { monthsInRange, uniqueEvents } from '../../lib/calendar-draw.ts';
import {
  activeFilterCount,
  AGE_MAX,
  calendarSearch,
  distanceTo,
  eventDays,
  FILTER_KEYS,
  FILTER_LABELS,
  matchesFilters,
  parseCalendarParams,
  sortByDistance,
  WHEN_LABELS,
  whenRange,
  type Filters,
  type When,
} from '../../lib/filters.ts';
import { distanceLabel, type LatLng } from '../../lib/geo.ts';
import { nextDay, todayIn } from '../../lib/time/days.ts';
import { CALENDAR_MANIFEST_URL, eventsFilteredUrl, monthDataUrl } from '../../lib/urls.ts';
import { cardElement } from './event-card-dom.ts';

/** Cards drawn at once; more on 再显示. */
const SHOW_STEP = 60;

type Filter = (typeof FILTER_KEYS)[number];

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/** 本周末 · 10 岁 · 可报名 — the filters as the status line names them. */
export function filterWords(f: Filters): string[] {
  const out: string[] = [];
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === false) continue;
    if (k === 'when') out.push(WHEN_LABELS[v as When]);
    else if (k === 'age') out.push(`${v} 岁`);
    else if (v === true) out.push(FILTER_LABELS[k]);
    else out.push(`${FILTER_LABELS[k]}：${String(v)}`);
  }
  return out;
}

export function runQuickFilters(doc: Document = document): void {
  const root = doc.querySelector<HTMLElement>('[data-quick]');
  const results = doc.querySelector<HTMLElement>('[data-quick-results]');
  const statics = doc.querySelectorAll<HTMLElement>('[data-quick-static]');
  if (!root || !results) return;
  const list = results.querySelector('ul')!;
  const status = root.querySelector<HTMLElement>('[data-quick-status]')!;
  const clear = root.querySelector<HTMLAnchorElement>('[data-quick-clear]')!;
  const more = results.querySelector<HTMLElement>('[data-quick-more]')!;
  const nearButton = root.querySelector<HTMLButtonElement>('[data-near]');
  const ageForm = root.querySelector<HTMLFormElement>('[data-age]');
  const ageInput = ageForm?.querySelector<HTMLInputElement>('input[name="age"]');

  let filters: Filters = parseCalendarParams(location.search).filters;
  let here: LatLng | undefined;
  let extraMonths = 0;
  let shown = SHOW_STEP;
  let manifest: Promise<CalendarManifest> | undefined;
  const months = new Map<string, Promise<CalendarEvent[]>>();
  let run = 0;

  const monthOf = (key: string) => {
    let p = months.get(key);
    if (!p) {
      p = getJson<MonthFile>(monthDataUrl(key)).then((f) => f.events);
      p.catch(() => months.delete(key));
      months.set(key, p);
    }
    return p;
  };

  if (nearButton && 'geolocation' in navigator) nearButton.hidden = false;
  root.dataset.ready = '';

  const locate = (): Promise<LatLng> =>
    new Promise((ok, fail) =>
      navigator.geolocation.getCurrentPosition(
        (p) => ok([p.coords.latitude, p.coords.longitude]),
        (e) => fail(e),
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
      ),
    );

  /** With near=1 from a link: reuse the position only if the browser already allows it (no prompt). */
  const quietLocate = async () => {
    try {
      const p = await navigator.permissions?.query({ name: 'geolocation' });
      if (p?.state === 'granted') here = await locate();
    } catch {
      /* no position: the list keeps its date order, and the chip says to tap */
    }
  };

  const sync = () => {
    root.querySelectorAll<HTMLElement>('[data-when]').forEach((a) => {
      a.setAttribute('role', 'button');
      a.setAttribute('aria-pressed', String(filters.when === a.dataset.when));
    });
    root.querySelectorAll<HTMLElement>('[data-toggle]').forEach((a) => {
      a.setAttribute('role', 'button');
      a.setAttribute('aria-pressed', String(Boolean(filters[a.dataset.toggle as 'open' | 'free'])));
    });
    nearButton?.setAttribute('aria-pressed', String(Boolean(filters.near)));
    if (ageInput && doc.activeElement !== ageInput) ageInput.value = filters.age === undefined ? '' : String(filters.age);
    clear.hidden = activeFilterCount(filters) === 0;
  };

  const set = (next: Filters) => {
    for (const k of FILTER_KEYS) if (next[k] === undefined || next[k] === false) delete next[k];
    filters = next;
    extraMonths = 0;
    shown = SHOW_STEP;
    history.pushState(null, '', eventsFilteredUrl(calendarSearch({ filters, observances: true })));
    void apply();
  };

  const show = (filtered: boolean) => {
    statics.forEach((s) => (s.hidden = filtered));
    results.hidden = !filtered;
  };

  async function apply(): Promise<void> {
    const mine = ++run;
    sync();
    if (activeFilterCount(filters) === 0) {
      show(false);
      status.textContent = '';
      return;
    }
    show(true);
    status.textContent = '正在加载…';
    const today = todayIn(new Date());
    if (filters.near && !here) await quietLocate();
    let keys: string[];
    let rest: string[] = [];
    let events: CalendarEvent[];
    try {
      const m = await (manifest ??= getJson<CalendarManifest>(CALENDAR_MANIFEST_URL).catch((e: unknown) => {
        manifest = undefined;
        throw e;
      }));
      if (filters.when) {
        const r = whenRange(filters.when, today);
        keys = monthsInRange(r.start, nextDay(r.end)).filter((k) => m.months.includes(k));
      } else {
        const ahead = m.months.filter((k) => k >= today.slice(0, 7));
        keys = ahead.slice(0, 1 + extraMonths);
        rest = ahead.slice(keys.length);
      }
      events = uniqueEvents(await Promise.all(keys.map(monthOf)));
    } catch {
      if (mine === run) status.textContent = '活动数据加载失败，请检查网络后重试 / could not load the events';
      return;
    }
    if (mine !== run) return;
    const here_ = filters.near ? here : undefined;
    const pass = (f: Filters) => events.filter((e) => eventDays(e).endDate >= today && matchesFilters(e, { ...f, near: undefined }, { today }));
    let found = pass(filters);
    if (here_) found = sortByDistance(found, here_);
    list.replaceChildren(
      ...found.slice(0, shown).map((e) => {
        const km = distanceTo(e, here_);
        return cardElement(doc, { ...e, ...(km !== undefined ? { distance: distanceLabel(km) } : {}) });
      }),
    );
    const words = filterWords(filters).filter((w) => w !== FILTER_LABELS.near || here_);
    const scope = rest.length || (!filters.when && extraMonths > 0) ? `（已查 ${keys.map((k) => `${Number(k.slice(5, 7))}月`).join('、')}的活动）` : '';
    let line = `${words.join(' · ')}：找到 ${found.length} 个活动${scope}`;
    if (filters.near && !here_) line += '。点“离我近”允许使用位置后按距离排序（位置只在本机使用，不会发送）';
    else if (here_) line += `，按距离排序${found.some((e) => !e.geo) ? '（没有坐标的排在后面）' : ''}`;
    status.textContent = line;
    more.replaceChildren();
    if (found.length > shown) more.append(button(`再显示 ${Math.min(SHOW_STEP, found.length - shown)} 个`, () => ((shown += SHOW_STEP), void apply())));
    if (rest.length) more.append(button(`继续查找 ${Number(rest[0]!.slice(5, 7))}月的活动`, () => (extraMonths++, void apply())));
    if (!found.length) more.append(widen(pass));
    doc.dispatchEvent(new Event('kepu:stars'));
  }

  const button = (text: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  };

  /** Nothing found: each filter with how many events dropping it would show. */
  const widen = (pass: (f: Filters) => CalendarEvent[]) => {
    const p = doc.createElement('p');
    p.className = 'quick-widen';
    p.append('没有找到符合全部条件的活动。试试放宽条件：');
    const options = (FILTER_KEYS as readonly Filter[]).filter((k) => k !== 'near' && filters[k] !== undefined);
    options.forEach((k, i) => {
      const f = { ...filters, [k]: undefined };
      const n = pass(f).length;
      const a = doc.createElement('a');
      a.href = eventsFilteredUrl(calendarSearch({ filters: f, observances: true }));
      a.textContent = `去掉“${filterWords({ [k]: filters[k] } as Filters)[0]}”（${n} 个）`;
      a.addEventListener('click', (ev) => (ev.preventDefault(), set(f)));
      p.append(i ? '、' : '', a);
    });
    return p;
  };

  root.addEventListener('click', (ev) => {
    const t = (ev.target as Element).closest<HTMLElement>('[data-when], [data-toggle], [data-near], [data-quick-clear]');
    if (!t) return;
    ev.preventDefault();
    if (t.dataset.when) set({ ...filters, when: filters.when === t.dataset.when ? undefined : (t.dataset.when as When) });
    else if (t.dataset.toggle) {
      const k = t.dataset.toggle as 'open' | 'free';
      set({ ...filters, [k]: !filters[k] });
    } else if (t.hasAttribute('data-quick-clear')) set({});
    else if (filters.near) set({ ...filters, near: undefined });
    else {
      status.textContent = '正在取得位置…（只在本机使用，不会发送）';
      locate().then(
        (p) => ((here = p), set({ ...filters, near: true })),
        () => (status.textContent = '没有取得位置（未允许定位，或设备无法定位）。可以改用地区筛选，或在日历里按地区查看。'),
      );
    }
  });

  ageForm?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = ageInput?.value.trim() ?? '';
    const n = /^\d{1,3}$/.test(v) && Number(v) <= AGE_MAX ? Number(v) : undefined;
    set({ ...filters, age: n });
  });

  window.addEventListener('popstate', () => {
    filters = parseCalendarParams(location.search).filters;
    void apply();
  });

  void apply();
}
