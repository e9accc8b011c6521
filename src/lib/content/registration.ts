/**
 * What an event says about registration, decided in one place (issue 18). An event imported with a
 * 报名链接 said “无需报名” beside a 去报名 button: `required` defaulted to false and the page wrote
 * the two facts side by side. Here one rule reads every fact — needs registration, link, deadline,
 * capacity, fee, full, the event's status and its last day — and says one coherent thing:
 *
 * | state       | when                                                      | headline                   | 去报名 |
 * |-------------|-----------------------------------------------------------|----------------------------|--------|
 * | cancelled   | the event is cancelled                                    | 活动已取消，不再报名        | no     |
 * | ended       | its last day is before today                              | 活动已结束                  | no     |
 * | full        | `full: true`                                              | 名额已满                    | no     |
 * | closed      | the deadline has passed                                   | 报名已截止                  | no     |
 * | required    | `required: true`, or not said and a deadline is given     | 需要报名                    | link   |
 * | link        | not said, a link is given                                 | 在线报名                    | link   |
 * | optional    | `required: false` and a link                              | 可直接参加，也可在线报名     | link   |
 * | walk-in     | `required: false`, no link                                | 无需报名，直接参加           | no     |
 * | info        | nothing said about needing it (capacity, fee, note only)  | (none: the details speak)  | no     |
 *
 * So “无需报名” never stands beside a link. Time-dependent states (ended, closed) need `today`;
 * without it (feeds, search records: they must not change from day to day) the rule says what the
 * entry says. Registration is *open* in the states with a link or a need (required, link,
 * optional): what the quick filter `open=1` keeps. Pure and browser-safe (the /events/ filter
 * script and the calendar island use `registrationOpen`).
 */
import type { EventStatus } from './schema.ts';
import { formatRangeZh } from '../time/labels.ts';

/** The registration facts as the schema keeps them. */
export interface RegistrationInput {
  url?: string;
  required?: boolean;
  capacity?: number;
  fee?: number;
  deadline?: string;
  note?: string;
  full?: boolean;
}

export type RegistrationState = 'cancelled' | 'ended' | 'full' | 'closed' | 'required' | 'link' | 'optional' | 'walk-in' | 'info';

export interface RegistrationView {
  state: RegistrationState;
  /** 需要报名, 报名已截止 … ('' for `info`). */
  headline: string;
  /** 名额 40 人 · 免费 · 2026年9月10日（星期四）截止 — shown after the headline. */
  details: string[];
  /** The 去报名 link, only while registration is open. */
  link?: string;
  /** Registration can be done now (the `open=1` quick filter). */
  open: boolean;
}

export const REGISTRATION_HEADLINE: Record<RegistrationState, string> = {
  cancelled: '活动已取消，不再报名',
  ended: '活动已结束',
  full: '名额已满',
  closed: '报名已截止',
  required: '需要报名',
  link: '在线报名',
  optional: '可直接参加，也可在线报名',
  'walk-in': '无需报名，直接参加',
  info: '',
};

/** The words of the 去报名 button. */
export const REGISTER_BUTTON = '去报名';

/** A deadline (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`) is over after its day — or, with `now`, after its minute. */
export function deadlinePassed(deadline: string, today: string, now?: string): boolean {
  if (deadline.length > 10 && now) return deadline < now;
  return deadline.slice(0, 10) < today;
}

/** The state before time is considered: what the entry itself says. */
function entryState(reg: RegistrationInput): RegistrationState {
  if (reg.required === true) return 'required';
  if (reg.required === false) return reg.url ? 'optional' : 'walk-in';
  if (reg.url) return 'link';
  return reg.deadline ? 'required' : 'info';
}

const OPEN: readonly RegistrationState[] = ['required', 'link', 'optional'];

/**
 * The one rule. `when` is the event's status and last day (China's calendar day, inclusive);
 * `today` (and `now`, `YYYY-MM-DDTHH:mm`, for deadlines with a time) make it time-aware.
 */
export function registrationView(reg: RegistrationInput | undefined, when: { status: EventStatus; endDate: string }, today?: string, now?: string): RegistrationView | undefined {
  if (!reg) return undefined;
  let state = entryState(reg);
  const needsPlace = state !== 'walk-in' && state !== 'info';
  if (when.status === 'cancelled') state = 'cancelled';
  else if (today && when.endDate < today) state = 'ended';
  else if (reg.full) state = 'full';
  else if (reg.deadline && needsPlace && today && deadlinePassed(reg.deadline, today, now)) state = 'closed';
  const open = OPEN.includes(state);
  const details: string[] = [];
  if (reg.capacity) details.push(`名额 ${reg.capacity} 人`);
  if (reg.fee !== undefined) details.push(reg.fee === 0 ? '免费' : `费用 ${reg.fee} 元`);
  if (reg.deadline && state !== 'cancelled' && state !== 'ended') details.push(`${formatRangeZh(reg.deadline, undefined)}截止`);
  return { state, headline: REGISTRATION_HEADLINE[state], details, ...(open && reg.url ? { link: reg.url } : {}), open };
}

/** The view in one line: 需要报名，名额 40 人，免费，2026年9月10日（星期四）截止. */
export function registrationLine(v: RegistrationView): string {
  return [v.headline, ...v.details].filter(Boolean).join('，');
}

/** The registration facts a calendar entry keeps for the `open=1` filter (calendar-data.ts). */
export interface RegistrationBrief {
  /** Last day or minute to register. */
  deadline?: string;
  full?: true;
}

/** Only entries whose registration can be open get a brief (walk-in and info ones never are). */
export function registrationBrief(reg: RegistrationInput | undefined): RegistrationBrief | undefined {
  if (!reg) return undefined;
  const s = entryState(reg);
  if (!OPEN.includes(s)) return undefined;
  return { ...(reg.deadline ? { deadline: reg.deadline } : {}), ...(reg.full ? { full: true as const } : {}) };
}

/** Whether a calendar entry's registration is open on `today` (same rule as registrationView). */
export function registrationOpen(brief: RegistrationBrief | undefined, when: { status: EventStatus; endDate: string }, today: string): boolean {
  if (!brief || when.status === 'cancelled' || when.endDate < today || brief.full) return false;
  return !brief.deadline || !deadlinePassed(brief.deadline, today);
}

/**
 * How an open registration with a deadline will read once the deadline has passed: static pages
 * carry both, and the page script (src/components/page-clock.ts) shows this one between daily builds.
 */
export function afterDeadline(reg: RegistrationInput): RegistrationView | undefined {
  if (!reg.deadline) return undefined;
  const v = registrationView(reg, { status: 'scheduled', endDate: '9999-12-31' }, '9999-12-30');
  return v?.state === 'closed' ? v : undefined;
}
