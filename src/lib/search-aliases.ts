/**
 * Words people type for the same thing, added to a page's search keywords when it is indexed.
 *
 * Pagefind joins the words of a query with AND, so synonyms cannot be added to the query (爱眼 AND
 * 视力 finds less, not more): they go into the index instead. A page whose names, aliases,
 * keywords or topics contain one word of a group is also found by the other words of the group.
 * Keep groups to real equivalences; each extra word widens every page that triggers it.
 */

/** Each group: words that mean the same to a person searching. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // The national science week is called 科技周 far more often than by its full name.
  ['科技周', '科技活动周'],
  // 全国科普月 (from 2025, by the revised 科普法) continues the former 全国科普日 (2003–2024).
  ['科普日', '科普月'],
  // 119 is the fire number: the fire-safety month and day are named after it.
  ['消防', '119'],
  ['科协', '科学技术协会'],
  ['科技馆', '科学技术馆'],
  ['AED', '除颤仪', '自动体外除颤器'],
  ['心肺复苏', 'CPR'],
  ['反诈', '防诈骗', '反电信网络诈骗'],
  ['心理健康', '精神卫生'],
  ['人工智能', 'AI'],
  ['节水', '节约用水'],
];

/**
 * The group words that `texts` (names, aliases, keywords, topic labels of one page) trigger but do
 * not already contain, in group order.
 */
export function expandAliases(texts: readonly string[], groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const has = contains(texts);
  return synonymsOf(texts, groups).filter((w) => !has(w));
}

/** Every word of the groups that `texts` trigger, including the words they already contain (科协 for 北京市科协). */
export function synonymsOf(texts: readonly string[], groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const has = contains(texts);
  const out = new Set<string>();
  for (const g of groups) if (g.some(has)) g.forEach((w) => out.add(w));
  return [...out];
}

function contains(texts: readonly string[]): (w: string) => boolean {
  const hay = texts.map((t) => t.toLowerCase());
  return (w) => hay.some((t) => t.includes(w.toLowerCase()));
}
