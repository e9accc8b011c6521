/**
 * Child processes: wall time, and peak RSS from /usr/bin/time -v plus a /proc poll of the whole
 * process tree (the build's children run side by side, so the machine needs their sum).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT, round } from './config.ts';

export interface ProcMeasure {
  seconds: number;
  /** Largest single process of the tree (max RSS as reported by /usr/bin/time -v, or VmHWM). */
  peakRssMB: number;
  /** Largest sum of VmRSS over the whole process tree, sampled every 100 ms. */
  treePeakRssMB: number;
  /** CPU time (user + system) of the whole tree, less sensitive than wall time to other load on the machine. */
  cpuSeconds: number;
  status: number;
}

/** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

function childrenMap(): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = m.get(ppid);
      if (list) list.push(Number(name));
      else m.set(ppid, [Number(name)]);
    } catch {
      /* gone */
    }
  }
  return m;
}

function statusKB(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export const HAVE_TIME = existsSync('/usr/bin/time');

export function measure(label: string, args: string[], env: Record<string, string>, logFile: string): Promise<ProcMeasure> {
  const cmd = HAVE_TIME ? '/usr/bin/time' : process.execPath;
  const argv = HAVE_TIME ? ['-v', process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let treePeak = 0;
  let hwmPeak = 0;
  const ticks = new Map<number, number>();
  const poll = setInterval(() => {
    const kids = childrenMap();
    const stack = [child.pid!];
    let sum = 0;
    while (stack.length) {
      const pid = stack.pop()!;
      sum += statusKB(pid, 'VmRSS');
      hwmPeak = Math.max(hwmPeak, statusKB(pid, 'VmHWM'));
      if (pid !== child.pid) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, cpuTicks(pid)));
      stack.push(...(kids.get(pid) ?? []));
    }
    treePeak = Math.max(treePeak, sum);
  }, 100);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(logFile, log);
      const maxrss = /Maximum resident set size \(kbytes\): (\d+)/.exec(log);
      const peakKB = Math.max(maxrss ? Number(maxrss[1]) : 0, hwmPeak);
      // /usr/bin/time counts the descendants it reaped; the poll also sees those that were not (Pagefind's binary).
      const timeCpu = /User time \(seconds\): ([\d.]+)[\s\S]*?System time \(seconds\): ([\d.]+)/.exec(log);
      const polled = [...ticks.values()].reduce((a, b) => a + b, 0) / 100;
      const cpuSeconds = round(Math.max(timeCpu ? Number(timeCpu[1]) + Number(timeCpu[2]) : 0, polled), 1);
      const r = { seconds: round(seconds, 1), peakRssMB: Math.round(peakKB / 1024), treePeakRssMB: Math.round(treePeak / 1024), cpuSeconds, status: code ?? 1 };
      console.log(`  ${label}: ${r.seconds} s (CPU ${r.cpuSeconds} s), peak RSS ${r.peakRssMB} MB (tree ${r.treePeakRssMB} MB)${r.status ? ` ✗ exit ${r.status}, see ${relative(ROOT, logFile)}` : ''}`);
      done(r);
    });
  });
}
