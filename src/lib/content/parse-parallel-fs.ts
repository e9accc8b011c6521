/**
 * Node-only: the content files' YAML parsed on two threads before validateContent reads them (the
 * build's validate step, issue 21). Parsing is most of validation's time — ≈ 15 of 29 s at
 * 100,000 events — and the step runs alone, one core idle, before the build's two lanes start.
 * A worker parses the second half of the files while this thread parses the first; each file's
 * result is what parseContentFile gives, so validation reads the same data and reports the same
 * problems. A worker's result cannot carry the parsed document (lineOf, for the line of a field in
 * an error message): that file is parsed again here when, and only when, a line is asked for.
 */
import { Worker } from 'node:worker_threads';
import { parseContentFile, type ParsedFile, type ParseProblem, type PlainParse } from './frontmatter.ts';
import type { SourceFile } from './validate/context.ts';
import { contentKind } from './validate/read-files.ts';

type Kind = 'markdown' | 'yaml';

/** Below this many files a worker's start-up (≈ 0.1 s) costs more than it saves. */
const MIN_FILES = 2000;

/** A worker's parse as validation reads it: lineOf parses the file again on first use. */
function withLines(f: SourceFile, kind: Kind, p: PlainParse): ParsedFile | ParseProblem {
  if (!('data' in p)) return p;
  let full: ParsedFile | undefined;
  return { ...p, lineOf: (path) => (full ??= parseContentFile(f.text, kind) as ParsedFile).lineOf(path) };
}

/** Parse every readable file's YAML, half of them on a worker thread; sets each file's `parsed`. */
export async function parseInParallel(files: SourceFile[], minFiles = MIN_FILES): Promise<void> {
  const todo = files.filter((f) => !f.unreadable && !f.symlink && !f.encoding && f.text);
  if (todo.length < minFiles || todo.length < 2) return;
  const half = Math.floor(todo.length / 2);
  const theirs = todo.slice(half);
  const worker = new Worker(new URL('./parse-worker-fs.ts', import.meta.url), {
    workerData: theirs.map((f) => [f.text, contentKind(f.path)] as const),
  });
  const done = new Promise<PlainParse[]>((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`parse worker exit ${code}`)));
  });
  for (const f of todo.slice(0, half)) {
    const kind = contentKind(f.path);
    f.parsed = { kind, result: parseContentFile(f.text, kind) };
  }
  const results = await done;
  await worker.terminate();
  theirs.forEach((f, i) => {
    const kind = contentKind(f.path);
    f.parsed = { kind, result: withLines(f, kind, results[i]!) };
  });
}
