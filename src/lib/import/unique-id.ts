/**
 * The id of a new file: `base`, or `base-2`, `base-3` … when an existing id already uses it.
 * Ids are unique across a collection (event ids across all years), because they are URLs.
 * Apart from slug.ts so that the browser form can use it without loading pinyin-pro.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
