/**
 * The reminder feeds (src/lib/ical/reminders.ts, issue 19): /observances-alarm.ics reminds at 09:00 the
 * day before each observance day, /calls-alarm.ics 3 days and 1 day before each deadline; the plain
 * feeds carry no alarm. Read by ical.js (alarm instants computed from the triggers) and by Debian's
 * python3-icalendar (VALARMs present, TRIGGERs decoded), beside the usual byte checks.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { callsSpec, renderEventsFeed } from '../../src/lib/ical/feeds.ts';
import { observancesSpec, renderObservancesFeed } from '../../src/lib/ical/observance-feeds.ts';
import { deadlineAlarms, renderCallsAlarmFeed, renderObservancesAlarmFeed } from '../../src/lib/ical/reminders.ts';
import { assertIcs, PYTHON } from '../helpers/ics-check.ts';
import { event } from '../fixtures/ical/scenarios.ts';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const TODAY = '2026-09-10';
const loaded = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT);
const calls = [
  event({ id: '2026-08-01-call', title: '科普作品征集', kind: 'call', start: '2026-08-01', end: '2026-09-30', organizer: 'test-science-society' }),
  event({ id: '2026-10-15-deadline', title: '项目申报截止', kind: 'deadline', start: '2026-10-15', organizer: 'test-science-society' }),
  event({ id: '2026-11-10-deadline-timed', title: '材料报送截止', kind: 'deadline', start: '2026-11-10T17:00', organizer: 'test-science-society' }),
  event({ id: '2026-12-01-call-timed', title: '案例征集', kind: 'call', start: '2026-11-01T09:00', end: '2026-12-01T18:00', organizer: 'test-science-society' }),
  event({ id: '2026-10-20-cancelled', title: '已取消的截止', kind: 'deadline', start: '2026-10-20', status: 'cancelled', organizer: 'test-science-society' }),
];
const q = buildQuery({ ...loaded.content, events: [...loaded.content.events, ...calls] });

/** UID → the local times its alarms fire, computed by ical.js from each TRIGGER (and RELATED). */
function alarmTimes(ics: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(v);
    const times = v.getAllSubcomponents('valarm').map((a) => {
      expect(a.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(a.getFirstPropertyValue('description'))).not.toBe('');
      const trigger = a.getFirstProperty('trigger')!;
      const at = (trigger.getParameter('related') === 'END' ? ev.endDate : ev.startDate).clone();
      if (at.isDate) at.isDate = false; // an all-day start is 00:00 of its day
      at.addDuration(trigger.getFirstValue() as ICAL.Duration);
      return at.toString();
    });
    out.set(ev.uid.replace(/@.*/, ''), times);
  }
  return out;
}

/** python3-icalendar: UID → the TRIGGER durations of its VALARMs, as Python prints them. */
function pythonTriggers(ics: string): Record<string, string[]> {
  const script = `import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {}
for ev in cal.walk('VEVENT'):
    out[str(ev['UID']).split('@')[0]] = [str(a.decoded('TRIGGER')) + ('/END' if a['TRIGGER'].params.get('RELATED') == 'END' else '') for a in ev.walk('VALARM')]
print(json.dumps(out))`;
  const r = spawnSync(PYTHON, ['-c', script], { input: ics, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, string[]>;
}

describe('/observances-alarm.ics', () => {
  // Rendered per test, not while the file loads: mutation testing credits a line to the tests that run it.
  let ics: string;
  beforeEach(() => {
    ics = renderObservancesAlarmFeed(q, TODAY, SITE);
  });

  it('passes the byte checks, ical.js and python3-icalendar', () => {
    assertIcs({ label: 'observances-alarm.ics', bytes: ics });
    expect(ics).toContain('X-WR-CALNAME:科普日历 · 科普纪念日（提醒）\r\n');
  });

  it('reminds at 09:00 the day before every observance day (世界急救日 2026-09-12 → 09-11 09:00)', () => {
    const times = alarmTimes(ics);
    expect(times.size).toBeGreaterThan(0);
    for (const [uid, t] of times) expect(t, uid).toHaveLength(1);
    const aid = [...times].find(([uid]) => uid.startsWith('obs-world-first-aid-day'))!;
    // 世界急救日 recurs (RRULE): the alarm of its first instance, relative, fires for every year.
    expect(aid[1][0]).toMatch(/T09:00:00$/);
    const day = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('uid')).startsWith('obs-world-first-aid-day'))!);
    const next = day.iterator();
    let occ = next.next();
    while (occ && occ.toString() < '2026-09-01') occ = next.next();
    expect(occ!.toString()).toBe('2026-09-12');
    expect(python(ics)['obs-world-first-aid-day']).toEqual(['-1 day, 9:00:00']);
  });

  it('has the same events and UIDs as /observances.ics, which has no alarm', () => {
    const plain = renderObservancesFeed(q, q.content.observances, observancesSpec(), TODAY, SITE);
    expect(plain).not.toContain('BEGIN:VALARM');
    expect([...alarmTimes(plain).keys()]).toEqual([...alarmTimes(ics).keys()]);
  });
});

function python(ics: string) {
  return pythonTriggers(ics);
}

describe('/calls-alarm.ics', () => {
  let ics: string;
  beforeEach(() => {
    ics = renderCallsAlarmFeed(q, TODAY, SITE);
  });

  it('passes the byte checks, ical.js and python3-icalendar', () => {
    assertIcs({ label: 'calls-alarm.ics', bytes: ics });
  });

  it('reminds 3 days and 1 day before each deadline: 09:00 for all-day ones, the same time for timed ones; a call by its last day', () => {
    const t = alarmTimes(ics);
    expect(t.get('2026-08-01-call')).toEqual(['2026-09-27T09:00:00', '2026-09-29T09:00:00']);
    expect(t.get('2026-10-15-deadline')).toEqual(['2026-10-12T09:00:00', '2026-10-14T09:00:00']);
    expect(t.get('2026-11-10-deadline-timed')).toEqual(['2026-11-07T17:00:00', '2026-11-09T17:00:00']);
    expect(t.get('2026-12-01-call-timed')).toEqual(['2026-11-28T18:00:00', '2026-11-30T18:00:00']);
    // A cancelled deadline stays in the feed (STATUS:CANCELLED) without reminders.
    expect(t.get('2026-10-20-cancelled')).toEqual([]);
    const py = python(ics);
    expect(py['2026-08-01-call']).toEqual(['-4 days, 9:00:00/END', '-2 days, 9:00:00/END']);
    expect(py['2026-10-15-deadline']).toEqual(['-3 days, 9:00:00', '-1 day, 9:00:00']);
    expect(py['2026-11-10-deadline-timed']).toEqual(['-3 days, 0:00:00', '-1 day, 0:00:00']);
  });

  it('has the entries of /calls.ics, which has no alarm', () => {
    const plain = renderEventsFeed(q, callsSpec(q, TODAY), SITE);
    expect(plain).not.toContain('BEGIN:VALARM');
    expect([...alarmTimes(plain).keys()].sort()).toEqual([...alarmTimes(ics).keys()].sort());
  });

  it('gives activities no reminders', () => {
    expect(deadlineAlarms({ kind: 'activity', title: 'x', allDay: true, status: 'scheduled' })).toEqual([]);
  });
});
