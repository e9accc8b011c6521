/**
 * An organizer's .ics feed read into import records (src/lib/import/import-ics.ts), one property at a time:
 * TZIDs (China's many names, path prefixes, unknown ones), UTC and floating times, ends in another
 * zone, all-day ends, LOCATION as place or link, HTML descriptions, status, categories, organizer,
 * recurrence and what is not imported. The fixture feed of import.test.ts goes end to end.
 */
import { describe, expect, it } from 'vitest';
import { icsToRecords, plainDescription } from '../../src/lib/import/import-ics.ts';

/** A calendar with one VEVENT per list of property lines. */
const ics = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//ZH', ...events.flatMap((e) => ['BEGIN:VEVENT', 'UID:u1@example.org', 'DTSTAMP:20260801T000000Z', 'SUMMARY:测试', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
const cells = (lines: string[], opts = {}) => {
  const r = icsToRecords(ics(lines), opts);
  expect(r.notices).toEqual([]);
  return { cells: r.records[0]?.cells, problems: r.problems.map((p) => `${p.field}${p.severity ? ` ${p.severity}` : ''}: ${p.message}`) };
};

describe('time zones', () => {
  it('China’s other names, and path-prefixed names, are Asia/Shanghai (no timezone field)', () => {
    for (const tz of ['China Standard Time', 'PRC', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'Asia/Beijing', 'Beijing', 'CST', 'GMT+8', 'UTC+8', '"UTC+08:00"', 'Asia/Shanghai', '/freeassociation.sourceforge.net/Tzfile/Asia/Shanghai', '/mozilla.org/20050126_1/Asia/Chongqing', '//PRC']) {
      expect(cells([`DTSTART;TZID=${tz}:20260912T140000`]).cells, tz).toEqual({ title: '测试', start: '2026-09-12T14:00' });
    }
  });

  it('another zone is kept, with its wall-clock time', () => {
    expect(cells(['DTSTART;TZID=Asia/Tokyo:20260912T140000']).cells).toEqual({ title: '测试', start: '2026-09-12T14:00', timezone: 'Asia/Tokyo' });
    expect(cells(['DTSTART;TZID=/citadel/America/Argentina/Buenos_Aires:20260912T140000']).cells).toMatchObject({ timezone: 'America/Argentina/Buenos_Aires' });
  });

  it('a value ical.js cannot read is a problem of that event, not a crash of the import', () => {
    // TZID=UTC+08:00 unquoted: the colon ends the parameter, and DTSTART's value becomes "08:00:2026…".
    const r = icsToRecords(ics(['DTSTART;TZID=UTC+08:00:20260912T140000'], ['DTSTART:20260913T140000']));
    expect(r.records.map((x) => x.cells.start)).toEqual(['2026-09-13T14:00']);
    expect(r.problems.map((p) => `${p.ref.n} ${p.field}: ${p.message}`)).toEqual([expect.stringMatching(/^1 : 无法读取这个活动：.+ \/ could not read this VEVENT$/)]);
  });

  it('an unknown TZID is a problem of that event, named', () => {
    for (const tz of ['Mars/Olympus', 'EST', 'Nowhere']) {
      const r = icsToRecords(ics([`DTSTART;TZID=${tz}:20260912T140000`]));
      expect(r.records, tz).toEqual([]);
      expect(r.problems.map((p) => `${p.field}: ${p.message}`), tz).toEqual([`timezone: 不认识的时区 TZID=${tz}，请改用 IANA 名称（例如 Asia/Shanghai）/ unknown TZID ${tz}`]);
    }
  });

  it('UTC times become Beijing time (or the zone asked for); floating times are local to it', () => {
    expect(cells(['DTSTART:20260912T060000Z']).cells).toEqual({ title: '测试', start: '2026-09-12T14:00' });
    expect(cells(['DTSTART:20260912T060000Z'], { zone: 'Asia/Tokyo' }).cells).toEqual({ title: '测试', start: '2026-09-12T15:00', timezone: 'Asia/Tokyo' });
    expect(cells(['DTSTART:20260912T140000']).cells).toEqual({ title: '测试', start: '2026-09-12T14:00' });
    expect(cells(['DTSTART:20260912T140000'], { zone: 'Asia/Tokyo' }).cells).toEqual({ title: '测试', start: '2026-09-12T14:00', timezone: 'Asia/Tokyo' });
  });

  it('an end in another zone is converted to the start’s; an end not after the start is dropped', () => {
    expect(cells(['DTSTART;TZID=Asia/Shanghai:20260912T140000', 'DTEND;TZID=Asia/Tokyo:20260912T180000']).cells).toMatchObject({ start: '2026-09-12T14:00', end: '2026-09-12T17:00' });
    expect(cells(['DTSTART;TZID=Asia/Shanghai:20260912T140000', 'DTEND:20260912T090000Z']).cells).toMatchObject({ end: '2026-09-12T17:00' });
    expect(cells(['DTSTART;TZID=Asia/Tokyo:20260912T140000', 'DTEND:20260912T170000']).cells).toMatchObject({ end: '2026-09-12T17:00', timezone: 'Asia/Tokyo' });
    expect(cells(['DTSTART;TZID=Asia/Shanghai:20260912T140000', 'DTEND;TZID=Asia/Shanghai:20260912T140000']).cells).not.toHaveProperty('end');
    expect(cells(['DTSTART;TZID=Asia/Shanghai:20260912T140000', 'DTEND;TZID=Mars/Olympus:20260912T160000']).cells).not.toHaveProperty('end');
  });
});

