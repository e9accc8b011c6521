/**
 * A dense month's grid (issue 21, src/lib/calendar/count-grid.ts): six weeks as a plain table — a count per
 * day that opens the day's list, or under a filter that leaves few (a province) the day's first
 * activities and “另 N 项”; the day's observance days; what spans several days above. It stands in
 * for FullCalendar's month grid in a dense month, under the same view, toolbar and title, so the
 * buttons and the URL do not change; other months keep FullCalendar's grid.
 *
 * The items come by context from the calendar (the list FullCalendar is given). Links work without
 * script; with it, a count or “另 N 项” opens the day in place (data-day, CalendarView).
 */
import { createContext, useContext, useMemo, type ReactElement } from 'react';
import type { PluginInput } from '@fullcalendar/react';
import { COUNT_SUFFIX, isCountItem, UPPER_BOUND } from '../../lib/calendar/calendar-dense.ts';
import { OBSERVANCE_PREFIX, type DrawnEvent } from '../../lib/calendar/calendar-draw.ts';
import { monthGridWeeks, placeItems, ROWS_PER_DAY } from '../../lib/calendar/count-grid.ts';
import { nextDay, todayIn } from '../../lib/time/days.ts';
import { WEEKDAYS } from './calendar-options.tsx';
import { isDenseMonth } from './use-month-data.ts';

export type ShownItem = DrawnEvent & { color?: string; contrastColor?: string };

/**
 * What the calendar shows now, for which view (FullCalendar's type), and the link to a day's list
 * under the same filters: the count grid reads it (FullCalendar's view gets only its own props).
 */
export interface Shown {
  items: readonly ShownItem[];
  type: string;
  dayUrl: (day: string) => string;
}
export const ShownItems = createContext<Shown>({ items: [], type: '', dayUrl: () => '' });

interface ViewProps {
  dateProfile: { currentRange: { start: Date } };
  labelId?: string;
  labelStr?: string;
  className?: string;
}

const NO_ITEMS: readonly ShownItem[] = [];
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];
/** FullCalendar's dates are UTC markers of the local day. */
const monthOf = (p: ViewProps) => p.dateProfile.currentRange.start.toISOString().slice(0, 7);
const dayLabel = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * On a phone a day is ≈ 46 px wide: the words a cell can spare (“活动” after a count, “纪念日：”
 * before an observance day, known by its colour and the legend) are kept for screen readers only.
 */
function Title({ d }: { d: ShownItem }) {
  const text = d.title;
  if (isCountItem(d) && text.endsWith(COUNT_SUFFIX)) {
    const head = text.slice(0, -COUNT_SUFFIX.length);
    const at = head.startsWith(UPPER_BOUND) ? UPPER_BOUND.length : 0;
    return <>{head.slice(0, at)}<span className="kp-cg-n">{head.slice(at)}</span> 项<span className="kp-cg-long">活动</span></>;
  }
  if (text.startsWith(OBSERVANCE_PREFIX)) return <><span className="kp-cg-long">{OBSERVANCE_PREFIX}</span>{text.slice(OBSERVANCE_PREFIX.length)}</>;
  return <>{text}</>;
}

function Item({ d, day }: { d: ShownItem; day?: string }) {
  const count = isCountItem(d);
  const time = !d.allDay && d.order === 2 && day === d.start.slice(0, 10) ? d.start.slice(11, 16) : '';
  return (
    <a
      href={d.url}
      className={`kp-cg-item ${d.className}`}
      title={d.order === 2 && !count ? d.title : undefined}
      style={{ background: d.color, color: d.contrastColor }}
      {...(count && day ? { 'data-day': day, 'aria-label': `${dayLabel(day)}：${d.title}` } : {})}
    >
      {time && <span className="kp-cg-time">{time} </span>}
      <Title d={d} />
    </a>
  );
}

