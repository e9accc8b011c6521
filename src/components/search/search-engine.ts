/**
 * The browser side of search: loads Pagefind's JS API on first use (never before), tidies the
 * query (src/lib/search/search-query.ts), runs it with this site's ranking, and lists the pages whose
 * exact name or alias is the query first. Shared by the header box and the /search/ page.
 */
import { fuseRanked } from '../../lib/search/search-fusion.ts';
import { joinedPinyin, nameToken, normalizeQuery, SEARCH_RANKING } from '../../lib/search/search-query.ts';

/** Pagefind's filter object: AND across keys, `any` within one key. */
export type Filters = Record<string, { any: string[] }>;
export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { sort?: Record<string, string>; filters?: object }): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** One result ready to show. `excerpt` is Pagefind's HTML: text with <mark> around matches. */
export interface Hit {
  url: string;
  title: string;
  type?: string;
  when?: string;
  end?: string;
  place?: string;
  excerpt: string;
}

export interface Outcome {
  /** The query as searched (after tidying; the joined pinyin when that found more). */
  query: string;
  /** Results in display order; load each with `hit()`. */
  results: PagefindResult[];
  /** Counts per filter value for this query (with the other filters applied). */
  filters: Record<string, Record<string, number>>;
}

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

interface PagefindModule extends Pagefind {
  mergeIndex(path: string, o?: object): Promise<void>;
}

/** The synthetic filter that tells the bundles apart (never shown: the filter panel lists its own groups). */
const PART = 'kepu-part';
/** A search reads further bundles until it has at least this many results (a page and more). */
const WANT_RESULTS = 20;

interface Engine {
  pf: PagefindModule;
  folders: string[];
  ranges: ({ from: string; to: string } | null)[];
  /** Bundles searched so far: 0 … loaded − 1. */
  loaded: number;
  merging?: Promise<boolean>;
}

let loading: Promise<Engine> | undefined;

/** The bundles the index was written in (scripts/index-search.ts), in reading order; one when the file is missing. */
async function manifest(): Promise<{ folders: string[]; ranges: Engine['ranges'] }> {
  try {
    const res = await fetch(`${BASE}pagefind/kepu-bundles.json`);
    const m = res.ok ? ((await res.json()) as { bundles?: unknown; ranges?: unknown }) : undefined;
    const list = Array.isArray(m?.bundles) ? m.bundles.filter((b): b is string => typeof b === 'string' && /^pagefind(-\d+)?\/$/.test(b)) : [];
    const ranges = Array.isArray(m?.ranges) && m.ranges.length === list.length ? (m.ranges as Engine['ranges']) : list.map(() => null);
    return list.length ? { folders: list, ranges } : { folders: ['pagefind/'], ranges: [null] };
  } catch {
    return { folders: ['pagefind/'], ranges: [null] };
  }
}

/** Counts per filter value, added up over bundles. */
function addCounts(list: Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of list) {
    for (const [key, values] of Object.entries(f ?? {})) {
      if (key === PART) continue;
      const into = (out[key] ??= {});
      for (const [v, n] of Object.entries(values)) into[v] = (into[v] ?? 0) + n;
    }
  }
  return out;
}

const OPTIONS = () => ({ baseUrl: BASE, excerptLength: 36, ranking: SEARCH_RANKING });

/**
 * Pagefind's API, imported once from the first bundle's folder (any static host, any base path). Its
 * runtime and wasm serve every bundle: the others are merged into it (mergeIndex) when a search needs
 * them, each tagged with its number (issue 21: the first search at 100,000 events fetches one runtime,
 * one wasm and one bundle's metadata; it fetched every bundle's before).
 */
