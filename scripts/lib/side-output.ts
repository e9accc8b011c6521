/**
 * The shell of a side-output step (scripts/write-data-files.ts, scripts/index-search.ts): takes
 * the output folder from its arguments, empties it, runs `make`, and prints
 * `✓ <what make says>（N s）`, the line scripts/bench.ts reads the step times from.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

export function sideOutput(make: (out: string) => Promise<string>): (args: string[]) => Promise<void> {
  return async ([arg]) => {
    if (!arg) throw new Error('用法 / usage: <folder>');
    const out = resolve(arg);
    const started = performance.now();
    rmSync(out, { recursive: true, force: true });
    const said = await make(out);
    console.log(`✓ ${said}（${((performance.now() - started) / 1000).toFixed(1)} s）`);
  };
}
