/**
 * Pinyin spellings of names for the search index, so that `aiyanri` (full pinyin) or `qgayr`
 * (initials) find 全国爱眼日. Build-time only: pinyin-pro is never shipped to the browser.
 *
 * Pagefind matches a query word against the *start* of indexed words, so for each name we index
 * the pinyin of every tail that starts on a Chinese character and keeps at least `minChars` of
 * them: 全国爱眼日 → quanguoaiyanri, guoaiyanri, aiyanri, yanri and qgayr, gayr, ayr, yr. A user
 * typing the middle of a name (`aiyan`, `yanri`) then matches, as with Chinese words.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinOptions {
  /** Shortest tail, in Chinese characters (default 2: a single syllable is too ambiguous). */
  minChars?: number;
  /** Longer texts are not names (titles, sentences) and get no pinyin (default 16). */
  maxChars?: number;
}

interface Unit {
  full: string;
  first: string;
  han: boolean;
}

const HAN = /\p{Script=Han}/u;
const ALNUM = /[a-z0-9]/;

/** One unit per Chinese character (syllable and initial) or per run of Latin letters/digits; the rest is dropped. */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  const chars = pinyin(text, { type: 'all', toneType: 'none', v: true });
  let run = '';
  const flush = () => {
    if (run) out.push({ full: run, first: run, han: false });
    run = '';
  };
  for (const c of chars) {
    if (c.isZh && HAN.test(c.origin) && c.pinyin) {
      flush();
      const full = c.pinyin.toLowerCase();
      out.push({ full, first: full[0]!, han: true });
    } else {
      const ch = c.origin.normalize('NFKC').toLowerCase();
      if (ALNUM.test(ch) && ch.length === 1) run += ch;
      else flush();
    }
  }
  flush();
  return out;
}

export interface PinyinSpellings {
  /** The whole name: full pinyin and initials (quanguoaiyanri, qgayr). */
  whole: string[];
  /** Tails of the name: full pinyin from two characters, initials from three (aiyanri, yanri, ayr). */
  tails: string[];
}

/**
 * Pinyin of one name, split into the whole name and its tails (the index weighs the whole name
 * higher: `aiyanri` should rank 爱眼日 above 世界爱眼日). `ü` is written `v`, as on Chinese
 * keyboards, and also `u`. Empty for text without Chinese or longer than `maxChars`.
 */
export function pinyinSpellings(text: string, opts: PinyinOptions = {}): PinyinSpellings {
  const minChars = opts.minChars ?? 2;
  const maxChars = opts.maxChars ?? 16;
  const us = units(text);
  const hanCount = us.filter((u) => u.han).length;
  const whole = new Set<string>();
  const tails = new Set<string>();
  if (hanCount < minChars || hanCount > maxChars) return { whole: [], tails: [] };
  const spell = (part: Unit[], out: Set<string>, initials: boolean) => {
    const full = part.map((u) => u.full).join('');
    out.add(full);
    const plainU = part.map((u) => (u.han ? u.full.replace('v', 'u') : u.full)).join('');
    if (plainU !== full) out.add(plainU);
    if (initials) out.add(part.map((u) => u.first).join(''));
  };
  spell(us, whole, true);
  let hanLeft = hanCount;
  for (let i = 0; i < us.length && hanLeft >= minChars; i++) {
    if (!us[i]!.han) continue;
    // Initials of a two-character tail (jk, fk) match far too much to be worth indexing.
    spell(us.slice(i), tails, hanLeft >= 3);
    hanLeft--;
  }
  for (const w of whole) tails.delete(w);
  return { whole: [...whole], tails: [...tails] };
}

/** All pinyin words of one name (whole name first, then tails). */
export function pinyinTokens(text: string, opts?: PinyinOptions): string[] {
  const { whole, tails } = pinyinSpellings(text, opts);
  return [...whole, ...tails];
}

/** Pinyin of several names, whole names and tails each without repeats (a word in `whole` is not repeated in `tails`). */
export function pinyinForNames(names: Iterable<string>, opts?: PinyinOptions): PinyinSpellings {
  const whole = new Set<string>();
  const tails = new Set<string>();
  for (const n of names) {
    const sp = pinyinSpellings(n, opts);
    sp.whole.forEach((w) => whole.add(w));
    sp.tails.forEach((w) => tails.add(w));
  }
  for (const w of whole) tails.delete(w);
  return { whole: [...whole], tails: [...tails] };
}
