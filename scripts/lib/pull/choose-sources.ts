/**
 * npm run pull: which sources to pull — one calendar given on the command line (its URL and
 * --organizer), or content/sources.yaml (all, or one by --source), checked as npm run validate
 * checks them. Problems are printed here; `{ exit }` is the code the command stops with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentSet } from '../../../src/lib/content/model.ts';
import { formatError } from '../../../src/lib/content/errors.ts';
import { matchOrganizer } from '../../../src/lib/import/import-match.ts';
import { checkSources } from '../../../src/lib/pull/sources.ts';
import { type SourceConfig, sourceSchema } from '../../../src/lib/content/schema.ts';
import { SOURCES_FILE } from '../../../src/lib/content/validate.ts';
import { zodIssueMessage } from '../../../src/lib/content/zod-messages.ts';

/** The flags that name sources (npm run pull's parseArgs values). */
export interface SourceFlags {
  source?: string;
  organizer?: string;
  type?: string;
  topics?: string;
  audiences?: string;
  formats?: string;
  region?: string;
}

export type Chosen = { sources: SourceConfig[] } | { exit: number };

/** One calendar by URL. As in npm run import: the organizer's id, full name or short name. */
export function commandLineSource(url: string, values: SourceFlags, content: ContentSet): Chosen {
  const org = values.organizer ? matchOrganizer(values.organizer, content.organizers) : undefined;
  if (!org || !('id' in org)) {
    console.error(`✗ --organizer: ${org && 'error' in org ? `${org.error}${org.hint ? `（${org.hint}）` : ''}` : '请用 --organizer 写主办单位的编号或名称 / give the organizer with --organizer'}`);
    return { exit: 2 };
  }
  const one = sourceSchema.safeParse({
    id: 'command-line',
    url,
    organizer: org.id,
    type: values.type,
    topics: values.topics,
    audiences: values.audiences,
    formats: values.formats,
    region: values.region,
  });
  if (!one.success) {
    for (const iss of one.error.issues) console.error(`✗ --${String(iss.path[0] ?? '')}: ${zodIssueMessage(iss, [])}`);
    return { exit: 2 };
  }
  const check = checkSources('--organizer', JSON.stringify([one.data]), content);
  for (const e of check.errors) console.error(`✗ ${e.message}${e.hint ? `（${e.hint}）` : ''}`);
  if (check.errors.length) return { exit: 2 };
  return { sources: [one.data] };
}

/** The sources of content/sources.yaml, or the one named by --source. */
export function fileSources(root: string, contentDir: string, only: string | undefined, content: ContentSet): Chosen {
  const sourcesPath = join(root, SOURCES_FILE);
  if (!existsSync(sourcesPath)) {
    console.error(`✗ 找不到 ${relative(process.cwd(), sourcesPath)}：请先在里面列出要拉取的日历，或用 npm run pull -- <网址> --organizer <编号> / no sources file`);
    return { exit: 2 };
  }
  const check = checkSources(`${contentDir}/${SOURCES_FILE}`, readFileSync(sourcesPath, 'utf8'), content);
  for (const e of check.errors) console.error(formatError(e));
  if (check.errors.length) return { exit: 2 };
  if (!only) return { sources: check.sources };
  const sources = check.sources.filter((s) => s.id === only);
  if (!sources.length) {
    console.error(`✗ ${SOURCES_FILE} 里没有编号为“${only}”的来源 / no source "${only}"`);
    return { exit: 2 };
  }
  return { sources };
}
