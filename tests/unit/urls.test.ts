/**
 * src/lib/urls.ts and src/lib/facets.ts: the addresses people subscribe to and link to. A change here
 * breaks subscriptions and links already out in the world, so each one is pinned.
 */
import { describe, expect, it } from 'vitest';
import * as u from '../../src/lib/urls.ts';
import { EMBED_FACETS, FACET_INFO, FACETS, facetCalendarUrl, isEmbedFacet } from '../../src/lib/facets.ts';

describe('site addresses', () => {
  it('are the published, never-renamed paths', () => {
    expect(u.eventUrl('2026-09-12-x')).toBe('/events/2026-09-12-x/');
    expect(u.eventFeedUrl('2026-09-12-x')).toBe('/events/2026-09-12-x.ics');
    expect(u.archiveUrl(2025)).toBe('/events/archive/2025/');
    expect(u.observanceUrl('world-first-aid-day')).toBe('/observances/world-first-aid-day/');
    expect(u.observanceFeedUrl('world-first-aid-day')).toBe('/observances/world-first-aid-day.ics');
    expect(u.campaignUrl('national-science-month', 2026)).toBe('/campaigns/national-science-month/2026/');
    expect(u.campaignFeedUrl('national-science-month', 2026)).toBe('/campaigns/national-science-month/2026.ics');
    expect(u.facetIndexUrl('topics')).toBe('/topics/');
    expect(u.facetUrl('regions', '110105')).toBe('/regions/110105/');
    expect(u.facetFeedUrl('organizers', 'x')).toBe('/organizers/x.ics');
    expect(u.embedUrl('venues', 'x')).toBe('/embed/venues/x/');
    expect(u.monthDataUrl('2026-09')).toBe('/data/events/2026-09.json');
    expect(u.observanceYearDataUrl(2026)).toBe('/data/observances/2026.json');
    expect(u.calendarListUrl('topic', 'health')).toBe('/calendar/?topic=health&view=list');
  });

  it('are made absolute against the site URL, with or without its trailing slash', () => {
    expect(u.absolute('https://kepu.example.org/', '/events/x/')).toBe('https://kepu.example.org/events/x/');
    expect(u.absolute('https://kepu.example.org', 'events/x.ics')).toBe('https://kepu.example.org/events/x.ics');
    expect(u.siteHost('https://kepu.example.org:8443/')).toBe('kepu.example.org');
  });
});

describe('facets', () => {
  it('are the five listings, each named for pages, feeds and the footer', () => {
    expect(FACETS).toEqual(['topics', 'audiences', 'regions', 'organizers', 'venues']);
    expect(FACETS.map((f) => FACET_INFO[f].short)).toEqual(['主题', '人群', '地区', '主办单位', '场馆']);
    expect(FACETS.map((f) => FACET_INFO[f].feedLabel)).toEqual(['主题', '面向', '地区', '单位', '场馆']);
    expect(EMBED_FACETS.every(isEmbedFacet)).toBe(true);
    expect(isEmbedFacet('audiences')).toBe(false);
    expect(facetCalendarUrl('audiences', 'seniors')).toBe('/calendar/?audience=seniors&view=list');
    expect(facetCalendarUrl('venues', 'x')).toBeUndefined();
  });
});
