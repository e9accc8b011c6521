/**
 * The calendar's filters and view, kept in the URL so a filtered view can be shared:
 * `/calendar/?topic=health&region=110105&free=1&view=list&date=2026-09`.
 * Parsing is forgiving (unknown or malformed values are dropped, never thrown); serialising is
 * canonical (fixed key order, defaults left out) so equal states give equal URLs.
 */
// Type-only imports: this module runs in the browser island, which must not pull in zod or rrule.
import type { CalendarEvent, CalendarObservance } from './calendar-data.ts';
import type { EventStatus } from './schema.ts';
import { isRealDate } from './time/days.ts';
import { STATUS_LABEL } from './labels.ts';

export const MODES = ['online', 'onsite'] as const;
export type Mode = (typeof MODES)[number];
/** `active`: everything except cancelled events. */
export const STATUS_FILTERS = ['active', 'scheduled', 'cancelled', 'postponed', 'moved-online'] as const satisfies readonly ('active' | EventStatus)[];
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof VIEWS)[number];

export interface Filters {
  topic?: string;
  audience?: string;
  region?: string;
  format?: string;
  mode?: Mode;
  free?: boolean;
  status?: StatusFilter;
}

export interface CalendarState {
  filters: Filters;
  /** Absent: the page picks (list on phones, month otherwise). */
  view?: CalendarView;
  /** `YYYY-MM` or `YYYY-MM-DD`: the date the calendar opens at; absent means today. */
  date?: string;
  /** Observance days and campaign banners shown (default true; `obs=0` hides them). */
  observances: boolean;
}

export const FILTER_KEYS = ['topic', 'audience', 'region', 'format', 'mode', 'free', 'status'] as const satisfies readonly (keyof Filters)[];
export const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], string> = {
  topic: '主题',
  audience: '面向人群',
  region: '地区',
  format: '形式',
  mode: '线上/线下',
  free: '免费',
  status: '状态',
};
export const MODE_LABELS: Record<Mode, string> = { online: '线上', onsite: '线下' };
/** The status filter: everything but cancelled, or one status (labelled as on the badges). */
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { active: '不含已取消', ...STATUS_LABEL };

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

function validDate(v: string | null): string | undefined {
  const m = v ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  return y >= 1900 && isRealDate(y, mo, d) ? m[0] : undefined;
}

/** Read the state from a query string (`?a=b…`, with or without the `?`) or URLSearchParams. */
export function parseCalendarParams(search: string | URLSearchParams): CalendarState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const id = (k: string) => {
    const v = p.get(k);
    return v && ID_RE.test(v) ? v : undefined;
  };
  const filters: Filters = {
    topic: id('topic'),
    audience: id('audience'),
    region: id('region'),
    format: id('format'),
    mode: oneOf(MODES, p.get('mode')),
    free: p.get('free') === '1' || p.get('free') === 'true' ? true : undefined,
    status: oneOf(STATUS_FILTERS, p.get('status')),
  };
  for (const k of FILTER_KEYS) if (filters[k] === undefined) delete filters[k];
  return { filters, view: oneOf(VIEWS, p.get('view')), date: validDate(p.get('date')), observances: p.get('obs') !== '0' };
}

/** The canonical query string for a state: `?topic=health&view=list`, or `''` when all defaults. */
export function calendarSearch(state: CalendarState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === false) continue;
    p.set(k, v === true ? '1' : v);
  }
  if (!state.observances) p.set('obs', '0');
  if (state.view) p.set('view', state.view);
  if (state.date) p.set('date', state.date);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function activeFilterCount(f: Filters): number {
  return FILTER_KEYS.filter((k) => f[k] !== undefined && f[k] !== false).length;
}

function statusMatches(status: EventStatus, want: StatusFilter | undefined): boolean {
  if (!want) return true;
  return want === 'active' ? status !== 'cancelled' : status === want;
}

export function matchesFilters(e: CalendarEvent, f: Filters): boolean {
  if (f.topic && !e.topics.includes(f.topic)) return false;
  if (f.audience && !e.audiences.includes(f.audience)) return false;
  if (f.format && !e.formats.includes(f.format)) return false;
  if (f.region && !e.regions.includes(f.region)) return false;
  // An event that moved online counts as online, whatever its venue says.
  if (f.mode === 'online' && !(e.online || e.status === 'moved-online')) return false;
  if (f.mode === 'onsite' && !(e.onsite && e.status !== 'moved-online')) return false;
  if (f.free && !e.free) return false;
  return statusMatches(e.status, f.status);
}

/**
 * Observance days are not activities: only the topic filter applies to them (世界急救日 stays
 * under 卫生健康), and the `observances` switch hides them all.
 */
export function observanceMatches(o: CalendarObservance, state: Pick<CalendarState, 'filters' | 'observances'>): boolean {
  if (!state.observances) return false;
  return !state.filters.topic || o.topics.includes(state.filters.topic);
}
