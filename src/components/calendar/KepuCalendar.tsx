/**
 * The /calendar/ island: FullCalendar 7 (month, week, list; list by default on phones) over the
 * static per-month JSON, with observance days and campaign banners drawn apart from activities,
 * and filters + view + date kept in the URL. Props are only the filter vocabularies (a few KB).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { DatesSetInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import listPlugin from '@fullcalendar/react/list';
import zhCn from '@fullcalendar/react/locales/zh-cn';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import './calendar.css';
import { overlaps, spanLabel, visibleItems } from '../../lib/calendar-draw.ts';
import { activeFilterCount, calendarSearch, parseCalendarParams, type CalendarState, type CalendarView } from '../../lib/filters.ts';
import FilterBar, { type FilterVocab } from './FilterBar.tsx';
import { useMonthData, type VisibleRange } from './use-month-data.ts';

/** FullCalendar's views behind ours; on phones a week reads better as a list than as 7 narrow columns. */
const viewTypes = (phone: boolean): Record<CalendarView, string> => ({ month: 'dayGridMonth', week: phone ? 'listWeek' : 'dayGridWeek', list: 'listMonth' });
const viewOf = (type: string): CalendarView => (type === 'listMonth' ? 'list' : type.endsWith('Week') ? 'week' : 'month');
/** Colours come from the page's palette (light and dark), see calendar.css; by `order` (0 campaign, 1 observance, 2 activity). */
const COLORS = ['var(--cal-campaign)', 'var(--cal-observance)', 'var(--cal-event)'];
const CONTRAST = ['var(--cal-on-campaign)', 'var(--cal-on-observance)', 'var(--cal-on-event)'];
/** In the list view only a dot is coloured: it needs the strong colour. */
const DOTS = ['var(--campaign)', 'var(--obs)', 'var(--cal-event)'];
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
/** 2026年9月14日—20日 (FullCalendar's default for a week in zh-CN is the terse 2026/9/14 – 2026/9/20). */
const weekTitle = ({ start, end }: { start: Ymd; end?: Ymd | null }) => {
  const e = end ?? start;
  const tail = e.year !== start.year ? `${e.year}年${e.month + 1}月${e.day}日` : e.month !== start.month ? `${e.month + 1}月${e.day}日` : `${e.day}日`;
  return `${start.year}年${start.month + 1}月${start.day}日—${tail}`;
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

export default function KepuCalendar({ vocab }: { vocab: FilterVocab }) {
  const [state, setState] = useState<CalendarState>(() => parseCalendarParams(window.location.search));
  // Read once: the view and date the calendar opens with (later changes go through FullCalendar).
  const [initial] = useState(() => {
    const phone = window.matchMedia(PHONE).matches;
    const types = viewTypes(phone);
    return { phone, types, view: types[state.view ?? (phone ? 'list' : 'month')], date: state.date && (state.date.length === 7 ? `${state.date}-01` : state.date) };
  });
  const firstDates = useRef(true);
  const [range, setRange] = useState<VisibleRange>();
  const [current, setCurrent] = useState<VisibleRange & { title: string; view: CalendarView; asList: boolean }>();
  const data = useMonthData(range);

  useEffect(() => {
    const url = window.location.pathname + calendarSearch(state) + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, '', url);
  }, [state]);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const [start, end] = [day(info.start), day(info.end)];
    setRange((r) => (r && r.start === start && r.end === end ? r : { start, end }));
    const view = viewOf(info.view.type);
    const cur = { start: day(info.view.currentStart), end: day(info.view.currentEnd), title: info.view.title, view, asList: info.view.type.startsWith('list') };
    setCurrent(cur);
    if (firstDates.current) {
      firstDates.current = false; // opening at today or at the linked date: nothing to record
      return;
    }
    setState((s) => ({ ...s, view, date: view === 'week' ? cur.start : cur.start.slice(0, 7) }));
  }, []);

  const listView = Boolean(current?.asList);
  const items = useMemo(() => visibleItems(data.events, data.observances, state, { spansAside: listView }), [data.events, data.observances, state, listView]);
  const drawn = useMemo(() => items.drawn.map((d) => ({ ...d, color: (listView ? DOTS : COLORS)[d.order], contrastColor: CONTRAST[d.order] })), [items, listView]);
  const shown = current ? items.events.filter((e) => overlaps(e, current.start, current.end)).length : 0;
  const aside = current ? items.aside.filter((o) => overlaps(o, current.start, current.end)) : [];

  return (
    <div className="kp-calendar">
      <FilterBar vocab={vocab} state={state} folded={initial.phone} onChange={(next) => setState((s) => ({ ...s, ...next }))} />
      <div className="kp-status-row">
        <p className="kp-status" role="status" aria-live="polite">
          {data.error ?? (data.loading || !current ? '正在加载…' : `${current.title}：${shown} 项活动${shown === 0 && activeFilterCount(state.filters) > 0 ? '符合条件' : ''}`)}
        </p>
        <ShareLink />
      </div>
      {aside.length > 0 && (
        <ul className="kp-aside" aria-label="这段时间的活动月、宣传周">
          {aside.map((o) => (
            <li key={o.id + o.start} className={o.kind === 'campaign' ? 'is-campaign' : undefined}>
              <a href={`/observances/${o.id}/`}>{o.name}</a> <span className="muted">{spanLabel(o)}</span>
            </li>
          ))}
        </ul>
      )}
      <FullCalendar
        plugins={[classicTheme, dayGridPlugin, listPlugin]}
        locale={zhCn}
        initialView={initial.view}
        {...(initial.date ? { initialDate: initial.date } : {})}
        class="kp-fc"
        headerToolbar={{ start: 'prev,today,next', center: 'title', end: `${initial.types.month},${initial.types.week},${initial.types.list}` }}
        buttons={{ today: { text: '今天' }, dayGridMonth: { text: '月' }, dayGridWeek: { text: '周' }, listWeek: { text: '周' }, listMonth: { text: '列表' } }}
        events={drawn}
        eventOrder="order,start,-duration,title"
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayMaxEventRows={4}
        height="auto"
        noEventsText="这段时间没有符合条件的活动"
        eventsHint="活动"
        prevHint={(_text: string, unit: string) => (unit === 'week' ? '上一周' : unit === 'day' ? '前一天' : '上个月')}
        nextHint={(_text: string, unit: string) => (unit === 'week' ? '下一周' : unit === 'day' ? '后一天' : '下个月')}
        views={{
          listMonth: { listItemEventTimeClass: 'kp-list-time', listItemEventTitleClass: 'kp-list-title' },
          listWeek: { listItemEventTimeClass: 'kp-list-time', listItemEventTitleClass: 'kp-list-title', titleFormat: weekTitle },
          dayGridWeek: { titleFormat: weekTitle, dayHeaderContent: weekDayHeader },
        }}
        datesSet={onDatesSet}
      />
    </div>
  );
}
