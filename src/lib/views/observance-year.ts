/**
 * The 科普 year for planners: every observance and campaign of one year, month by month, with the
 * date, weekday, kind, level, authority and how sure the date is (fixed by rule, announced, 预计 or
 * 待公布). Feeds the year pages (/observances/<year>/), their print poster (campaign bands) and the
 * downloads beside them (.csv, .xlsx, .ics). Pure: the caller passes the year and `today`.
 */
import type { ObservanceEntry } from '../content/model.ts';
import { type Occurrence, occurrenceInYear, pendingIsPast } from '../time/recurrence.ts';
import { daysBetween, daysInMonth } from '../time/days.ts';
import { weekdayZh } from '../time/labels.ts';
import { occurrenceLabel } from './observance-view.ts';
import { LEVEL_LABEL, OBSERVANCE_KIND_LABEL } from '../labels.ts';
import { absolute, observanceUrl } from '../urls.ts';

/** How sure a year's date is. */
export type DateStatus = 'rule' | 'announced' | 'expected' | 'pending' | 'unrecorded';
export const DATE_STATUS_LABEL: Record<DateStatus, string> = { rule: '每年固定', announced: '已公布', expected: '预计', pending: '待公布', unrecorded: '未收录' };

export interface YearRow {
  o: ObservanceEntry;
  occ: Occurrence;
  /** First and last day (inclusive): the dates, or the usual window when `expected`; none when `pending`. */
  start?: string;
  end?: string;
  status: DateStatus;
  /** 6月6日 · 3月22日—28日 · 预计5月下旬，日期待公布 */
  when: string;
  /** 星期六 (of the first day), for dated days and weeks. */
  weekday?: string;
  theme?: string;
}

/** The years planners get a page for: last year, this year and the next two. */
export function plannerYears(today: string): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 1, y, y + 1, y + 2];
}

/** From October, the year view points to next year: that is when 科协 staff plan it. */
export function planningNextYear(today: string): boolean {
  return Number(today.slice(5, 7)) >= 10;
}

function rowOf(o: ObservanceEntry, occ: Occurrence, today: string): YearRow {
  if (occ.status === 'dated') {
    const status: DateStatus = occ.announced && o.rule.type === 'announced' ? 'announced' : 'rule';
    // The weekday matters for a day or a week (which day it starts); for a month it is noise.
    const weekday = daysBetween(occ.start, occ.end) < 10 ? weekdayZh(occ.start) : undefined;
    return { o, occ, start: occ.start, end: occ.end, status, when: occurrenceLabel(occ), weekday, theme: o.themes[String(occ.year)]?.text };
  }
  const base = { o, occ, when: occurrenceLabel(occ, false, today), theme: o.themes[String(occ.year)]?.text };
  if (pendingIsPast(occ, today)) return { ...base, status: 'unrecorded' };
  return occ.expected ? { ...base, ...occ.expected, status: 'expected' } : { ...base, status: 'pending' };
}

/**
 * Every observance held in `year`, by first day (预计 rows by their usual window, 待公布 and 未收录
 * last), then name.
 */
export function yearRows(list: readonly ObservanceEntry[], year: number, today: string): YearRow[] {
  const rows: YearRow[] = [];
  for (const o of list) {
    const occ = occurrenceInYear(o, year);
    if (occ) rows.push(rowOf(o, occ, today));
  }
  const key = (r: YearRow) => (r.start ?? '9999') + (r.status === 'expected' ? '1' : '0');
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.o.name.localeCompare(b.o.name, 'zh')));
}

export interface MonthRows {
  month: number;
  rows: YearRow[];
}

/** Twelve months (a row sits in the month it starts, or its usual window starts) and the 待公布 rest. */
export function byMonth(rows: readonly YearRow[], year: number): { months: MonthRows[]; pending: YearRow[] } {
  const months: MonthRows[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, rows: [] }));
  const pending: YearRow[] = [];
  for (const r of rows) {
    if (r.start && Number(r.start.slice(0, 4)) === year) months[Number(r.start.slice(5, 7)) - 1]!.rows.push(r);
    else if (r.start) months[0]!.rows.push(r); // a span begun last year (none today) still shows in January
    else pending.push(r);
  }
  return { months, pending };
}

