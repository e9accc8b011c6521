/**
 * Builds that must succeed on unusual content, each case its own test. Three content trees, built
 * side by side (no search index: search is not the point here):
 * - `empty`: only the vocabularies — no events, observances, organizers or venues;
 * - `single`: one organizer and one event;
 * - `edges`, "today" 2027-06-01: an event in 2001 and one on 2099-12-31, one spanning the year end
 *   (2026-12-30 … 2027-01-02), 2 000 events on 2027-10-15, and a venue without an address.
 * Every page of every tree is also checked for leaked placeholders (undefined, NaN, Invalid Date).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSitesInParallel } from '../helpers/build-parallel.ts';
import { ROOT, TMP } from '../helpers/build-site.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';
import { unpackRows } from '../../src/lib/calendar/packed-rows.ts';
import { FEED_MAX_EVENTS } from '../../src/lib/ical/feeds.ts';
import { attr, elements, textOf } from '../helpers/xss-check.ts';

const FIX = join(ROOT, 'tests/fixtures/site');
const CROWD = 2000;
const CROWD_DAY = '2027-10-15';

interface Tree {
  name: string;
  today: string;
  files: Record<string, string>;
  copy: string[];
}

const event = (f: Record<string, string>, body = '测试用的活动。') =>
  `---\n${Object.entries(f).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}\n`;

function crowd(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= CROWD; i++) {
    const n = String(i).padStart(4, '0');
    out[`events/2027/${CROWD_DAY}-crowd-${n}.md`] = event({
      title: `同一天的第 ${i} 场科普讲座`,
      start: `${CROWD_DAY}T${String(8 + (i % 12)).padStart(2, '0')}:${i % 2 ? '00' : '30'}`,
      organizer: 'test-red-cross',
      address: `测试市朝阳区科普路${i}号`,
      topics: '[卫生健康]',
    });
  }
  return out;
}

const TREES: Tree[] = [
  { name: 'empty', today: '2026-09-10', copy: ['vocab'], files: {} },
  {
    name: 'single',
    today: '2026-09-10',
    copy: ['vocab', 'organizers/test-red-cross.yaml'],
    files: {
      'events/2026/2026-09-20-only-event.md': event({ title: '唯一的活动', start: '2026-09-20T10:00', end: '2026-09-20T11:00', organizer: 'test-red-cross', address: '测试市朝阳区科普路1号' }),
    },
  },
  {
    name: 'edges',
    today: '2027-06-01',
    copy: ['vocab', 'observances', 'organizers', 'venues'],
    files: {
      'venues/no-address-hall.yaml': 'name: 无地址测试礼堂\ntype: hall\nregion: "110105"\n',
      'events/2001/2001-05-12-early-lecture.md': event({ title: '2001 年的科普讲座', start: '2001-05-12T09:00', end: '2001-05-12T11:00', organizer: 'test-red-cross', venue: 'test-science-center' }),
      'events/2099/2099-12-31-far-future.md': event({ title: '2099 年的跨年科普晚会', start: '2099-12-31', organizer: 'test-red-cross', address: '测试市朝阳区科普路1号' }),
      'events/2026/2026-12-30-year-end.md': event({ title: '跨年科普营', start: '2026-12-30', end: '2027-01-02', organizer: 'test-red-cross', venue: 'test-science-center' }),
      'events/2026/2026-11-01-no-address-venue.md': event({ title: '无地址场馆里的讲座', start: '2026-11-01T14:00', end: '2026-11-01T16:00', organizer: 'test-red-cross', venue: 'no-address-hall' }),
      ...crowd(),
    },
  },
];

const out = (tree: string) => join(TMP, `robust-${tree}`);
const has = (tree: string, rel: string) => existsSync(join(out(tree), rel));
const read = (tree: string, rel: string) => readFileSync(join(out(tree), rel), 'utf8');
function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), root) : [relative(root, join(dir, d.name)).split(sep).join('/')],
  );
}
/** Ids of events linked from a page (`/events/<id>/`). */
const linkedEvents = (html: string) => new Set([...html.matchAll(/href="\/events\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!));

const results = new Map<string, { status: number; output: string; seconds: number }>();

beforeAll(async () => {
  for (const t of TREES) {
    const dir = join(TMP, `robust-${t.name}-content`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const c of t.copy) cpSync(join(FIX, c), join(dir, c), { recursive: true });
    for (const [rel, text] of Object.entries(t.files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    for (const x of [out(t.name), out(t.name) + '-cache']) rmSync(x, { recursive: true, force: true });
  }
  const built = await buildSitesInParallel(TREES.map((t) => ({ contentDir: join(TMP, `robust-${t.name}-content`), outDir: out(t.name), today: t.today, noSearch: true })));
  TREES.forEach((t, i) => results.set(t.name, built[i]!));
  console.log(`[robustness] ${TREES.map((t) => `${t.name} ${results.get(t.name)!.seconds.toFixed(1)} s`).join(', ')} (side by side)`);
}, 400_000);

const built = (tree: string) => {
  const r = results.get(tree)!;
  expect(r.status, r.output.slice(-3000)).toBe(0);
};

describe('an empty content folder (only the vocabularies)', () => {
  it('builds: home, events and observances pages exist and say there is nothing yet', () => {
    built('empty');
    for (const p of ['index.html', 'events/index.html', 'observances/index.html', '404.html']) expect(has('empty', p), p).toBe(true);
    expect(read('empty', 'events/index.html')).toContain('近期暂时没有已登记的活动');
  });

  it('its feeds are valid calendars with no events', () => {
    built('empty');
    const feeds = walk(out('empty')).filter((f) => f.endsWith('.ics'));
    // The site-wide feeds are written even when there is nothing in them (subscribers keep them).
    expect(feeds).toEqual(expect.arrayContaining(['calendar.ics', 'observances.ics', 'calls.ics']));
    assertIcs(feeds.map((f) => ({ label: f, bytes: readFileSync(join(out('empty'), f)) })));
    for (const f of feeds) expect(readIcsEvents(read('empty', f)), f).toEqual([]);
  });
});

describe('a single event', () => {
  it('builds; home, the upcoming list and its page show it', () => {
    built('single');
    expect(has('single', 'events/2026-09-20-only-event/index.html')).toBe(true);
    expect(linkedEvents(read('single', 'index.html')).has('2026-09-20-only-event')).toBe(true);
    expect(linkedEvents(read('single', 'events/index.html')).has('2026-09-20-only-event')).toBe(true);
    const ics = walk(out('single')).filter((f) => f.endsWith('.ics'));
    expect(ics).toEqual(expect.arrayContaining(['calendar.ics', 'events/2026-09-20-only-event.ics']));
    assertIcs(ics.map((f) => ({ label: f, bytes: readFileSync(join(out('single'), f)) })));
  });
});

describe('edge dates and sizes (today 2027-06-01)', () => {
  it('an event in 2001 builds and is in the 2001 archive', () => {
    built('edges');
    const page = read('edges', 'events/2001-05-12-early-lecture/index.html');
    expect(page).toContain('2001年5月12日（星期六）09:00–11:00');
    expect(linkedEvents(read('edges', 'events/archive/2001/index.html')).has('2001-05-12-early-lecture')).toBe(true);
  });

  it('an event on 2099-12-31 builds, is upcoming, and is in its month data and feed', () => {
    built('edges');
    expect(read('edges', 'events/2099-12-31-far-future/index.html')).toContain('2099年12月31日（星期四）');
    const lists = ['events/index.html', ...walk(out('edges')).filter((f) => /^events\/page\/\d+\/index\.html$/.test(f))];
    expect(lists.some((f) => linkedEvents(read('edges', f)).has('2099-12-31-far-future'))).toBe(true);
    expect(read('edges', 'data/events/2099-12.json')).toContain('2099-12-31-far-future');
    expect(readIcsEvents(read('edges', 'events/2099-12-31-far-future.ics')).map((e) => e.uid)).toEqual([expect.stringMatching(/^2099-12-31-far-future/)]);
    // calendar.ics holds the FEED_MAX_EVENTS nearest to today (issue 21): here the 2,000 events of
    // 2027-10-15 come first, so the far one is left out — and the feed says it is bounded.
    const feed = read('edges', 'calendar.ics');
    expect(readIcsEvents(feed)).toHaveLength(FEED_MAX_EVENTS);
    expect(readIcsEvents(feed).some((e) => e.uid.startsWith('2099-12-31-far-future'))).toBe(false);
    expect(feed.replace(/\r\n[ \t]/g, '')).toMatch(/X-WR-CALDESC:[^\r\n]*1000/);
  });

  it('an event spanning the year end (2026-12-30 … 2027-01-02) shows in both years’ places', () => {
    built('edges');
    const id = '2026-12-30-year-end';
    expect(read('edges', `events/${id}/index.html`)).toContain('2026年12月30日（星期三） 至 2027年1月2日（星期六）');
    const missing: string[] = [];
    for (const year of ['2026', '2027']) {
      if (!has('edges', `events/archive/${year}/index.html`) || !linkedEvents(read('edges', `events/archive/${year}/index.html`)).has(id)) missing.push(`events/archive/${year}/`);
    }
    for (const month of ['2026-12', '2027-01']) {
      const f = `data/events/${month}.json`;
      if (!has('edges', f) || !read('edges', f).includes(id)) missing.push(f);
    }
    expect(missing).toEqual([]);
    const ics = read('edges', `events/${id}.ics`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261230');
    expect(ics).toContain('DTEND;VALUE=DATE:20270103');
  });

  it(`${CROWD} events on one day: every page exists, the paged list and the month data carry them all`, () => {
    built('edges');
    const files = new Set(walk(out('edges')));
    const ids = Array.from({ length: CROWD }, (_, i) => `${CROWD_DAY}-crowd-${String(i + 1).padStart(4, '0')}`);
    expect(ids.filter((id) => !files.has(`events/${id}/index.html`))).toEqual([]);
    const lists = ['events/index.html', ...[...files].filter((f) => /^events\/page\/\d+\/index\.html$/.test(f))];
    const listed = new Set(lists.flatMap((f) => [...linkedEvents(read('edges', f))]));
    expect(ids.filter((id) => !listed.has(id))).toEqual([]);
    // A month of more than DENSE_MONTH_EVENTS is counts plus shards (issue 21): the day counts them
    // all, its shard carries every one, its head the first page.
    const month = JSON.parse(read('edges', 'data/events/2027-10.json'));
    expect(month.events).toEqual([]);
    expect(month.dense.total[month.dense.days.indexOf(CROWD_DAY)]).toBeGreaterThanOrEqual(CROWD);
    const day = new Set(unpackRows(JSON.parse(read('edges', `data/events/2027-10/${CROWD_DAY}.json`)).rows).map((e) => e.id));
    expect(ids.filter((id) => !day.has(id))).toEqual([]);
    expect(unpackRows(JSON.parse(read('edges', `data/events/2027-10/${CROWD_DAY}-head.json`)).rows).length).toBe(100);
    // The home page and one list page stay small: they do not inline the whole day.
    expect(read('edges', 'index.html').length).toBeLessThan(150_000);
    expect(read('edges', 'events/index.html').length).toBeLessThan(150_000);
    assertIcs({ label: 'calendar.ics', bytes: readFileSync(join(out('edges'), 'calendar.ics')) }, { python: false });
  });

  it('a venue without an address: no empty address, no map link, JSON-LD with region names only', () => {
    built('edges');
    const html = read('edges', 'events/2026-11-01-no-address-venue/index.html');
    const els = elements(html);
    const facts = els.find((e) => e.tagName === 'dl')!;
    expect(textOf(facts)).toContain('无地址测试礼堂');
    expect(html).not.toContain('地图中查看');
    const ld = els.filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map((e) => JSON.parse(textOf(e))).find((d) => d['@type'] === 'Event');
    // Google requires a PostalAddress on a Place; region names are enough (issue 18), never an empty street.
    expect(ld.location).toMatchObject({ '@type': 'Place', name: '无地址测试礼堂', address: { '@type': 'PostalAddress', addressCountry: 'CN' } });
    expect(ld.location.address).not.toHaveProperty('streetAddress');
    expect(JSON.stringify(ld.location)).not.toMatch(/:\s*(""|\{\s*\})/);
    expect(read('edges', 'venues/no-address-hall/index.html')).toContain('无地址测试礼堂');
  });
});

describe('no page leaks a placeholder', () => {
  for (const t of TREES) {
    it(t.name, () => {
      built(t.name);
      const bad: string[] = [];
      for (const f of walk(out(t.name)).filter((f) => f.endsWith('.html'))) {
        const html = read(t.name, f).replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
        // Visible text only (between tags), and attribute values people see.
        for (const m of html.matchAll(/>([^<]*)</g)) if (/\b(undefined|NaN|Invalid Date|null)\b|\[object Object\]/.test(m[1]!)) bad.push(`${f}: ${m[1]!.trim().slice(0, 80)}`);
        for (const m of html.matchAll(/\b(?:title|alt|aria-label|content|href)="([^"]*)"/g)) if (/\b(undefined|NaN|Invalid Date)\b|\[object Object\]/.test(m[1]!)) bad.push(`${f}: ${m[0].slice(0, 80)}`);
        if (bad.length > 20) break;
      }
      expect(bad).toEqual([]);
    });
  }
});
