/**
 * Invisible characters: format characters that show nothing yet change what a text is — a title
 * made only of them looks empty, one inside a title defeats the duplicate rule, bidi marks reorder
 * what a reader sees. Refused in every text a contributor writes (the schema's one-line fields, the
 * validator's walk over every other value, the description, even YAML comments), and removed before
 * texts are compared. Control characters (C0, DEL, C1, line separators, bidi overrides) are the
 * older set in markdown-safety.ts; this module names the rest. Pure.
 */

/** Format characters refused in text, with the name shown to contributors. */
const NAMED: Record<number, string> = {
  0x00ad: '软连字符 soft hyphen',
  0x034f: '组合用字形连接符 combining grapheme joiner',
  0x061c: '阿拉伯字母标记 ALM',
  0x115f: '韩文填充符 Hangul filler',
  0x1160: '韩文填充符 Hangul filler',
  0x17b4: '高棉文元音占位符 Khmer vowel inherent',
  0x17b5: '高棉文元音占位符 Khmer vowel inherent',
  0x180e: '蒙古文元音分隔符 Mongolian vowel separator',
  0x200b: '零宽空格 zero-width space',
  0x200e: '从左到右标记 LRM',
  0x200f: '从右到左标记 RLM',
  0x2060: '零宽不换行符 word joiner',
  0x2061: '不可见运算符 invisible operator',
  0x2062: '不可见运算符 invisible operator',
  0x2063: '不可见运算符 invisible operator',
  0x2064: '不可见运算符 invisible operator',
  0x3164: '韩文填充符 Hangul filler',
  0xfeff: '零宽不换行空格 BOM',
  0xffa0: '韩文填充符 Hangul filler',
};

/** The refused format characters (ZWJ/ZWNJ are kept: emoji sequences need them). */
export const INVISIBLE = new RegExp(`[${Object.keys(NAMED).map((c) => `\\u{${Number(c).toString(16)}}`).join('')}\\u{206a}-\\u{206f}\\u{fff9}-\\u{fffb}\\u{e0000}-\\u{e007f}]`, 'u');

/** Everything that shows nothing: the refused set, controls, ZWJ/ZWNJ, variation selectors. */
const SHOWS_NOTHING = new RegExp(`${INVISIBLE.source.slice(0, -1)}\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{200c}\\u{200d}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{fe00}-\\u{fe0f}]`, 'gu');

function codeOf(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message for one refused invisible character, naming it. */
export function invisibleMessage(ch: string): string {
  const name = NAMED[ch.codePointAt(0)!] ?? '格式字符 format character';
  return `不能包含看不见的字符（${codeOf(ch)} ${name}），请删除它（常见于从网页或文档复制的文字）/ must not contain invisible characters (${codeOf(ch)})`;
}

/** The first refused invisible character in `s`, if any. */
export function findInvisible(s: string): string | undefined {
  return INVISIBLE.exec(s)?.[0];
}

/** Whether nothing of `s` would be seen: empty, spaces, or only invisible characters. */
export function looksEmpty(s: string): boolean {
  return s.replace(SHOWS_NOTHING, '').trim().length === 0;
}

/**
 * The form in which two texts are compared (duplicates, names): NFKC (full-width and composed forms
 * alike, NFC included), without invisible characters, spaces, punctuation and symbols, lower-case.
 */
export function compareKey(s: string): string {
  return s.normalize('NFKC').replace(SHOWS_NOTHING, '').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}
