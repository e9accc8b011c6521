/**
 * The build's validation parses the content's YAML on two threads (src/lib/parse-parallel-fs.ts): the
 * same files must give the same content and the same problems, line numbers included — a field's
 * line in a file parsed by the worker is found by parsing it again on demand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content-fs.ts';
import { formatError } from '../../src/lib/errors.ts';
import { parseInParallel } from '../../src/lib/parse-parallel-fs.ts';
import { type SourceFile, validateContent } from '../../src/lib/validate.ts';

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
