/**
 * `npm run import` as a contributor runs it (a child process on copies of
 * tests/fixtures/import/content): all-or-nothing writes, --dry-run, --skip-invalid, a clean feed.
 * Apart from import.test.ts because a child process runs the library unmutated: mutation testing
 * (tests/vitest.mutation.config.ts) leaves this file out, as it could never kill a mutant.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { importScratch } from '../helpers/import-scratch.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'tests/fixtures/import');
const NOW = '2026-11-25T10:00';

const { tempTree } = importScratch();

describe('npm run import', { timeout: 60_000 }, () => {
  const run = (dir: string, args: string[]) =>
    spawnSync(process.execPath, ['scripts/import.ts', ...args, '--now', NOW], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir } });
  const files = (dir: string) => readContentFiles(join(ROOT, dir), ROOT).map((f) => f.path).sort();

  it('writes nothing while any row is bad, and says how to go on', () => {
    const dir = tempTree();
    const before = files(dir);
    const r = run(dir, ['tests/fixtures/import/events.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ 行 5 开始时间: 没有这一天（2026-13-01）');
    expect(r.stderr).toContain('没有写入任何文件：请改正上面 6 条记录后重新导入');
    expect(files(dir)).toEqual(before);
  });

  it('--dry-run reports and writes nothing', () => {
    const dir = tempTree();
    const before = files(dir);
    const r = run(dir, ['tests/fixtures/import/events.csv', '--dry-run']);
    expect(r.stdout).toContain('演练模式，没有写入任何文件 / dry run, nothing written: 4 个新活动、2 个重复已跳过、6 条有问题');
    expect(files(dir)).toEqual(before);
  });

  it('--skip-invalid writes the good rows, and the tree stays valid', () => {
    const dir = tempTree();
    const r = run(dir, ['tests/fixtures/import/events.csv', '--skip-invalid']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('⚠ 4 个新活动、2 个重复已跳过、6 条有问题');
    expect(files(dir).filter((f) => f.includes('/events/'))).toHaveLength(5);
    const v = validateContent(readContentFiles(join(ROOT, dir), ROOT), dir);
    expect(v.errors.map(formatError)).toEqual([]);
  });

  it('imports a clean feed whole', () => {
    const dir = tempTree();
    const ics = join(ROOT, dir, '..', 'clean.ics');
    writeFileSync(ics, readFileSync(join(FIX, 'feed.ics'), 'utf8').replace(/BEGIN:VEVENT\r\nUID:badtz-4[\s\S]*?END:VEVENT\r\n/, ''));
    const r = run(dir, [relative(ROOT, ics), '--organizer', '示例学会']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(files(dir).filter((f) => f.includes('/events/'))).toHaveLength(5);
  });
});
