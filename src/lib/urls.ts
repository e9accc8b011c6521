/**
 * Every address the site publishes, one home. Paths are site-relative (`/events/<id>/`); `absolute()`
 * puts the site URL in front for feeds, open data and embeds. These URLs are subscribed to, linked
 * and cached by calendars: never rename one (README, GUIDE §1). Pure; safe in the browser.
 */

/** The listings by facet: /topics/<id>/, /organizers/<id>/ … (facets.ts says what each is). */
export type FacetPath = 'topics' | 'audiences' | 'regions' | 'organizers' | 'venues';

/** `https://kepu.example.org/` → `https://kepu.example.org` (no trailing slash). */
export function siteBase(site: string): string {
  return site.replace(/\/+$/, '');
}

/** The host name of the site, the right side of every UID (no port: UIDs must not move). */
export function siteHost(site: string): string {
  return new URL(site).hostname;
}

/** `site` + a site-relative path: https://kepu.example.org/events/x/. */
export function absolute(site: string, path: string): string {
  return `${siteBase(site)}${path.startsWith('/') ? path : `/${path}`}`;
}

/** /events/<id>/ — one event's page. */
export const eventUrl = (id: string) => `/events/${id}/`;
/** /events/<id>.ics — one event, to add to a calendar. */
export const eventFeedUrl = (id: string) => `/events/${id}.ics`;
/** /events/when/weekend/ — a quick filter's static list (today, weekend, 7d, month), for browsers without JavaScript. */
export const eventsWhenUrl = (when: string) => `/events/when/${when}/`;
/** /events/ with filters in its query (/events/?when=weekend&age=10): filtered in the browser. */
export const eventsFilteredUrl = (search: string) => `/events/${search}`;
/** The calendar with a query string from filters.ts calendarSearch: `/calendar/?topic=health&view=list`. */
export const calendarFilteredUrl = (search: string) => `/calendar/${search}`;
/** /favorites/ — 我的收藏, kept in the browser. */
export const FAVORITES_URL = '/favorites/';
/** /events/archive/<year>/ */
export const archiveUrl = (year: number | string) => `/events/archive/${year}/`;

/** /observances/ — the observance days of the year. */
export const OBSERVANCES_URL = '/observances/';
/** /observances/<id>/ — one observance day's page. */
export const observanceUrl = (id: string) => `/observances/${id}/`;
/** /observances/<id>.ics — its days, year after year. */
export const observanceFeedUrl = (id: string) => `/observances/${id}.ics`;

/** /observances/2026/ — the year at a glance for planners. */
export const observanceYearUrl = (year: number | string) => `/observances/${year}/`;
/** /observances/2026.ics | .csv | .xlsx — that year as a calendar file or a spreadsheet. */
export const observanceYearFileUrl = (year: number | string, ext: 'ics' | 'csv' | 'xlsx') => `/observances/${year}.${ext}`;

/** /campaigns/<id>/<year>/ — one edition of a campaign (全国科普月 2026). */
export const campaignUrl = (id: string, year: number | string) => `/campaigns/${id}/${year}/`;
/** /campaigns/<id>/<year>.ics — every activity of that edition. */
export const campaignFeedUrl = (id: string, year: number | string) => `/campaigns/${id}/${year}.ics`;

/** /topics/ — a facet's index. */
export const facetIndexUrl = (facet: FacetPath) => `/${facet}/`;
/** /topics/health/ — one listing. */
export const facetUrl = (facet: FacetPath, id: string) => `/${facet}/${id}/`;
/** /topics/health.ics — its activities as a feed. */
export const facetFeedUrl = (facet: FacetPath, id: string) => `/${facet}/${id}.ics`;
/** /embed/organizers/<id>/ — the upcoming list an organizer puts in an iframe. */
export const embedUrl = (facet: FacetPath, id: string) => `/embed/${facet}/${id}/`;

/** The calendar's list view filtered by one value: /calendar/?topic=health&view=list (filters.ts reads it). */
export const calendarListUrl = (param: 'topic' | 'audience' | 'region' | 'when', id: string) => `/calendar/?${param}=${encodeURIComponent(id)}&view=list`;

/** The calendar's data, fetched by the island month by month: /data/events/2026-09.json. */
export const monthDataUrl = (month: string) => `/data/events/${month}.json`;
/** /data/observances/2026.json */
export const observanceYearDataUrl = (year: number) => `/data/observances/${year}.json`;
/** Which month and year files exist. */
export const CALENDAR_MANIFEST_URL = '/data/calendar.json';
/**
 * A dense month's shards (calendar-dense.ts): one day's rows, /data/events/2026-09/2026-09-12.json (its
 * first page of rows /data/events/2026-09/2026-09-12-head.json),
 * and one province's rows over the month, /data/events/2026-09/region-110000.json.
 */
export const monthDayDataUrl = (month: string, day: string, head = false) => `/data/events/${month}/${day}${head ? '-head' : ''}.json`;
export const monthRegionDataUrl = (month: string, region: string) => `/data/events/${month}/region-${region}.json`;

/** The open data's index, and one of its monthly files: /api/events/2026-09.json, /api/events/2026-09-2.json (part 2). */
export const OPEN_EVENTS_URL = '/api/events.json';
export const openEventsPartUrl = (month: string, part: number) => `/api/events/${month}${part > 1 ? `-${part}` : ''}.json`;
/** One day of a campaign edition, paged: /campaigns/<id>/<year>/days/2026-09-12/ (…/page/2/). */
export const campaignDayUrl = (id: string, year: number | string, day: string, page = 1) => `/campaigns/${id}/${year}/days/${day}/${page > 1 ? `page/${page}/` : ''}`;
/** One province of a campaign edition, paged: /campaigns/<id>/<year>/regions/110000/ (…/page/2/). */
export const campaignRegionUrl = (id: string, year: number | string, region: string, page = 1) => `/campaigns/${id}/${year}/regions/${region}/${page > 1 ? `page/${page}/` : ''}`;

/**
 * Share images (src/lib/views/share-images.ts says which exist): a card (1200×630) and, for observances
 * and campaign editions, a poster (1080×1920).
 */
export const eventCardFile = (id: string) => `/share/events/${id}.png`;
export const observanceCardPath = (id: string) => `/share/observances/${id}.png`;
export const observancePosterPath = (id: string) => `/share/observances/${id}-poster.png`;
export const campaignCardPath = (id: string, year: number) => `/share/campaigns/${id}/${year}.png`;
export const campaignPosterPath = (id: string, year: number) => `/share/campaigns/${id}/${year}-poster.png`;
/** /share/topics/<id>.png … — a listing's card. */
export const listingCardFile = (kind: string, id: string) => `/share/${kind}/${id}.png`;
