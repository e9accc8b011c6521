/**
 * Words for Pagefind metadata fields. Pagefind splits metadata on spaces only, while the browser
 * splits the query with `Intl.Segmenter` (全国科普月 → 全国 科普 月) and matches each query word
 * against the start of indexed words: an unsplit 全国科普月 in metadata is found by 全国 but never
 * by 科普月. So metadata text is split here the way the browser splits queries (same ICU segmenter;
 * Node and Chromium ship the same dictionary).
 */
import { monthDayOf, monthDayToken } from './search-query.ts';

const SEGMENTER = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const PUNCT = /\p{P}/gu;

/**
 * Organizer, venue, region, topic and observance names recur on thousands of pages: their words are
 * computed once (the segmenter was 1.7 s of a 10k-event build). Bounded, so 50k distinct titles
 * cannot grow it without end.
 */
const MEMO = new Map<string, readonly string[]>();
const MEMO_MAX = 20_000;

/** The words of `text` as a query would be split: lower case, no punctuation; a month-day (5·12) is one token (0512). */
export function searchWords(text: string): readonly string[] {
  let words = MEMO.get(text);
  if (!words) {
    if (MEMO.size >= MEMO_MAX) MEMO.clear();
    MEMO.set(text, (words = Object.freeze(splitWords(text))));
  }
  return words;
}

function splitWords(text: string): string[] {
  const day = monthDayOf(text);
  if (day) return [day];
  const out: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(text.normalize('NFKC'))) {
    if (!isWordLike) continue;
    const w = segment.replace(PUNCT, '').toLowerCase();
    if (w) out.push(w);
  }
  return out;
}

/** Words of several texts, each once, in order. */
export function searchWordsOf(texts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const w of searchWords(t)) out.add(w);
  return [...out];
}

/** The token for the day of a date (`MM-DD` or `YYYY-MM-DD`): 05-12 → 0512. */
export function dateToken(date: string): string | undefined {
  const m = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(date);
  return m ? monthDayToken(Number(m[1]), Number(m[2])) : undefined;
}
