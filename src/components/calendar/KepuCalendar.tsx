/**
 * The /calendar/ island: FullCalendar 7 (month, week, list; list by default on phones) over the
 * static per-month JSON, with observance days and campaign banners drawn apart from activities,
 * and filters + view + date kept in the URL. Props are the filter vocabularies and the data files'
 * manifest (a few KB).
 *
 * Lists never draw more than LIST_ROW_LIMIT rows at once (a dense month's 列表 goes day by day,
 * long days and weeks page with 再列出), and the month/week grids load on first use: a phone
 * opens at the list and never needs them. FullCalendar itself loads apart from this file's code,
 * after the island's frame is drawn (engine.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CalendarRef, DatesSetInfo } from '@fullcalendar/react';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import './calendar.css';
import { visibleItems } from '../../lib/calendar/calendar-draw.ts';
import { dayListUrl } from '../../lib/calendar/calendar-dense.ts';
import { inListOrder, LIST_ROW_LIMIT } from '../../lib/calendar/calendar-list.ts';
import { calendarSearch, parseCalendarParams, whenRange, type CalendarState, type Filters } from '../../lib/calendar/filters.ts';
import { locate as askPosition, quietLocate, type LatLng } from '../../lib/geo.ts';
import { todayIn } from '../../lib/time/days.ts';
import QuickChips from './QuickChips.tsx';
import { COLORS, CONTRAST, DOTS, FIRST_DRAW_STEP, titleOf, urlDate, viewOf, ymdOf } from './calendar-options.tsx';
import { AsideList, EmptyMonth, emptyListText, MoreRows, NextRows, PastRows, StatusLine, ViewNote } from './CalendarParts.tsx';
import { useDayOpener, useEngine, useGridPlugin, useOpening, type Opening } from './engine.ts';
import FilterBar, { type FilterVocab } from './FilterBar.tsx';
import ShareLink from './ShareLink.tsx';
import { ShownItems } from './CountGrid.tsx';
import { useFirstDraw, useHeldWhileLoading } from './use-first-draw.ts';
import { isDenseMonth, LOAD_ERROR, prefetch, useMonthData, type VisibleRange } from './use-month-data.ts';
import type { CalendarManifest } from '../../lib/calendar/calendar-data.ts';
import { useDenseView } from './use-dense.ts';
import { useListPage, useListSwitch } from './use-list-view.ts';


/**
 * Draws the island's frame (filters, status line) and then the calendar once what the first view
 * needs is in (its month files, FullCalendar, the grid plugin for a grid), so the calendar appears
 * complete in one go: no list that fills in, no banner that pushes it down (the opening: engine.ts).
 */
export default function KepuCalendar({ vocab, manifest }: { vocab: FilterVocab; manifest?: CalendarManifest }) {
  const opening = useOpening(manifest);
  if (!opening) {
    return (
      <p className="muted kp-cal-wait">
        日历加载中… 也可以直接查看<a href="/events/">近期活动列表</a>。
      </p>
    );
  }
  return <CalendarView vocab={vocab} opening={opening} />;
}

/** The filters and the view in the URL, so a filtered view can be shared. */
function useUrlState(opening: Opening) {
  const [state, setState] = useState<CalendarState>(() => parseCalendarParams(window.location.search));
  useEffect(() => {
    const url = window.location.pathname + calendarSearch(state) + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, '', url);
  }, [state]);
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
  return { state, setState, range, current, onDatesSet };
}

/**
 * What the quick filters are judged against: today in China (once per visit) and, after 离我近 is
 * tapped, the browser's position — asked for only then, or reused silently when the browser
 * already allows it; kept in memory, never sent.
 */
