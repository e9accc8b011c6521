/**
 * Characters a contributor cannot see: line breaks and control characters in one-line values,
 * invisible format characters (src/lib/content/invisible.ts) anywhere, and both in the raw text of a file —
 * YAML comments included, which no field check sees. Also `visibleControls`, which makes the
 * messages themselves safe to print. Pure.
 */
import type { ContentError } from '../errors.ts';
import { findInvisible, invisibleMessage } from '../invisible.ts';
import { INVISIBLE_CONTROL } from '../markdown-safety.ts';

/** What `visibleControls` rewrites: every control character, tab and line breaks included. */
const ALL_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /[\n\r]/;

export function controlCharMessage(ch: string): string {
  if (findInvisible(ch)) return invisibleMessage(ch);
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return LINE_BREAK.test(ch)
    ? '不能包含换行或控制字符，请写成一行 / must be one line without control characters'
    : `不能包含看不见的控制字符（${code}），请删除它 / must not contain invisible control characters (${code})`;
}

/** Was this path, or a field containing it, already reported by the schema? */
export function isReported(reported: Set<string>, path: (string | number)[]): boolean {
  const field = path.map(String).join('.');
  return [...reported].some((r) => field === r || field.startsWith(r + '.'));
}

const badChar = (s: string) => (LINE_BREAK.exec(s) ?? INVISIBLE_CONTROL.exec(s))?.[0] ?? findInvisible(s);

/** Strings (and keys) anywhere in parsed YAML that hold a line break, a control or an invisible character. */
export function controlCharsIn(value: unknown, path: (string | number)[] = []): [(string | number)[], string][] {
  if (typeof value === 'string') {
    const ch = badChar(value);
    return ch ? [[path, ch]] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharsIn(v, [...path, i]));
  if (!value || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const ch = badChar(k);
    return ch ? [[[...path, k], ch] as [(string | number)[], string]] : controlCharsIn(v, [...path, k]);
  });
}

/**
 * Control and invisible characters in the YAML lines of a file (`from`..`to`, 1-based, inclusive),
 * wherever they are: NUL or ESC in a comment passed before (issue 17). Tab is fine.
 */
export function rawTextProblems(file: string, text: string, from: number, to: number): ContentError[] {
  const out: ContentError[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = from; i <= Math.min(to, lines.length); i++) {
    const line = lines[i - 1]!.replace(/^\ufeff/, '');
    const ch = (INVISIBLE_CONTROL.exec(line) ?? /\r/.exec(line))?.[0] ?? findInvisible(line);
    if (ch) out.push({ file, line: i, field: '', message: controlCharMessage(ch) });
  }
  return out;
}

/** Invisible format characters in the description, one per line (controls: checkBody). */
export function invisibleInBody(body: string, file: string, firstLine: number): ContentError[] {
  const out: ContentError[] = [];
  body.split('\n').forEach((line, i) => {
    const ch = findInvisible(line);
    if (ch) out.push({ file, line: firstLine + i, field: 'body', message: `正文里${invisibleMessage(ch).replace(/^不能包含/, '有')}` });
  });
  return out;
}

export function visibleControls(e: ContentError): ContentError {
  const show = (s: string) => s.replace(ALL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { ...e, file: show(e.file), field: show(e.field), message: show(e.message), ...(e.hint ? { hint: show(e.hint) } : {}) };
}
