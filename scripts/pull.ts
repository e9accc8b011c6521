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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot, readContentFiles } from '../src/lib/content-fs.ts';
import { formatError } from '../src/lib/errors.ts';
import { matchOrganizer } from '../src/lib/import-match.ts';
import { nowIn } from '../src/lib/time/days.ts';
import { readFeed } from '../src/lib/pull/feed.ts';
import { planPull } from '../src/lib/pull/plan.ts';
import { applyChanges, DEFAULT_LIMITS, fetchSource, fileHash } from '../src/lib/pull/pull-fs.ts';
import { checkSources } from '../src/lib/pull/sources.ts';
import { pullRequest, reportLines } from '../src/lib/pull/summary.ts';
import { type SourceConfig, sourceSchema } from '../src/lib/schema.ts';
import type { SourceFile } from '../src/lib/validate.ts';
import { SOURCES_FILE, validateContent } from '../src/lib/validate.ts';
import { zodIssueMessage } from '../src/lib/zod-messages.ts';

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

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
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
  if (values.help) {
    console.log(HELP);
    return 0;
  }

  // 1. The content and the sources, checked as npm run validate checks them.
  const root = contentRoot();
  const contentDir = relative(process.cwd(), root).split('\\').join('/') || '.';
  let existing: SourceFile[] = readContentFiles(root);
  const base = validateContent(existing, contentDir);
  const sourcesPath = join(root, SOURCES_FILE);
  let sources: SourceConfig[] = [];
  if (positionals[0]) {
    // As in npm run import: the organizer's id, full name or short name.
    const org = values.organizer ? matchOrganizer(values.organizer, base.content.organizers) : undefined;
    if (!org || !('id' in org)) {
      console.error(`✗ --organizer: ${org && 'error' in org ? `${org.error}${org.hint ? `（${org.hint}）` : ''}` : '请用 --organizer 写主办单位的编号或名称 / give the organizer with --organizer'}`);
      return 2;
    }
    const one = sourceSchema.safeParse({
      id: 'command-line',
      url: positionals[0],
      organizer: org.id,
      type: values.type,
      topics: values.topics,
      audiences: values.audiences,
      formats: values.formats,
      region: values.region,
    });
    if (!one.success) {
      for (const iss of one.error.issues) console.error(`✗ --${String(iss.path[0] ?? '')}: ${zodIssueMessage(iss, [])}`);
      return 2;
    }
    const check = checkSources('--organizer', JSON.stringify([one.data]), base.content);
    for (const e of check.errors) console.error(`✗ ${e.message}${e.hint ? `（${e.hint}）` : ''}`);
    if (check.errors.length) return 2;
    sources = [one.data];
  } else {
    if (!existsSync(sourcesPath)) {
      console.error(`✗ 找不到 ${relative(process.cwd(), sourcesPath)}：请先在里面列出要拉取的日历，或用 npm run pull -- <网址> --organizer <编号> / no sources file`);
      return 2;
    }
    const check = checkSources(`${contentDir}/${SOURCES_FILE}`, readFileSync(sourcesPath, 'utf8'), base.content);
    for (const e of check.errors) console.error(formatError(e));
    if (check.errors.length) return 2;
    sources = check.sources;
    if (values.source) {
      sources = sources.filter((s) => s.id === values.source);
      if (!sources.length) {
        console.error(`✗ ${SOURCES_FILE} 里没有编号为“${values.source}”的来源 / no source "${values.source}"`);
        return 2;
      }
    }
  }
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
  let failed = 0;

  // 2. Each source on its own: fetch → read → plan → write. A failure is one line.
  for (const source of sources) {
    const label = { id: source.id, url: source.url, organizer: { id: source.organizer, name: names.get(source.organizer) } };
    const fetched = await fetchSource(source.url, limits);
    const read = fetched.ok ? readFeed(fetched.text, source, { contentType: fetched.contentType }) : { error: fetched.message };
    if ('error' in read) {
      failed++;
      console.log(`✗ ${label.organizer.name ?? source.organizer} ${source.url}: ${read.error}`);
      continue;
    }
    const plan = planPull(source, read, existing, { contentDir, now, today: now.slice(0, 10), hash: fileHash });
    for (const line of reportLines(plan, label)) console.log(line);
    if (values['pr-dir']) {
      const pr = pullRequest(plan, label, now);
      mkdirSync(values['pr-dir'], { recursive: true });
      writeFileSync(join(values['pr-dir'], `${source.id}.title.txt`), pr.title + '\n');
      writeFileSync(join(values['pr-dir'], `${source.id}.md`), pr.body);
    }
    if (values['dry-run'] || plan.changes.length === 0) continue;
    applyChanges(plan.changes);
    // Later sources see this one's files (duplicates across sources, taken file names).
    const gone = new Set(plan.changes.flatMap((c) => [c.path, ...(c.from ? [c.from] : [])]));
    existing = [...existing.filter((f) => !gone.has(f.path)), ...plan.changes.map((c) => ({ path: c.path, text: c.text }))];
  }

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