function useQuickContext(state: CalendarState, setState: (f: (s: CalendarState) => CalendarState) => void) {
  const today = useMemo(() => todayIn(new Date()), []);
  const [here, setHere] = useState<LatLng>();
  const [nearNote, setNearNote] = useState<string>();
  const ask = useCallback(
    (then?: () => void) =>
      askPosition().then(
        (at) => (setHere(at), setNearNote(undefined), then?.()),
        () => setNearNote('没有取得位置（未允许定位，或设备无法定位）。可以改用“筛选”里的地区。'),
      ),
    [],
  );
  const locate = useCallback(() => {
    setNearNote('正在取得位置…（只在本机使用，不会发送）');
    ask(() => setState((s) => ({ ...s, filters: { ...s.filters, near: true } })));
  }, [ask, setState]);
  useEffect(() => {
    if (!state.filters.near || here) return;
    setNearNote('点“离我近”允许使用位置后，只显示附近的活动（位置只在本机使用，不会发送）。');
    void quietLocate().then((at) => at && (setHere(at), setNearNote(undefined)));
  }, [state.filters.near, here, ask]);
  return { today, here, nearNote: state.filters.near || nearNote?.startsWith('没有') ? nearNote : undefined, locate };
}

/** A date quick filter moves the calendar to its first day. */
function useWhenJump(when: Filters['when'], today: string, calendar: RefObject<CalendarRef | null>) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false); // the opening already starts there
    if (when) calendar.current?.getApi().gotoDate(whenRange(when, today).start);
  }, [when]);
}

