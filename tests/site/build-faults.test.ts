/**
 * The build's faults (issue 17): each one line, a non-zero exit, no stack trace, and no half-site —
 * the previous site stays whole. Built from the fixture site without search (search is not the
 * point). Cases that need a file system of their own (full, read-only, another device) mount a
 * small tmpfs and are skipped where mounting is not allowed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TMP } from '../helpers/build-site.ts';

const FIX = join(ROOT, 'tests/fixtures/site');
const OUT = join(TMP, 'faults-dist');
const MOUNTS = join(TMP, 'faults-mnt');

interface Run {
  pid: number;
  done: Promise<{ status: number; output: string }>;
}

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: FIX, KEPU_OUT_DIR: OUT, KEPU_CACHE_DIR: `${OUT}-cache`, KEPU_TODAY: '2026-09-10', KEPU_NO_SEARCH: '1', TZ: 'UTC', DEBUG: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { pid: child.pid!, done: new Promise((ok) => child.on('close', (code) => ok({ status: code ?? 1, output }))) };
}
const build = (env: Record<string, string> = {}) => start(env).done;

/** Lines a person reads when it fails: everything but the ✓ steps and Astro's deprecation notice. */
const failureLines = (output: string) => output.split('\n').filter((l) => l.trim() && !l.startsWith('✓') && !l.startsWith('[astro]'));
const NO_TRACE = /^\s+at\s|Error:|node:internal/m;

async function until(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function tryMount(name: string, options: string): string | undefined {
  const dir = join(MOUNTS, name);
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0 ? dir : undefined;
}
afterAll(() => {
  for (const m of existsSync(MOUNTS) ? readdirSync(MOUNTS) : []) spawnSync('umount', [join(MOUNTS, m)]);
  rmSync(MOUNTS, { recursive: true, force: true });
});

describe('settings a build refuses before it starts', () => {
  it('a misspelt CONTENT_DIR: one line naming it', async () => {
    const r = await build({ CONTENT_DIR: join(ROOT, 'tests/fixtures/sitee') });
    expect(r.status).toBe(1);
    expect(failureLines(r.output)).toEqual([
      'tests/fixtures/sitee 找不到内容文件夹（ENOENT），请检查 CONTENT_DIR 或路径 / content folder not found or unreadable',
      '✗ 内容有 1 个问题，未构建（npm run validate 可单独检查）/ invalid content, nothing built',
    ]);
  });

  it('KEPU_TODAY that is not a real date', async () => {
    const r = await build({ KEPU_TODAY: '2026-02-30' });
    expect(r.status).toBe(1);
    expect(failureLines(r.output)).toEqual(['✗ KEPU_TODAY=2026-02-30 不是 2000–2100 年间的真实日期，请写成 YYYY-MM-DD / KEPU_TODAY is not a real date (YYYY-MM-DD)']);
  });

  it('an SVG with a script in public/images/: refused by the validate step, nothing built', async () => {
    const pub = join(TMP, 'faults-public');
    rmSync(pub, { recursive: true, force: true });
    cpSync(join(ROOT, 'public'), pub, { recursive: true });
    mkdirSync(join(pub, 'images'));
    cpSync(join(ROOT, 'tests/fixtures/hostile2/images/script.svg'), join(pub, 'images/logo.svg'));
    const r = await build({ KEPU_PUBLIC_DIR: pub, KEPU_OUT_DIR: join(TMP, 'faults-svg-dist') });
    expect(r.status).toBe(1);
    expect(failureLines(r.output)).toEqual([
      'tests/.tmp/faults-public/images/logo.svg:3 SVG 里不能有脚本或外部引用（<script>），只接受纯图形；请导出为 PNG，或在编辑器里去掉它 / SVG images must be plain drawings: no scripts, event handlers or external references',
      '✗ 内容有 1 个问题，未构建（npm run validate 可单独检查）/ invalid content, nothing built',
    ]);
    expect(existsSync(join(TMP, 'faults-svg-dist'))).toBe(false);
  });
});

describe('two builds, a killed step', () => {
  rmSync(OUT, { recursive: true, force: true });

  it('a second build of the same output says who holds it and exits; the first completes whole', async () => {
    const other = tryMount('other-device', 'size=300m');
    // The first build keeps Astro's cache on another file system when it can: outputs are renamed
    // within the output's own file system, never across (EXDEV).
    const first = start(other ? { KEPU_CACHE_DIR: join(other, 'cache') } : {});
    await until(() => existsSync(`${OUT}.kepu-lock`), 'the first build to take its lock');
    const second = await build();
    expect(second.status).toBe(1);
    expect(failureLines(second.output)).toEqual([`✗ 另一个构建（进程 ${first.pid}）正在使用 ${OUT}，请等它结束后再运行 / another build (pid ${first.pid}) is using ${OUT}: wait for it to finish`]);
    const r = await first.done;
    expect(r.status, r.output).toBe(0);
    for (const f of ['index.html', 'calendar.ics', 'observances.ics', 'api/events.json', 'feed.xml', 'data/events/2026-09.json']) expect(existsSync(join(OUT, f)), f).toBe(true);
    expect(readdirSync(TMP).filter((n) => n.includes('kepu-build') || n.endsWith('.kepu-lock'))).toEqual([]);
  });

  it('a step killed mid-build: one line, exit 1, and the previous site is still whole', async () => {
    expect(existsSync(join(OUT, 'index.html'))).toBe(true);
    const run = start({});
    let pages = '';
    await until(() => {
      const r = spawnSync('pgrep', ['-P', String(run.pid), '-f', 'steps/pages.ts'], { encoding: 'utf8' });
      pages = r.stdout.trim().split('\n')[0] ?? '';
      return pages !== '';
    }, 'the pages step to start');
    process.kill(Number(pages), 'SIGKILL');
    const r = await run.done;
    expect(r.status).toBe(1);
    expect(failureLines(r.output)).toEqual(['✗ 页面生成被终止（SIGKILL，可能是内存不足）/ pages was killed (SIGKILL)']);
    expect(existsSync(join(OUT, 'index.html'))).toBe(true);
    expect(readdirSync(TMP).filter((n) => n.includes('kepu-build'))).toEqual([]);
  });
});

describe('file-system faults (tmpfs)', () => {
  it('a full disk: one line naming ENOSPC, nothing left behind', async (ctx) => {
    const full = tryMount('full', 'size=400k');
    if (!full) return ctx.skip();
    const r = await build({ KEPU_OUT_DIR: join(full, 'dist') });
    expect(r.status).toBe(1);
    const lines = failureLines(r.output);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✗ (页面生成|数据文件)失败：(\S+ )?磁盘空间已满（ENOSPC）\/ (pages|data files) failed: no space left on device/);
    expect(r.output).not.toMatch(NO_TRACE);
    expect(readdirSync(full)).toEqual([]);
  });

  it('a read-only output folder: one line naming EROFS', async (ctx) => {
    const ro = tryMount('read-only', 'size=1m,ro');
    if (!ro) return ctx.skip();
    const r = await build({ KEPU_OUT_DIR: join(ro, 'dist') });
    expect(r.status).toBe(1);
    expect(failureLines(r.output)).toEqual([`✗ 构建失败：${ro}/dist.kepu-lock 是只读的文件系统（EROFS）/ build failed: read-only file system (${ro}/dist.kepu-lock)`]);
  });
});

void writeFileSync;
