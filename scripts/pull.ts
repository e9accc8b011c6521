#!/usr/bin/env node
/**
 * npm run pull — fetch the organizers' own calendars (content/sources.yaml) and write, update or
 * cancel their events' files. See src/lib/pull/plan.ts for the rules (matching by source UID,
 * never deleting, never overwriting a file a person edited).
 *
 *   npm run pull                                   every source in content/sources.yaml
 *   npm run pull -- --source <id>                  one source of the file
 *   npm run pull -- <url> --organizer <id> [--topics 天文,科学教育] [--type ics|jsonld]
 *                                                  one calendar that is not in the file
 *   --dry-run          report only; write nothing
 *   --pr-dir <dir>     also write <dir>/<id>.title.txt and <dir>/<id>.md: the pull request per source
 *   --list [--json]    print the source ids (the workflow's matrix) and stop
 *   --timeout <s> --max-mb <n>   fetch limits (default 30 s, 5 MB)
 *   --now <YYYY-MM-DDTHH:mm>     the pull's local time (tests)
 *
 * A source that fails (network, HTTP error, HTML instead of a calendar, too large, too slow, not
 * parseable) is one line; the other sources go on; the exit code is 1 if any failed.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot, readContentFiles } from '../src/lib/content/content-fs.ts';
import { nowIn } from '../src/lib/time/days.ts';
import { DEFAULT_LIMITS } from '../src/lib/pull/pull-fs.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { commandLineSource, fileSources } from './lib/pull/choose-sources.ts';
import { pullSource } from './lib/pull/pull-source.ts';

const HELP = `用法 / usage:
  npm run pull                                  拉取 content/sources.yaml 里的全部来源 / every source
  npm run pull -- --source <编号>               只拉取其中一个 / one source of the file
  npm run pull -- <网址> --organizer <单位编号>  拉取一个不在文件里的日历 / one calendar by URL
    [--topics 天文,科学教育] [--audiences 公众] [--formats 讲座] [--region 110108] [--type ics|jsonld]
  --dry-run     只报告，不写文件 / report only
  --pr-dir 目录  为每个来源写拉取请求的标题和说明 / write each source's pull request text
  --list        列出来源编号 / list the source ids`;

function shanghaiNow(): string {
  return nowIn(new Date());
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      organizer: { type: 'string' },
      type: { type: 'string' },
      topics: { type: 'string' },
      audiences: { type: 'string' },
      formats: { type: 'string' },
      region: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'pr-dir': { type: 'string' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
      timeout: { type: 'string' },
      'max-mb': { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    console.log(HELP);
    return 0;
  }

  // 1. The content and the sources, checked as npm run validate checks them.
  const root = contentRoot();
  const contentDir = relative(process.cwd(), root).split('\\').join('/') || '.';
  const existing = readContentFiles(root);
  const base = validateContent(existing, contentDir);
  const chosen = positionals[0] ? commandLineSource(positionals[0], values, base.content) : fileSources(root, contentDir, values.source, base.content);
  if ('exit' in chosen) return chosen.exit;
  const { sources } = chosen;
  if (values.list) {
    console.log(values.json ? JSON.stringify(sources.map((s) => s.id)) : sources.map((s) => s.id).join('\n'));
    return 0;
  }

  const now = values.now ?? shanghaiNow();
  const limits = {
    timeoutMs: values.timeout ? Number(values.timeout) * 1000 : DEFAULT_LIMITS.timeoutMs,
    maxBytes: values['max-mb'] ? Number(values['max-mb']) * 1024 * 1024 : DEFAULT_LIMITS.maxBytes,
  };
  const names = new Map(base.content.organizers.map((o) => [o.id, o.name]));
  const pullRun = { contentDir, now, limits, names, dryRun: Boolean(values['dry-run']), prDir: values['pr-dir'], existing };
  let failed = 0;

  // 2. Each source on its own: fetch → read → plan → write. A failure is one line.
  for (const source of sources) if (!(await pullSource(source, pullRun))) failed++;

  const mode = values['dry-run'] ? '演练模式，没有写入任何文件 / dry run, nothing written' : '完成 / done';
  console.log(`\n${failed ? '⚠' : '✓'} ${mode}：${sources.length} 个来源${failed ? `，${failed} 个无法读取 / ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`✗ 拉取失败 / pull failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
