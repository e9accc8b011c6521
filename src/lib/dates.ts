/**
 * Calendar-date helpers on `YYYY-MM-DD` strings. All-day dates are calendar dates, not instants:
 * arithmetic goes through Date.UTC so the machine's TZ never shifts a day.
 */
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** 星期六 */
export function weekdayZh(date: string): string {
  return `星期${WEEKDAYS[weekday(date)]}`;
}

/** 2026年9月12日 */
export function formatDateZh(date: string, withYear = true): string {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
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

/** Days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM` keys of every month touched by [start, end] (inclusive dates). */
export function monthsCovered(start: string, end: string): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const endKey = end.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** A relative hint in Chinese: 今天 / 明天 / 还有 3 天 / 已结束 / 进行中. */
export function relativeHintZh(startDate: string, endDate: string, today: string): string {
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
