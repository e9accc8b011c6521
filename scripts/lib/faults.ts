/**
 * One line per fault. A contributor or a maintainer running the build should read what went wrong
 * and what to do — a read-only output folder, a full disk, a missing content folder — never a
 * stack trace (issue 17). The trace is printed only when DEBUG is set.
 */

const CODES: Record<string, [string, string]> = {
  EACCES: ['没有权限', 'permission denied'],
  EPERM: ['没有权限', 'operation not permitted'],
  EROFS: ['是只读的文件系统', 'read-only file system'],
  ENOSPC: ['磁盘空间已满', 'no space left on device'],
  EDQUOT: ['磁盘配额已用完', 'disk quota exceeded'],
  ENOENT: ['不存在', 'not found'],
  ENOTDIR: ['不是文件夹', 'not a folder'],
  EISDIR: ['是文件夹', 'is a folder'],
  EMFILE: ['打开的文件太多', 'too many open files'],
  EXDEV: ['与目标不在同一个文件系统', 'on another file system'],
  ENOMEM: ['内存不足', 'out of memory'],
  EADDRINUSE: ['端口已被占用（可设置 PORT）', 'address in use (set PORT)'],
};

/** What the steps are called in Chinese (the English name is the key). */
export const ZH: Record<string, string> = { build: '构建', validate: '内容检查', pages: '页面生成', 'data files': '数据文件', 'search index': '搜索索引', import: '导入', start: '启动' };

/** `EACCES: permission denied, mkdir '/x'` → the path, when the error carries one. */
function pathOf(e: NodeJS.ErrnoException & { dest?: string }, text: string): string | undefined {
  return e.dest ?? /-> '([^']+)'/.exec(text)?.[1] ?? e.path ?? /(?:open|mkdir|write|rename|copyfile|scandir|unlink|rmdir)\s+'([^']+)'/.exec(text)?.[1];
}

/** The errno code of an error, its cause, or — when a bundler wrapped it in text — its message. */
function codeOf(e: NodeJS.ErrnoException, text: string): string | undefined {
  for (const c of [e?.code, (e?.cause as NodeJS.ErrnoException | undefined)?.code]) if (c && CODES[c]) return c;
  return Object.keys(CODES).find((c) => new RegExp(`\\b${c}\\b`).test(text));
}

/** One line for an error, Chinese first; the errno code named when there is one. */
export function faultLine(what: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text = err instanceof Error ? `${err.message}\n${String((err.cause as Error | undefined)?.message ?? '')}` : String(e);
  const zh = ZH[what] ?? what;
  const code = codeOf(err, text);
  if (code) {
    const [zhWhy, enWhy] = CODES[code]!;
    const path = pathOf(err, text);
    return `✗ ${zh}失败：${path ? path + ' ' : ''}${zhWhy}（${code}）/ ${what} failed: ${enWhy}${path ? ` (${path})` : ''}`;
  }
  // The first line that says something (bundlers start with "Build failed with 1 error:").
  const message = text.split('\n').map((l) => l.trim()).find((l) => l && !/^Build failed with \d+ errors?:?$/.test(l)) ?? '';
  // Our own messages are bilingual already (中文 / English).
  return /[\s）)]\/ [A-Za-z]/.test(message) ? `✗ ${message}` : `✗ ${zh}失败：${message} / ${what} failed`;
}

/** Print the one line (and the stack with DEBUG) to stderr. */
export function reportFault(what: string, e: unknown): void {
  console.error(faultLine(what, e));
  if (process.env.DEBUG && e instanceof Error && e.stack) console.error(e.stack);
}

/** Stack-trace lines, and the headers that introduce them, in a child's error output. */
export function isTraceLine(line: string): boolean {
  return /^\s+at\s|^\s*Stack trace:|^\s*at\s.*\(.*:\d+:\d+\)$|^\s*\^+\s*$|^node:internal|^\s*\{$|^\s*\}$|^Node\.js v\d/.test(line);
}
