/**
 * The /calendar/ island: FullCalendar 7 (month, week, list; list by default on phones) over the
 * static per-month JSON, with observance days and campaign banners drawn apart from activities,
 * and filters + view + date kept in the URL. Props are only the filter vocabularies (a few KB).
 *
 * Lists never draw more than LIST_ROW_LIMIT rows at once (a dense month's 列表 goes day by day,
 * long days and weeks page with 再列出), and the month/week grids load on first use: a phone
 * opens at the list and never needs them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { CalendarRef, DatesSetInfo, PluginInput } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import listPlugin from '@fullcalendar/react/list';
import zhCn from '@fullcalendar/react/locales/zh-cn';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import './calendar.css';
import { LIST_ROW_LIMIT, listPage, listRows, listSpanFor, monthBounds, nearestMonthWith, overlaps, prevDay, spanLabel, viewRange, visibleItems, type ViewSpan } from '../../lib/calendar-draw.ts';
import { activeFilterCount, calendarSearch, parseCalendarParams, type CalendarState, type CalendarView } from '../../lib/filters.ts';
import FilterBar, { type FilterVocab } from './FilterBar.tsx';
import { useFirstDraw } from './use-first-draw.ts';
import { LOAD_ERROR, loadRange, rangeData, useMonthData, type VisibleRange } from './use-month-data.ts';

/**
 * FullCalendar's views behind ours; on phones a week reads better as a list than as 7 narrow columns.
 * 列表 is the month's list, or one day's list when the month has more rows than a page (listSpanFor).
 */
const viewTypes = (phone: boolean): Record<CalendarView, string> => ({ month: 'dayGridMonth', week: phone ? 'listWeek' : 'dayGridWeek', list: 'listMonth' });
const viewOf = (type: string): CalendarView => (type === 'listMonth' || type === 'listDay' ? 'list' : type.endsWith('Week') ? 'week' : 'month');
const spanOf = (type: string): ViewSpan => (type === 'dayGridMonth' ? 'monthGrid' : type === 'listMonth' ? 'month' : type === 'listDay' ? 'day' : 'week');
const ymdOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The date part of the URL for a view: a month, or the first day of a week or a day's list. */
const urlDate = (type: string, currentStart: string) => (type === 'listDay' || type.endsWith('Week') ? currentStart : currentStart.slice(0, 7));

/** The grids (FullCalendar's daygrid plugin, ~16 KB gzipped) load the first time a grid is shown. */
let gridLoad: Promise<PluginInput> | undefined;
const loadGrid = () =>
  (gridLoad ??= import('@fullcalendar/react/daygrid').then(
    (m) => m.default,
    (e: unknown) => {
      gridLoad = undefined; // a later view may try again
      throw e;
    },
  ));
/** Until then the grid views exist with a loading note, so the view buttons stay the same tabs. */
const GridLoading = () => <p className="kp-grid-loading">正在加载…</p>;
const gridPending: PluginInput = {
  name: 'daygrid',
  views: {
    dayGrid: { component: GridLoading },
    dayGridWeek: { type: 'dayGrid', duration: { weeks: 1 } },
    dayGridMonth: { type: 'dayGrid', duration: { months: 1 }, fixedWeekCount: true },
  },
} as PluginInput;
/** Colours come from the page's palette (light and dark), see calendar.css; by `order` (0 campaign, 1 observance, 2 activity). */
const COLORS = ['var(--cal-campaign)', 'var(--cal-observance)', 'var(--cal-event)', 'var(--cal-tentative)'];
const CONTRAST = ['var(--cal-on-campaign)', 'var(--cal-on-observance)', 'var(--cal-on-event)', 'var(--cal-on-tentative)'];
/** In the list view only a dot is coloured: it needs the strong colour. */
const DOTS = ['var(--campaign)', 'var(--obs)', 'var(--cal-event)', 'var(--muted)'];
const PHONE = '(max-width: 639.98px)';

const WEEKDAYS = '日一二三四五六';
/** The week view's column heads: weekday and date on two lines (the default shows no date on phones). */
const weekDayHeader = (info: { date: Date; isNarrow: boolean }) => (
  <span className="kp-dayhead">
    <span>{(info.isNarrow ? '' : '周') + WEEKDAYS[info.date.getDay()]}</span>
    <span>{`${info.date.getMonth() + 1}/${info.date.getDate()}`}</span>
  </span>
);

