/**
 * How dates read in Chinese: 2026年9月12日（星期六）14:00–16:30, 5月下旬 (a usual window, by 旬),
 * 还有 3 天 (a hint relative to today). Pure; browser-safe (the page script and the calendar island
 * use it). Part of src/lib/time/ (see days.ts).
 */
import { daysBetween, daysInMonth, weekday } from './days.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 星期六 */
export function weekdayZh(day: string): string {
  return `星期${WEEKDAYS[weekday(day)]}`;
}

/** 2026年9月12日 */
export function formatDateZh(day: string, withYear = true): string {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}

/** 9月12日（星期六）14:00–16:30, or a date range for multi-day events. */
export function formatRangeZh(start: string, end: string | undefined, opts: { withYear?: boolean } = {}): string {
  const withYear = opts.withYear ?? true;
  const sDate = start.slice(0, 10);
  const eDate = (end ?? start).slice(0, 10);
  const sTime = start.length > 10 ? start.slice(11, 16) : '';
  const eTime = end && end.length > 10 ? end.slice(11, 16) : '';
  const first = `${formatDateZh(sDate, withYear)}（${weekdayZh(sDate)}）`;
  if (sDate === eDate) {
    if (sTime && eTime) return `${first}${sTime}–${eTime}`;
    return sTime ? `${first}${sTime}` : first;
  }
  const sameYear = sDate.slice(0, 4) === eDate.slice(0, 4);
  const last = `${formatDateZh(eDate, withYear && !sameYear)}（${weekdayZh(eDate)}）`;
  return `${first}${sTime ? ' ' + sTime : ''} 至 ${last}${eTime ? ' ' + eTime : ''}`;
}

/**
 * Where an event stands on `today`, in words: 已结束 / 今天 / 进行中 / 明天 / 后天 / 还有 3 天.
 * The pages are built once a day; the page script (src/components/page-clock.ts) recomputes this in
 * the reader's browser against today in China, so a page built yesterday still reads right.
 */
export function relativeHint(startDate: string, endDate: string, today: string): string {
  if (endDate < today) return '已结束';
  if (startDate <= today) return startDate === endDate ? '今天' : '进行中';
  const n = daysBetween(today, startDate);
  if (n === 1) return '明天';
  if (n === 2) return '后天';
  return `还有 ${n} 天`;
}

const XUN = ['上旬', '中旬', '下旬'] as const;
const xunOf = (day: number) => (day <= 10 ? 0 : day <= 20 ? 1 : 2);

/**
 * A usual window in words, by 旬 (ten-day thirds of a month): 5月下旬, 5月中下旬, 9月, 5月下旬至6月上旬.
 * For 预计 labels: a window is an expectation, so it is never written as exact days.
 */
export function periodLabel(w: { start: string; end: string }): string {
  const [sm, sd] = [Number(w.start.slice(5, 7)), Number(w.start.slice(8, 10))];
  const [em, ed] = [Number(w.end.slice(5, 7)), Number(w.end.slice(8, 10))];
  const [xs, xe] = [xunOf(sd), xunOf(ed)];
  if (w.start.slice(0, 7) === w.end.slice(0, 7)) {
    if (xs === 0 && xe === 2) return `${sm}月`;
    if (xs === xe) return `${sm}月${XUN[xs]}`;
    return `${sm}月${XUN[xs]!.slice(0, 1)}${XUN[xe]}`;
  }
  if (sd === 1 && ed === daysInMonth(Number(w.end.slice(0, 4)), em)) return `${sm}月至${em}月`;
  return `${sm}月${XUN[xs]}至${em}月${XUN[xe]}`;
}
