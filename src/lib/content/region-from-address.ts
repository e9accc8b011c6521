/**
 * The region an address names (issue 18): “北京市海淀区中关村大街1号” → 110108 (海淀区). An event
 * with an address but no venue or region never showed under 海淀区, though its address said so.
 * The validator suggests the region found (a warning), the site files the event under it, and the
 * importer, `npm run new` and /submit/ write it into the file.
 *
 * Only whole names from the regions vocabulary count — labels (北京市, 海淀区) and aliases (北京) —
 * never a district's name without 区: 朝阳门 is in 东城区. Addresses go from the larger place to the
 * smaller, so the first name found anchors the reading and names that contradict it are street names
 * (广州市越秀区北京路 is in 越秀区, not in Beijing). Of the names that agree, the deepest wins; two that
 * agree with the anchor but not with each other leave their common parent. Pure.
 */
import type { VocabEntry } from './schema.ts';

type Region = Pick<VocabEntry, 'id' | 'label' | 'aliases' | 'parent'>;

/** The id and its parents, nearest first. */
function chainOf(byId: ReadonlyMap<string, Region>, id: string): string[] {
  const out: string[] = [];
  for (let cur: string | undefined = id, guard = 0; cur && guard < 6; guard++) {
    out.push(cur);
    cur = byId.get(cur)?.parent;
  }
  return out;
}

/** Whether two regions lie on one line of descent (one contains the other, or they are the same). */
function related(byId: ReadonlyMap<string, Region>, a: string, b: string): boolean {
  return chainOf(byId, a).includes(b) || chainOf(byId, b).includes(a);
}

export function regionFromAddress(address: string | undefined, regions: readonly Region[]): string | undefined {
  if (!address) return undefined;
  const text = address.normalize('NFKC').replace(/\s+/g, '');
  const byId = new Map(regions.map((r) => [r.id, r]));
  const found: { id: string; at: number }[] = [];
  for (const r of regions) {
    if (r.id === 'national') continue;
    let at = -1;
    for (const name of [r.label, ...r.aliases]) {
      // One-character names (none today) would match inside any word.
      if ([...name].length < 2) continue;
      const i = text.indexOf(name);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ id: r.id, at });
  }
  if (!found.length) return undefined;
  found.sort((a, b) => a.at - b.at || chainOf(byId, a.id).length - chainOf(byId, b.id).length);
  const anchor = found[0]!.id;
  const agreeing = found.map((f) => f.id).filter((id) => related(byId, id, anchor));
  // The common line of every agreeing name: the deepest region all of them contain or are.
  const lines = agreeing.map((id) => chainOf(byId, id).reverse());
  let common: string | undefined;
  for (let depth = 0; ; depth++) {
    const ids = new Set(lines.map((l) => l[depth]).filter((x): x is string => !!x));
    if (ids.size !== 1) break;
    common = [...ids][0];
  }
  return common;
}
