/**
 * A scratch copy of the import fixture's content tree (tests/fixtures/import/content) for a test that
 * writes into it, removed after the test. Shared by the importer's library and command tests.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
export const IMPORT_CONTENT = 'tests/fixtures/import/content';

/** Registers the clean-up; returns a function making a fresh tree (path relative to the repository). */
export function importScratch(): { tempTree: () => string; dir: () => string } {
  let tmp = '';
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = '';
  });
  return {
    tempTree: () => {
      mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
      tmp = mkdtempSync(join(ROOT, 'tests/.tmp/import-'));
      cpSync(join(ROOT, IMPORT_CONTENT), join(tmp, 'content'), { recursive: true });
      return relative(ROOT, join(tmp, 'content'));
    },
    dir: () => tmp,
  };
}
