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
  // First aid: people type the skill, the device or the training's name (issue 18).
  ['急救', '心肺复苏', 'CPR', 'AED', '除颤仪', '自动体外除颤器'],
  ['反诈', '防诈骗', '反电信网络诈骗'],
  ['心理健康', '精神卫生'],
  ['人工智能', 'AI', '机器人'],
  ['节水', '节约用水'],
  // What families type (issue 18: 亲子 found 1 of 8 family events): children and families …
  ['亲子', '家庭', '儿童', '少儿', '孩子', '小朋友'],
  // … and school-age young people.
  ['青少年', '中小学生', '少儿'],
  ['太空', '航天', '宇宙'],
  ['恐龙', '古生物', '化石'],
];

/**
 * School stages by age (years, inclusive), for events with an age range: an event for 6–14 is found
 * by 小学生 and 初中生. With the ages themselves (3岁, 10岁) these are the age words of issue 18.
 */
export const AGE_STAGES: readonly { word: string; min: number; max: number }[] = [
  { word: '婴幼儿', min: 0, max: 3 },
  { word: '幼儿', min: 3, max: 6 },
  { word: '学龄前', min: 3, max: 6 },
  { word: '小学生', min: 6, max: 12 },
  { word: '初中生', min: 12, max: 15 },
  { word: '中学生', min: 12, max: 18 },
  { word: '高中生', min: 15, max: 18 },
];

/** Highest age written out as 10岁 …: past it, ages are not what people search by. */
const AGE_WORDS_MAX = 18;

/**
 * The age words an age range is found by: each year it covers up to 18 (3岁 4岁 …) and the school
 * stages it overlaps. An event with no age range has none.
 */
export function ageWords(ageMin: number | undefined, ageMax: number | undefined): string[] {
  if (ageMin === undefined && ageMax === undefined) return [];
  const lo = ageMin ?? 0;
  const hi = ageMax ?? Infinity;
  const out: string[] = [];
  for (let a = lo; a <= Math.min(hi, AGE_WORDS_MAX); a++) out.push(`${a}岁`);
  for (const s of AGE_STAGES) if (s.min <= hi && s.max >= lo) out.push(s.word);
  return out;
}

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
  const hay = haystack(texts);
  const out = new Set<string>();
  lowerGroups(groups).forEach((lower, i) => {
    if (lower.some((w) => hay.includes(w))) groups[i]!.forEach((w) => out.add(w));
  });
  return [...out];
}

/** The texts lower-cased and joined by NUL, which no word contains: a word is in one text exactly when it is in this string. */
const haystack = (texts: readonly string[]) => texts.join('\u0000').toLowerCase();

function contains(texts: readonly string[]): (w: string) => boolean {
  const hay = haystack(texts);
  return (w) => hay.includes(w.toLowerCase());
}

/** The groups' words lower-cased once (synonymsOf runs for every page: ≈ 3 s at 100,000 events when lower-cased on every call). */
const lowered = new WeakMap<readonly (readonly string[])[], string[][]>();
function lowerGroups(groups: readonly (readonly string[])[]): string[][] {
  let l = lowered.get(groups);
  if (!l) lowered.set(groups, (l = groups.map((g) => g.map((w) => w.toLowerCase()))));
  return l;
}
