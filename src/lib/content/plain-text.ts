/**
 * Markdown → plain text, for places that cannot render Markdown: the DESCRIPTION of iCal feeds,
 * "add to Google / Outlook" links, RSS summaries. Contributors write simple Markdown (paragraphs,
 * lists, emphasis, links; no raw HTML — the validator refuses it), so a careful line-by-line
 * stripper is enough and keeps src/lib free of a Markdown parser. Links keep their URL, because in
 * a calendar app the URL is the only way to reach it: `[报名](https://x)` → `报名 (https://x)`.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Control characters a calendar text must not carry (everything below U+0020 but tab and LF, DEL, C1). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Remove control characters and lone surrogates, and make every line break a plain `\n`
 * (CRLF, CR, U+2028, U+2029). Safe for any one-line or multi-line text field.
 */
export function cleanText(s: string): string {
  return s
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '');
}

/** A character any inline rule below starts from; a line without one is already plain text. */
const INLINE_MARK = /[`\\!\[<*_~&]/;

/** Inline Markdown of one line → text. */
function inline(s: string): string {
  // Most lines of a description are plain sentences: no rule below can match them (the caller has
  // trimmed the line's end, so there is no hard-break marker either).
  if (!INLINE_MARK.test(s)) return s;
  const codes: string[] = [];
  // Code spans first: their content is literal (no emphasis, no links inside).
  let t = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => {
    codes.push(code.trim());
    return `\u0000${codes.length - 1}\u0000`;
  });
  // Backslash-escaped punctuation is literal too: hide it from the emphasis rules below.
  const escaped: string[] = [];
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|~<>"'])/g, (_m, ch: string) => {
    escaped.push(ch);
    return `\u0001${escaped.length - 1}\u0001`;
  });
  t = t
    // Images: keep the alt text only (the picture itself cannot travel in plain text).
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Inline links [text](url "title").
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g, (_m, text: string, url: string) => link(text, url))
    // Reference links [text][ref] / [text][] — the definition line is dropped below.
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    // Autolinks <https://…> and <mailto:…>.
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, (_m, url: string) => url.replace(/^mailto:/, ''))
    // Strong / emphasis / strike-through. Underscores only at word edges (snake_case stays).
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    // Hard line break markers.
    .replace(/ {2,}$/, '')
    .replace(/\\$/, '')
    // Character references.
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
      if (name[0] === '#') {
        const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    });
  return t
    .replace(/\u0001(\d+)\u0001/g, (_m, i: string) => escaped[Number(i)] ?? '')
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)] ?? '');
}

function link(text: string, url: string): string {
  const label = text.trim();
  const target = url.replace(/^mailto:/, '');
  if (!target || target.startsWith('#')) return label;
  if (label === target || label === url) return target;
  return `${label} (${target})`;
}

/** A line whose first non-space character may begin a block rule: fence, reference, break, quote, heading, bullet, table row, setext. */
const BLOCK_START = /^\s*[-`~[*_=>#+|:]/;

/**
 * Convert a Markdown body to plain text: headings, emphasis, code marks, quotes and rules removed;
 * list items kept as `- item` / `1. item`; paragraphs separated by one blank line; links as
 * `text (url)`. Idempotent on plain text (apart from whitespace normalisation).
 */
export function markdownToPlainText(md: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of cleanText(md).replace(/\t/g, '    ').split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      if (fence === null) fence = f[1]!;
      else if (f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) {
      out.push(raw.trimEnd());
      continue;
    }
    let line = raw.trimEnd();
    // A line that starts with none of the block marks below (a sentence, a list item's text) and
    // has no closing heading marks only needs its inline rules.
    if (!BLOCK_START.test(line) && !line.includes('#')) {
      out.push(inline(line));
      continue;
    }
    // Reference link definitions carry only a URL the reference links already lost; drop them.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue;
    // Thematic breaks (---, ***, ___) and setext underlines.
    if (/^\s{0,3}([-*_=])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    // Quotes: drop the markers, keep the text.
    line = line.replace(/^(\s{0,3}>\s?)+/, '');
    // Headings.
    line = line.replace(/^\s{0,3}#{1,6}(\s+|$)/, '').replace(/\s+#+\s*$/, '');
    // Bullets become "- "; ordered items keep their numbers; task boxes go.
    line = line.replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1- ');
    // Table separator rows (|---|:---:|).
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue;
    out.push(inline(line));
  }
  return out
    .join('\n')
    .replace(/[ \u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Cut `text` to at most `max` characters (code points), at a line or sentence end when one is
 * close, and mark the cut with "…". Returns the text unchanged when it is short enough.
 */
export function truncateText(text: string, max: number): string {
  // No more UTF-16 units than allowed means no more code points either.
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(0, max - 1)).join('');
  // Prefer a natural break in the last fifth of the allowed length.
  const floor = Math.floor(head.length * 0.8);
  let cut = -1;
  for (const mark of ['\n', '。', '！', '？', '；', '. ']) {
    const i = head.lastIndexOf(mark);
    if (i >= floor) cut = Math.max(cut, i + (mark === '\n' ? 0 : mark.trimEnd().length));
  }
  return (cut > 0 ? head.slice(0, cut) : head).trimEnd() + '…';
}
