/**
 * Node-only: read a content tree from disk for validateContent(). The content root comes from
 * CONTENT_DIR (fixtures, benchmarks) or defaults to ./content. Paths are reported relative to the
 * working directory so that messages point at the file a person edits.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_FILE_BYTES, type SourceFile, validateContent, type ValidationResult } from './validate.ts';

export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONTENT_DIR || 'content');
}

export function readContentFiles(root: string, cwd = process.cwd()): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      // lstat: symlinks are not followed (a loop would hang, a link could publish a file outside the tree).
      const st = lstatSync(full);
      if (st.isSymbolicLink()) {
        out.push({ path: relative(cwd, full).split(sep).join('/'), text: '', symlink: true });
        continue;
      }
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) {
        const path = relative(cwd, full).split(sep).join('/');
        // Oversized files are not even read whole: the validator reports them by size.
        out.push({ path, text: st.size > MAX_FILE_BYTES ? 'x'.repeat(MAX_FILE_BYTES + 1) : readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

const cache = new Map<string, ValidationResult>();

/** Read and validate once per process (the site's loaders share the result). */
export function loadContent(root = contentRoot(), cwd = process.cwd()): ValidationResult {
  const hit = cache.get(root);
  if (hit) return hit;
  const rel = relative(cwd, root).split(sep).join('/') || '.';
  const result = validateContent(readContentFiles(root, cwd), rel);
  cache.set(root, result);
  return result;
}
