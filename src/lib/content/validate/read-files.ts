/**
 * Step 1: every file under the content root is either loaded or refused with a reason — never
 * skipped in silence (a `readme.md` or a dot file among the events was ignored before, issue 17).
 * Refused here: a missing or unreadable content root or file, symbolic links, files that are not
 * UTF-8, files over MAX_FILE_BYTES, unknown folders, wrong extensions and file names, vocabulary
 * files outside content/vocab/, broken YAML, and control or invisible characters anywhere in the
 * YAML text (comments included). Pure.
 */
import { encodingMessage } from '../encoding.ts';
import { parseContentFile, type ParsedFile } from '../frontmatter.ts';
import { MAX_FILE_BYTES } from '../limits.ts';
import { COLLECTIONS, type CollectionName, VOCABS, type VocabName } from '../schema.ts';
import type { Ctx, ParsedEntry, SourceFile } from './context.ts';
import { rawTextProblems } from './text-checks.ts';

const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;

export interface ReadResult {
  entries: ParsedEntry[];
  /** Vocabulary files directly in content/vocab/, by vocabulary, with their parsed YAML. */
  vocab: { name: VocabName; file: string; p: ParsedFile }[];
}

/** Problems of the file as bytes on disk: unreadable, a link, not UTF-8, too large. */
function fileProblem(ctx: Ctx, f: SourceFile): boolean {
  if (f.unreadable === 'ENOTREG') {
    ctx.err(f.path, 0, '', '不是普通文件（管道、设备等），请提交普通文件 / not a regular file');
  } else if (f.unreadable) {
    ctx.err(f.path, 0, '', `无法读取（${f.unreadable}），请检查文件权限 / cannot read this file (${f.unreadable})`);
  } else if (f.symlink) {
    ctx.err(f.path, 0, '', '不接受符号链接，请提交普通文件 / symbolic links are not accepted: commit a regular file');
  } else if (f.encoding) {
    ctx.err(f.path, f.encoding.line, '', encodingMessage(f.encoding.encoding));
  } else {
    const size = new TextEncoder().encode(f.text).length;
    if (size <= MAX_FILE_BYTES) return false;
    ctx.err(f.path, 0, '', `文件太大（${Math.round(size / 1024)} KB），单个文件不能超过 ${MAX_FILE_BYTES / 1024} KB，请精简描述 / file too large (limit ${MAX_FILE_BYTES / 1024} KB)`);
  }
  return true;
}

/** How an entry file is read: `.md` as front matter + body, any other as YAML (vocabularies always as YAML). */
export function contentKind(path: string): 'markdown' | 'yaml' {
  // Stryker disable next-line StringLiteral: equivalent — parse and parseContentFile read every kind but 'markdown' as YAML
  return path.toLowerCase().endsWith('.md') ? 'markdown' : 'yaml';
}

/** Parse YAML (or front matter + body), reporting syntax and raw-text problems. */
function parse(ctx: Ctx, f: SourceFile, kind: 'markdown' | 'yaml'): ParsedFile | undefined {
  const p = f.parsed?.kind === kind ? f.parsed.result : parseContentFile(f.text, kind);
  if (!('data' in p)) {
    ctx.err(f.path, p.line, '', p.message);
    return undefined;
  }
  const yamlLines = kind === 'markdown' ? [2, p.bodyLine - 2] : [1, Number.MAX_SAFE_INTEGER];
  ctx.rawErrors.push(...rawTextProblems(f.path, f.text, yamlLines[0]!, yamlLines[1]!));
  return p;
}

function readVocab(ctx: Ctx, f: SourceFile, parts: string[], out: ReadResult): void {
  const base = parts[parts.length - 1]!;
  const name = base.replace(/\.ya?ml$/, '') as VocabName;
  // A name the replace left whole has neither extension (`content/vocab/topics`).
  if (!VOCABS.includes(name) || name === base) {
    ctx.err(f.path, 0, '', `未知的词表文件，只能是 ${VOCABS.map((v) => v + '.yaml').join('、')} / unknown vocabulary file`);
  } else if (parts.length !== 2) {
    ctx.err(f.path, 0, '', `词表文件只能直接放在 ${ctx.contentDir}/vocab/ 里，子文件夹里的不会被使用，请删除它 / vocabulary files belong directly in ${ctx.contentDir}/vocab/`);
  } else {
    // Stryker disable next-line StringLiteral: equivalent — parse and parseContentFile read every kind but 'markdown' as YAML
    const p = parse(ctx, f, 'yaml');
    if (p) out.vocab.push({ name, file: f.path, p });
  }
}