/** One band of the year strip: a campaign or a whole month, placed as a share of the year. */
export interface YearBand {
  row: YearRow;
  /** Percent of the year before the band and its width, for CSS. */
  left: number;
  width: number;
  /** 0-based lane: bands that overlap get different lanes. */
  lane: number;
}

/**
 * The poster's strip: campaigns (全国科普月, 全国科技活动周 …) and observance months (质量月 …) as
 * bands along the year, packed into lanes (first fit, by start day). A band's name is written from
 * its first day on and may run past a short band (a week is 2 % of the year), so a lane is kept
 * until the name ends too: `daysPerChar` days per character, 6 fits an A4 portrait strip (194 mm
 * for the year, 9 pt type) and anything wider.
 */
export function yearBands(rows: readonly YearRow[], year: number, daysPerChar = 6): YearBand[] {
  const first = `${year}-01-01`;
  const total = daysBetween(first, `${year}-12-31`) + 1;
  const lanesEnd: number[] = [];
  const out: YearBand[] = [];
  for (const row of rows) {
    if (!row.start || !row.end || (row.o.kind !== 'campaign' && row.o.kind !== 'month')) continue;
    const end = row.end.slice(0, 4) === String(year) ? row.end : `${year}-12-31`;
    const from = daysBetween(first, row.start);
    const to = daysBetween(first, end);
    const visualEnd = Math.max(to, from + Math.ceil([...row.o.name].length * daysPerChar));
    let lane = lanesEnd.findIndex((last) => last < from);
    if (lane < 0) lane = lanesEnd.push(visualEnd) - 1;
    else lanesEnd[lane] = visualEnd;
    out.push({ row, left: round((from / total) * 100), width: round(((to - from + 1) / total) * 100), lane });
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Month ticks of the strip (percent of the year where each month starts). */
export function monthTicks(year: number): { month: number; left: number }[] {
  const total = daysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
  let before = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const tick = { month: i + 1, left: round((before / total) * 100) };
    before += daysInMonth(year, i + 1);
    return tick;
  });
}

// ---------------------------------------------------------------------------------------------
// downloads
// ---------------------------------------------------------------------------------------------

export const TABLE_HEADERS = ['开始日期', '结束日期', '星期', '名称', '英文名称', '类型', '级别', '设立机构', '日期状态', '当年主题', '依据', '依据网址', '详情网址'] as const;

/** One row of the spreadsheet downloads, in TABLE_HEADERS order. */
export function tableRow(r: YearRow, site: string): string[] {
  const o = r.o;
  const dateSource = r.occ.status === 'dated' ? o.dates[String(r.occ.year)]?.source : undefined;
  return [
    r.start ?? '',
    r.end ?? '',
    r.weekday ?? '',
    o.name,
    o.nameEn ?? '',
    OBSERVANCE_KIND_LABEL[o.kind],
    LEVEL_LABEL[o.level],
    o.authority,
    r.status === 'rule' || r.status === 'announced' ? DATE_STATUS_LABEL[r.status] : r.when,
    r.theme ?? '',
    dateSource?.title ?? o.source.title,
    dateSource?.url ?? o.source.url ?? '',
    absolute(site, observanceUrl(o.id)),
  ];
}

/**
 * A cell that a spreadsheet would read as a formula (= + - @, or a tab/CR that some read the same way)
 * is kept as text with a leading apostrophe (OWASP "CSV injection").
 */
export function spreadsheetText(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  const v = spreadsheetText(cell);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV with CRLF and a UTF-8 byte-order mark, so Excel on Windows shows the Chinese headers. */
export function yearCsv(rows: readonly YearRow[], site: string): string {
  const lines = [TABLE_HEADERS.map(csvCell).join(','), ...rows.map((r) => tableRow(r, site).map(csvCell).join(','))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
