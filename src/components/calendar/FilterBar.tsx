/**
 * The calendar's filters: one select per dimension, two checkboxes and a clear-all. Every change
 * goes straight to the URL (see KepuCalendar), so the filtered view can be shared as a link.
 */
import { useState, type ChangeEvent } from 'react';
import type { FilterOption } from '../../lib/calendar/calendar-data.ts';
import {
  activeFilterCount,
  FILTER_LABELS,
  MODE_LABELS,
  MODES,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  type CalendarState,
  type Filters,
} from '../../lib/calendar/filters.ts';

export interface FilterVocab {
  topics: FilterOption[];
  audiences: FilterOption[];
  regions: FilterOption[];
  formats: FilterOption[];
}

interface Props {
  vocab: FilterVocab;
  state: CalendarState;
  /** Start folded (phones): the calendar comes first, the filters one tap away. */
  folded: boolean;
  onChange: (next: Pick<CalendarState, 'filters' | 'observances'>) => void;
}

type SelectKey = 'topic' | 'audience' | 'region' | 'format' | 'mode' | 'status';

export default function FilterBar({ vocab, state, onChange, folded }: Props) {
  const f = state.filters;
  const [open, setOpen] = useState(() => !folded || activeFilterCount(f) > 0 || !state.observances);
  const set = (patch: Partial<Filters>) => {
    const filters = { ...f, ...patch };
    for (const k of Object.keys(filters) as (keyof Filters)[]) if (filters[k] === undefined || filters[k] === false) delete filters[k];
    onChange({ filters, observances: state.observances });
  };
  const select = (key: SelectKey, options: FilterOption[]) => (
    <div className="kp-field">
      <label htmlFor={`kp-f-${key}`}>{FILTER_LABELS[key]}</label>
      <select
        id={`kp-f-${key}`}
        name={key}
        value={(f[key] as string | undefined) ?? ''}
        onChange={(ev: ChangeEvent<HTMLSelectElement>) => set({ [key]: ev.target.value || undefined })}
      >
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {'\u3000'.repeat(o.depth ?? 0)}
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const count = activeFilterCount(f);
  return (
    <details className="kp-filter-box" open={open} onToggle={(ev) => setOpen((ev.target as HTMLDetailsElement).open)}>
      <summary>筛选{count > 0 ? `（已选 ${count} 项）` : ''}</summary>
    <form className="kp-filters" aria-label="筛选活动" onSubmit={(ev) => ev.preventDefault()}>
      {select('topic', vocab.topics)}
      {select('audience', vocab.audiences)}
      {select('region', vocab.regions)}
      {select('format', vocab.formats)}
      {select('mode', MODES.map((m) => ({ id: m, label: MODE_LABELS[m] })))}
      {select('status', STATUS_FILTERS.map((s) => ({ id: s, label: STATUS_FILTER_LABELS[s] })))}
      <div className="kp-checks">
        <label>
          <input type="checkbox" name="free" checked={Boolean(f.free)} onChange={(ev) => set({ free: ev.target.checked || undefined })} /> 只看免费
        </label>
        <label>
          <input type="checkbox" name="obs" checked={state.observances} onChange={(ev) => onChange({ filters: f, observances: ev.target.checked })} /> 显示纪念日
        </label>
        <button type="button" className="secondary" onClick={() => onChange({ filters: {}, observances: true })} disabled={count === 0 && state.observances}>
          清除筛选{count > 0 ? `（${count}）` : ''}
        </button>
      </div>
    </form>
    </details>
  );
}