function readEntry(ctx: Ctx, f: SourceFile, parts: string[], out: ReadResult): void {
  const base = parts[parts.length - 1]!;
  const coll = (Object.keys(COLLECTIONS) as CollectionName[]).find((c) => COLLECTIONS[c].dir === parts[0]);
  if (!coll || parts.length < 2) {
    ctx.err(f.path, 0, '', `不认识的文件夹，内容只能放在 ${Object.values(COLLECTIONS).map((c) => c.dir).join('、')} 或 vocab 里 / unknown content folder`);
    return;
  }
  const spec = COLLECTIONS[coll];
  const dot = base.lastIndexOf('.');
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent — a name starting with a dot was refused in readFiles, and any text that is no extension (none, or the last letter) is refused alike below, by a message that does not echo it
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  if (!(spec.ext as readonly string[]).includes(ext)) {
    ctx.err(f.path, 0, '', `文件类型不对，${parts[0]} 里的文件要以 ${spec.ext.join(' 或 ')} 结尾 / wrong file type: use ${spec.ext.join(' or ')}`);
    return;
  }
  const id = base.slice(0, base.length - ext.length);
  if (!SLUG_RE.test(id)) {
    ctx.err(f.path, 0, '', `文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training${ext} / file name must use a-z, 0-9 and hyphens`);
    return;
  }
  const p = parse(ctx, f, contentKind(f.path));
  if (!p) return;
  if (
    typeof p.data !== 'object' ||
    // Stryker disable next-line ConditionalExpression: equivalent when false — parseContentFile reads a YAML null as an empty mapping
    p.data === null ||
    Array.isArray(p.data)
  ) {
    ctx.err(f.path, 1, '', '内容应该是“字段: 值”的列表 / expected a mapping of fields');
    return;
  }
  out.entries.push({ coll, id, file: f.path, sub: parts.slice(1, -1), data: p.data, p });
}

/** content/sources.yaml, relative to the content folder. */
export const SOURCES_FILE = 'sources.yaml';

export function readFiles(ctx: Ctx, files: SourceFile[]): ReadResult {
  const out: ReadResult = { entries: [], vocab: [] };
  const prefix = ctx.contentDir + '/';
  // Stryker disable next-line EqualityOperator: equivalent — no two files share a path, so < and <= order them alike
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (f.path === ctx.contentDir) {
      // The root itself: a misspelt CONTENT_DIR validated "✓" with nothing in it before.
      ctx.err(f.path, 0, '', `找不到内容文件夹（${f.unreadable ?? 'ENOENT'}），请检查 CONTENT_DIR 或路径 / content folder not found or unreadable`);
      continue;
    }
    if (!f.path.startsWith(prefix)) continue;
    const parts = f.path.slice(prefix.length).split('/');
    // The one file that is not content: a README at the root, about the folder (fixtures have one).
    if (parts.length === 1 && parts[0]!.toLowerCase() === 'readme.md') continue;
    if (parts.some((part) => part.startsWith('.'))) {
      ctx.err(f.path, 0, '', '以点开头的文件或文件夹不会发布，请删除它或改名 / files and folders starting with a dot are not published: delete or rename it');
      continue;
    }
    if (fileProblem(ctx, f)) continue;
    // The organizers' calendars to pull: checked against the content by src/lib/pull/sources.ts
    // (npm run validate, npm run pull), after the encoding and size checks above.
    if (parts.length === 1 && parts[0] === SOURCES_FILE) continue;
    if (parts[0] === 'vocab') readVocab(ctx, f, parts, out);
    else readEntry(ctx, f, parts, out);
  }
  return out;
}
