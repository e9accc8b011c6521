/**
 * The search index's records, made from the content itself rather than from the built pages: one
 * per event, observance, organizer and venue page, with the page's words (`content`), the result
 * line and hidden words (`meta`, see search-meta.ts), the filters and the date sort. Pagefind
 * indexes them as custom records (scripts/index-search.ts), in a child process that runs while
 * Astro renders the pages.
 *
 * Why not index the HTML: at 10,000 events Pagefind spent 21 s and 1.7 GB parsing pages it then
 * mostly ignored, after the build, on one core; at 50,000 it needed 6.9 GB. Records carrying the
 * same words take 8 s and 0.8 GB at 10k, beside the build (issue 9, bench/README.md).
 *
 * What a record holds is what a page's search region used to hold: the name, the facts (date,
 * place, organizer, audiences, topics, registration, observance, campaign), the summary and, for
 * an event, the first paragraph of its description (the rest made indexing slow and added little).
 * Pure: the caller indexes the records.
 */
import type { EventEntry, ObservanceEntry, OrganizerEntry, VenueEntry } from '../content/model.ts';
import { occurrenceLabel } from '../views/observance-view.ts';
import { LEVEL_LABEL, OBSERVANCE_KIND_LABEL } from '../labels.ts';
import { eventFacts } from '../views/event-facts.ts';
import { markdownToPlainText } from '../content/plain-text.ts';
import { labels, regionLabel } from '../views/present.ts';
import { eventUrl, facetUrl, observanceUrl } from '../urls.ts';
import type { SiteQuery } from '../content/query.ts';
import { expandObservance } from '../time/recurrence.ts';
import { eventSearch, observanceSearch, organizerSearch, searchRecord, venueSearch, type SearchMetaProps } from './search-meta.ts';

