/**
 * The checker must catch what it claims to catch: each broken file below is a known failure of
 * real feeds (see issue 6), and a checker that passes them would make every other test worthless.
 */
import { describe, expect, it } from 'vitest';
import { checkIcs, checkIcsStructure, checkIcsWithPython, readIcsEvents } from '../helpers/ics-check.ts';

const CRLF = '\r\n';
const TZ = ['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'];
const EVENT = ['BEGIN:VEVENT', 'UID:a@kepu.example.org', 'DTSTAMP:20260101T000000Z', 'DTSTART;TZID=Asia/Shanghai:20260912T140000', 'SUMMARY:示例', 'END:VEVENT'];

function cal(body: string[], head: string[] = TZ): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//ZH', ...head, ...body, 'END:VCALENDAR'].join(CRLF) + CRLF;
}

describe('ics-check', () => {
  it('passes a small valid calendar in all three readings', () => {
    expect(checkIcs(cal(EVENT))).toEqual([]);
  });

  it('catches LF line ends and a missing final CRLF', () => {
    const p = checkIcsStructure(cal(EVENT).replace(/\r\n/g, '\n').trimEnd());
    expect(p.join('\n')).toMatch(/bare LF/);
    expect(p).toContain('no CRLF after the last line');
  });

  it('catches a line over 75 octets, counted in bytes not characters', () => {
    // 30 Chinese characters: 38 characters with the name, but 8 + 90 = 98 octets.
    const p = checkIcsStructure(cal(EVENT.map((l) => (l.startsWith('SUMMARY') ? `SUMMARY:${'科'.repeat(30)}` : l))));
    expect(p.join('\n')).toMatch(/: 98 octets \(max 75\)/);
  });

  it('catches a fold that splits a UTF-8 character', () => {
    const good = cal(EVENT.map((l) => (l.startsWith('SUMMARY') ? 'SUMMARY:科普' : l)));
    const bytes = Buffer.from(good, 'utf8');
    const at = bytes.indexOf(Buffer.from('科', 'utf8')) + 1; // inside 科's three bytes
    const split = Buffer.concat([bytes.subarray(0, at), Buffer.from('\r\n ', 'latin1'), bytes.subarray(at)]);
    expect(checkIcsStructure(split).join('\n')).toMatch(/not valid UTF-8 on its own/);
  });

  it('catches missing required properties and DTSTAMP not in UTC', () => {
    const p = checkIcsStructure(
      ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTAMP:20260101T000000', 'DTSTART;VALUE=DATE:20260912', 'END:VEVENT', 'END:VCALENDAR'].join(CRLF) + CRLF,
    );
    expect(p).toEqual(
      expect.arrayContaining([
        'VCALENDAR: needs exactly one VERSION:2.0',
        'VCALENDAR: needs exactly one PRODID',
        'line 2: VEVENT has 0 UID (needs exactly one)',
        'line 3: DTSTAMP must be a UTC date-time (…Z), got 20260101T000000',
      ]),
    );
  });

  it('catches duplicate UIDs', () => {
    expect(checkIcsStructure(cal([...EVENT, ...EVENT])).join('\n')).toMatch(/UID a@kepu.example.org also used/);
  });

  it('catches a TZID without its VTIMEZONE', () => {
    expect(checkIcsStructure(cal(EVENT, [])).join('\n')).toMatch(/TZID=Asia\/Shanghai but the file has no VTIMEZONE/);
  });

  it('catches a VTIMEZONE that disagrees with the tz database', () => {
    const wrong = TZ.map((l) => l.replace('TZOFFSETTO:+0800', 'TZOFFSETTO:+0900'));
    expect(checkIcs(cal(EVENT, wrong)).join('\n')).toMatch(/the tz database at 2026-09-12T06:00:00/);
  });

  it('catches unescaped TEXT and a raw line break that became a new line', () => {
    const p = checkIcsStructure(cal(EVENT.map((l) => (l.startsWith('SUMMARY') ? 'SUMMARY:科普, 进社区; 进校园' : l))));
    expect(p.join('\n')).toMatch(/SUMMARY: unescaped/);
    const injected = checkIcsStructure(cal(EVENT.map((l) => (l.startsWith('SUMMARY') ? 'SUMMARY:标题\r\n注入' : l))));
    expect(injected.join('\n')).toMatch(/not a content line/);
  });

  it('catches an all-day DTEND that is not after DTSTART (inclusive end written by mistake)', () => {
    const allDay = EVENT.map((l) => (l.startsWith('DTSTART') ? 'DTSTART;VALUE=DATE:20260912\r\nDTEND;VALUE=DATE:20260912' : l));
    expect(checkIcsStructure(cal(allDay, [])).join('\n')).toMatch(/all-day DTEND must be after DTSTART/);
  });

  it('catches calendar properties written after the first component', () => {
    const p = checkIcsStructure(cal([...EVENT, 'X-WR-CALNAME:迟到的名称']));
    expect(p.join('\n')).toMatch(/calendar property X-WR-CALNAME after a component/);
  });

  it('catches unbalanced components', () => {
    expect(checkIcsStructure(cal(EVENT.slice(0, -1))).join('\n')).toMatch(/END:VCALENDAR does not close BEGIN:VEVENT/);
  });

  it('reports what python3-icalendar cannot parse, and reads instants like ical.js', () => {
    const r = checkIcsWithPython([
      { label: 'garbage', bytes: 'this is not a calendar' },
      { label: 'good', bytes: cal(EVENT) },
    ]);
    expect(r.get('garbage')!.problems.join('\n')).toMatch(/cannot parse/);
    expect(r.get('good')!.events).toEqual([{ uid: 'a@kepu.example.org', dtstart: '2026-09-12T06:00:00Z' }]);
    expect(readIcsEvents(cal(EVENT))[0]!.start).toBe('2026-09-12T06:00:00Z');
  });
});
