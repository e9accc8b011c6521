/**
 * The calendar's quick filters (issue 18), one tap each and never folded away: 今天 · 本周末 ·
 * 7 天内 · 本月 · 可报名 · 免费 · 孩子年龄 · 离我近. They are the same URL filters as /events/'s
 * (src/lib/calendar/filters.ts); a date filter also moves the calendar to its first day.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { AGE_MAX, ageOf, NEAR_KM, WHEN_LABELS, WHENS, type Filters, type When } from '../../lib/calendar/filters.ts';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Tapped 离我近 without a position yet: ask the browser for one. */
  onLocate: () => void;
  /** What happened to the last position request, if anything worth saying. */
  nearNote?: string;
}

export default function QuickChips({ filters, onChange, onLocate, nearNote }: Props) {
  const [age, setAge] = useState(filters.age === undefined ? '' : String(filters.age));
  useEffect(() => setAge(filters.age === undefined ? '' : String(filters.age)), [filters.age]);
  const set = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined || next[k] === false) delete next[k];
    onChange(next);
  };
  const submitAge = (ev: FormEvent) => {
    ev.preventDefault();
    const v = age.trim();
    set({ age: ageOf(v) });
  };
  const chip = (label: string, pressed: boolean, onClick: () => void) => (
    <li key={label}>
      <button type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
        {label}
      </button>
    </li>
  );
  return (
    <section className="quick kp-quick" aria-label="快速筛选">
      <ul className="chips">
        {WHENS.map((w: When) => chip(WHEN_LABELS[w], filters.when === w, () => set({ when: filters.when === w ? undefined : w })))}
        {chip('可报名', Boolean(filters.open), () => set({ open: !filters.open }))}
        {chip('免费', Boolean(filters.free), () => set({ free: !filters.free }))}
        {'geolocation' in navigator && chip(`离我近（${NEAR_KM} 公里内）`, Boolean(filters.near), () => (filters.near ? set({ near: undefined }) : onLocate()))}
        <li>
          <form className="chip-age" onSubmit={submitAge}>
            <label htmlFor="kp-age">孩子年龄</label>
            <input id="kp-age" name="age" type="number" inputMode="numeric" min={0} max={AGE_MAX} placeholder="岁" value={age} onChange={(ev) => setAge(ev.target.value)} />
            <button type="submit" className="secondary">筛选</button>
          </form>
        </li>
      </ul>
      {nearNote && <p className="quick-status" role="status">{nearNote}</p>}
    </section>
  );
}
