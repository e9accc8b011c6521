/**
 * What each page tells the search index (Pagefind) about itself, beyond its visible text: the
 * result line (type, date, place), the filters (type, topic, audience, region, year), the date
 * sort, and hidden words that are searched but never shown.
 *
 * Hidden words live in metadata fields, weighted by the search client (SEARCH_RANKING in
 * search-query.ts). Pagefind splits metadata on spaces only, so every Chinese text is written
 * split into words the way the browser splits queries (search-words.ts). Tiers, highest first:
 * - the page's own name, word by word — Pagefind's `title` field only matches from the start of
 *   the whole title, so 科普月 would never count as a name match for 全国科普月 —, its whole-name
 *   pinyin (quanguoaiyanri, qgayr), and for observances, organizers and venues their aliases as
 *   whole-name tokens. The field depends on the page: `name` for an observance, organizer or
 *   venue (the hub a name leads to), `upcoming` for an event not over on the build day, `past` for
 *   one that is — so for the same words a hub ranks first, then upcoming activities, then past
 *   ones (the site is rebuilt daily to keep this true; results also say 已结束 by the reader's date);
 * - `kw`: aliases and event keywords word by word and in whole pinyin (aiyanri), the whole-name
 *   tokens of event keywords and of synonyms of an observance's, organizer's or venue's names;
 * - `rel`: related names (an event's organizer, venue, observance, campaign), synonyms
 *   (search-aliases.ts), topic aliases, pinyin of the tails of names (yanri), and the whole-name
 *   tokens of related names and of an event's synonyms.
 * Whole-name tokens (`nameToken`) are only matched by the client's exact-name search, which lists
 * its hits — ranked by these tiers — before the ordinary results.
 *
 * search-documents.ts calls `eventSearch` / `observanceSearch` / `organizerSearch` / `venueSearch`
 * and puts the `searchRecord` of the result into each page's index record.
 */
import type { EventEntry, ObservanceEntry, OrganizerEntry, VenueEntry } from '../content/model.ts';
import type { SiteQuery } from '../content/query.ts';
import type { VocabName } from '../content/schema.ts';
import { formatRangeZh } from '../time/labels.ts';
import { occurrenceLabel } from '../views/observance-view.ts';
import { placeLine, regionLabel } from '../views/present.ts';
import { nextOccurrence } from '../time/recurrence.ts';
import { ageWords, synonymsOf } from './search-aliases.ts';
import { pinyinForNames } from './search-pinyin.ts';
import { nameToken } from './search-query.ts';
import { dateToken, searchWords, searchWordsOf } from './search-words.ts';

export const SEARCH_TYPES = ['活动', '纪念日', '机构', '场馆'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** What a page tells the index: `type`, `date`, `place`, `aliases` first (the original contract), the rest optional. */
export interface SearchMetaProps {
  /** 活动 | 纪念日 | 机构 | 场馆 — the `type` filter and the badge on the result. */
  type: SearchType;
  /** YYYY-MM-DD: the date sort (and the date shown when `when` is absent). */
  date?: string;
  /** Place line shown on the result. */
  place?: string;
  /** Extra words people type: aliases, short names, keywords. Searched (also in pinyin), never shown. */
  aliases?: string[];
  /** The page's name (its h1): searched word by word and in pinyin. */
  title?: string;
  /** Other names to search in pinyin as well (long names are skipped). */
  names?: string[];
  /** Names of related things (organizer short names, the observance of an event): searched, weighted lowest. */
  related?: string[];
  /** Other words to find the page by (vocabulary aliases of its topics and audiences, age words): searched, weighted lowest. */
  terms?: string[];
  /** Date text shown on the result (2026年9月12日（星期六）14:00–16:30; 2027年6月6日). */
  when?: string;
  /** Last day (YYYY-MM-DD) of an event: the result says 已结束 once it has passed. */
  end?: string;
  /** For events: true when not over on the build day (its name ranks above past events'). */
  upcoming?: boolean;
  /** Labels for the filters. */
  topics?: string[];
  audiences?: string[];
  regions?: string[];
  year?: string;
}

export interface SearchRecord {
  meta: [string, string][];
  filters: [string, string][];
  sort: [string, string][];
}

/** Keep values to one clean line (Pagefind's attribute syntax split on commas; records keep the habit). */
function clean(s: string): string {
  return s.replace(/[,\s]+/g, ' ').trim();
}

function uniq(list: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const s of list) {
    const c = s && clean(s);
    if (c) out.add(c);
  }
  return [...out];
}

