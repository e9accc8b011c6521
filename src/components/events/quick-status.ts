/**
 * The words of the /events/ quick filters' answer (quick-filters.ts): the status line — what the
 * filters found, in which months, how it is sorted — and what a dense month adds (quick-load.ts
 * denseHint). Pure.
 */
import type { CalendarEvent } from '../../lib/calendar/calendar-data.ts';
import { FILTER_LABELS, filterWords, type Filters } from '../../lib/calendar/filters.ts';
import type { LatLng } from '../../lib/geo.ts';
import { groupDigits } from '../../lib/group-digits.ts';
import type { QuickMonths } from './quick-load.ts';

/** A dense month the list leaves out (quick-load.ts denseHint): how many, and where they are listed. */
export type Dense = { key: string; n: number; exact: boolean; href: string };

/** 9月 for `2026-09`. */
export const monthWord = (key: string) => `${Number(key.slice(5, 7))}月`;

/** 本周末 · 10 岁：找到 12 个活动（已查 9月、10月的活动）, and how the list is sorted under 离我近. */
export function statusLine(f: Filters, found: CalendarEvent[], here: LatLng | undefined, { keys, rest }: QuickMonths, extraMonths: number, dense = ''): string {
  const words = filterWords(f).filter((w) => w !== FILTER_LABELS.near || here);
  const scope = rest.length || (!f.when && extraMonths > 0) ? `（已查 ${keys.map(monthWord).join('、')}的活动）` : '';
  // Nothing listed but a dense month counted: the count is the answer.
  if (!found.length && dense) return `${words.join(' · ')}：${dense}`;
  let line = `${words.join(' · ')}：找到 ${found.length} 个活动${scope}${dense ? `；另外${dense}` : ''}`;
  if (f.near && !here) line += '。点“离我近”允许使用位置后按距离排序（位置只在本机使用，不会发送）';
  else if (here) line += `，按距离排序${found.some((e) => !e.geo) ? '（没有坐标的排在后面）' : ''}`;
  return line;
}

/** 9月活动多，共 3 300 项，请在日历里按天查看 — a dense month's activities, counted, not listed. */
export function denseLine(dense: Dense[]): string {
  return dense
    .filter((d) => d.n > 0)
    .map((d) => `${monthWord(d.key)}活动多，${d.exact ? '共' : '最多'} ${groupDigits(d.n)} 项，请在日历里按天查看`)
    .join('；');
}
