/** The query indexes on the fixture site: built once, correct groupings, region roll-up. */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import type { ContentError } from '../../src/lib/content/errors.ts';
import { emptyContent, type ContentSet, type ObservanceEntry, type OrganizerEntry, type VenueEntry } from '../../src/lib/content/model.ts';
import { buildQuery, compareEvents, paginate, past, upcoming, type SiteQuery } from '../../src/lib/content/query.ts';
import { event } from '../fixtures/ical/scenarios.ts';
import { byDay, byRegion, campaignYears } from '../../src/lib/views/campaign-view.ts';
import { placeLine } from '../../src/lib/views/present.ts';
import { occurrenceLabel, yearAtAGlance } from '../../src/lib/views/observance-view.ts';

const ROOT = join(import.meta.dirname, '../..');
// Loaded and indexed in each test, not once for the file: mutation testing credits a line to the tests
// that run it, and a line run outside any test to all of them (a "static" mutant, ~100× slower).
let content: ContentSet;
let errors: ContentError[];
let q: SiteQuery;
beforeEach(() => {
  ({ content, errors } = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT));
  q = buildQuery(content);
});
const ids = (list: { id: string }[] | undefined) => (list ?? []).map((e) => e.id);

describe('query indexes', () => {
  it('the fixture content is valid', () => expect(errors).toEqual([]));

  it('sorts events by start and splits upcoming and past by the given today', () => {
    expect(ids(upcoming(q.events, '2026-09-16'))).toEqual(['2026-09-20-science-fair', '2026-10-10-online-talk']);
    expect(ids(past(q.events, '2026-09-16'))).toEqual(['2026-09-15-cancelled-lecture', '2026-09-12-first-aid-training', '2025-09-13-past-event']);
    // A multi-day event is upcoming until its last day.
    expect(ids(upcoming(q.events, '2026-09-21'))[0]).toBe('2026-09-20-science-fair');
  });

  it('indexes by topic label resolved to id, organizer incl. co-organizer, campaign edition and month', () => {
    expect(ids(q.byTopic.get('health'))).toEqual(['2026-09-12-first-aid-training']);
    expect(ids(q.byOrganizer.get('test-science-society'))).toContain('2026-09-12-first-aid-training');
    expect(ids(q.byCampaignYear.get('national-science-month/2026'))).toEqual(['2026-09-12-first-aid-training', '2026-09-20-science-fair']);
    expect(ids(q.byMonth.get('2026-10'))).toEqual(['2026-10-10-online-talk']);
  });

  it('rolls district events up to their city', () => {
    expect(ids(q.byRegion.get('110105'))).toContain('2026-09-20-science-fair');
    expect(ids(q.byRegion.get('110000'))).toEqual(expect.arrayContaining(['2026-09-20-science-fair', '2025-09-13-past-event']));
    expect(q.byRegion.get('national')?.map((e) => e.id)).toEqual(['2026-10-10-online-talk']);
  });

  it('paginates with at least one page', () => {
    expect(paginate([], 30)).toEqual([[]]);
    expect(paginate([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it('describes places in one line', () => {
    expect(placeLine(q.event.get('2026-09-12-first-aid-training')!, q)).toBe('测试科学中心 · 北京市朝阳区');
    expect(placeLine(q.event.get('2026-10-10-online-talk')!, q)).toBe('线上 · 全国');
  });
});

describe('observance and campaign views', () => {
  it('labels occurrences in Chinese', () => {
    expect(occurrenceLabel({ year: 2026, status: 'dated', start: '2026-09-01', end: '2026-09-30', announced: false })).toBe('9月（全月）');
    expect(occurrenceLabel({ year: 2026, status: 'dated', start: '2026-03-22', end: '2026-03-28', announced: false })).toBe('3月22日—28日');
    expect(occurrenceLabel({ year: 2027, status: 'pending', usual: '每年5月下旬' })).toBe('待公布（每年5月下旬）');
  });

  it('puts each observance in its month for the year at a glance', () => {
    const { months } = yearAtAGlance(content.observances, 2026);
    expect(months[8]!.items.map((i) => i.o.id)).toEqual(['national-science-month', 'world-first-aid-day']);
    expect(months[5]!.items.map((i) => i.o.id)).toEqual(['eye-care-day']);
  });

  it('lists campaign editions and groups an edition by day and region', () => {
    const month = q.observance.get('national-science-month')!;
    expect(campaignYears(month, q, '2026-09-10')).toEqual([2027, 2026, 2025]);
    const events = q.byCampaignYear.get('national-science-month/2026')!;
    expect(byDay(events).map((g) => g.key)).toEqual(['2026-09-12', '2026-09-19']);
    expect(byRegion(events, q).map((g) => g.label)).toEqual(['北京市朝阳区']);
  });
});

it('an event spanning a year end is in both years of the archive', () => {
  const span = { ...q.events[0]!, id: 'span', startDate: '2026-12-30', endDate: '2027-01-02', start: '2026-12-30', end: '2027-01-02' };
  const q2 = buildQuery({ ...content, events: [span] });
  expect(ids(q2.byYear.get('2026'))).toEqual(['span']);
  expect(ids(q2.byYear.get('2027'))).toEqual(['span']);
});

describe('indexes on made-up content (every index, every edge)', () => {
  const region = (id: string, parent?: string) => ({ id, label: id, aliases: [], ...(parent ? { parent } : {}) });
  /** Regions r1 ← r2 ← … ← r7 (r7 is six levels below r1), and a loop a ⇄ b. */
  const vocab = {
    topics: [],
    audiences: [],
    formats: [],
    regions: [region('r1'), ...[2, 3, 4, 5, 6, 7].map((n) => region(`r${n}`, `r${n - 1}`)), region('a', 'b'), region('b', 'a')],
  };
  const made = () => {
    const events = [
      event({ id: 'late', title: 'late', start: '2026-10-02', audiences: ['public'], formats: ['talk'], organizer: 'org', coOrganizers: ['org', 'co'], venue: 'hall', observance: 'day', campaign: 'month', regionId: 'r7' }),
      event({ id: 'b-same', title: 'b', start: '2026-09-01T10:00', organizer: 'org', regionId: 'a' }),
      event({ id: 'a-same', title: 'a', start: '2026-09-01T10:00', organizer: 'org', regionId: 'nowhere' }),
      event({ id: 'span', title: 's', start: '2026-12-30', end: '2027-01-02', organizer: 'other' }),
    ];
    const content = { ...emptyContent(), events, vocab, observances: [{ id: 'day' } as ObservanceEntry], organizers: [{ id: 'org' } as OrganizerEntry], venues: [{ id: 'hall' } as VenueEntry] };
    return buildQuery(content);
  };

  it('sorts by start, then id', () => {
    const m = made();
    expect(m.events.map((e) => e.id)).toEqual(['a-same', 'b-same', 'late', 'span']);
    const [a, b] = [m.event.get('a-same')!, m.event.get('b-same')!];
    expect([compareEvents(a, b), compareEvents(b, a), compareEvents(a, a)]).toEqual([-1, 1, 0]);
    // The start decides before the id, whichever way the ids sort.
    const [early, late] = [m.event.get('b-same')!, m.event.get('late')!];
    expect([compareEvents(early, late), compareEvents(late, early)]).toEqual([-1, 1]);
    const [z, a2] = [{ ...early, id: 'z' }, { ...late, id: 'a' }];
    expect([compareEvents(z, a2), compareEvents(a2, z)]).toEqual([-1, 1]);
  });

  it('looks entries up by id', () => {
    const m = made();
    expect(m.event.get('span')?.title).toBe('s');
    expect(m.observance.get('day')?.id).toBe('day');
    expect(m.organizer.get('org')?.id).toBe('org');
    expect(m.venue.get('hall')?.id).toBe('hall');
  });

  it('indexes audiences, formats, organizers (a co-organizer once), venues, observances and campaigns', () => {
    const m = made();
    expect(ids(m.byAudience.get('public'))).toEqual(['late']);
    expect(ids(m.byFormat.get('talk'))).toEqual(['late']);
    expect(ids(m.byOrganizer.get('org'))).toEqual(['a-same', 'b-same', 'late']);
    expect(ids(m.byOrganizer.get('co'))).toEqual(['late']);
    expect(ids(m.byOrganizer.get('other'))).toEqual(['span']);
    expect([...m.byVenue.keys()]).toEqual(['hall']);
    expect([...m.byObservance.keys()]).toEqual(['day']);
    expect([...m.byCampaignYear.keys()]).toEqual(['month/2026']);
  });

  it('rolls regions up at most five levels, even through a loop or an unknown id', () => {
    const m = made();
    expect(['r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1'].map((r) => ids(m.byRegion.get(r)).length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    // A parent loop (a content mistake) ends too; the event is found under both.
    expect(new Set(ids(m.byRegion.get('a')))).toEqual(new Set(['b-same']));
    expect(new Set(ids(m.byRegion.get('b')))).toEqual(new Set(['b-same']));
    expect(ids(m.byRegion.get('nowhere'))).toEqual(['a-same']);
    expect([...m.byRegion.keys()].sort()).toEqual(['a', 'b', 'nowhere', 'r3', 'r4', 'r5', 'r6', 'r7']);
  });

  it('months and years an event touches', () => {
    const m = made();
    expect([...m.byMonth.keys()]).toEqual(['2026-09', '2026-10', '2026-12', '2027-01']);
    expect(ids(m.byYear.get('2026'))).toEqual(['a-same', 'b-same', 'late', 'span']);
    expect(ids(m.byYear.get('2027'))).toEqual(['span']);
  });

  it('an event ending today is upcoming, not past', () => {
    const m = made();
    expect(ids(upcoming(m.events, '2026-10-02'))).toEqual(['late', 'span']);
    expect(ids(past(m.events, '2026-10-02'))).toEqual(['b-same', 'a-same']);
    expect(ids(past(m.events, '2026-10-03'))).toEqual(['late', 'b-same', 'a-same']);
  });

  it('pages hold `size` each, with no empty page after a full one', () => {
    expect(paginate([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
    expect(paginate([1], 2)).toEqual([[1]]);
  });
});