type Ymd = { year: number; month: number; day: number };
const toYmd = (day: string): Ymd => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) - 1, day: Number(day.slice(8, 10)) });
/** 2026年9月14日—20日 (FullCalendar's default for a week in zh-CN is the terse 2026/9/14 – 2026/9/20). */
const weekTitle = ({ start, end }: { start: Ymd; end?: Ymd | null }) => {
  const e = end ?? start;
  const tail = e.year !== start.year ? `${e.year}年${e.month + 1}月${e.day}日` : e.month !== start.month ? `${e.month + 1}月${e.day}日` : `${e.day}日`;
  return `${start.year}年${start.month + 1}月${start.day}日—${tail}`;
};

/** FullCalendar's title for a view (before it says so itself in datesSet). */
function titleOf(type: string, currentStart: string, currentEnd: string): string {
  const s = toYmd(currentStart);
  if (type === 'listDay') return `${s.year}年${s.month + 1}月${s.day}日`;
  if (type.endsWith('Week')) return weekTitle({ start: s, end: toYmd(prevDay(currentEnd)) });
  return `${s.year}年${s.month + 1}月`;
}

// Options that never change live outside the component: FullCalendar re-reads options given anew.
const BUTTONS = { today: { text: '今天' }, dayGridMonth: { text: '月' }, dayGridWeek: { text: '周' }, listWeek: { text: '周' }, listMonth: { text: '列表' }, listDay: { text: '列表' } };
/** Rows added per task while the calendar is first drawn. */
const FIRST_DRAW_STEP = 25;
const nextTask = () => new Promise<void>((done) => setTimeout(done));
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const prevHint = (_text: string, unit: string) => (unit === 'week' ? '上一周' : unit === 'day' ? '前一天' : '上个月');
const nextHint = (_text: string, unit: string) => (unit === 'week' ? '下一周' : unit === 'day' ? '后一天' : '下个月');
const LIST_CLASSES = { listItemEventTimeClass: 'kp-list-time', listItemEventTitleClass: 'kp-list-title' };
const VIEWS = {
  listMonth: LIST_CLASSES,
  listDay: LIST_CLASSES,
  listWeek: { ...LIST_CLASSES, titleFormat: weekTitle },
  dayGridWeek: { titleFormat: weekTitle, dayHeaderContent: weekDayHeader },
};

/** In-app browsers (WeChat …) hide the address bar: a button copies the filtered view's link. */
function ShareLink() {
  const [done, setDone] = useState('');
  const copy = () =>
    navigator.clipboard?.writeText(window.location.href).then(
      () => setDone('链接已复制'),
      () => setDone('请从地址栏复制链接'),
    ) ?? setDone('请从地址栏复制链接');
  return (
    <p className="kp-share">
      <button type="button" className="secondary" onClick={copy}>复制本页链接</button> <span role="status">{done}</span>
    </p>
  );
}

interface Opening {
  phone: boolean;
  types: Record<CalendarView, string>;
  /** FullCalendar view type and day to open at, and what that view shows. */
  type: string;
  date: string;
  range: ReturnType<typeof viewRange>;
  grid?: PluginInput;
  failed?: boolean;
}

/**
 * Loads what the first view needs (its month files, and the grid plugin for a grid) before the
 * calendar is drawn, so it appears complete in one go: no list that fills in, no banner that pushes
 * it down. A dense month's list opens directly at the day.
 */
export default function KepuCalendar({ vocab }: { vocab: FilterVocab }) {
  const [opening, setOpening] = useState<Opening>();
  useEffect(() => {
    const state = parseCalendarParams(window.location.search);
    const phone = window.matchMedia(PHONE).matches;
    const types = viewTypes(phone);
    let type = types[state.view ?? (phone ? 'list' : 'month')];
    const date = state.date ? (state.date.length === 7 ? `${state.date}-01` : state.date) : ymdOf(new Date());
    let range = viewRange(spanOf(type), date);
    let live = true;
    const grid = type.startsWith('dayGrid') ? loadGrid() : undefined;
    // Each step is its own task (a dense month's file alone is 1.4 MB of JSON): shorter tasks on a slow phone.
    Promise.all([loadRange(range), grid])
      .then(async ([, plugin]) => {
        await nextTask();
        if (type === 'listMonth') {
          const { events, observances } = rangeData(range);
          const rows = listRows(visibleItems(events, observances, state, { spansAside: true }).drawn, range.start, range.end);
          if (listSpanFor(rows) === 'day') [type, range] = ['listDay', viewRange('day', date)];
        }
        return { grid: plugin, failed: false };
      })
      .catch(() => ({ grid: undefined, failed: true }))
      .then(async (r) => {
        await nextTask();
        if (live) setOpening({ phone, types, type, date, range, ...r });
      });
    return () => {
      live = false;
    };
  }, []);
  if (!opening) {
    return (
      <p className="muted kp-cal-wait">
        日历加载中… 也可以直接查看<a href="/events/">近期活动列表</a>。
      </p>
    );
  }
  return <CalendarView vocab={vocab} opening={opening} />;
}

