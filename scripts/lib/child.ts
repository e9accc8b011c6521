/**
 * The build's children are modules, not path strings: a step module declares itself with
 * `childModule(import.meta.url, name, main)` and the build imports it and starts it with
 * `runChild(module, args)`. Started as a child, the module runs `main` and exits; imported, it only
 * describes itself (so importing a step costs nothing).
 *
 * A child prints its report on stdout (inherited, live) and exits 0, or prints one `✗` line on
 * stderr and exits 1. The parent keeps the child's stderr: shown whole with DEBUG; otherwise, on
 * success, without stack-trace lines, and on failure as one line — the child's own `✗` line, or
 * the first line of what it said, or how it was killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isTraceLine, reportFault, ZH } from './faults.ts';

export interface ChildModule {
  /** The module's URL (import.meta.url), resolved by the module system, not written by hand. */
  url: string;
  /** What the step is called in messages: validate, pages, data files, search index. */
  name: string;
}

/** Declare a runnable step module; runs `main` when the process was started on this module. */
export function childModule(url: string, name: string, main: (args: string[]) => Promise<void>): ChildModule {
  const entry = process.argv[1];
  if (entry && pathToFileURL(entry).href === url) {
    // Exit once done: a library may leave a handle open (a watcher, a worker) that would keep the
    // step, and the build waiting on it, alive.
    main(process.argv.slice(2)).then(
      () => process.exit(process.exitCode ?? 0),
      (e) => {
        reportFault(name, e);
        process.exit(1);
      },
    );
  }
  return { url, name };
}

export interface ChildResult {
  name: string;
  ok: boolean;
  /** One line saying why it failed (empty when ok). */
  why: string;
  seconds: number;
}

const running = new Set<ChildProcess>();

/** Stop every child still running (the build failed elsewhere, or was interrupted). */
export function stopChildren(): void {
  for (const c of running) c.kill('SIGTERM');
}

function failureLine(name: string, code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const zh = ZH[name] ?? name;
  if (signal) return `✗ ${zh}被终止（${signal}${signal === 'SIGKILL' ? '，可能是内存不足' : ''}）/ ${name} was killed (${signal})`;
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const own = lines.find((l) => l.startsWith('✗'));
  if (own) return own;
  const first = lines.find((l) => !isTraceLine(l) && !/^\[?(ERROR|error)\]?\s*$/.test(l));
  return `✗ ${zh}失败（退出码 ${code}）${first ? '：' + first.replace(/^\[ERROR\]\s*/, '').slice(0, 300) : ''} / ${name} failed`;
}

export function runChild(mod: ChildModule, args: string[], env: Record<string, string> = {}): Promise<ChildResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [fileURLToPath(mod.url), ...args], {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, ...env },
  });
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    if (process.env.DEBUG) process.stderr.write(d);
    else stderr = (stderr + d).slice(-256 * 1024);
  });
  return new Promise((done) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      running.delete(child);
      const seconds = (performance.now() - started) / 1000;
      const ok = code === 0 && !signal;
      if (ok && stderr) process.stderr.write(stderr.split('\n').filter((l) => !isTraceLine(l)).join('\n'));
      done({ name: mod.name, ok, why: ok ? '' : failureLine(mod.name, code, signal, stderr), seconds });
    };
    child.on('error', (e) => ((stderr += `✗ ${mod.name}: ${e.message}\n`), finish(1, null)));
    child.on('close', finish);
  });
}