function CalendarView({ vocab, opening }: { vocab: FilterVocab; opening: Opening }) {
  const { phone } = opening;
  const calendar = useRef<CalendarRef>(null);
  const root = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const { state, setState, range, current, onDatesSet } = useUrlState(opening);
  const data = useMonthData(range, state.filters);
  const type = current.type;
  const { grid, gridError } = useGridPlugin(type);
  const { engine, engineError } = useEngine();
  const listView = type.startsWith('list');
  const { today, here, nearNote, locate } = useQuickContext(state, setState);
  const ctx = useMemo(() => ({ today, here: state.filters.near ? here : undefined }), [today, here, state.filters.near]);
  const items = useMemo(() => visibleItems(data.events, data.observances, state, { spansAside: listView, ctx }), [data.events, data.observances, state, listView, ctx]);
  // Drawn in short tasks: the calendar a task after the filters, then a list's FIRST_DRAW_STEP rows per
  // task while the list's end (`end`) is within a screen of the window: the rest as they are scrolled to.
  // The calendar is drawn once complete: FullCalendar, a grid's plugin and the first view's files are in.
  const firstIn = useRef(false);
  firstIn.current ||= !data.loading;
  const ready = !!engine && firstIn.current && (!type.startsWith('dayGrid') || !!grid || gridError);
  const { calendarOn, cap, drawing, waiting, drawMore } = useFirstDraw(FIRST_DRAW_STEP, LIST_ROW_LIMIT, listView, items.drawn, end, ready);
  useWhenJump(state.filters.when, today, calendar);
  const dense = useDenseView(data, items, state, listView, range, current);
  const switching = useListSwitch(type, current.start, items.drawn, !data.loading && !data.error, calendar, root, calendarOn, data.dense.some((d) => d.month === current.start.slice(0, 7)));
  const pageKey = `${type} ${range.start} ${range.end} ${calendarSearch({ ...state, view: undefined, date: undefined })}`;
  // A list of the month or week that holds today opens at today; what is over is one tap away (显示).
  const [showPast, setShowPast] = useState(false);
  const { page, onMore, past } = useListPage(pageKey, listView, switching, items, range, type !== 'listDay' && !showPast ? today : undefined);
  const drawn = useMemo(() => {
    const rows = switching ? [] : (page?.shown ?? items.drawn);
    const list = dense.hide.size || dense.countItems.length ? [...rows.filter((d) => !dense.hide.has(d.id)), ...dense.countItems] : rows;
    if (listView) return inListOrder(list, range.start).map((d, seq) => ({ ...d, seq, color: DOTS[d.order], contrastColor: CONTRAST[d.order] }));
    return list.map((d) => ({ ...d, color: COLORS[d.order], contrastColor: CONTRAST[d.order] }));
  }, [items, page, switching, listView, dense, range.start]);
  // A dense month's grid is a table of counts (CountGrid), cheap to draw: it gets its items in its first
  // draw, or the spans above the table (全国科普月 …) would come a step later and push it down (CLS).
  const whole = type === 'dayGridMonth' && isDenseMonth(current.start.slice(0, 7));
  const capped = useMemo(() => (whole || cap >= drawn.length ? drawn : drawn.slice(0, cap)), [drawn, cap, whole]);
  const shownEvents = useHeldWhileLoading(capped, `${type} ${range.start}`, data.loading && !data.error);
  const shown = useMemo(() => ({ items: shownEvents, type, dayUrl: (day: string) => dayListUrl(day, state) }), [shownEvents, type, state]);
  // A new filter's files are asked for in the event itself, while the page draws the loading state:
  // a region's shard is on its way a frame sooner (useMonthData would ask only after that draw).
  const setFilters = useCallback(
    (next: Pick<CalendarState, 'filters'> & Partial<CalendarState>) => {
      prefetch(range, next.filters);
      setState((s) => ({ ...s, ...next }));
    },
    [range, setState],
  );
  const { openDay, onGridClick, onGridPress, opening: openingDay } = useDayOpener(calendar, state.filters, `${type} ${current.start}`);
  const busy = data.loading || switching || !!openingDay;
  const error = data.error ?? (opening.failed || engineError ? LOAD_ERROR : undefined);
  return (
    // aria-busy until the month's data is in and the rows in reach are drawn (the first draw is staged
    // over tasks), or something failed to load: assistive technology waits for them, and so do the browser tests.
    <div className="kp-calendar" ref={root} aria-busy={!error && (busy || drawing)} onClick={onGridClick} onPointerDown={onGridPress}>
      <QuickChips filters={state.filters} onChange={(filters) => setFilters({ filters })} onLocate={locate} nearNote={nearNote} />
      {/* On phones one bar: 筛选 (folded) and the link to this view side by side; opened, the filters take the row. */}
      {phone ? (
        <div className="kp-bar">
          <FilterBar vocab={vocab} state={state} folded onChange={setFilters} />
          <ShareLink />
        </div>
      ) : (
        <FilterBar vocab={vocab} state={state} folded={false} onChange={setFilters} />
      )}
      <StatusLine share={!phone} error={error} gridError={gridError} busy={busy} current={openingDay ? { ...current, title: openingDay } : current} items={items} state={state} dense={dense} />
      {/* Above the list, not below it: drawn with the calendar, it does not move when the rows come (CLS). */}
      {!switching && <ViewNote type={type} denseMonth={isDenseMonth(current.start.slice(0, 7))} />}
      <AsideList aside={items.aside} current={current} />
      {calendarOn && past > 0 && <PastRows n={past} onShow={() => setShowPast(true)} />}
      {calendarOn && engine && (
        <ShownItems.Provider value={shown}>
          <engine.CalendarGrid calendar={calendar} opening={opening} grid={grid} type={type} events={shownEvents} emptyText={busy && listView ? '正在加载…' : emptyListText(type, past, state)} onDatesSet={onDatesSet} openDay={openDay} />
        </ShownItems.Provider>
      )}
      <div ref={end}>{waiting && cap < drawn.length && <NextRows onMore={drawMore} />}</div>
      {/* Once the calendar's rows are drawn (the month's observance days): before, they would push it down (CLS). */}
      {cap === Infinity && !busy && !error && !dense.counted && <EmptyMonth months={data.months} current={current} items={items} state={state} />}
      {cap === Infinity && page && !data.partial && <MoreRows page={page} rangeEnd={range.end} onMore={onMore} />}
      {/* A long day shown from its head (issue 21): 再列出 fetches the whole day and shows the next page. */}
      {cap === Infinity && data.partial && listView && (
        <MoreRows page={{ shown: [], rows: data.partial.total, shownRows: data.partial.shown }} rangeEnd={range.end} onMore={() => (data.partial!.more(), onMore())} />
      )}
    </div>
  );
}
