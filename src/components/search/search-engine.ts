/**
 * The browser side of search: loads Pagefind's JS API on first use (never before), tidies the
 * query (src/lib/search-query.ts), runs it with this site's ranking, and lists the pages whose
 * exact name or alias is the query first. Shared by the header box and the /search/ page.
 */
import { joinedPinyin, nameToken, normalizeQuery, SEARCH_RANKING } from '../../lib/search-query.ts';

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
let loading: Promise<Pagefind> | undefined;

/** The bundles the index was written in (scripts/index-search.ts); one when the file is missing. */
async function bundleFolders(): Promise<string[]> {
  try {
    const res = await fetch(`${BASE}pagefind/kepu-bundles.json`);
    const m = res.ok ? ((await res.json()) as { bundles?: unknown }) : undefined;
    const list = Array.isArray(m?.bundles) ? m.bundles.filter((b): b is string => typeof b === 'string' && /^pagefind(-\d+)?\/$/.test(b)) : [];
    return list.length ? list : ['pagefind/'];
  } catch {
    return ['pagefind/'];
  }
}

/** Counts per filter value, added up over bundles. */
function addCounts(list: Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of list) {
    for (const [key, values] of Object.entries(f ?? {})) {
      const into = (out[key] ??= {});
      for (const [v, n] of Object.entries(values)) into[v] = (into[v] ?? 0) + n;
    }
  }
  return out;
}

/**
 * Several bundles searched as one. Each bundle is its own Pagefind module (its own folder), so
 * each answers on its own: relevance results are merged by score, as Pagefind's mergeIndex does;
 * date-sorted results are read bundle after bundle, since bundles hold consecutive date ranges
 * (mergeIndex would interleave them by rank).
 */
function together(list: Pagefind[]): Pagefind {
  return {
    options: async (o) => void (await Promise.all(list.map((p) => p.options(o)))),
    init: async () => void (await Promise.all(list.map((p) => p.init()))),
    async search(q, o?: { sort?: Record<string, string> }) {
      const answers = (await Promise.all(list.map((p) => p.search(q, o)))).filter((r): r is PagefindResponse => !!r);
      const dir = o?.sort ? Object.values(o.sort)[0] : undefined;
      const results = dir
        ? (dir === 'desc' ? [...answers].reverse() : answers).flatMap((r) => r.results)
        : answers.flatMap((r) => r.results).sort((a, b) => b.score - a.score);
      return {
        results,
        unfilteredResultCount: answers.reduce((n, r) => n + r.unfilteredResultCount, 0),
        filters: addCounts(answers.map((r) => r.filters)),
        totalFilters: addCounts(answers.map((r) => r.totalFilters)),
      };
    },
    filters: async () => addCounts(await Promise.all(list.map((p) => p.filters()))),
  };
}

/** Pagefind's API, imported once from the site's own /pagefind/ folder(s) (any static host, any base path). */
export function pagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const folders = await bundleFolders();
    const list = await Promise.all(
      folders.map(async (folder) => {
        const pf = (await import(/* @vite-ignore */ `${BASE}${folder}pagefind.js`)) as Pagefind;
        await pf.options({ baseUrl: BASE, excerptLength: 36, ranking: SEARCH_RANKING });
        await pf.init();
        return pf;
      }),
    );
    return list.length === 1 ? list[0]! : together(list);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Search. Relevance order: first the pages whose name, alias or related name is exactly the query
 * (the `nameToken` search, ranked by the tier the token sits in), then every other match. Pinyin
 * typed with spaces is also searched without them, and those results come first.
 */
export async function runSearch(raw: string, opts: { filters?: Filters; sort?: SortOrder } = {}): Promise<Outcome> {
  const pf = await pagefind();
  const query = normalizeQuery(raw);
  const filters = opts.filters ?? {};
  const sort = opts.sort && opts.sort !== 'relevance' ? { date: opts.sort === 'date-asc' ? 'asc' : 'desc' } : undefined;
  if (!query) {
    // No words but filters chosen: list what the filters select (sorted only on request: pages
    // without a date, such as organizers, would drop out of a date sort).
    if (!Object.keys(filters).length) return { query, results: [], filters: {} };
    const all = await pf.search(null, { filters, sort });
    return { query, results: all?.results ?? [], filters: all?.filters ?? {} };
  }
  const token = sort ? undefined : nameToken(query);
  // Pinyin typed with spaces (ai yan ri) is indexed joined (aiyanri): search both, joined first.
  const joined = joinedPinyin(query);
  const [main, exact, pinyin] = await Promise.all([
    pf.search(query, { filters, sort }),
    token ? pf.search(token, { filters }) : Promise.resolve(null),
    joined ? pf.search(joined, { filters, sort }) : Promise.resolve(null),
  ]);
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
  return { query: searched, results, filters: res.filters };
}

/** Counts of every filter value over the whole index (for the filter list before any query). */
export async function allFilters(): Promise<Record<string, Record<string, number>>> {
  return (await pagefind()).filters();
}

export async function hit(r: PagefindResult): Promise<Hit> {
  const d = await r.data();
  const m = d.meta;
  return { url: d.url, title: m.title ?? d.url, type: m.type, when: m.when, end: m.end, place: m.place, excerpt: d.excerpt };
}