function Day({ day, items, dayUrl }: { day: string; items: ShownItem[]; dayUrl: (day: string) => string }) {
  const rows = items.filter((d) => d.order === 2 && !isCountItem(d));
  // Past ROWS_PER_DAY + 1 activities, the rest are “另 N 项” (one more row would take the link's place).
  const hidden = rows.length > ROWS_PER_DAY + 1 ? new Set(rows.slice(ROWS_PER_DAY)) : undefined;
  return (
    <>
      {items.filter((d) => !hidden?.has(d)).map((d) => <Item key={d.id} d={d} day={day} />)}
      {hidden && (
        <a href={dayUrl(day)} className="kp-cg-more" data-day={day} aria-label={`${dayLabel(day)}：另 ${rows.length - ROWS_PER_DAY} 项活动`}>
          另 {rows.length - ROWS_PER_DAY} 项
        </a>
      )}
    </>
  );
}

export function CountGrid(props: ViewProps) {
  const { labelId, labelStr } = props;
  const shown = useContext(ShownItems);
  // The first frame after 月 is pressed still has another view's items: the grid waits for its own.
  const items = shown.type === 'dayGridMonth' ? shown.items : NO_ITEMS;
  const month = monthOf(props);
  const weeks = useMemo(() => monthGridWeeks(`${month}-01`), [month]);
  const { spans, byDay } = useMemo(() => placeItems(items, weeks[0]![0]!.day, nextDay(weeks[5]![6]!.day)), [items, weeks]);
  const today = useMemo(() => todayIn(new Date()), []);
  return (
    <div className="kp-cg">
      {spans.length > 0 && (
        <ul className="kp-cg-spans" aria-label="跨多日的活动周期和纪念日">
          {spans.map((d) => (
            <li key={d.id}>
              <Item d={d} />
            </li>
          ))}
        </ul>
      )}
      <table className="kp-cg-table" aria-labelledby={labelId} aria-label={labelId ? undefined : labelStr}>
        <thead>
          <tr>
            {MONDAY_FIRST.map((i) => (
              <th key={i} scope="col">
                <span className="kp-cg-long">星期</span>
                {WEEKDAYS[i]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.day}>
              {week.map(({ day, inMonth }) => (
                <td key={day} className={inMonth ? undefined : 'kp-cg-other'} aria-current={day === today ? 'date' : undefined}>
                  <span className="kp-cg-num">{Number(day.slice(8, 10))}</span>
                  <Day day={day} items={byDay.get(day) ?? []} dayUrl={shown.dayUrl} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** While the grid plugin loads: a dense month's grid at once, or the plugin stand-in's note. */
function PendingMonth({ Loading, ...props }: ViewProps & { Loading: (p: ViewProps) => unknown }) {
  return isDenseMonth(monthOf(props)) ? <CountGrid {...props} /> : (Loading(props) as ReactElement);
}

type ViewClass = new (...args: never[]) => { props: ViewProps; render(): unknown };

/**
 * The grid plugin (FullCalendar's daygrid, or the stand-in while it loads) with its month view
 * drawing a dense month itself (the month's counts are in: use-month-data isDenseMonth).
 * FullCalendar takes a view class (its own components) as it is and a function as content: the
 * daygrid's view is extended, the stand-in's note wrapped.
 */
export function withCountGrid(plugin: PluginInput): PluginInput {
  const p = plugin as unknown as { views: Record<string, Record<string, unknown>> };
  const Grid = p.views.dayGrid!.component as ViewClass | ((props: ViewProps) => unknown);
  let Month: unknown;
  if (typeof Grid === 'function' && Grid.prototype?.render) {
    Month = class extends (Grid as ViewClass) {
      render() {
        return isDenseMonth(monthOf(this.props)) ? <CountGrid {...this.props} /> : (super.render() as ReactElement);
      }
    };
  } else {
    const Loading = Grid as (props: ViewProps) => unknown;
    Month = (props: ViewProps) => <PendingMonth {...props} Loading={Loading} />;
  }
  return { ...p, views: { ...p.views, dayGridMonth: { ...p.views.dayGridMonth, component: Month } } } as unknown as PluginInput;
}