describe('all-day events', () => {
  it('DTEND is exclusive: the day before it is the last day; one day has no end', () => {
    expect(cells(['DTSTART;VALUE=DATE:20260912', 'DTEND;VALUE=DATE:20260915']).cells).toEqual({ title: '测试', start: '2026-09-12', end: '2026-09-14' });
    expect(cells(['DTSTART;VALUE=DATE:20260912', 'DTEND;VALUE=DATE:20260913']).cells).toEqual({ title: '测试', start: '2026-09-12' });
    expect(cells(['DTSTART;VALUE=DATE:20260912']).cells).toEqual({ title: '测试', start: '2026-09-12' });
    expect(cells(['DTSTART;VALUE=DATE:20260912', 'DTEND:20260914T100000']).cells).toEqual({ title: '测试', start: '2026-09-12' });
  });
});

describe('other properties', () => {
  it('LOCATION: a lone http(s) URL is the online link, anything else the place', () => {
    expect(cells(['DTSTART:20260912T140000', 'LOCATION: https://live.example.org/x ']).cells).toMatchObject({ online: 'https://live.example.org/x' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:HTTP://LIVE.EXAMPLE.ORG']).cells).toMatchObject({ online: 'HTTP://LIVE.EXAMPLE.ORG' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:见 https://live.example.org/x']).cells).toMatchObject({ venue: '见 https://live.example.org/x' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:https://live.example.org/x 二楼']).cells).toMatchObject({ venue: 'https://live.example.org/x 二楼' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:ftp://x']).cells).toMatchObject({ venue: 'ftp://x' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:https://']).cells).toMatchObject({ venue: 'https://' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:  北京科学中心 ']).cells).toMatchObject({ venue: '北京科学中心' });
    expect(cells(['DTSTART:20260912T140000', 'LOCATION:  ']).cells).toEqual({ title: '测试', start: '2026-09-12T14:00' });
  });

  it('URL, DESCRIPTION, STATUS, CATEGORIES, ORGANIZER and RRULE', () => {
    const { cells: c, problems } = cells([
      'DTSTART:20260912T140000',
      'URL: https://www.example.org/x ',
      'DESCRIPTION:第一段\\n第二段',
      'STATUS:CANCELLED',
      'CATEGORIES:卫生健康,应急',
      'CATEGORIES:讲座',
      'ORGANIZER;CN=示例学会:mailto:a@example.org',
      'RRULE:FREQ=WEEKLY;COUNT=4',
    ]);
    expect(c).toEqual({ title: '测试', start: '2026-09-12T14:00', url: 'https://www.example.org/x', description: '第一段\n第二段', status: 'cancelled', categories: '卫生健康、应急、讲座', organizer: '示例学会', rrule: 'FREQ=WEEKLY;COUNT=4' });
    expect(problems).toEqual([]);
    expect(cells(['DTSTART:20260912T140000', 'STATUS:TENTATIVE', 'ORGANIZER:mailto:a@example.org']).cells).toEqual({ title: '测试', start: '2026-09-12T14:00' });
    expect(cells(['DTSTART:20260912T140000', 'ORGANIZER;CN=某人:mailto:a@example.org'], { organizer: 'example-society' }).cells).toMatchObject({ organizer: 'example-society' });
    expect(cells(['DTSTART:20260912T140000'], { organizer: 'example-society' }).cells).toMatchObject({ organizer: 'example-society' });
  });

  it('EXDATE and RDATE are not imported, and say so', () => {
    for (const p of ['EXDATE:20260919T140000', 'RDATE:20261003T140000']) {
      expect(cells(['DTSTART:20260912T140000', 'RRULE:FREQ=WEEKLY;COUNT=4', p]).problems, p).toEqual(['rrule warning: EXDATE/RDATE（排除或追加的日期）未导入，请检查重复规则 / EXDATE and RDATE were not imported']);
    }
  });
});

describe('the feed as a whole', () => {
  it('numbers events and keeps their UID; a changed occurrence or one without a start is reported, not imported', () => {
    const r = icsToRecords(
      ics(['DTSTART:20260912T140000'], ['RECURRENCE-ID:20260919T140000', 'DTSTART:20260919T150000'], ['DESCRIPTION:没有开始时间'], ['DTSTART:20260920T140000']).replace(/UID:u1@example.org/g, (() => {
        let n = 0;
        return () => `UID:u${++n}@example.org`;
      })()),
    );
    expect(r.records.map((x) => x.ref)).toEqual([
      { kind: 'vevent', n: 1, uid: 'u1@example.org' },
      { kind: 'vevent', n: 4, uid: 'u4@example.org' },
    ]);
    expect(r.problems.map((p) => `${p.ref.n} ${p.field}${p.severity ? ` ${p.severity}` : ''}: ${p.message}`)).toEqual([
      '2  warning: 这是重复活动中单次的修改（RECURRENCE-ID），未导入，请手工修改对应活动 / a changed occurrence of a recurring event was not imported',
      '3 start: 缺少开始时间 DTSTART / DTSTART is missing',
    ]);
    expect(r.notices).toEqual([]);
  });

  it('an event without a UID has none in its reference; a lone VEVENT is read too', () => {
    const lone = ['BEGIN:VEVENT', 'SUMMARY:单独', 'DTSTART:20260912T140000', 'END:VEVENT', ''].join('\r\n');
    expect(icsToRecords(lone).records).toEqual([{ ref: { kind: 'vevent', n: 1 }, cells: { title: '单独', start: '2026-09-12T14:00' } }]);
  });

  it('a file that is not iCalendar, or has no events, is one notice', () => {
    expect(icsToRecords('这不是日历').notices).toEqual([expect.stringMatching(/^无法读取日历文件：.+ \/ cannot parse the \.ics file$/)]);
    expect(icsToRecords(ics()).notices).toEqual(['日历文件里没有活动（VEVENT）/ the .ics file has no VEVENT']);
    expect(icsToRecords(ics()).records).toEqual([]);
  });
});

describe('plainDescription', () => {
  it('plain text is only trimmed', () => {
    expect(plainDescription('  a < b, c > d  \n')).toBe('a < b, c > d');
  });

  it('HTML from Outlook: breaks and blocks become line breaks, tags go, entities are read, three breaks become two', () => {
    expect(plainDescription('<p>第一段<br>续<br/>行</p><div>二</div><h2>标题</h2><ul><li>甲</li><li>乙</li></ul>&nbsp;&lt;b&gt; &quot;引&quot; &#39;单&apos; &amp;')).toBe(
      '第一段\n续\n行\n\n二\n\n标题\n\n甲\n乙\n ‹b› "引" \'单\' &',
    );
    expect(plainDescription('<P>a</P>\n\n\n\n<SPAN class="x">b</SPAN>')).toBe('a\n\nb');
  });
});
