/**
 * Parse a content file's YAML (front matter of a Markdown file, or a whole .yaml file) keeping
 * line numbers, so every problem can be reported as file:line. Pure: no file system.
 *
 * YAML 1.2 core schema: `2026-09-12` stays the text the person wrote (YAML 1.1 parsers turn it into
 * an instant at UTC midnight, which is how all-day dates drift by a day elsewhere).
 */
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';

export interface ParsedFile {
  data: unknown;
  body: string;
  /** Line of the body's first line in the file (1-based). */
  bodyLine: number;
  /** Finds the line of a field path; falls back to the nearest parent that exists. */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

export interface ParseProblem {
  line: number;
  message: string;
}

/** A parse without its document (lineOf): what a worker thread can send back (parse-parallel-fs.ts). */
export type PlainParse = Omit<ParsedFile, 'lineOf'> | ParseProblem;

export function plainParse(text: string, kind: 'markdown' | 'yaml'): PlainParse {
  const p = parseContentFile(text, kind);
  return 'data' in p ? { data: p.data, body: p.body, bodyLine: p.bodyLine } : p;
}

const FENCE = /^---[ \t]*$/;

export function parseContentFile(text: string, kind: 'markdown' | 'yaml'): ParsedFile | ParseProblem {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const src = text.replace(/\r\n?/g, '\n');
  let yamlText = src;
  let yamlFirstLine = 1;
  let body = '';
  let bodyLine = 1;
  if (kind === 'markdown') {
    const lines = src.split('\n');
    if (!FENCE.test(lines[0] ?? '')) {
      return { line: 1, message: '文件第一行必须是 ---，后面是 YAML 字段，再以 --- 结束 / the file must start with a --- front-matter block' };
    }
    const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
    if (close < 0) {
      return { line: 1, message: '找不到结束的 ---，请在字段后加一行 --- / the front matter is not closed with ---' };
    }
    yamlText = lines.slice(1, close).join('\n');
    yamlFirstLine = 2;
    body = lines.slice(close + 1).join('\n');
    bodyLine = close + 2;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  // A field written `title：…` (a Chinese input method's colon) is no field for YAML:
  // it reads as text, and the error it reports (if any) names something else. Say what it is.
  const colon = colonSlip(yamlText, problem !== undefined);
  if (colon) return { line: colon.line + yamlFirstLine - 1, message: colon.message };
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    return { line: pos.line + yamlFirstLine - 1, message: yamlMessage(problem.code, problem.message) };
  }
  const toLine = (offset: number) => lineCounter.linePos(offset).line + yamlFirstLine - 1;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 }) ?? {};
  } catch (e) {
    // yaml throws on an alias "billion laughs" expansion, and the stack overflows on absurd nesting:
    // both are problems of this file to report with its name, never a crash of the whole validation.
    const alias = /(^|[\s[{,:-])(\*[^\s,\]}]+)/m.exec(yamlText);
    if (alias && /alias/i.test(String(e))) {
      return {
        line: toLine(alias.index + alias[1]!.length),
        message: 'YAML 的锚点和别名（& 与 *）用得太多，请把内容直接写出来 / too many YAML aliases (& and *): write the values out',
      };
    }
    return { line: yamlFirstLine, message: 'YAML 嵌套太深或太复杂，请按示例写成简单的字段 / YAML nested too deeply: write plain fields as in the example' };
  }
  return {
    data,
    body,
    bodyLine,
    lineOf: (path) => lineOfPath(doc, path, toLine, yamlFirstLine),
  };
}

/**
 * A field name followed by a full-width colon. Top-level fields
 * (column 0) are always checked: nothing else starts a line there. Indented ones only when YAML
 * failed, since inside a block of text `步骤：` is ordinary writing.
 */
function colonSlip(yamlText: string, failed: boolean): { line: number; message: string } | undefined {
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const top = !/^\s/.test(l);
    if (!top && !failed) continue;
    const full = /^\s*(?:-\s+)?([A-Za-z][A-Za-z0-9_]*)\s*：/.exec(l);
    if (full)
      return {
        line: i + 1,
        message: `“${full[1]}：”的冒号是全角的：字段名后面要用半角冒号“:”再加一个空格，例如 ${full[1]}: … / the colon after "${full[1]}" is full-width: use an ASCII colon ":" and a space`,
      };
  }
  return undefined;
}

function yamlMessage(code: string, raw: string): string {
  const first = raw.split('\n')[0] ?? raw;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `同一个字段写了两次，请删掉一个 / a field appears twice (${first})`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `YAML 格式错误：请检查缩进、冒号后的空格和引号是否成对 / YAML syntax error: ${first}`;
    default:
      return `YAML 格式错误：请检查这一行 / YAML syntax error: ${first}`;
  }
}

function lineOfPath(doc: Document, path: ReadonlyArray<PropertyKey>, toLine: (o: number) => number, fallback: number): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let line = node?.range ? toLine(node.range[0]) : fallback;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      const k = pair.key as Node;
      if (k.range) line = toLine(k.range[0]);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      if (item.range) line = toLine(item.range[0]);
      node = item;
    } else break;
  }
  return line;
}
