#!/usr/bin/env node
/**
 * npm run build — validate the content, then make the site's three parts side by side, then put the
 * finished site in place:
 *
 *   validate ──► snapshot ──┬── pages (Astro) ──────────────────┐
 *   (content,    (one       └── data files ──► search index ─────┴──► staging ──► swap into KEPU_OUT_DIR
 *    images)      file)
 *
 * Each step is a child process started from its imported module (scripts/steps/, scripts/*.ts):
 * the content is validated once, and the memory of one step is gone when it ends (at 50k events the
 * validated content is ~1.5 GB of heap). Everything is written to a staging folder beside the
 * output and swapped in at the end (scripts/lib/build-output.ts): a failed, killed or concurrent
 * build leaves the previous site whole. Every fault is one line; DEBUG=1 shows stack traces.
 *
 * Environment: CONTENT_DIR (default ./content), KEPU_PUBLIC_DIR (./public), SITE_URL, KEPU_TODAY
 * (pin "today"), KEPU_OUT_DIR (./dist), KEPU_CACHE_DIR (Astro's cache, ./node_modules/.astro),
 * KEPU_NO_SEARCH (no search index), KEPU_SEARCH_BUNDLE_SIZE.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SNAPSHOT_ENV } from '../src/content/snapshot-fs.ts';
import { isRealDate } from '../src/lib/time/days.ts';
import { yearInRange } from '../src/lib/content/limits.ts';
import { OneLineError, makeStage, moveTree, removeStage, type Stage, swapInto, takeLock } from './lib/build-output.ts';
import { runChild, stopChildren, type ChildModule, type ChildResult } from './lib/child.ts';
import { reportFault } from './lib/faults.ts';
import { pagesStep } from './steps/pages.ts';
import { validateStep } from './steps/validate.ts';
import { indexSearchStep } from './index-search.ts';
import { dataFilesStep } from './write-data-files.ts';

/** Settings read before anything runs: a bad one is one line, not a wrong site. */
function checkEnvironment(env = process.env): void {
  const today = env.KEPU_TODAY;
  const m = today ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(today) : undefined;
  if (today && (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!) || !yearInRange(+m[1]!)))
    throw new OneLineError(`✗ KEPU_TODAY=${today} 不是 2000–2100 年间的真实日期，请写成 YYYY-MM-DD / KEPU_TODAY is not a real date (YYYY-MM-DD)`);
}

/** A child step, its arguments, and what to do when it has succeeded. */
type Step = [ChildModule, string[], (() => void)?];

/**
 * Run lanes side by side, the steps of a lane one after the other; the first failure stops the
 * others. The data files and the search index share a lane beside the pages (issue 21): the machine
 * has two cores, so a third process side by side adds no speed, and one at a time their memory is
 * not added to the page build's (at 100,000 events in one month each holds 1–2 GB).
 */
async function together(lanes: Step[][], env: Record<string, string>): Promise<void> {
  const runLane = async (lane: Step[]): Promise<ChildResult[]> => {
    const out: ChildResult[] = [];
    for (const [mod, args, then] of lane) {
      const r = await runChild(mod, args, env);
      out.push(r);
      if (!r.ok) {
        stopChildren();
        break;
      }
      then?.();
    }
    return out;
  };
  const done = (await Promise.all(lanes.map(runLane))).flat();
  const failed = done.find((r) => !r.ok && !r.why.includes('SIGTERM')) ?? done.find((r) => !r.ok);
  if (failed) throw new OneLineError(failed.why);
  for (const r of done) if (r.name === 'validate' || r.name === 'pages') console.log(`✓ ${r.name === 'pages' ? 'astro build' : r.name}（${r.seconds.toFixed(1)} s）`);
}

async function run(): Promise<void> {
  checkEnvironment();
  const out = resolve(process.env.KEPU_OUT_DIR || 'dist');
  const cache = resolve(process.env.KEPU_CACHE_DIR || 'node_modules/.astro');
  const unlock = [takeLock(`${out}.kepu-lock`, out), takeLock(resolve(cache, 'kepu-build.lock'), cache)];
  let stage: Stage | undefined;
  const cleanUp = () => (stopChildren(), removeStage(stage), unlock.forEach((u) => u()));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => (cleanUp(), console.error(`✗ 构建被中断（${signal}）/ build interrupted`), process.exit(1)));
  }
  try {
    stage = makeStage(out);
    // The search index uses a second process for its last bundles once the pages are done (index-search.ts).
    const pagesDone = `${stage.snapshot}.pages-done`;
    const env = { [SNAPSHOT_ENV]: stage.snapshot, KEPU_PAGES_DONE: pagesDone };
    await together([[[validateStep, [stage.snapshot]]]], env);
    await together([
      [[pagesStep, [stage.pages], () => writeFileSync(pagesDone, '')]],
      [[dataFilesStep, [stage.dataFiles]], ...(process.env.KEPU_NO_SEARCH ? [] : [[indexSearchStep, [stage.search]] as Step])],
    ], env);
    moveTree(stage.dataFiles, stage.pages);
    moveTree(stage.search, stage.pages);
    swapInto(stage, out);
  } finally {
    cleanUp();
  }
}

run().catch((e) => {
  if (e instanceof OneLineError) console.error(e.message);
  else reportFault('build', e);
  process.exitCode = 1;
});
