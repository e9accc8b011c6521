/**
 * Contributors' Markdown is untrusted. The validator refuses raw HTML, script-ish links, foreign
 * images and invisible control characters here with a clear message; rendering sanitises again
 * (src/lib/content/sanitize.ts) as a second wall.
 *
 * Why a small scanner and not a line regex: Markdown decides what is code and what is HTML by rules
 * a line regex gets wrong, and each mistake was a way past this wall (all in tests/unit/hostile.test.ts):
 * a backslash-escaped backtick (`\`<img …>`` is HTML, not code), unequal backtick runs, a ``` line
 * whose info string holds a backtick (not a fence), a tag split over two lines (`<img` ⏎ `onerror=…`),
 * `<javascript:…>` autolinks, link text with nested brackets, a destination on the next line, and
 * images whose source sits in a reference definition. The scanner follows CommonMark on those
 * points and, where unsure, looks at more text rather than less (a false alarm costs a contributor
 * a minute; a miss reaches every visitor).
 */
import type { ContentError } from './errors.ts';

/** Images may only come from the site's own folder public/images/. */
export const ALLOWED_IMAGE_PREFIX = '/images/';

const HTML_MSG =
  '正文里不能写 HTML 标签或脚本，请改用 Markdown（例如 **加粗**、[链接](https://…)）/ raw HTML is not allowed in the description: use Markdown';
const linkMsg = (url: string) => `链接只能以 https:// 或 http:// 开头（${url.slice(0, 40)}）/ links must be http(s)`;
const imageMsg = (url: string) => `图片只能用本站 public/images/ 里的文件（${url.slice(0, 60)}），例如 ![说明](/images/xxx.jpg) / images must come from /images/`;
const controlMsg = (c: string) =>
  `正文里有看不见的控制字符（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}），请删除它（常见于从网页或文档复制的文字）/ invisible control character in the description: delete it`;

/** Raw HTML as CommonMark sees it: open/close tags (also split across lines), comments, CDATA, PIs, declarations. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|<!--|<!\[CDATA\[|<\?|<![A-Za-z]/gm;
/** CommonMark autolinks: <scheme:…>. Only http(s) and mailto may pass. */
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*>/g;
/** Link or image destination after `](` — may follow on the next line; `<…>` form or bare. */
const DEST = /\]\(\s*(?:<([^>\n]*)>|([^)\s>]*))/g;
/** Reference definition `[label]: destination`. */
const REF_DEF = /^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\n?[ \t]*(?:<([^>\n]*)>|(\S+))/gm;
/** Image references: ![alt][label], ![label][] and ![label]. */
const IMAGE_REF = /!\[((?:[^\]\\\n]|\\.)*)\](?:\[((?:[^\]\\\n]|\\.)*)\])?(?!\()/g;
/**
 * Characters nobody types on purpose: C0 controls except tab and line feed, DEL, C1, the Unicode
 * line/paragraph separators, and the bidirectional overrides/isolates that make text read in a
 * different order than it is stored (the "Trojan Source" trick).
 */
export const INVISIBLE_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

export function isAllowedLink(url: string): boolean {
  // Stryker disable next-line StringLiteral: equivalent — whatever replaces &amp; holds no “&”, so it cannot complete an entity
  return /^(https?:\/\/[^\s\\]|mailto:|#|\/(?![/\\]))/i.test(url) && !url.includes('\\') && !/&#|&[a-z]+;/i.test(url.replace(/&amp;/gi, ''));
}

export function isAllowedImage(url: string): boolean {
  // Stryker disable next-line MethodExpression: equivalent — the first character is the “/” of /images/, which none of these patterns can start with
  return url.startsWith(ALLOWED_IMAGE_PREFIX) && !/\.\.|\\|%2e|&|\/\//i.test(url.slice(1));
}

/**
 * The body with everything Markdown shows as literal text blanked out: fenced code blocks, code
 * spans and backslash escapes become spaces (newlines kept, so offsets still map to lines).
 */
export function maskLiterals(body: string): string {
  const lines = body.split('\n');
  const out: string[] = [];
  let fence: { ch: string; len: number } | null = null;
  for (const line of lines) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.ch && close[1]!.length >= fence.len) fence = null;
      out.push(' '.repeat(line.length));
      continue;
    }
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5): "``` `x`" is text.
    const open = /^ {0,3}(?:(`{3,})(?=[^`]*$)|(~{3,}))/.exec(line);
    if (open) {
      const run = open[1] ?? open[2]!;
      fence = { ch: run[0]!, len: run.length };
      out.push(' '.repeat(line.length));
      continue;
    }
    out.push(line);
  }
  return maskInline(out.join('\n'));
}

