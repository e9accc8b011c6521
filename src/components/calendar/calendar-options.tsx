/**
 * What the /calendar/ island tells FullCalendar, fixed once: view types per device, titles in
 * Chinese, toolbar texts, colours by kind, the grid plugin loaded on first use. Options that never
 * change live outside the components: FullCalendar re-reads options given anew.
 */
import type { PluginInput } from '@fullcalendar/react';
import type { CalendarView } from '../../lib/calendar/filters.ts';
import type { ViewSpan } from '../../lib/calendar/calendar-draw.ts';
import { prevDay } from '../../lib/time/days.ts';

/**
 * FullCalendar's views behind ours; on phones a week reads better as a list than as 7 narrow columns.
 * 列表 is the month's list, or one day's list when the month has more rows than a page (listSpanFor).
 */
export const viewTypes = (phone: boolean): Record<CalendarView, string> => ({ month: 'dayGridMonth', week: phone ? 'listWeek' : 'dayGridWeek', list: 'listMonth' });
export const viewOf = (type: string): CalendarView => (type === 'listMonth' || type === 'listDay' ? 'list' : type.endsWith('Week') ? 'week' : 'month');
export const spanOf = (type: string): ViewSpan => (type === 'dayGridMonth' ? 'monthGrid' : type === 'listMonth' ? 'month' : type === 'listDay' ? 'day' : 'week');
export const ymdOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The date part of the URL for a view: a month, or the first day of a week or a day's list. */
export const urlDate = (type: string, currentStart: string) => (type === 'listDay' || type.endsWith('Week') ? currentStart : currentStart.slice(0, 7));

/** Until the grid plugin is in (engine.ts loadGrid) the grid views exist with a loading note, so the view buttons stay the same tabs. */
const GridLoading = () => <p className="kp-grid-loading">正在加载…</p>;
export const gridPending: PluginInput = {
  name: 'daygrid',
  views: {
    dayGrid: { component: GridLoading },
    dayGridWeek: { type: 'dayGrid', duration: { weeks: 1 } },
    dayGridMonth: { type: 'dayGrid', duration: { months: 1 }, fixedWeekCount: true },
  },
} as PluginInput;
/** Colours come from the page's palette (light and dark), see calendar.css; by `order` (0 campaign, 1 observance, 2 activity). */
export const COLORS = ['var(--cal-campaign)', 'var(--cal-observance)', 'var(--cal-event)', 'var(--cal-tentative)'];
export const CONTRAST = ['var(--cal-on-campaign)', 'var(--cal-on-observance)', 'var(--cal-on-event)', 'var(--cal-on-tentative)'];
/** In the list view only a dot is coloured: it needs the strong colour. */
export const DOTS = ['var(--campaign)', 'var(--obs)', 'var(--cal-event)', 'var(--muted)'];
export const PHONE = '(max-width: 639.98px)';
/** In 大字 mode text is a third larger: a month grid needs a wider screen to stay legible. */
export const LARGE_PHONE = '(max-width: 899.98px)';

export const WEEKDAYS = '日一二三四五六';
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
export function titleOf(type: string, currentStart: string, currentEnd: string): string {
  const s = toYmd(currentStart);
  if (type === 'listDay') return `${s.year}年${s.month + 1}月${s.day}日`;
  if (type.endsWith('Week')) return weekTitle({ start: s, end: toYmd(prevDay(currentEnd)) });
  return `${s.year}年${s.month + 1}月`;
}

// Options that never change live outside the component: FullCalendar re-reads options given anew.
export const BUTTONS = { today: { text: '今天' }, dayGridMonth: { text: '月' }, dayGridWeek: { text: '周' }, listWeek: { text: '周' }, listMonth: { text: '列表' }, listDay: { text: '列表' } };
/** Rows added per task while the calendar is first drawn. */
export const FIRST_DRAW_STEP = 15;
export const nextTask = () => new Promise<void>((done) => setTimeout(done));
export const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
export const prevHint = (_text: string, unit: string) => (unit === 'week' ? '上一周' : unit === 'day' ? '前一天' : '上个月');
export const nextHint = (_text: string, unit: string) => (unit === 'week' ? '下一周' : unit === 'day' ? '后一天' : '下个月');
/** Lists show their rows in the island's order (`seq`: calendar-list.ts inListOrder), drawn a few at a time without moving. */
const LIST_CLASSES = { listItemEventTimeClass: 'kp-list-time', listItemEventTitleClass: 'kp-list-title', eventOrder: 'seq' };
/** Month and day titles as FullCalendar's zh-CN ones read, without an Intl range format on every view change. */
const monthTitle = ({ start }: { start: Ymd }) => `${start.year}年${start.month + 1}月`;
const dayTitle = ({ start }: { start: Ymd }) => `${start.year}年${start.month + 1}月${start.day}日`;
export const VIEWS = {
  listMonth: { ...LIST_CLASSES, titleFormat: monthTitle },
  listDay: { ...LIST_CLASSES, titleFormat: dayTitle },
  dayGridMonth: { titleFormat: monthTitle },
  listWeek: { ...LIST_CLASSES, titleFormat: weekTitle },
  dayGridWeek: { titleFormat: weekTitle, dayHeaderContent: weekDayHeader },
};
