/**
 * npm run pull: one source on its own — fetch → read → plan → report → write. A source that fails
 * (network, HTTP error, HTML instead of a calendar, too large, too slow, not parseable) is one
 * line and `false`; the caller goes on with the next source.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPull } from '../../../src/lib/pull/plan.ts';
import { readFeed } from '../../../src/lib/pull/feed.ts';
import { applyChanges, fetchSource, type FetchLimits, fileHash } from '../../../src/lib/pull/pull-fs.ts';
import { pullRequest, reportLines } from '../../../src/lib/pull/summary.ts';
import type { SourceConfig } from '../../../src/lib/content/schema.ts';
import type { SourceFile } from '../../../src/lib/content/validate.ts';

export interface PullRun {
  contentDir: string;
  /** The pull's local time (`YYYY-MM-DDTHH:mm`). */
  now: string;
  limits: FetchLimits;
  /** Organizer id → name, for the report. */
  names: Map<string, string>;
  dryRun: boolean;
  prDir?: string;
  /** The content files; updated after each source that wrote files. */
  existing: SourceFile[];
}

/** Pull one source; `false` when it could not be read. */
export async function pullSource(source: SourceConfig, run: PullRun): Promise<boolean> {
  const label = { id: source.id, url: source.url, organizer: { id: source.organizer, name: run.names.get(source.organizer) } };
  const fetched = await fetchSource(source.url, run.limits);
  const read = fetched.ok ? readFeed(fetched.text, source, { contentType: fetched.contentType }) : { error: fetched.message };
  if ('error' in read) {
    console.log(`✗ ${label.organizer.name ?? source.organizer} ${source.url}: ${read.error}`);
    return false;
  }
  const plan = planPull(source, read, run.existing, { contentDir: run.contentDir, now: run.now, today: run.now.slice(0, 10), hash: fileHash });
  for (const line of reportLines(plan, label)) console.log(line);
  if (run.prDir) {
    const pr = pullRequest(plan, label, run.now);
    mkdirSync(run.prDir, { recursive: true });
    writeFileSync(join(run.prDir, `${source.id}.title.txt`), pr.title + '\n');
    writeFileSync(join(run.prDir, `${source.id}.md`), pr.body);
  }
  if (run.dryRun || plan.changes.length === 0) return true;
  applyChanges(plan.changes);
  // Later sources see this one's files (duplicates across sources, taken file names).
  const gone = new Set(plan.changes.flatMap((c) => [c.path, ...(c.from ? [c.from] : [])]));
  run.existing = [...run.existing.filter((f) => !gone.has(f.path)), ...plan.changes.map((c) => ({ path: c.path, text: c.text }))];
  return true;
}
