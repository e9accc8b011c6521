/** Start days of the VEVENTs named `summary`, recurrences resolved by ical.js, within [from, to]. */
import ICAL from 'ical.js';

export function daysOf(ics: string, summary: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (const v of new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(v);
    if (ev.summary !== summary) continue;
    const it = ev.iterator();
    for (let t = it.next(); t && t.toString().slice(0, 10) <= to; t = it.next()) {
      if (t.toString().slice(0, 10) >= from) out.push(t.toString().slice(0, 10));
    }
  }
  return out.sort();
}