/** One record for Pagefind's `addCustomRecord` (language added by the indexer). */
export interface SearchDocument {
  /** The page's URL path: /events/<id>/. */
  url: string;
  /** The words searched and quoted in the excerpt: one line per fact, as on the page. */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * Pagefind's excerpt escapes < and > of the content but not &, and the search page reads the
 * excerpt as HTML (keeping only <mark>): escape & so `&lt;` in a title shows as typed.
 */
function text(s: string): string {
  return s.replace(/&/g, '&amp;');
}

function lines(list: (string | number | false | undefined | null)[]): string {
  return list.filter((s): s is string => typeof s === 'string' && !!s.trim()).map(text).join('\n');
}

/** The record for one page: its words and the search metadata of search-meta.ts (its title is `props.title`). */
export function searchDocument(url: string, content: string, props: SearchMetaProps): SearchDocument {
  const r = searchRecord(props);
  const meta: Record<string, string> = { title: props.title ?? url };
  for (const [k, v] of r.meta) meta[k] = v;
  const filters: Record<string, string[]> = {};
  for (const [k, v] of r.filters) (filters[k] ??= []).push(v);
  return { url, content, meta, filters, sort: Object.fromEntries(r.sort) };
}

function firstParagraph(md: string | undefined): string | undefined {
  if (!md) return undefined;
  return markdownToPlainText(md).split(/\n\s*\n/).find((p) => p.trim());
}

export function eventDocument(e: EventEntry, q: SiteQuery, today: string): SearchDocument {
  const f = eventFacts(e, q);
  const place = f.place;
  const co = f.coOrganizers.filter((o) => o.known).map((o) => o.name);
  const reg = f.registration;
  const names = (refs: { label: string }[]) => refs.map((l) => l.label).join(' ');
  const content = lines([
    e.title,
    e.titleEn,
    f.statusSentence,
    e.summary,
    `${f.whenLabel} ${f.when}`,
    f.kind && `类型 ${f.kind}`,
    (place.name || place.address || place.region) && `地点 ${[place.name, place.address, place.region].filter(Boolean).join(' ')}`,
    `主办 ${f.organizer.name}${co.length ? ` 协办 ${co.join('、')}` : ''}`,
    e.audiences.length > 0 && `面向 ${names(f.vocab.audiences)}`,
    e.topics.length > 0 && `主题 ${names(f.vocab.topics)}`,
    e.formats.length > 0 && `形式 ${names(f.vocab.formats)}`,
    reg && `报名 ${reg.terms}${reg.note ? ` ${reg.note}` : ''}`,
    ...f.extra.map((x) => `${x.label} ${x.text}`),
    f.observance && `纪念日 ${f.observance.name}（设立机构：${f.observance.authority}）`,
    f.campaign && `所属 ${f.campaign.year} 年${f.campaign.name}`,
    e.note,
    firstParagraph(e.body),
  ]);
  return searchDocument(eventUrl(e.id), content, eventSearch(e, q, today));
}

export function observanceDocument(o: ObservanceEntry, q: SiteQuery, today: string): SearchDocument {
  const year = Number(today.slice(0, 4));
  const occs = expandObservance(o, year, year + 2);
  const themes = Object.entries(o.themes).sort((a, b) => (a[0] < b[0] ? 1 : -1));
  const content = lines([
    o.name,
    o.nameEn,
    o.endedYear && `已于 ${o.endedYear} 年后停办`,
    `日期 ${occs.map((occ) => `${occ.year} 年${occurrenceLabel(occ, false, today)}`).join(' ')}`,
    `类型 ${LEVEL_LABEL[o.level]}${OBSERVANCE_KIND_LABEL[o.kind]}`,
    `设立机构 ${o.authority}`,
    o.established && `设立年份 ${o.established} 年`,
    `依据 ${o.source.title}`,
    o.topics.length > 0 && `主题 ${labels(q, 'topics', o.topics).map((l) => l.label).join(' ')}`,
    o.aliases.length > 0 && `又称 ${o.aliases.join('、')}`,
    o.body && markdownToPlainText(o.body),
    ...themes.map(([y, t]) => `${y} 年主题 ${t.text}`),
  ]);
  return searchDocument(observanceUrl(o.id), content, observanceSearch(o, q, today));
}

function placeDocument(kind: 'organizers' | 'venues', x: OrganizerEntry | VenueEntry, q: SiteQuery, props: SearchMetaProps): SearchDocument {
  const org = kind === 'organizers' ? (x as OrganizerEntry) : undefined;
  const region = regionLabel(q, x.region);
  const content = lines([
    x.name,
    org?.shortName && `简称 ${org.shortName}`,
    x.nameEn,
    region && `地区 ${region}`,
    x.address && `地址 ${x.address}`,
    org?.description && `简介 ${org.description}`,
  ]);
  return searchDocument(facetUrl(kind, x.id), content, props);
}

/** Every record, pages in a fixed order: observances, organizers, venues, events. */
export function* searchDocuments(q: SiteQuery, today: string): Generator<SearchDocument> {
  for (const o of q.content.observances) yield observanceDocument(o, q, today);
  for (const o of q.content.organizers) yield placeDocument('organizers', o, q, organizerSearch(o, q));
  for (const v of q.content.venues) yield placeDocument('venues', v, q, venueSearch(v, q));
  for (const e of q.events) yield eventDocument(e, q, today);
}

/**
 * Most records one Pagefind index takes. Pagefind holds every record of an index in memory until
 * it writes the index (≈ 0.1 MB each for these records: 5.5 GB at 53,600), so larger sites are
 * indexed as several bundles, one after the other, which the search page searches together.
 * 10,000 since issue 21: a bundle's Pagefind holds ≈ 1 GB instead of 2 (the build's whole tree must
 * stay under 4 GB at 100,000 events), and the first search reads one bundle's metadata and index
 * chunks, which grow with its records (≈ 180 KB for 4,000 records at campaign density, measured).
 */
export const SEARCH_BUNDLE_SIZE = 10_000;

/** Where the search page finds the bundles: `/pagefind/kepu-bundles.json`. */
export interface SearchBundleManifest {
  /**
   * Folders under the site root, ending in /, in the order they are searched: the first is
   * `pagefind/`, whose runtime and wasm serve them all (the others are merged into it on demand).
   */
  bundles: string[];
  /**
   * The first and last date of each bundle's dated records, in the order of `bundles` (issue 21):
   * a date-sorted search reads the bundles in date order. Absent in manifests written before.
   */
  ranges?: ({ from: string; to: string } | null)[];
}

/** One bundle with the date range of its dated records. */
export interface SearchBundle<T> {
  docs: T[];
  range: { from: string; to: string } | null;
}

const byDate = <T extends Pick<SearchDocument, 'sort'>>(a: T, b: T) => (a.sort.date! < b.sort.date! ? -1 : a.sort.date! > b.sort.date! ? 1 : 0);

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function rangeOf<T extends Pick<SearchDocument, 'sort'>>(docs: T[]): { from: string; to: string } | null {
  const dated = docs.filter((d) => d.sort.date).map((d) => d.sort.date!);
  return dated.length ? { from: dated.reduce((a, b) => (a < b ? a : b)), to: dated.reduce((a, b) => (a > b ? a : b)) } : null;
}

/**
 * Bundles in the order a search reads them (issue 21): first the `pinned` records (the site passes
 * every page that is not an event: observances, organizers, venues — what a name search looks for,
 * and few) and the dated ones nearest ahead of `today`, then the later ones, then the past, newest
 * first. Each bundle's dated records are a consecutive date range, so a date-sorted search still
 * reads them one after the other (by `range`). Why: at 100,000 events the first search fetched every
 * bundle's runtime, wasm and metadata (≈ 0.8 MB at 50,000); now it reads the first bundle, where
 * most searches find what is coming up, and the others when a page of results needs them.
 */
export function searchBundlesNearFirst<T extends Pick<SearchDocument, 'sort'>>(docs: readonly T[], size: number, today: string, pinned: (d: T) => boolean = (d) => !d.sort.date): SearchBundle<T>[] {
  const per = Math.max(1, size);
  const undated = docs.filter(pinned);
  const rest = docs.filter((d) => !pinned(d));
  const ahead = rest.filter((d) => !d.sort.date || d.sort.date >= today).sort((a, b) => (!a.sort.date ? 1 : !b.sort.date ? -1 : byDate(a, b)));
  const before = rest.filter((d) => d.sort.date && d.sort.date < today).sort(byDate).reverse();
  const room = Math.max(0, per - undated.length);
  const first = [...undated, ...ahead.slice(0, room)];
  const out: T[][] = [first, ...chunks(ahead.slice(room), per), ...chunks(before, per).map((c) => c.reverse())];
  return out.filter((b, i) => b.length || i === 0).map((b) => ({ docs: b, range: rangeOf(b) }));
}

/**
 * Split the records into bundles of at most `size`, in date order: records with a date sort first,
 * by date, then those without one (organizers, venues). Because the bundles do not overlap in
 * time, a date-sorted search reads them one after the other (src/components/search/search-engine.ts).
 */
export function searchBundles<T extends Pick<SearchDocument, 'sort'>>(docs: readonly T[], size = SEARCH_BUNDLE_SIZE): T[][] {
  const dated = docs.filter((d) => d.sort.date).sort((a, b) => (a.sort.date! < b.sort.date! ? -1 : a.sort.date! > b.sort.date! ? 1 : 0));
  const ordered = [...dated, ...docs.filter((d) => !d.sort.date)];
  const count = Math.max(1, Math.ceil(ordered.length / Math.max(1, size)));
  const per = Math.ceil(ordered.length / count);
  const out: T[][] = [];
  for (let i = 0; i < count; i++) out.push(ordered.slice(i * per, (i + 1) * per));
  return out.filter((b, i) => b.length || i === 0);
}

/** The folder of bundle `i`: /pagefind/, /pagefind-2/, /pagefind-3/ … */
export function searchBundleFolder(i: number): string {
  return i === 0 ? 'pagefind/' : `pagefind-${i + 1}/`;
}
