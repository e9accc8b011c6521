/**
 * One error shape for every content problem, printed one line each:
 *   content/events/2026/x.md:7 end: 结束时间早于开始时间…，请改为… / end is before start
 * Chinese first (what to do), English second. `hint` adds a did-you-mean or an example.
 */
export interface ContentError {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line in the file (0 when the problem concerns the whole file). */
  line: number;
  /** Dotted field path, e.g. `registration.url`; empty for whole-file problems. */
  field: string;
  /** Chinese first, then ` / ` and English. */
  message: string;
  /** Optional suggestion, e.g. 您是不是要写“卫生健康”？/ did you mean 卫生健康? */
  hint?: string;
  /** Warnings are printed but do not fail validation. */
  severity?: 'error' | 'warning';
}

export function formatError(e: ContentError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}` : e.file;
  const field = e.field ? ` ${e.field}:` : '';
  const hint = e.hint ? ` （${e.hint}）` : '';
  const warn = e.severity === 'warning' ? ' [提醒 / warning]' : '';
  return `${where}${field}${warn} ${e.message}${hint}`;
}

/** GitHub Actions workflow command; `%`, CR and LF must be escaped in the message. */
export function githubAnnotation(e: ContentError): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = e.severity === 'warning' ? 'warning' : 'error';
  const line = e.line > 0 ? `,line=${e.line}` : '';
  const title = e.field ? `,title=${escProp(e.field)}` : '';
  return `::${level} file=${escProp(e.file)}${line}${title}::${esc(e.message + (e.hint ? ` （${e.hint}）` : ''))}`;
}

/** Stable order: by file, then line, then field. */
export function sortErrors(errors: ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.field.localeCompare(b.field)));
}
