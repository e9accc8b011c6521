/**
 * Which entries go in which feed (src/lib/ical/feeds.ts), on the test-only content tree of
 * tests/fixtures/site plus a few made-up entries: the 90-day window, activities vs calls,
 * facets, campaign editions, observance items (RRULE or year by year), feed names, subscribe URLs.
 * "Today" is always passed in.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import {
  RECENT_DAYS,
  activitiesOf,
  calendarSpec,
  callsOf,
  callsSpec,
  campaignSpec,
  eventSpec,
  facetSpec,
  feedLookups,
  recentAndUpcoming,
  renderEventsFeed,
} from '../../src/lib/ical/feeds.ts';
import { observanceFeedItem, renderObservancesFeed, observancesSpec } from '../../src/lib/ical/observance-feeds.ts';
import { subscribeUrls } from '../../src/lib/ical/subscribe-urls.ts';
import { facetIds } from '../../src/lib/facets.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';
import { event } from '../fixtures/ical/scenarios.ts';
import { daysOf } from '../helpers/ical-days.ts';


const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const TODAY = '2026-09-10';

const loaded = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT);
const extra = [
  event({ id: '2026-08-01-call', title: '测试作品征集', kind: 'call', start: '2026-08-01', end: '2026-09-30', organizer: 'test-science-society' }),
  event({ id: '2026-09-30-deadline', title: '测试申报截止', kind: 'deadline', start: '2026-09-30', organizer: 'test-science-society' }),
  // Ended exactly 90 days before today: kept; one day earlier: dropped.
  event({ id: '2026-06-12-edge-kept', title: '窗口边上（保留）', start: '2026-06-12', organizer: 'test-science-society', topics: ['health'] }),
  event({ id: '2026-06-11-edge-dropped', title: '窗口外（不保留）', start: '2026-06-11', organizer: 'test-science-society', topics: ['health'] }),
  // An organizer who also co-organizes their own event must not get it twice.
  event({ id: '2026-09-20-self-co', title: '自己协办自己', start: '2026-09-20T10:00', organizer: 'test-science-society', coOrganizers: ['test-science-society'] }),
];
const q = buildQuery({ ...loaded.content, events: [...loaded.content.events, ...extra] });
const ids = (list: { id: string }[]) => list.map((e) => e.id).sort();

describe('selection', () => {
  it('loads the fixture content without errors', () => {
    expect(loaded.errors).toEqual([]);
  });

  it(`keeps entries not over, and those that ended within the last ${RECENT_DAYS} days`, () => {
    const kept = ids(recentAndUpcoming(q.events, TODAY));
    expect(kept).toContain('2026-06-12-edge-kept');
    expect(kept).not.toContain('2026-06-11-edge-dropped');
    expect(kept).not.toContain('2025-09-13-past-event');
    // An entry running on today (started before) is kept.
    expect(kept).toContain('2026-08-01-call');
  });

  it('splits activities from calls and deadlines', () => {
    expect(ids(callsOf(q.events))).toEqual(['2026-08-01-call', '2026-09-30-deadline']);
    expect(activitiesOf(q.events).every((e) => e.kind === 'activity')).toBe(true);
  });

  it('/calendar.ics has the activities in the window (cancelled ones too), no calls', () => {
    const spec = calendarSpec(q, TODAY);
    expect(spec.path).toBe('/calendar.ics');
    expect(ids(spec.events)).toEqual([
      '2026-06-12-edge-kept',
      '2026-09-12-first-aid-training',
      '2026-09-15-cancelled-lecture',
      '2026-09-20-science-fair',
      '2026-09-20-self-co',
      '2026-10-10-online-talk',
    ]);
  });

  it('/calls.ics has only calls and deadlines', () => {
    expect(ids(callsSpec(q, TODAY).events)).toEqual(['2026-08-01-call', '2026-09-30-deadline']);
  });

  it('a facet feed holds that facet’s activities in the window, each once', () => {
    expect(ids(facetSpec(q, 'topics', 'health', TODAY).events)).toEqual(['2026-06-12-edge-kept', '2026-09-12-first-aid-training']);
    const org = facetSpec(q, 'organizers', 'test-science-society', TODAY).events;
    expect(org.filter((e) => e.id === '2026-09-20-self-co')).toHaveLength(1);
    // co-organized counts for the organizer
    expect(ids(facetSpec(q, 'organizers', 'test-science-society', TODAY).events)).toContain('2026-09-12-first-aid-training');
    // A district's events are in its city's feed too.
    expect(ids(facetSpec(q, 'regions', '110000', TODAY).events)).toContain('2026-09-15-cancelled-lecture');
    expect(facetSpec(q, 'topics', 'no-such-topic', TODAY).events).toEqual([]);
  });

  it('offers a feed for every vocabulary entry, organizer and venue, even without events', () => {
    expect(facetIds(q, 'topics')).toEqual([...q.vocab.topics.keys()].sort());
    expect(facetIds(q, 'topics')).toContain('anti-drug'); // no event has it
    expect(facetIds(q, 'organizers')).toEqual(['test-red-cross', 'test-science-society']);
    expect(facetIds(q, 'venues')).toEqual(['test-science-center']);
    expect(facetIds(q, 'regions')).toContain('national');
    expect(facetIds(q, 'topics')).toBe(facetIds(q, 'topics')); // computed once per query
  });

  it('a campaign edition holds all its activities, past or not', () => {
    const spec = campaignSpec(q, 'national-science-month', 2026, TODAY);
    expect(spec.path).toBe('/campaigns/national-science-month/2026.ics');
    expect(ids(spec.events)).toEqual(['2026-09-12-first-aid-training', '2026-09-20-science-fair']);
  });
});

describe('names', () => {
  it('are Chinese and say what is inside', () => {
    expect(calendarSpec(q, TODAY).name).toBe('科普日历 · 全部活动');
    expect(callsSpec(q, TODAY).name).toBe('科普日历 · 征集与申报截止');
    expect(facetSpec(q, 'topics', 'health', TODAY).name).toBe('科普日历 · 主题：卫生健康');
    expect(facetSpec(q, 'audiences', 'seniors', TODAY).name).toBe('科普日历 · 面向：老年人');
    expect(facetSpec(q, 'regions', '110105', TODAY).name).toBe('科普日历 · 地区：北京市朝阳区');
    expect(facetSpec(q, 'organizers', 'test-red-cross', TODAY).name).toBe('科普日历 · 单位：测试市红十字会');
    expect(facetSpec(q, 'venues', 'test-science-center', TODAY).name).toBe('科普日历 · 场馆：测试科学中心');
    expect(campaignSpec(q, 'national-science-month', 2026, TODAY).name).toBe('科普日历 · 2026 年全国科普月');
    expect(eventSpec(q.event.get('2026-09-12-first-aid-training')!).path).toBe('/events/2026-09-12-first-aid-training.ics');
    expect(facetSpec(q, 'topics', 'health', TODAY).description).toContain('/calls.ics');
  });
});

describe('rendering', () => {
  it('builds the lookups once per query', () => {
    expect(feedLookups(q)).toBe(feedLookups(q));
    expect(feedLookups(buildQuery(loaded.content))).not.toBe(feedLookups(q));
  });

  it('renders valid feeds whose UIDs are the same in every feed', () => {
    const all = renderEventsFeed(q, calendarSpec(q, TODAY), SITE);
    const topic = renderEventsFeed(q, facetSpec(q, 'topics', 'health', TODAY), SITE);
    const one = renderEventsFeed(q, eventSpec(q.event.get('2026-09-12-first-aid-training')!), SITE);
    assertIcs([
      { label: 'calendar.ics', bytes: all },
      { label: 'topics/health.ics', bytes: topic },
      { label: 'event.ics', bytes: one },
    ]);
    const uid = readIcsEvents(one)[0]!.uid;
    expect(uid).toBe('2026-09-12-first-aid-training@kepu.example.org');
    expect(readIcsEvents(all).map((e) => e.uid)).toContain(uid);
    expect(readIcsEvents(topic).map((e) => e.uid)).toContain(uid);
    expect(all).toContain('X-WR-CALNAME:科普日历 · 全部活动\r\n');
  });

  it('keeps a cancelled event with STATUS:CANCELLED', () => {
    const all = renderEventsFeed(q, calendarSpec(q, TODAY), SITE);
    const cancelled = readIcsEvents(all).find((e) => e.uid.startsWith('2026-09-15-cancelled-lecture@'));
    expect(cancelled?.status).toBe('CANCELLED');
  });
});

describe('observances', () => {
  const firstAid = q.observance.get('world-first-aid-day')!;
  const eyes = q.observance.get('eye-care-day')!;
  const month = q.observance.get('national-science-month')!;

  it('an RRULE or fixed date becomes one recurring event with a stable start', () => {
    const item = observanceFeedItem(firstAid, TODAY);
    expect(item.rrule).toBe('FREQ=YEARLY;BYMONTH=9;BYDAY=2SA');
    expect(item.occurrences).toEqual([{ start: '2024-09-14', end: '2024-09-14', year: 2024 }]);
    // Next year's build starts the series on the same day: no yearly churn for subscribers.
    expect(observanceFeedItem(firstAid, '2027-03-01').occurrences).toEqual(item.occurrences);
    expect(observanceFeedItem(eyes, TODAY).rrule).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6');
  });

  it('whole months are listed year by year, last year to two years ahead, from the year established', () => {
    const item = observanceFeedItem(month, TODAY);
    expect(item.rrule).toBeUndefined();
    expect(item.occurrences.map((o) => [o.year, o.start, o.end])).toEqual([
      [2025, '2025-09-01', '2025-09-30'],
      [2026, '2026-09-01', '2026-09-30'],
      [2027, '2027-09-01', '2027-09-30'],
      [2028, '2028-09-01', '2028-09-30'],
    ]);
  });

  it('renders a feed where 世界急救日 falls on 2026-09-12 and 2027-09-11', () => {
    const ics = renderObservancesFeed(q, q.content.observances, observancesSpec(), TODAY, SITE);
    assertIcs({ label: 'observances.ics', bytes: ics });
    expect(readIcsEvents(ics).find((e) => e.uid === 'obs-world-first-aid-day@kepu.example.org')?.recurring).toBe(true);
    expect(daysOf(ics, '世界急救日', '2026-01-01', '2027-12-31')).toEqual(['2026-09-12', '2027-09-11']);
    expect(daysOf(ics, '全国科普月', '2026-01-01', '2027-12-31')).toEqual(['2026-09-01', '2027-09-01']);
    expect(ics).toContain('X-WR-CALNAME:科普日历 · 科普纪念日\r\n');
  });
});

describe('subscribe URLs', () => {
  it('gives https, webcal, Google and Outlook links from the site URL', () => {
    const u = subscribeUrls('https://kepu.example.org/', '/topics/health.ics', '科普日历 · 主题：卫生健康');
    expect(u.https).toBe('https://kepu.example.org/topics/health.ics');
    expect(u.webcal).toBe('webcal://kepu.example.org/topics/health.ics');
    expect(u.google).toBe('https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fkepu.example.org%2Ftopics%2Fhealth.ics');
    expect(u.outlook).toBe(
      'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fkepu.example.org%2Ftopics%2Fhealth.ics&name=' +
        encodeURIComponent('科普日历 · 主题：卫生健康'),
    );
    expect(u.outlookWork.startsWith('https://outlook.office.com/calendar/0/addfromweb?url=')).toBe(true);
    expect(subscribeUrls('http://localhost:4321', 'calendar.ics', 'x').webcal).toBe('webcal://localhost:4321/calendar.ics');
  });
});