/** The record's meta, filters and sort, as [key, value] pairs. */
export function searchRecord(p: SearchMetaProps): SearchRecord {
  const aliases = uniq(p.aliases ?? []);
  const related = uniq(p.related ?? []);
  const names = uniq([p.title, ...(p.names ?? [])]);
  // Pinyin is for names people spell: observances, organizers, venues, and an event's keywords
  // (whole only). Pinyin of every event title, with its tails, made indexing 10k events 30% slower
  // (each tail is a new word) for spellings nobody types.
  const entity = p.type !== '活动';
  const none = { whole: [], tails: [] };
  const pyNames = entity ? pinyinForNames(names) : none;
  const pyAliases = entity ? pinyinForNames(aliases) : { whole: pinyinForNames(aliases).whole, tails: [] };
  // Synonyms of the page's own names and aliases are near-names; those its topics bring are only words.
  const synonyms = synonymsOf([...names, ...aliases]);
  // Topics, audiences and their aliases (亲子 for 儿童和家庭) bring their groups' words too.
  const topicSynonyms = synonymsOf([...(p.topics ?? []), ...(p.audiences ?? []), ...(p.terms ?? [])]).filter((w) => !synonyms.includes(w));
  // An observance's, organizer's or venue's aliases are names of it; an event's keywords and the
  // synonyms its title triggers (科协 in 北京市科协2025年…) are only hints: one tier lower.
  const tokens = (list: string[]) => list.map(nameToken).filter((t): t is string => !!t);
  const name = uniq([...(p.title ? searchWords(p.title) : []), ...tokens(names), ...pyNames.whole, ...(entity ? tokens(aliases) : [])]);
  const kw = uniq([...searchWordsOf(aliases), ...pyAliases.whole, ...tokens(entity ? synonyms : aliases)]).filter((w) => !name.includes(w));
  const rel = uniq([
    ...searchWordsOf([...related, ...synonyms, ...topicSynonyms, ...(p.terms ?? []), ...pyNames.tails, ...pyAliases.tails]),
    ...tokens(related),
    ...(entity ? [] : tokens(synonyms)),
  ]).filter((w) => !name.includes(w) && !kw.includes(w));

  const meta: [string, string][] = [['type', p.type]];
  if (p.when || p.date) meta.push(['when', clean(p.when ?? p.date!)]);
  if (p.end) meta.push(['end', p.end]);
  if (p.place) meta.push(['place', clean(p.place)]);
  if (name.length) meta.push([entity ? 'name' : p.upcoming ? 'upcoming' : 'past', name.join(' ')]);
  if (kw.length) meta.push(['kw', kw.join(' ')]);
  if (rel.length) meta.push(['rel', rel.join(' ')]);

  const filters: [string, string][] = [['type', p.type]];
  for (const [key, list] of [['topic', p.topics], ['audience', p.audiences], ['region', p.regions]] as const) {
    for (const v of uniq(list ?? [])) filters.push([key, v]);
  }
  if (p.year) filters.push(['year', p.year]);
  const sort: [string, string][] = p.date ? [['date', p.date]] : [];
  return { meta, filters, sort };
}

// ---------------------------------------------------------------------------------------------
// Per content type
// ---------------------------------------------------------------------------------------------

function vocabLabels(q: SiteQuery, vocab: VocabName, ids: readonly string[]): string[] {
  return ids.map((id) => q.vocab[vocab].get(id)?.label ?? id);
}

function vocabAliases(q: SiteQuery, vocab: VocabName, ids: readonly string[]): string[] {
  return ids.flatMap((id) => q.vocab[vocab].get(id)?.aliases ?? []);
}

/** A region and the regions above it, as shown on the site: 北京市朝阳区, 北京市. */
export function regionFilterLabels(q: SiteQuery, id: string | undefined): string[] {
  const out: string[] = [];
  for (let cur = id, guard = 0; cur && guard < 5; guard++) {
    const label = regionLabel(q, cur);
    if (label) out.push(label);
    cur = q.vocab.regions.get(cur)?.parent;
  }
  return out;
}

export function eventSearch(e: EventEntry, q: SiteQuery, today: string): SearchMetaProps {
  const org = q.organizer.get(e.organizer);
  const venue = e.venue ? q.venue.get(e.venue) : undefined;
  const observances = [e.observance, e.campaign].flatMap((id) => {
    const o = id ? q.observance.get(id) : undefined;
    return o ? [o.name, ...o.aliases] : [];
  });
  const day = dateToken(e.startDate);
  return {
    type: '活动',
    title: e.title,
    date: e.startDate,
    end: e.endDate,
    upcoming: e.endDate >= today,
    when: formatRangeZh(e.start, e.end),
    place: placeLine(e, q) || undefined,
    aliases: [...e.keywords, ...(day ? [day] : [])],
    related: [
      ...(org ? [org.shortName, ...org.aliases] : []).filter((s): s is string => !!s),
      ...(venue?.aliases ?? []),
      ...observances,
    ],
    terms: [...vocabAliases(q, 'topics', e.topics), ...vocabAliases(q, 'audiences', e.audiences), ...ageWords(e.ageMin, e.ageMax)],
    topics: vocabLabels(q, 'topics', e.topics),
    audiences: vocabLabels(q, 'audiences', e.audiences),
    regions: regionFilterLabels(q, e.regionId),
    year: e.startDate.slice(0, 4),
  };
}

export function observanceSearch(o: ObservanceEntry, q: SiteQuery, today: string): SearchMetaProps {
  const next = nextOccurrence(o, today);
  const day = o.rule.type === 'fixed' ? dateToken(o.rule.date) : undefined;
  const when = next
    ? next.status === 'dated'
      ? occurrenceLabel(next, true)
      : `${next.year}年${occurrenceLabel(next)}`
    : o.endedYear
      ? `已于${o.endedYear}年后停办`
      : undefined;
  return {
    type: '纪念日',
    title: o.name,
    date: next?.status === 'dated' ? next.start : undefined,
    when,
    aliases: [...o.aliases, ...(day ? [day] : [])],
    terms: vocabAliases(q, 'topics', o.topics),
    topics: vocabLabels(q, 'topics', o.topics),
  };
}

export function organizerSearch(o: OrganizerEntry, q: SiteQuery): SearchMetaProps {
  return {
    type: '机构',
    title: o.name,
    place: [regionLabel(q, o.region), o.address].filter(Boolean).join(' ') || undefined,
    aliases: [o.shortName, ...o.aliases].filter((s): s is string => !!s),
    regions: regionFilterLabels(q, o.region),
  };
}

export function venueSearch(v: VenueEntry, q: SiteQuery): SearchMetaProps {
  return {
    type: '场馆',
    title: v.name,
    place: v.address ?? regionLabel(q, v.region),
    aliases: v.aliases,
    regions: regionFilterLabels(q, v.region),
  };
}