function engine(): Promise<Engine> {
  loading ??= (async () => {
    const { folders, ranges } = await manifest();
    const pf = (await import(/* @vite-ignore */ `${BASE}${folders[0]}pagefind.js`)) as PagefindModule;
    await pf.options(OPTIONS());
    await pf.init();
    if (folders.length > 1) await pf.options({ mergeFilter: { [PART]: '0' } });
    return { pf, folders, ranges, loaded: 1 };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Merge the next bundle into the loaded runtime; false when every bundle is in. */
function mergeNext(e: Engine): Promise<boolean> {
  if (e.loaded >= e.folders.length) return Promise.resolve(false);
  e.merging ??= (async () => {
    const i = e.loaded;
    await e.pf.mergeIndex(`${BASE}${e.folders[i]}`, { ...OPTIONS(), mergeFilter: { [PART]: String(i) } });
    e.loaded = i + 1;
    return true;
  })().finally(() => (e.merging = undefined));
  return e.merging;
}

/** Every bundle in (the 搜索全部 button). */
export async function searchEverywhere(): Promise<void> {
  const e = await engine();
  while (await mergeNext(e));
}

/**
 * One query over the bundles merged so far, bundle by bundle. Relevance: each bundle's ranks fused
 * (src/lib/search/search-fusion.ts). A date sort: bundle after bundle in date order (each holds a consecutive date range), since a
 * merged search would interleave them by score.
 */
async function searchLoaded(e: Engine, term: string | null, o: { filters: Filters; sort?: Record<string, string> }): Promise<PagefindResponse | null> {
  if (e.loaded === 1) return e.pf.search(term, o);
  const parts = Array.from({ length: e.loaded }, (_, i) => i);
  if (o.sort) {
    parts.sort((a, b) => (e.ranges[a]?.from ?? '9999') < (e.ranges[b]?.from ?? '9999') ? -1 : 1);
    if (Object.values(o.sort)[0] === 'desc') parts.reverse();
  }
  const answers: PagefindResponse[] = [];
  for (const i of parts) {
    const r = await e.pf.search(term, { ...o, filters: { ...o.filters, [PART]: { any: [String(i)] } } });
    answers.push(r ?? { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} });
  }
  return {
    // Relevance: ranked within each bundle, fused by rank (scores of two bundles do not compare).
    results: o.sort ? answers.flatMap((r) => r.results) : fuseRanked(answers.map((r) => r.results)),
    unfilteredResultCount: answers.reduce((n, r) => n + r.unfilteredResultCount, 0),
    filters: addCounts(answers.map((r) => r.filters)),
    totalFilters: addCounts(answers.map((r) => r.totalFilters)),
  };
}

/** Search, reading further bundles while the results are fewer than a page and more. */
async function searchNeeded(e: Engine, term: string | null, o: { filters: Filters; sort?: Record<string, string> }): Promise<PagefindResponse | null> {
  let r = await searchLoaded(e, term, o);
  while ((r?.results.length ?? 0) < WANT_RESULTS && (await mergeNext(e))) r = await searchLoaded(e, term, o);
  return r;
}

/** How many bundles a search has not read yet (the page offers to search them too). */
export async function unsearched(): Promise<number> {
  const e = await engine();
  return e.folders.length - e.loaded;
}

/**
 * Search. Relevance order: first the pages whose name, alias or related name is exactly the query
 * (the `nameToken` search, ranked by the tier the token sits in), then every other match. Pinyin
 * typed with spaces is also searched without them, and those results come first.
 */
export async function runSearch(raw: string, opts: { filters?: Filters; sort?: SortOrder } = {}): Promise<Outcome> {
  const e = await engine();
  const query = normalizeQuery(raw);
  const filters = opts.filters ?? {};
  const sort = opts.sort && opts.sort !== 'relevance' ? { date: opts.sort === 'date-asc' ? 'asc' : 'desc' } : undefined;
  if (!query) {
    // No words but filters chosen: list what the filters select (sorted only on request: pages
    // without a date, such as organizers, would drop out of a date sort).
    if (!Object.keys(filters).length) return { query, results: [], filters: {} };
    const all = await searchNeeded(e, null, { filters, sort });
    return { query, results: all?.results ?? [], filters: addCounts([all?.filters ?? {}]) };
  }
  const token = sort ? undefined : nameToken(query);
  // Pinyin typed with spaces (ai yan ri) is indexed joined (aiyanri): search both, joined first.
  const joined = joinedPinyin(query);
  const [main, pinyin] = await Promise.all([searchNeeded(e, query, { filters, sort }), joined ? searchNeeded(e, joined, { filters, sort }) : Promise.resolve(null)]);
  // After the searches above: over every bundle they read (the named pages are all in the first).
  const exact = token ? await searchLoaded(e, token, { filters }) : null;
  let res = main;
  let searched = query;
  if (pinyin && pinyin.results.length) {
    res = pinyin;
    searched = joined!;
    const seen = new Set(pinyin.results.map((r) => r.id));
    pinyin.results.push(...(main?.results ?? []).filter((r) => !seen.has(r.id)));
  }
  if (!res) return { query, results: [], filters: {} };
  let results = res.results;
  if (exact && exact.results.length) {
    const first = new Set(exact.results.map((r) => r.id));
    results = [...exact.results, ...results.filter((r) => !first.has(r.id))];
  }
  return { query: searched, results, filters: addCounts([res.filters]) };
}

/** Counts of every filter value over the whole index (for the filter list before any query). */
export async function allFilters(): Promise<Record<string, Record<string, number>>> {
  // The filter list names every value (a past year is in a later bundle): opening it reads them all.
  await searchEverywhere();
  return addCounts([await (await engine()).pf.filters()]);
}

export async function hit(r: PagefindResult): Promise<Hit> {
  const d = await r.data();
  const m = d.meta;
  return { url: d.url, title: m.title ?? d.url, type: m.type, when: m.when, end: m.end, place: m.place, excerpt: d.excerpt };
}
