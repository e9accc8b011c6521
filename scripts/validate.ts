#!/usr/bin/env node
/**
 * npm run validate — check all content without building the site.
 * Prints every problem at once, one line each (file:line field: 中文 / English), and exits 1 on any
 * error. With GITHUB_ACTIONS=true it also prints ::error annotations for the pull-request diff.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentRoot, loadContentInParallel } from '../src/lib/content/content-fs.ts';
import { formatError, githubAnnotation } from '../src/lib/content/errors.ts';
import { checkSources } from '../src/lib/pull/sources.ts';
import { SOURCES_FILE } from '../src/lib/content/validate.ts';

async function run(): Promise<number> {
  const root = contentRoot();
  const started = performance.now();
  const loaded = await loadContentInParallel(root);
  const { content, warnings } = loaded;
  // content/sources.yaml (the calendars npm run pull fetches) is checked against the content too.
  const sourcesPath = join(root, SOURCES_FILE);
  const sourceErrors = existsSync(sourcesPath) ? checkSources(relative(process.cwd(), sourcesPath).split('\\').join('/'), readFileSync(sourcesPath, 'utf8'), content).errors : [];
  const errors = [...loaded.errors, ...sourceErrors];
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  for (const w of warnings) {
    console.warn(formatError(w));
    if (annotate) console.log(githubAnnotation(w));
  }
  for (const e of errors) {
    console.error(formatError(e));
    if (annotate) console.log(githubAnnotation(e));
  }
  const ms = Math.round(performance.now() - started);
  const counts = `${content.events.length} 个活动、${content.observances.length} 个纪念日、${content.organizers.length} 个单位、${content.venues.length} 个场馆`;
  if (errors.length > 0) {
    console.error(`\n✗ 发现 ${errors.length} 个问题，请按上面的提示修改后再提交 / ${errors.length} problem(s) found (${ms} ms)`);
    return 1;
  }
  console.log(`✓ 内容检查通过：${counts}（${ms} ms）/ content is valid`);
  return 0;
}

run().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    // Never a stack trace for contributors: one line, and the exit code.
    console.error(`✗ 检查程序出错 / validator failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
