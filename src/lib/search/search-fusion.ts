/**
 * Relevance across search bundles (issue 21). The index is written in bundles (hub pages first, then
 * events nearest-first, the past last: scripts/index-search.ts), and Pagefind scores each bundle
 * against its own statistics, so scores from two bundles are not comparable: in the site tests' small
 * bundles a past event alone in its bundle scored 24 against 7 for upcoming ones with the same words.
 * Results are therefore ranked within their bundle and fused by weighted reciprocal rank (RRF,
 * Cormack et al. 2009): a result at rank r (1-based) of bundle i counts w(i) / (K + r). Equal fused
 * values keep bundle order, so a hub page stays before the events that rank like it.
 */

/** RRF's usual constant: ranks 1 and 2 differ little, rank 1 and rank 60 by half. */
export const FUSION_K = 60;

/**
 * Weight of a bundle: the hub pages and the nearest events (bundles 0 and 1) count fully; later
 * bundles (later dates, then the past) less: a past event's best match comes after the upcoming
 * events' first ~30 matches.
 */
export function bundleWeight(i: number): number {
  return i <= 1 ? 1 : 2 / (i + 1);
}

/** Lists in bundle order, each in its bundle's own rank order → one list, each id once. */
export function fuseRanked<T extends { id: string }>(lists: readonly (readonly T[])[], weight: (i: number) => number = bundleWeight): T[] {
  const best = new Map<string, { item: T; value: number; bundle: number; rank: number }>();
  lists.forEach((list, i) => {
    list.forEach((item, r) => {
      const value = weight(i) / (FUSION_K + r + 1);
      const seen = best.get(item.id);
      if (!seen || value > seen.value) best.set(item.id, { item, value, bundle: i, rank: r });
    });
  });
  return [...best.values()].sort((a, b) => b.value - a.value || a.bundle - b.bundle || a.rank - b.rank).map((x) => x.item);
}
