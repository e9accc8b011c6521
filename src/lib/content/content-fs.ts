/**
 * Node-only: read a content tree from disk for validateContent(). The content root comes from
 * CONTENT_DIR (fixtures, benchmarks) or defaults to ./content; the public folder (images) from
 * KEPU_PUBLIC_DIR or ./public. Paths are reported relative to the working directory so that
 * messages point at the file a person edits.
 *
 * Every file is handed on — nothing is skipped here: dot files, unreadable files and folders, a
 * missing root and bytes that are not UTF-8 become SourceFiles the validator refuses with a reason.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { decodeUtf8 } from './encoding.ts';
import { IMAGE_EXTENSIONS } from './image-check.ts';
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES } from './limits.ts';
import { parseInParallel } from './parse-parallel-fs.ts';
import { type AssetFile, type SourceFile, validateContent, type ValidationResult } from './validate.ts';

export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONTENT_DIR || 'content');
}

export function publicRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.KEPU_PUBLIC_DIR || 'public');
}

const code = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? 'EIO';
const rel = (cwd: string, full: string) => relative(cwd, full).split(sep).join('/') || '.';

/** A regular file the walk found: its bytes are read after the walk (readContentFiles, readContentFilesAsync). */
interface Found {
  full: string;
  path: string;
  size: number;
}

/** The file's text, or why it has none (oversized files are not even read whole: the validator reports them by size). */
function sourceOf(f: Found, read: () => Buffer): SourceFile {
  if (f.size > MAX_FILE_BYTES) return { path: f.path, text: 'x'.repeat(MAX_FILE_BYTES + 1) };
  let bytes: Buffer;
  try {
    bytes = read();
  } catch (e) {
    return { path: f.path, text: '', unreadable: code(e) };
  }
  const d = decodeUtf8(bytes);
  return d.ok ? { path: f.path, text: d.text } : { path: f.path, text: '', encoding: { encoding: d.encoding, line: d.line } };
}

/**
 * Walk the tree in name order: every entry becomes a SourceFile at its place in `out`, a regular
 * file a placeholder whose index is in `found` (its bytes are read after the walk).
 */
function walkContent(root: string, cwd: string): { out: SourceFile[]; found: [number, Found][] } {
  const out: SourceFile[] = [];
  const found: [number, Found][] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      out.push({ path: rel(cwd, dir), text: '', unreadable: code(e) });
      return;
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      const path = rel(cwd, full);
      // lstat: symlinks are not followed (a loop would hang, a link could publish a file outside the tree).
      const st = lstatSync(full, { throwIfNoEntry: false });
      if (!st) continue; // removed while we read
      if (st.isSymbolicLink()) out.push({ path, text: '', symlink: true });
      else if (name.startsWith('.')) out.push({ path, text: '' }); // refused by name, never read
      else if (st.isDirectory()) walk(full);
      else if (st.isFile()) found.push([out.push({ path, text: '' }) - 1, { full, path, size: st.size }]);
      // A FIFO would block the reader forever, a device could be anything: refused, never read.
      else out.push({ path, text: '', unreadable: 'ENOTREG' });
    }
  };
  walk(root);
  return { out, found };
}

export function readContentFiles(root: string, cwd = process.cwd()): SourceFile[] {
  const { out, found } = walkContent(root, cwd);
  for (const [i, f] of found) out[i] = sourceOf(f, () => readFileSync(f.full));
  return out;
}

/** Files read at once by readContentFilesAsync: enough to keep libuv's four threads busy. */
const READ_AHEAD = 32;

/**
 * readContentFiles with the bytes read on libuv's threads, READ_AHEAD files at a time: the same
 * files in the same order. At 100,000 files the reads were ≈ 9 s of the validate step on one core
 * while the other was idle (issue 21).
 */
export async function readContentFilesAsync(root: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const { out, found } = walkContent(root, cwd);
  let next = 0;
  const reader = async () => {
    while (next < found.length) {
      const [i, f] = found[next++]!;
      let bytes: Buffer | undefined;
      let error: unknown;
      if (f.size <= MAX_FILE_BYTES) await readFile(f.full).then((b) => (bytes = b), (e: unknown) => (error = e));
      out[i] = sourceOf(f, () => {
        if (error !== undefined) throw error;
        return bytes!;
      });
    }
  };
  await Promise.all(Array.from({ length: READ_AHEAD }, reader));
  return out;
}

/** Images under public/ (every file of public/images/, image files elsewhere), with their bytes. */
export function readAssets(root = publicRoot(), cwd = process.cwd()): AssetFile[] {
  const out: AssetFile[] = [];
  const walk = (dir: string, inImages: boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // no public folder: nothing to check
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      const st = lstatSync(full, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(full, inImages || (dir === root && name === 'images'));
      else if (inImages || IMAGE_EXTENSIONS.includes(extname(name).toLowerCase())) {
        out.push({ path: rel(cwd, full), bytes: st.size > MAX_IMAGE_BYTES ? fakeSize(st.size) : readFileSync(full) });
      }
    }
  };
  walk(root, false);
  return out;
}

/** A stand-in with the file's length for an oversized image (never read whole). */
function fakeSize(size: number): Uint8Array {
  return { length: size } as Uint8Array;
}

const cache = new Map<string, ValidationResult>();

/** The content tree's files (read by `read`), or one unreadable entry for a missing root. */
function rootFiles<T extends SourceFile[] | Promise<SourceFile[]>>(root: string, cwd: string, read: (root: string, cwd: string) => T): T | SourceFile[] {
  return lstatSync(root, { throwIfNoEntry: false })?.isDirectory() ? read(root, cwd) : [{ path: rel(cwd, root), text: '', unreadable: 'ENOENT' }];
}

const validate = (files: SourceFile[], root: string, cwd: string, publicDir: string) => validateContent(files, rel(cwd, root), { assets: readAssets(publicDir, cwd), publicDir: rel(cwd, publicDir) });

/** Read and validate once per process (the site's loaders share the result). */
export function loadContent(root = contentRoot(), cwd = process.cwd(), publicDir = publicRoot()): ValidationResult {
  const hit = cache.get(root);
  if (hit) return hit;
  const result = validate(rootFiles(root, cwd, readContentFiles), root, cwd, publicDir);
  cache.set(root, result);
  return result;
}

/**
 * loadContent for the build's validate step and `npm run validate`: the files read on libuv's
 * threads (readContentFilesAsync) and their YAML parsed on two threads (parse-parallel-fs.ts); the
 * result is the same.
 */
export async function loadContentInParallel(root = contentRoot(), cwd = process.cwd(), publicDir = publicRoot()): Promise<ValidationResult> {
  const files = await rootFiles(root, cwd, readContentFilesAsync);
  await parseInParallel(files);
  return validate(files, root, cwd, publicDir);
}
