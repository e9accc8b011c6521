/**
 * Where a build writes, so that a fault never leaves half a site (issue 17):
 *
 * - a **lock** beside the output folder (and one in the Astro cache folder): a second build of the
 *   same output, or with the same cache, stops at once and says which process holds it; a lock
 *   left by a killed build (its process gone) is taken over;
 * - a **staging folder** beside the output — same parent, so the same file system: moving files
 *   into place is a rename, never a copy across devices (EXDEV); the pages, data files and search
 *   index each get their own folder in it, so two builds never share a scratch folder;
 * - a **swap** at the end: the finished site is renamed into place and the old one removed. Until
 *   then the previous site stays whole; after a failure the staging folder is removed.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Stage {
  root: string;
  snapshot: string;
  pages: string;
  dataFiles: string;
  search: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OneLineError extends Error {}

/** Take `file` as a lock for this process; throws OneLineError naming the holder. */
export function takeLock(file: string, what: string): () => void {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new OneLineError(`✗ 另一个构建（进程 ${pid}）正在使用 ${what}，请等它结束后再运行 / another build (pid ${pid}) is using ${what}: wait for it to finish`);
      }
      unlinkSync(file); // left by a build that was killed
    }
  }
  throw new OneLineError(`✗ 无法锁定 ${what} / could not lock ${what}`);
}

/** Staging folders of builds whose process is gone (killed before they could clean up). */
function removeStale(parent: string, name: string): void {
  const prefix = `.${name}.kepu-build-`;
  for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
    const pid = Number(entry.slice(prefix.length));
    if (entry.startsWith(prefix) && pid && !alive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

export function makeStage(out: string): Stage {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  removeStale(parent, basename(out));
  const root = join(parent, `.${basename(out)}.kepu-build-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root);
  return { root, snapshot: join(root, 'content.jsonl'), pages: join(root, 'site'), dataFiles: join(root, 'data-files'), search: join(root, 'search') };
}

/**
 * Move everything under `from` to the same place under `to` (renames: one file system), and say how
 * many entries were renamed. A folder `to` does not have yet moves whole, in one rename: the search
 * index's folders and the data files' data/ and api/ (≈ 220,000 files at 100,000 events) cost a
 * handful of renames, not one each; only folders both sides have (events/: pages and .ics files) are
 * merged file by file. A file already in `to` is replaced.
 */
export function moveTree(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let n = 0;
  mkdirSync(to, { recursive: true });
  for (const d of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, d.name);
    const target = join(to, d.name);
    const there = statSync(target, { throwIfNoEntry: false });
    if (d.isDirectory() && there?.isDirectory()) n += moveTree(source, target);
    else {
      renameSync(source, target);
      n++;
    }
  }
  rmSync(from, { recursive: true, force: true });
  return n;
}

/** Put the finished site in place of `out`; the previous one is removed after. */
export function swapInto(stage: Stage, out: string): void {
  const old = join(stage.root, 'previous');
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw Object.assign(new Error(`${out} is not a folder`), { code: 'ENOTDIR', path: out });
    renameSync(out, old);
  }
  renameSync(stage.pages, out);
}

export function removeStage(stage: Stage | undefined): void {
  if (stage) rmSync(stage.root, { recursive: true, force: true });
}
