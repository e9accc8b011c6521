/**
 * Reminder feeds (issue 19): the same entries as /observances.ics and /calls.ics, each with VALARMs —
 * /observances-alarm.ics reminds at 09:00 the day before an observance day, /calls-alarm.ics 3 days
 * and 1 day before a deadline, at 09:00 for a deadline without a time. The plain feeds keep no
 * alarms: a subscriber chooses. Many calendar apps drop the alarms of a subscribed feed or ask first;
 * ALARM_APPS says which, for the subscribe pages. Pure.
 *
 * An all-day event starts at 00:00 of its day wherever the phone is, so "09:00 the day before" is a
 * trigger of -PT15H before the start (09:00 Beijing time for a phone in China); the UIDs are those of
 * the plain feeds (the same entries).
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import type { Alarm } from './ical.ts';
import { FEED_BRAND, callsSpec, feedLookups, feedOptions, type FeedSpec } from './feeds.ts';
import { observanceFeedItem, observancesSpec } from './observance-feeds.ts';
import { eventsFeed, observancesFeed } from './ical.ts';

export const OBSERVANCES_ALARM_PATH = '/observances-alarm.ics';
export const CALLS_ALARM_PATH = '/calls-alarm.ics';

/** 09:00 the day before an observance day. */
export function observanceAlarms(o: Pick<ObservanceEntry, 'name'>): Alarm[] {
  return [{ trigger: '-PT15H', description: `明天是${o.name}` }];
}

/**
 * 3 days and 1 day before the deadline: a deadline's start, or a call's end (its last day). All-day:
 * at 09:00 of those days; with a time: the same time of day. Cancelled entries get none.
 */
export function deadlineAlarms(e: Pick<EventEntry, 'kind' | 'title' | 'allDay' | 'end' | 'status'>): Alarm[] {
  if (e.status === 'cancelled' || e.kind === 'activity') return [];
  const byEnd = e.kind === 'call' && !!e.end;
  const say = (n: number) => `${n === 1 ? '明天' : `还有 ${n} 天`}截止：${e.title}`;
  if (!e.allDay) {
    return [3, 1].map((n) => ({ trigger: `-P${n}D`, ...(byEnd ? { related: 'END' as const } : {}), description: say(n) }));
  }
  // All-day: DTSTART is 00:00 of the day; DTEND 00:00 of the day after the last day (exclusive).
  return byEnd
    ? [3, 1].map((n) => ({ trigger: `-P${n}DT15H`, related: 'END' as const, description: say(n) }))
    : [{ trigger: '-P2DT15H', description: say(3) }, { trigger: '-PT15H', description: say(1) }];
}

export function observancesAlarmSpec(): Omit<FeedSpec, 'events'> {
  const plain = observancesSpec();
  return { path: OBSERVANCES_ALARM_PATH, name: `${plain.name}（提醒）`, description: `${plain.description}每个纪念日前一天 9:00 提醒。` };
}

export function callsAlarmSpec(q: SiteQuery, today: string): FeedSpec {
  const plain = callsSpec(q, today);
  return { ...plain, path: CALLS_ALARM_PATH, name: `${plain.name}（提醒）`, description: `${plain.description}截止前 3 天和前 1 天提醒。` };
}

export function renderObservancesAlarmFeed(q: SiteQuery, today: string, site: string): string {
  return observancesFeed(
    q.content.observances.map((o) => observanceFeedItem(o, today)),
    { ...feedOptions(site, observancesAlarmSpec()), observanceAlarms },
    { topics: q.vocab.topics },
  );
}

export function renderCallsAlarmFeed(q: SiteQuery, today: string, site: string): string {
  const spec = callsAlarmSpec(q, today);
  return eventsFeed(spec.events, feedLookups(q), { ...feedOptions(site, spec), eventAlarms: deadlineAlarms });
}

/** Which calendar apps honour the alarms of a subscribed feed, for the subscribe pages. */
export const ALARM_APPS: { app: string; note: string }[] = [
  { app: 'iPhone、iPad、Mac 的“日历”', note: '会提醒；订阅时若打开了“移除提醒”（Remove Alerts），请关掉它。' },
  { app: 'Thunderbird（电脑）', note: '会提醒。' },
  { app: 'ICSx⁵（安卓，同步到手机自带日历）', note: '会提醒（不要打开“忽略提醒”）。' },
  { app: 'Google 日历', note: '不读取订阅日历里的提醒，需要在该日历的设置里自己加通知。' },
  { app: 'Outlook', note: '通常不读取订阅日历里的提醒，需要自己设置。' },
  { app: '华为、小米、OPPO、vivo 自带日历', note: '因机型和系统版本而不同；导入的 .ics 文件一般保留提醒，但不会自动更新。' },
];
