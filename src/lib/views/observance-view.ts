/**
 * What observance pages show: the year at a glance grouped by month, and a short date label for an
 * occurrence (6月6日, 3月22日—28日, 9月, 预计5月下旬，日期待公布).
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { type Occurrence, expandObservance, occurrenceInYear, pendingIsPast } from '../time/recurrence.ts';
import { daysInMonth, monthsCovered } from '../time/days.ts';
import { periodLabel } from '../time/labels.ts';

/**
 * 6月6日 · 3月22日—28日 · 9月（全月） · 预计5月下旬，日期待公布. Given `today`, a year whose dates never
 * came and whose usual time is over says 日期未收录 instead of 待公布.
 */
export function occurrenceLabel(occ: Occurrence | undefined, withYear = false, today?: string): string {
  if (!occ) return '本年不举办';
  if (occ.status === 'pending') {
    if (today && pendingIsPast(occ, today)) return `${withYear ? `${occ.year}年` : ''}日期未收录${occ.expected ? `（通常${periodLabel(occ.expected)}）` : ''}`;
    if (occ.expected) return `${withYear ? `${occ.year}年` : ''}预计${periodLabel(occ.expected)}，日期待公布`;
    return `待公布${occ.usual ? `（${occ.usual}）` : ''}`;
  }
  const y = withYear ? `${occ.year}年` : '';
  const [sm, sd] = [Number(occ.start.slice(5, 7)), Number(occ.start.slice(8, 10))];
  const [em, ed] = [Number(occ.end.slice(5, 7)), Number(occ.end.slice(8, 10))];
  if (occ.start === occ.end) return `${y}${sm}月${sd}日`;
  const lastOfMonth = daysInMonth(occ.year, em);
  if (sm === em && sd === 1 && ed === lastOfMonth) return `${y}${sm}月（全月）`;
  return sm === em ? `${y}${sm}月${sd}日—${ed}日` : `${y}${sm}月${sd}日—${em}月${ed}日`;
}

export interface MonthGroup {
  month: number;
  items: { o: ObservanceEntry; occ: Occurrence }[];
}

/**
 * Twelve months of `year`; pending (待公布) ones go to the month of their usual window (`expected`), or
 * the month their `usual` text names, else to a 13th group.
 */
export function yearAtAGlance(list: ObservanceEntry[], year: number): { months: MonthGroup[]; pending: { o: ObservanceEntry; occ: Occurrence }[] } {
  const months: MonthGroup[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, items: [] }));
  const pending: { o: ObservanceEntry; occ: Occurrence }[] = [];
  for (const o of list) {
    const occ = occurrenceInYear(o, year);
    if (!occ) continue;
    if (occ.status === 'dated') months[Number(occ.start.slice(5, 7)) - 1]!.items.push({ o, occ });
    else if (occ.expected) months[Number(occ.expected.start.slice(5, 7)) - 1]!.items.push({ o, occ });
    else {
      const m = /(\d{1,2})\s*月/.exec(occ.usual ?? '');
      if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) months[Number(m[1]) - 1]!.items.push({ o, occ });
      else pending.push({ o, occ });
    }
  }
  const key = (x: { o: ObservanceEntry; occ: Occurrence }) =>
    (x.occ.status === 'dated' ? x.occ.start : x.occ.expected ? x.occ.expected.start : '9999') + x.o.name;
  for (const g of months) g.items.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return { months, pending };
}

/**
 * Activities an observance page lists: those linked to it (`observance:` in the event file), then
 * those on its days (last year to next year) that share one of its topics — an 爱眼日 talk whose
 * organizer did not link it still belongs on 全国爱眼日's page. Each once, in date order.
 */
export function relatedActivities(q: SiteQuery, o: ObservanceEntry, today: string): { linked: EventEntry[]; onTheDay: EventEntry[] } {
  const linked = q.byObservance.get(o.id) ?? [];
  const seen = new Set(linked.map((e) => e.id));
  const topics = new Set(o.topics);
  const onTheDay: EventEntry[] = [];
  const year = Number(today.slice(0, 4));
  if (topics.size === 0) return { linked, onTheDay };
  for (const occ of expandObservance(o, year - 1, year + 1)) {
    if (occ.status !== 'dated') continue;
    for (const month of monthsCovered(occ.start, occ.end)) {
      for (const e of q.byMonth.get(month) ?? []) {
        if (seen.has(e.id) || e.endDate < occ.start || e.startDate > occ.end || !e.topics.some((t) => topics.has(t))) continue;
        seen.add(e.id);
        onTheDay.push(e);
      }
    }
  }
  onTheDay.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return { linked, onTheDay };
}
