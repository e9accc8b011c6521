/**
 * Time-zone arithmetic for timed events, via @date-fns/tz (IANA data from the runtime's Intl):
 * local wall time in a zone → offset / UTC instant. Independent of the process TZ.
 */
import { TZDate } from '@date-fns/tz';

/** Offset in minutes east of UTC of `local` (YYYY-MM-DDTHH:mm) in `tz`. */
export function offsetMinutes(local: string, tz: string): number {
  const d = zonedInstant(local, tz);
  return -new TZDate(d.getTime(), tz).getTimezoneOffset();
}

/** The instant at which the wall clock in `tz` shows `local`. */
export function zonedInstant(local: string, tz: string): Date {
  const [y, m, d] = [Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10))];
  const [hh, mm] = local.length > 10 ? [Number(local.slice(11, 13)), Number(local.slice(14, 16))] : [0, 0];
  return new Date(new TZDate(y, m, d, hh, mm, 0, tz).getTime());
}