function CalendarView({ vocab, opening }: { vocab: FilterVocab; opening: Opening }) {
  const [state, setState] = useState<CalendarState>(() => parseCalendarParams(window.location.search));
  const { phone, types } = opening;
  const calendar = useRef<CalendarRef>(null);
  const root = useRef<HTMLDivElement>(null);
  /**
   * The view and date last written to the URL, or opened with (opening at today's day list in a dense
   * month is not recorded: the URL stays clean). Later list switches are recorded: the link shows the day.
   */
  const recorded = useRef(`${viewOf(opening.type)} ${urlDate(opening.type, opening.range.currentStart)}`);
  const [range, setRange] = useState<VisibleRange>({ start: opening.range.start, end: opening.range.end });
  const [current, setCurrent] = useState(() => ({
    start: opening.range.currentStart,
    end: opening.range.currentEnd,
    type: opening.type,
    title: titleOf(opening.type, opening.range.currentStart, opening.range.currentEnd),
  }));
  const data = useMonthData(range);
  const [grid, setGrid] = useState<PluginInput | undefined>(opening.grid);
  // Drawn in short tasks: the calendar a task after the filters, then FIRST_DRAW_STEP rows per task.
  const { calendarOn, cap } = useFirstDraw(FIRST_DRAW_STEP, LIST_ROW_LIMIT);
  const eventsOn = cap === Infinity;
  const [gridError, setGridError] = useState(false);

  useEffect(() => {
    const url = window.location.pathname + calendarSearch(state) + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, '', url);
  }, [state]);

  const type = current.type;
  useEffect(() => {
    if (grid || !type.startsWith('dayGrid')) return;
    let live = true;
    loadGrid().then(
      (p) => live && (setGridError(false), setGrid(p)),
      () => live && setGridError(true),
    );
    return () => {
      live = false;
    };
  }, [type, grid]);
  const plugins = useMemo(() => [classicTheme, listPlugin, grid ?? gridPending], [grid]);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const [start, end] = [ymdOf(info.start), ymdOf(info.end)];
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    const t = info.view.type;
    const cur = { start: ymdOf(info.view.currentStart), end: ymdOf(info.view.currentEnd), title: info.view.title, type: t };
    setCurrent((c) => (c.start === cur.start && c.end === cur.end && c.type === cur.type && c.title === cur.title ? c : cur));
    const view = viewOf(t);
    const date = urlDate(t, cur.start);
    const key = `${view} ${date}`;
    if (key === recorded.current) return;
    recorded.current = key;
    setState((s) => ({ ...s, view, date }));
  }, []);

  const listView = type.startsWith('list');
  const items = useMemo(() => visibleItems(data.events, data.observances, state, { spansAside: listView }), [data.events, data.observances, state, listView]);

  // 列表: the whole month when it fits in a page, else day by day (decided again as months and filters change).
  const monthList = type === 'listMonth' || type === 'listDay' ? monthBounds(current.start) : undefined;
  const monthRows = useMemo(() => (monthList ? listRows(items.drawn, monthList[0], monthList[1]) : 0), [items, monthList?.[0]]);
  const listWanted = monthList && !data.loading && !data.error ? (listSpanFor(monthRows) === 'day' ? 'listDay' : 'listMonth') : undefined;
  const switching = Boolean(listWanted && listWanted !== type);
  useEffect(() => {
    if (!switching || !listWanted || !monthList) return;
    const api = calendar.current?.getApi();
    if (!api) return;
    const at = ymdOf(api.getDate());
    const dayIn = at >= monthList[0] && at < monthList[1] ? at : monthList[0];
    const hadFocus = document.activeElement?.closest('[role="tab"]') && root.current?.contains(document.activeElement);
    api.changeView(listWanted, dayIn);
    // The 列表 tab is another button now: keep the keyboard where it was.
    if (hadFocus) requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }, [switching, calendarOn]);

  // A list draws one page of rows; 再列出 adds a page (until the view, range or filters change).
  const pageKey = `${type} ${range.start} ${range.end} ${calendarSearch({ ...state, view: undefined, date: undefined })}`;
  const [more, setMore] = useState({ key: '', pages: 0 });
  const limit = LIST_ROW_LIMIT * (1 + (more.key === pageKey ? more.pages : 0));
  const page = useMemo(() => (listView && !switching ? listPage(items.drawn, range.start, range.end, limit) : undefined), [listView, range, switching, items, limit]);
  const drawn = useMemo(() => {
    const list = switching ? [] : (page?.shown ?? items.drawn);
    return list.map((d) => ({ ...d, color: (listView ? DOTS : COLORS)[d.order], contrastColor: CONTRAST[d.order] }));
  }, [items, page, switching, listView]);
  const shownEvents = useMemo(() => (cap >= drawn.length ? drawn : drawn.slice(0, cap)), [drawn, cap]);
  const shown = items.events.filter((e) => overlaps(e, current.start, current.end)).length;
  const aside = items.aside.filter((o) => overlaps(o, current.start, current.end));
  const busy = data.loading || switching;
  const listType = type === 'listDay' ? 'listDay' : types.list;
  const toolbar = useMemo(() => ({ start: 'prev,today,next', center: 'title', end: `${types.month},${types.week},${listType}` }), [listType]);
  const error = data.error ?? (opening.failed ? LOAD_ERROR : undefined);

  return (
    // aria-busy until the month's data is in and every event is drawn (the first draw is staged over
    // tasks): assistive technology waits for the whole, and so do the browser tests.
    <div className="kp-calendar" ref={root} aria-busy={busy || !eventsOn}>
      <FilterBar vocab={vocab} state={state} folded={phone} onChange={(next) => setState((s) => ({ ...s, ...next }))} />
      <div className="kp-status-row">
        <p className="kp-status" role="status" aria-live="polite">
          {error ?? (gridError ? '月历加载失败，请检查网络后刷新页面 / could not load the month view' : busy ? '正在加载…' : `${current.title}：${shown} 项活动${shown === 0 && activeFilterCount(state.filters) > 0 ? '符合条件' : ''}`)}
        </p>
        <ShareLink />
      </div>
      {/* Above the list, not below it: drawn with the calendar, it does not move when the rows come (CLS). */}
      {type === 'listDay' && !switching && (
        <p className="kp-note">这个月活动较多，列表按天显示：点下面的 ‹ › 看前一天、后一天。在“筛选”里选择地区，可以只看附近的活动。</p>
      )}
      {aside.length > 0 && (
        <ul className="kp-aside" aria-label="这段时间的活动月、宣传周">
          {aside.map((o) => (
            <li key={o.id + o.start} className={o.tentative ? 'is-tentative' : o.kind === 'campaign' ? 'is-campaign' : undefined}>
              <a href={`/observances/${o.id}/`}>{o.name}</a> <span className="muted">{spanLabel(o)}</span>
            </li>
          ))}
        </ul>
      )}
      {calendarOn && <FullCalendar
        ref={calendar}
        plugins={plugins}
        locale={zhCn}
        initialView={opening.type}
        initialDate={opening.date}
        class="kp-fc"
        headerToolbar={toolbar}
        buttons={BUTTONS}
        events={shownEvents}
        eventOrder="order,start,-duration,title"
        eventTimeFormat={TIME_FORMAT}
        dayMaxEventRows={4}
        height="auto"
        noEventsText={busy ? '正在加载…' : '这段时间没有符合条件的活动'}
        eventsHint="活动"
        prevHint={prevHint}
        nextHint={nextHint}
        views={VIEWS}
        datesSet={onDatesSet}
      />}
      {/* A month without activities says so and points to the nearest one that has some (below the calendar: no shift). */}
      {!busy && !error && shown === 0 && activeFilterCount(state.filters) === 0 && (() => {
        const near = nearestMonthWith(data.months, current.start.slice(0, 7));
        return (
          <p className="kp-empty">
            {current.title}还没有登记的活动。
            {near && <a href={window.location.pathname + calendarSearch({ ...state, date: near })}>看看 {Number(near.slice(0, 4))}年{Number(near.slice(5, 7))}月的活动 →</a>}
          </p>
        );
      })()}
      {/* Only once the rows are drawn: put below an empty list, it would be pushed down by them (CLS). */}
      {eventsOn && page && page.rows > page.shownRows && (
        <div className="kp-more">
          <p>
            先列出 {page.shownRows} 条{page.lastDay && page.lastDay < prevDay(range.end) ? `（到 ${Number(page.lastDay.slice(5, 7))}月${Number(page.lastDay.slice(8, 10))}日）` : ''}，还有 {page.rows - page.shownRows} 条。
          </p>
          <button type="button" className="secondary" onClick={() => setMore({ key: pageKey, pages: (more.key === pageKey ? more.pages : 0) + 1 })}>
            再列出 {Math.min(LIST_ROW_LIMIT, page.rows - page.shownRows)} 条
          </button>
        </div>
      )}
    </div>
  );
}
