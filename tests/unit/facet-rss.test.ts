/**
 * RSS per listing (src/lib/views/facet-rss.ts, issue 19): one feed per topic, region and organizer, holding
 * only that listing's entries, newest first, titled with the listing's name; written by @astrojs/rss
 * and read back by Python's XML parser (a client that is not ours).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content-fs.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { facetRssFiles, facetRssPath, hasFacetRss } from '../../src/lib/views/facet-rss.ts';
import { PYTHON } from '../helpers/ics-check.ts';
import { event } from '../fixtures/ical/scenarios.ts';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'https://kepu.example.org';
const TODAY = '2026-09-10';
const loaded = loadContent(join(ROOT, 'tests/fixtures/site'), ROOT);
const extra = [
  event({ id: '2026-09-01-health-old', title: '较早登记的健康讲座', start: '2026-09-30', updated: '2026-08-01T10:00', organizer: 'test-science-society', topics: ['health'] }),
  event({ id: '2026-09-02-health-new', title: '最新登记的健康讲座', start: '2026-10-30', updated: '2026-09-05T10:00', organizer: 'test-science-society', topics: ['health'] }),
  event({ id: '2026-09-03-astro', title: '天文观测夜', start: '2026-09-25', organizer: 'test-red-cross', topics: ['astronomy'] }),
];
const q = buildQuery({ ...loaded.content, events: [...loaded.content.events, ...extra] });
const files = [...facetRssFiles(q, TODAY, SITE)];

describe('RSS per listing', () => {
  it('exists for topics, regions and organizers only', () => {
    expect(hasFacetRss('topics') && hasFacetRss('regions') && hasFacetRss('organizers')).toBe(true);
    expect(hasFacetRss('venues') || hasFacetRss('audiences')).toBe(false);
    const paths = files.map((f) => f.path);
    expect(paths).toContain('/topics/health/feed.xml');
    expect(paths).toContain('/regions/110105/feed.xml');
    expect(paths).toContain('/organizers/test-science-society/feed.xml');
    expect(new Set(paths).size).toBe(paths.length);
    expect(facetRssPath('topics', 'health')).toBe('/topics/health/feed.xml');
  });

  it('holds only the listing’s entries, newest first, under the listing’s name', () => {
    const health = files.find((f) => f.path === '/topics/health/feed.xml')!;
    expect(health.title).toBe('科普日历 · 主题：卫生健康 · 新活动');
    const titles = health.items.map((i) => i.title);
    expect(titles).toContain('最新登记的健康讲座');
    expect(titles).not.toContain('天文观测夜');
    expect(titles.indexOf('最新登记的健康讲座')).toBeLessThan(titles.indexOf('较早登记的健康讲座'));
    const dates = health.items.map((i) => i.pubDate.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const org = files.find((f) => f.path === '/organizers/test-red-cross/feed.xml')!;
    expect(org.items.map((i) => i.title)).toContain('天文观测夜');
    expect(org.items.map((i) => i.title)).not.toContain('最新登记的健康讲座');
  });

  it('is RSS 2.0 that an XML parser reads back, items in the same order', async () => {
    const f = files.find((x) => x.path === '/topics/health/feed.xml')!;
    const xml = await getRssString({ title: f.title, description: f.description, site: SITE, items: f.items });
    const r = spawnSync(PYTHON, ['-c', 'import sys, xml.etree.ElementTree as E\nr = E.fromstring(sys.stdin.buffer.read())\nprint(r.tag, r.find("channel/title").text)\nfor i in r.findall("channel/item"): print(i.find("title").text)'], { input: xml, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [head, ...items] = r.stdout.trim().split('\n');
    expect(head).toBe(`rss ${f.title}`);
    expect(items).toEqual(f.items.map((i) => i.title));
  });
});
