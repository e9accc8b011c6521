/**
 * The shell of a side-output script (scripts/write-data-files.ts, scripts/index-search.ts): takes
 * the output folder from argv, empties it, runs `make`, and prints `✓ <what make says>（N s）`,
 * the line scripts/bench.ts reads the step times from.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

export async function runSideOutput(script: string, make: (out: string) => Promise<string>): Promise<void> {
  const arg = process.argv[2];
  if (!arg) {
    console.error(`用法 / usage: node ${script} <folder>`);
    process.exit(2);
  }
  const out = resolve(arg);
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  const said = await make(out);
  console.log(`✓ ${said}（${((performance.now() - started) / 1000).toFixed(1)} s）`);
}
