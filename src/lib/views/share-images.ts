/**
 * The images made for sharing (issue 19): WeChat's link previews are unreliable without an official
 * account, so an image is what always travels. A 1200×630 Open Graph card for each observance,
 * campaign edition, topic and region listing and (by the rule below) event page, and a 1080×1920
 * portrait poster for each observance and campaign edition, for a 科协 to post in WeChat moments or
 * print. Each carries a QR code to its https page.
 *
 * This module says which images exist, where, and what text they carry; drawing them is node-only
 * (scripts/lib/draw-share-image.ts) and they are written beside the build with the data files,
 * cached by the hash of this description (scripts/lib/write-share-images.ts). Pure.
 */
import type { EventEntry, ObservanceEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import { upcoming } from '../content/query.ts';
import { addDays } from '../time/days.ts';
import { formatDateZh, formatRangeZh, weekdayZh } from '../time/labels.ts';
import { campaignYears } from './campaign-view.ts';
import { FACET_INFO, facetIds, facetLabel } from '../facets.ts';
import { markdownToPlainText, truncateText } from '../content/plain-text.ts';
import { occurrenceLabel } from './observance-view.ts';
import { nextOccurrence, occurrenceInYear } from '../time/recurrence.ts';
import { placeLine } from './present.ts';
import { absolute, campaignCardPath, campaignPosterPath, campaignUrl, eventCardFile, eventUrl, facetUrl, listingCardFile, observanceCardPath, observancePosterPath, observanceUrl } from '../urls.ts';

export const CARD_SIZE = { width: 1200, height: 630 } as const;
export const POSTER_SIZE = { width: 1080, height: 1920 } as const;

/**
 * Event cards are drawn for events not over whose first day is at most this many days ahead. Why not
 * every event: a card costs ≈ 7–9 ms of CPU to draw and encode (Skia; measured on this 2-core
 * machine under load), so the 10,000 generated events of the benchmark would add ≈ 80 s of CPU to a
 * cold build whose budget is 40 s in all. With this rule the benchmark's 10k tree has 700 event cards
 * (September is 全国科普月) and all 1,069 images of a cold build cost 12.4 s of CPU, a warm one 0.1 s.
 * Past events are rarely shared, and an event further ahead gets its card as its day comes near (the
 * site is rebuilt daily; a drawn card is kept until its text changes). Pages of events without a card
 * use their campaign edition's or observance's card, else the site's.
 */
export const EVENT_CARD_DAYS = 60;

/** Which listings get a card (the issue names topics and regions: what people follow and share). */
export const CARD_LISTINGS = ['topics', 'regions'] as const;
export type CardListing = (typeof CARD_LISTINGS)[number];

/** Colour family of an image: the site's brand blue, observance purple, campaign brown. */
export type ShareTone = 'event' | 'observance' | 'campaign' | 'listing';

export interface ShareImage {
  /** Path on the site: /share/events/<id>.png. */
  path: string;
  format: 'card' | 'poster';
  tone: ShareTone;
  /** The small line above the title: 科普日历 · 科普活动. */
  kicker: string;
  title: string;
  /** A loud label before the facts: 已取消, 已延期, 改为线上. */
  banner?: string;
  /** Facts, one line each: date, place, organizer, theme. */
  lines: string[];
  /** Posters: a paragraph (history, or what the edition offers). */
  body?: string;
  /** Absolute https URL the QR code encodes (the page the image stands for). */
  qr: string;
  /** The image in words (alt text, og:image:alt). */
  alt: string;
}

// ---------------------------------------------------------------------------------------------
// paths (what the pages link to)
// ---------------------------------------------------------------------------------------------

/**
 * At most this many event cards, the nearest first. Why (issue 21): in a national 科普月 of 100,000
 * activities in one month every event is within EVENT_CARD_DAYS, and 100,000 cards would cost ≈ 800 s
 * of CPU and ≈ 7.7 GB (≈ 77 KB a card) in a build whose budget is 5 minutes. 2,000 cards cost ≈ 16 s
 * cold and nothing warm; as days pass, the next events get theirs (the site is rebuilt daily and a
 * drawn card is kept in the cache). An event without its own card shows its campaign edition's card
 * (全国科普月 2026, with the QR code of the hub) or its observance's.
 */
export const EVENT_CARD_MAX = 2000;

const carded = new WeakMap<SiteQuery, { today: string; ids: Set<string> }>();

/** The ids of the events that get a card: not over, starting within EVENT_CARD_DAYS, the EVENT_CARD_MAX nearest. */
function cardedIds(q: SiteQuery, today: string): Set<string> {
  const hit = carded.get(q);
  if (hit && hit.today === today) return hit.ids;
  const ids = new Set<string>();
  for (const e of q.events) {
    if (ids.size >= EVENT_CARD_MAX) break;
    if (inCardWindow(e, today)) ids.add(e.id);
  }
  carded.set(q, { today, ids });
  return ids;
}

function inCardWindow(e: EventEntry, today: string): boolean {
  return e.endDate >= today && e.startDate <= addDays(today, EVENT_CARD_DAYS);
}

/**
 * The event's card, when the rules above give it one. The site passes its query `q` (the cap of
 * EVENT_CARD_MAX is counted over it); without `q` only the window applies.
 */
export function eventCardPath(e: EventEntry, today: string, q?: SiteQuery): string | undefined {
  const has = q ? cardedIds(q, today).has(e.id) : inCardWindow(e, today);
  return has ? eventCardFile(e.id) : undefined;
}
export function listingCardPath(kind: string, id: string): string | undefined {
  return (CARD_LISTINGS as readonly string[]).includes(kind) ? listingCardFile(kind, id) : undefined;
}

/** The card an event page shows in link previews: its own, else its campaign edition's or observance's. */
export function eventPreviewImage(e: EventEntry, q: SiteQuery, today: string): string | undefined {
  const own = eventCardPath(e, today, q);
  if (own) return own;
  const year = Number(e.startDate.slice(0, 4));
  const campaign = e.campaign ? q.observance.get(e.campaign) : undefined;
  if (campaign && campaignYears(campaign, q, today).includes(year)) return campaignCardPath(campaign.id, year);
  if (e.observance && q.observance.has(e.observance)) return observanceCardPath(e.observance);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// what each image says
// ---------------------------------------------------------------------------------------------

const BRAND = '科普日历';
const KIND_WORD: Record<ObservanceEntry['kind'], string> = { day: '科普纪念日', week: '宣传周', month: '宣传月', campaign: '活动季' };
const STATUS_BANNER: Partial<Record<EventEntry['status'], string>> = { cancelled: '已取消', postponed: '已延期', 'moved-online': '改为线上' };

export function eventCard(e: EventEntry, q: SiteQuery, site: string): ShareImage {
  const when = formatRangeZh(e.start, e.end);
  const place = placeLine(e, q);
  const org = q.organizer.get(e.organizer)?.name;
  const kicker = e.kind === 'activity' ? '科普活动' : e.kind === 'call' ? '征集' : '申报截止';
  return {
    path: eventCardFile(e.id),
    format: 'card',
    tone: 'event',
    kicker: `${BRAND} · ${kicker}`,
    title: e.title,
    ...(STATUS_BANNER[e.status] ? { banner: STATUS_BANNER[e.status] } : {}),
    lines: [e.kind === 'deadline' ? `截止：${when}` : when, ...(place ? [place] : []), ...(org ? [`主办：${org}`] : [])],
    qr: absolute(site, eventUrl(e.id)),
    alt: `${e.title}：${when}${place ? `，${place}` : ''}`,
  };
}

/** The history's first paragraph, for a poster. */
function historyExcerpt(o: ObservanceEntry, max = 150): string | undefined {
  const first = markdownToPlainText(o.body).split(/\n\s*\n/)[0]?.replace(/\s*\n\s*/g, '');
  return first ? truncateText(first, max) : undefined;
}

function observanceImage(o: ObservanceEntry, today: string, site: string, format: 'card' | 'poster'): ShareImage {
  const occ = nextOccurrence(o, today);
  const day = occ?.status === 'dated' && occ.start === occ.end ? `（${weekdayZh(occ.start)}）` : '';
  const when = o.endedYear && !occ ? `已于 ${o.endedYear} 年后停办` : occurrenceLabel(occ, true, today) + day;
  const theme = occ ? o.themes[String(occ.year)]?.text : undefined;
  const body = format === 'poster' ? historyExcerpt(o) : undefined;
  return {
    path: format === 'card' ? observanceCardPath(o.id) : observancePosterPath(o.id),
    format,
    tone: 'observance',
    kicker: `${BRAND} · ${KIND_WORD[o.kind]}`,
    title: o.name,
    lines: [when, ...(theme ? [`主题：${theme}`] : []), `${o.authority}设立`],
    ...(body ? { body } : {}),
    qr: absolute(site, observanceUrl(o.id)),
    alt: `${o.name}：${when}`,
  };
}

function campaignImage(o: ObservanceEntry, year: number, q: SiteQuery, today: string, site: string, format: 'card' | 'poster'): ShareImage {
  const occ = occurrenceInYear(o, year);
  const when = occurrenceLabel(occ, true, today);
  const theme = o.themes[String(year)]?.text;
  const count = q.byCampaignYear.get(`${o.id}/${year}`)?.length ?? 0;
  const title = `${year} 年${o.name}`;
  return {
    path: format === 'card' ? campaignCardPath(o.id, year) : campaignPosterPath(o.id, year),
    format,
    tone: 'campaign',
    kicker: `${BRAND} · 活动季`,
    title,
    lines: [when, ...(theme ? [`主题：${theme}`] : []), `主办：${o.authority}`, ...(count ? [`已登记活动 ${count} 项`] : [])],
    ...(format === 'poster' ? { body: '扫码查看本届全部活动：按日期、地区和主题浏览，一键订阅到手机日历，改期和取消自动同步。' } : {}),
    qr: absolute(site, campaignUrl(o.id, year)),
    alt: `${title}：${when}`,
  };
}

function listingCard(kind: CardListing, id: string, q: SiteQuery, today: string, site: string): ShareImage {
  const label = facetLabel(q, kind, id);
  const index = kind === 'topics' ? q.byTopic : q.byRegion;
  const next = upcoming(index.get(id) ?? [], today).filter((e) => e.kind === 'activity');
  const shown = next.slice(0, 2).map((e) => `${formatDateZh(e.startDate, false)} ${e.title}`);
  return {
    path: listingCardPath(kind, id)!,
    format: 'card',
    tone: 'listing',
    kicker: `${BRAND} · ${FACET_INFO[kind].noun}`,
    title: `${label}的科普活动`,
    lines: [next.length ? `近期 ${next.length} 项活动` : '近期暂无登记的活动，可订阅等候', ...shown],
    qr: absolute(site, facetUrl(kind, id)),
    alt: `${label}的科普活动`,
  };
}

/** Every image of the site, in a fixed order. */
export function* shareImages(q: SiteQuery, today: string, site: string): Generator<ShareImage> {
  for (const o of q.content.observances) {
    yield observanceImage(o, today, site, 'card');
    yield observanceImage(o, today, site, 'poster');
  }
  for (const o of q.content.observances) {
    if (o.kind !== 'campaign') continue;
    for (const year of campaignYears(o, q, today)) {
      yield campaignImage(o, year, q, today, site, 'card');
      yield campaignImage(o, year, q, today, site, 'poster');
    }
  }
  for (const kind of CARD_LISTINGS) for (const id of facetIds(q, kind)) yield listingCard(kind, id, q, today, site);
  for (const e of q.events) if (eventCardPath(e, today, q)) yield eventCard(e, q, site);
}
