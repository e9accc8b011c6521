/**
 * What the search box sends to Pagefind: the query as typed, tidied so that the ways people write
 * the same thing meet the words in the index. Runs in the browser (kept small, no dependencies).
 *
 * - full-width letters and digits become half-width (ＡＥＤ → AED, ５·１２ → 5·12);
 * - quotes and brackets around names are dropped (“119”消防 → 119 消防);
 * - a month-day in any common spelling becomes the one word the index holds for that day
 *   (`monthDayToken`): 5·12, 5月12日, 5月12号, 5.12, 5-12, 5/12 → 0512; 2026年5月12日 → 2026 0512.
 *   Pagefind would otherwise split 5·12 into the words 5 and 12, found on almost every page.
 */

const BRACKETS = /[“”‘’"'《》〈〉「」『』【】()（）[\]]/g;
const DOTS = '·•・‧∙.．\\-/';

function isMonthDay(m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The index word for a day of the year: May 12 → `0512` (zero-padded, so 1·12 and 11·2 differ). */
export function monthDayToken(month: number, day: number): string {
  return `${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** `5·12`, `5.12`, `5-12`, `5/12`, `5月12日` as a whole → its token; undefined for anything else. */
export function monthDayOf(text: string): string | undefined {
  const m = new RegExp(`^\\s*(\\d{1,2})\\s*(?:月\\s*(\\d{1,2})\\s*[日号]?|[${DOTS}]\\s*(\\d{1,2}))\\s*$`).exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [mo, d] = [Number(m[1]), Number(m[2] ?? m[3])];
  return isMonthDay(mo, d) ? monthDayToken(mo, d) : undefined;
}

/** The tidied query; '' when nothing searchable is left. */
export function normalizeQuery(raw: string): string {
  let s = raw.normalize('NFKC').replace(BRACKETS, ' ');
  // A full date: 2026年5月12日, 2026-05-12, 2026.5.12, 2026/5/12.
  s = s.replace(/(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?/g, (all, y: string, mo: string, d: string) =>
    isMonthDay(Number(mo), Number(d)) ? ` ${y} ${monthDayToken(Number(mo), Number(d))} ` : all,
  );
  // A month-day not inside a longer number: 5月12日, 5.12, 5-12, 5/12, 5·12.
  const md = new RegExp(`(^|[^\\d.·])(\\d{1,2})\\s*(?:月\\s*(\\d{1,2})\\s*[日号]?|[${DOTS}]\\s*(\\d{1,2}))(?![\\d.])`, 'g');
  s = s.replace(md, (all, pre: string, mo: string, d1?: string, d2?: string) => {
    const d = Number(d1 ?? d2);
    return isMonthDay(Number(mo), d) ? `${pre} ${monthDayToken(Number(mo), d)} ` : all;
  });
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Pinyin typed with spaces (`ai yan ri`) is indexed without them (`aiyanri`): the joined form to
 * try when the query as typed finds nothing. Undefined for anything but Latin letters and spaces.
 */
export function joinedPinyin(query: string): string | undefined {
  const q = query.trim().toLowerCase();
  return /^[a-zü]+(?:\s+[a-zü]+)+$/.test(q) ? q.replace(/\s+/g, '') : undefined;
}

/**
 * One index word standing for a whole name, so that typing a name finds the pages of that exact
 * name first. Pagefind splits 科普月 into 科普 + 月, and 科普 is on almost every page here: without
 * this, 全国科普月 drowns among the activities that mention it. The index holds this word for
 * every name and alias (search-meta.ts); the search client first looks for the query's word (the
 * "exact" search) and lists those pages before the others. Fixed length, so that no such word is
 * the start of another; undefined for text without Chinese (pinyin and Latin words match as they are).
 */
export function nameToken(text: string): string | undefined {
  const s = text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]/gu, '');
  if (!/\p{Script=Han}/u.test(s)) return undefined;
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `0h${h.toString(36).padStart(7, '0')}`;
}

/**
 * Pagefind ranking for this site: how much a match in each hidden metadata field adds
 * (`ranking.metaWeights`, merged with Pagefind's default `title: 5`); the fields are described in
 * search-meta.ts. Tuned on the query table of tests/site/search.test.ts.
 */
export const SEARCH_RANKING = {
  metaWeights: { name: 8, upcoming: 6, past: 3, kw: 4, rel: 1 },
} as const;
