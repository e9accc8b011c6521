/**
 * The build's validation parses the content's YAML on two threads (src/lib/content/parse-parallel-fs.ts): the
 * same files must give the same content and the same problems, line numbers included — a field's
 * line in a file parsed by the worker is found by parsing it again on demand. The files themselves
 * are read on libuv's threads (readContentFilesAsync): the same entries as the one-thread reader.
 */
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, readContentFilesAsync } from '../../src/lib/content/content-fs.ts';
import { MAX_FILE_BYTES } from '../../src/lib/content/limits.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { parseInParallel } from '../../src/lib/content/parse-parallel-fs.ts';
import { type SourceFile, validateContent } from '../../src/lib/content/validate.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/validate');

/** The fixture site, then every validator fixture as an event of its own (valid and invalid ones). */
function files(): SourceFile[] {
  const base = readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({ ...f, path: f.path.replace('tests/fixtures/site/', 'content/') }));
  const fixtures = readdirSync(FIX)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((n, i) => ({ path: `content/events/2026/2026-09-${String((i % 28) + 1).padStart(2, '0')}-fixture-${n.replace(/\W+/g, '-').replace(/-md$/, '')}.md`, text: readFileSync(join(FIX, n), 'utf8') }));
  return [...base, ...fixtures];
}

describe('parseInParallel', () => {
  it('gives validation the same content and the same problems, lines included', async () => {
    const alone = validateContent(files(), 'content');
    const twoThreads = files();
    await parseInParallel(twoThreads, 0);
    // Half of the files were parsed by the worker: they carry a parse made there.
    const parsed = twoThreads.filter((f) => f.parsed);
    expect(parsed.length).toBeGreaterThan(40);
    const together = validateContent(twoThreads, 'content');
    expect(together.errors.map(formatError)).toEqual(alone.errors.map(formatError));
    expect(together.warnings.map(formatError)).toEqual(alone.warnings.map(formatError));
    expect(JSON.stringify(together.content)).toBe(JSON.stringify(alone.content));
    // The problems are real ones, some found at a field's line in a file of the worker's half.
    const workerHalf = new Set(twoThreads.slice(Math.ceil(twoThreads.length / 2)).map((f) => f.path));
    expect(alone.errors.length).toBeGreaterThan(10);
    expect(alone.errors.some((e) => workerHalf.has(e.file) && e.line > 2)).toBe(true);
  });

  it('leaves a small tree to one thread', async () => {
    const few = files().slice(0, 5);
    await parseInParallel(few);
    expect(few.every((f) => !f.parsed)).toBe(true);
  });
});

describe('readContentFilesAsync', () => {
  it('reads the same entries in the same order as readContentFiles: text, bad encoding, huge, dot file, symlink, unreadable folder', async () => {
    const dir = join(tmpdir(), `kepu-read-async-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/site'), dir, { recursive: true });
    writeFileSync(join(dir, 'events/2026/gbk.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    writeFileSync(join(dir, 'events/2026/huge.md'), Buffer.alloc(MAX_FILE_BYTES + 10, 'a'));
    writeFileSync(join(dir, 'events/.hidden.md'), 'x');
    symlinkSync('/etc/passwd', join(dir, 'events/2026/link.md'));
    mkdirSync(join(dir, 'events/locked'));
    chmodSync(join(dir, 'events/locked'), 0o000);
    try {
      const sync = readContentFiles(dir, dir);
      const async = await readContentFilesAsync(dir, dir);
      expect(async).toEqual(sync);
      expect(sync.length).toBeGreaterThan(15);
      const by = (p: string) => async.find((f) => f.path === p)!;
      expect(by('events/2026/gbk.md').encoding).toBeDefined();
      expect(by('events/2026/huge.md').text.length).toBe(MAX_FILE_BYTES + 1);
      expect(by('events/2026/link.md').symlink).toBe(true);
      expect(by('events/.hidden.md').text).toBe('');
      // As root the folder is still readable; otherwise both readers report it the same way.
      expect(async.some((f) => f.path.startsWith('events/locked'))).toBe(sync.some((f) => f.path.startsWith('events/locked')));
    } finally {
      chmodSync(join(dir, 'events/locked'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
