/**
 * The parts of the /calendar/ island around FullCalendar: the status line, which names the view (on
 * phones the toolbar's title is left to screen readers, calendar.css, and the share button sits
 * beside 筛选 instead), the campaigns and months that span the view, what a list started at today
 * folds, how to read a busy view, the note for an empty month, and 再列出 under a long list. Each reads what the view shows;
 * KepuCalendar.tsx lays them out.
 */
import type { visibleItems } from '../../lib/calendar/calendar-draw.ts';
import { nearestMonthWith, overlaps, spanLabel } from '../../lib/calendar/calendar-draw.ts';
import { UPPER_BOUND } from '../../lib/calendar/calendar-dense.ts';
import { LIST_ROW_LIMIT, type ListPage } from '../../lib/calendar/calendar-list.ts';
import { activeFilterCount, calendarSearch, type CalendarState } from '../../lib/calendar/filters.ts';
import { prevDay } from '../../lib/time/days.ts';
import { observanceUrl } from '../../lib/urls.ts';
import ShareLink from './ShareLink.tsx';

type Items = ReturnType<typeof visibleItems>;
interface Current {
  start: string;
  end: string;
  title: string;
}

const shownIn = (items: Items, c: Current) => items.events.filter((e) => overlaps(e, c.start, c.end)).length;

export function StatusLine(p: { share: boolean; error?: string; gridError: boolean; busy: boolean; current: Current; items: Items; state: CalendarState; dense?: { counted: number; exact: boolean; hide: Set<string> } }) {
  // A dense month's grid counts from the month's counts (use-dense.ts): rows it replaces are not counted twice.
  const rows = p.dense?.hide.size ? p.items.events.filter((e) => overlaps(e, p.current.start, p.current.end) && !p.dense!.hide.has(`e:${e.id}`)).length : shownIn(p.items, p.current);
  const shown = rows + (p.dense?.counted ?? 0);
  const bound = p.dense && !p.dense.exact && p.dense.counted > 0 ? UPPER_BOUND : '';
  return (
    <div className="kp-status-row">
      <p className="kp-status" role="status" aria-live="polite">
        {p.error ?? (p.gridError ? '月历加载失败，请检查网络后刷新页面 / could not load the month view' : p.busy ? `${p.current.title}：正在加载…` : `${p.current.title}：${bound}${shown} 项活动${shown === 0 && activeFilterCount(p.state.filters) > 0 ? '符合条件' : ''}`)}
      </p>
      {p.share && <ShareLink />}
    </div>
  );
}

/**
 * How to read a busy view, above the calendar: a day's list (a month too long for one page lists day
 * by day), or a dense month's grid of counts (issue 21). Drawn with the island's frame, before
 * FullCalendar: on a phone it is the first screen's largest text, so the page's largest paint comes
 * with the frame, not with the grid (Lighthouse's LCP on the month grid: 2.1 s → the frame's).
 */
export function ViewNote({ type, denseMonth }: { type: string; denseMonth: boolean }) {
  if (type === 'listDay') return <p className="kp-note">这个月活动多，按天列出：点 ‹ › 换一天；在“筛选”里选地区，只看附近的。</p>;
  if (type.startsWith('dayGrid') && denseMonth) return <p className="kp-note">这个月活动多：点每天的数字，看当天的全部活动；在“筛选”里选地区，只看附近的。</p>;
  return null;
}

/** 活动月、宣传周 spanning the view, listed above it rather than drawn across every day. */
export function AsideList({ aside, current }: { aside: Items['aside']; current: Current }) {
  const shown = aside.filter((o) => overlaps(o, current.start, current.end));
  if (!shown.length) return null;
  return (
    <ul className="kp-aside" aria-label="这段时间的活动月、宣传周">
      {shown.map((o) => (
        <li key={o.id + o.start} className={o.tentative ? 'is-tentative' : o.kind === 'campaign' ? 'is-campaign' : undefined}>
          <a href={observanceUrl(o.id)}>{o.name}</a> <span className="muted">{spanLabel(o)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A month without activities says so and points to the nearest one that has some (below the calendar: no shift). */
export function EmptyMonth({ months, current, items, state }: { months: readonly string[]; current: Current; items: Items; state: CalendarState }) {
  if (shownIn(items, current) !== 0 || activeFilterCount(state.filters) !== 0) return null;
  const near = nearestMonthWith(months, current.start.slice(0, 7));
  return (
    <p className="kp-empty">
      {current.title}还没有登记的活动。
      {near && <a href={window.location.pathname + calendarSearch({ ...state, date: near })}>看看 {Number(near.slice(0, 4))}年{Number(near.slice(5, 7))}月的活动 →</a>}
    </p>
  );
}

/** Above a list that starts at today: what is over this month or week, folded, and 显示 to list it too. */
export function PastRows({ n, onShow }: { n: number; onShow: () => void }) {
  return (
    <div className="kp-more kp-past">
      <p>今天以前的 {n} 项已收起。</p>
      <button type="button" className="secondary" onClick={onShow}>
        显示
      </button>
    </div>
  );
}

/** What an empty list says; one started at today (`past` items folded) says until when. */
export function emptyListText(type: string, past: number, state: CalendarState): string {
  if (past === 0) return '这段时间没有符合条件的活动';
  const what = activeFilterCount(state.filters) > 0 ? '符合条件的活动' : state.observances ? '活动和纪念日' : '活动';
  return `今天到${type === 'listWeek' ? '周日' : '月底'}没有${what}`;
}

/**
 * Below a list that waits to be scrolled to its end (use-first-draw.ts): its next rows now, for
 * anyone who does not scroll — a keyboard, a screen reader. Scrolling there draws them anyway.
 */
export function NextRows({ onMore }: { onMore: () => void }) {
  return (
    <div className="kp-more">
      <button type="button" className="secondary" onClick={onMore}>
        继续列出
      </button>
    </div>
  );
}

/** Only once the rows are drawn: put below an empty list, it would be pushed down by them (CLS). */
export function MoreRows({ page, rangeEnd, onMore }: { page: ListPage<unknown>; rangeEnd: string; onMore: () => void }) {
  if (page.rows <= page.shownRows) return null;
  return (
    <div className="kp-more">
      <p>
        先列出 {page.shownRows} 条{page.lastDay && page.lastDay < prevDay(rangeEnd) ? `（到 ${Number(page.lastDay.slice(5, 7))}月${Number(page.lastDay.slice(8, 10))}日）` : ''}，还有 {page.rows - page.shownRows} 条。
      </p>
      <button type="button" className="secondary" onClick={onMore}>
        再列出 {Math.min(LIST_ROW_LIMIT, page.rows - page.shownRows)} 条
      </button>
    </div>
  );
}