/** Backslash escapes and code spans, left to right as CommonMark reads them. */
function maskInline(text: string): string {
  // Nothing to mask (most bodies): no character-by-character copy.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — a fast path; the scan below returns the same text
  if (!text.includes('\\') && !text.includes('`')) return text;
  // UTF-16 code units throughout, so offsets match the regexes' indices.
  const s = text;
  const buf = s.split('');
  let i = 0;
  // Stryker disable next-line EqualityOperator: equivalent — one more step reads undefined, which matches nothing
  while (i < s.length) {
    const c = s[i]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent — past the end s[i + 1] is undefined, and ASCII_PUNCT does not match “undefined”
    if (c === '\\' && i + 1 < s.length && ASCII_PUNCT.test(s[i + 1]!)) {
      buf[i] = ' ';
      buf[i + 1] = ' ';
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      // The span ends at the next run of exactly n backticks, within the same paragraph.
      const para = s.slice(i + n).search(/\n[ \t]*\n/);
      const limit = para < 0 ? s.length : i + n + para;
      let j = i + n;
      let end = -1;
      // Stryker disable next-line EqualityOperator: equivalent — s[limit] is the blank line's “\n” or past the end, never a backtick
      while (j < limit) {
        if (s[j] === '`') {
          let m = 1;
          while (s[j + m] === '`') m++;
          if (m === n) {
            end = j + m;
            break;
          }
          j += m;
        } else j++;
      }
      // Stryker disable next-line EqualityOperator: equivalent — a found span ends after its opening run, so end is never 0
      if (end < 0) {
        i += n; // a lone run is literal backticks, and what follows is read as normal text
        continue;
      }
      for (let k = i; k < end; k++) if (buf[k] !== '\n') buf[k] = ' ';
      i = end;
      continue;
    }
    i++;
  }
  return buf.join('');
}

/**
 * Label matching for references, as CommonMark (Unicode case fold) and micromark do it: inner
 * whitespace collapsed, then lower- and upper-cased — lower case alone let `![x][ß]` use a
 * definition `[SS]: https://…` unseen (ß and SS fold to the same label).
 */
const normLabel = (l: string) => l.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();

/** A problem reported at an offset of the body, or at a line. */
type Report = (offset: number, message: string) => void;
type ReportLine = (line: number, message: string) => void;

export function checkBody(body: string, file: string, firstLine: number): ContentError[] {
  const out: ContentError[] = [];
  const lineAt = (offset: number) => {
    let n = 0;
    // Stryker disable next-line EqualityOperator: equivalent for “k < offset” — every pattern's match starts on a visible character, never on a line break
    for (let k = body.indexOf('\n'); k >= 0 && k < offset; k = body.indexOf('\n', k + 1)) n++;
    return firstLine + n;
  };
  const push: ReportLine = (line, message) => out.push({ file, line, field: 'body', message });
  const add: Report = (offset, message) => push(lineAt(offset), message);

  body.split('\n').forEach((raw, i) => {
    const m = INVISIBLE_CONTROL.exec(raw);
    if (m) push(firstLine + i, controlMsg(m[0]));
  });

  const visible = maskLiterals(body);
  htmlProblems(visible, lineAt, push);
  linkProblems(visible, add);
  referenceProblems(visible, add);
  // One report per line and problem (an autolink in a definition matches two patterns).
  const seen = new Set<string>();
  return out
    .filter((e) => {
      const key = `${e.line}|${e.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.line - b.line);
}

/** Raw HTML outside code: one report per line. */
function htmlProblems(visible: string, lineAt: (offset: number) => number, push: ReportLine): void {
  const htmlLines = new Set<number>();
  for (const m of visible.matchAll(HTML_TAG)) {
    const line = lineAt(m.index);
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent — a second report for the line is dropped by the one-per-line filter at the end
    if (htmlLines.has(line)) continue;
    // Stryker disable next-line CallExpression: equivalent — see above: the final filter keeps one report per line and message
    htmlLines.add(line);
    push(line, HTML_MSG);
  }
}

/** Autolinks and inline link and image destinations. */
function linkProblems(visible: string, add: Report): void {
  for (const m of visible.matchAll(AUTOLINK)) {
    if (!/^(https?|mailto)$/i.test(m[1]!)) add(m.index, linkMsg(m[0].slice(1, -1)));
  }

  for (const m of visible.matchAll(DEST)) {
    // Stryker disable next-line StringLiteral: equivalent — one of the two groups always matches
    const url = m[1] ?? m[2] ?? '';
    if (isImageBracket(visible, m.index)) {
      if (!isAllowedImage(url)) add(m.index, imageMsg(url));
    } else if (!isAllowedLink(url)) add(m.index, linkMsg(url));
  }
}

/** Reference definitions (`[x]: url`), and those that reference images use (`![a][x]`, `![x]`). */
function referenceProblems(visible: string, add: Report): void {
  const defs = new Map<string, { url: string; offset: number }>();
  for (const m of visible.matchAll(REF_DEF)) {
    // Stryker disable next-line StringLiteral: equivalent — one of the two groups always matches
    const url = m[2] ?? m[3] ?? '';
    const label = normLabel(m[1]!);
    if (!defs.has(label)) defs.set(label, { url, offset: m.index });
    if (!isAllowedLink(url)) add(m.index, linkMsg(url));
  }
  const imageDefs = new Set<string>();
  for (const m of visible.matchAll(IMAGE_REF)) {
    const label = normLabel(m[2] ? m[2] : m[1]!);
    const def = defs.get(label);
    if (def && !imageDefs.has(label) && !isAllowedImage(def.url)) {
      // Stryker disable next-line CallExpression: equivalent — a second report at the same definition line is dropped by the final filter
      imageDefs.add(label);
      add(def.offset, imageMsg(def.url));
    }
  }
}

/** Is the `]` at `close` the end of an image's alt text (`![…]`)? Finds its `[` with brackets balanced. */
function isImageBracket(visible: string, close: number): boolean {
  let depth = 0;
  // Stryker disable next-line EqualityOperator: equivalent — a “[” at position 0 has nothing before it, so it never opens an image
  for (let k = close - 1; k >= 0; k--) {
    const c = visible[k];
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return visible[k - 1] === '!';
      depth--;
    }
  }
  return false;
}
