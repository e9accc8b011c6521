/**
 * The pull, decided without touching the disk or the network: what an organizer's calendar says
 * now, compared with the files earlier pulls wrote from it → new files, updated files and
 * cancelled files, each validated with the rest of the content exactly as `npm run validate` and
 * `npm run import` check them (the importer's mapRow and checkNewFiles, never a second copy).
 *
 * - An event is matched to its file by the source's UID (`feed.uid`, with `feed.url` the source).
 *   A file keeps its name, hence its calendar UID, for ever; it only changes folder when the year
 *   of its start changes. (Matching: match.ts.)
 * - Changed at the source → the file is rewritten with `updated` set (subscribers' calendars pick
 *   the change up through SEQUENCE). STATUS:CANCELLED, or gone from the source while still upcoming
 *   → `status: cancelled`. Files are never deleted. Past events that a feed stops listing stay.
 * - `feed.hash` is the checksum of the file as the pull wrote it. If the file no longer matches,
 *   a person has edited it since: the pull reports a conflict and leaves the file alone.
 *   (Checksums and comparison: compare.ts.)
 * - A source that suddenly lists nothing, while earlier events are still upcoming, cancels
 *   nothing: an empty feed is far more often a broken export than a cancelled programme.
 *
 * Reading the fetched text into records is feed.ts; the wording of notes, notes.ts.
 */
import type { ContentError } from '../content/errors.ts';
import { duplicateIndex } from '../import/import-match.ts';
import { COLLECTIONS, type SourceConfig } from '../content/schema.ts';
import { buildEntry, checkNewFiles, entryPath, takenIds } from '../import/scaffold.ts';
import { type SourceFile, validateContent } from '../content/validate.ts';
import { changedFields, comparable, editedSincePull, pulledText } from './compare.ts';
import type { FeedRead, SourceLike } from './feed.ts';
import { adoptReissued, type Data, keyOf, type Mapped, mapFeed, type Pulled, pulledFiles, unseenFiles } from './match.ts';
import { errorText, note, type PullNote } from './notes.ts';

export type ChangeKind = 'new' | 'update' | 'cancel';

export interface PullChange {
  kind: ChangeKind;
  /** Repository-relative path written. */
  path: string;
  text: string;
  /** The old path when the start moved to another year (the file moves, its name stays). */
  from?: string;
  uid: string;
  title: string;
  /** What changed, for the summary (update: the fields; cancel: why). */
  detail?: string;
}

export interface PullPlan {
  url: string;
  changes: PullChange[];
  /** Events the source lists exactly as their files say. */
  unchanged: number;
  /** Files a person edited since the last pull, left alone although the source changed. */
  conflicts: PullNote[];
  /** Left out on purpose: duplicates of other entries, title filter, cancelled before first seen. */
  skipped: PullNote[];
  /** Events the source lists that do not pass the checks (not written; their files untouched). */
  problems: PullNote[];
  /** Warnings about events that were written (categories left out …). */
  warnings: PullNote[];
  /** About the whole source (unknown JSON-LD blocks, the empty-feed guard …). */
  notices: string[];
}

export interface PullOptions {
  contentDir: string;
  /** Local time of the pull (`YYYY-MM-DDTHH:mm`, Asia/Shanghai): `feed.fetched` and `updated`. */
  now: string;
  /** Today's date (YYYY-MM-DD): events that ended before it are not cancelled when they drop off. */
  today: string;
  /** Checksum of a file's text, 16 hex digits (pull-fs.ts: SHA-256). */
  hash: (text: string) => string;
  zone?: string;
}

/** What the steps of one plan share. */
interface Step {
  source: SourceLike & Partial<SourceConfig>;
  opts: PullOptions;
  plan: PullPlan;
  /** Duplicate keys of the entries that are not this source's files → the entry. */
  dupes: Map<string, string>;
  /** Duplicate keys of the new files planned so far → 「title」. */
  batchKeys: Map<string, string>;
  /** File names taken in the events folder (buildEntry adds each new one). */
  taken: Set<string>;
}

export function planPull(source: SourceLike & Partial<SourceConfig>, feed: FeedRead, existing: SourceFile[], opts: PullOptions): PullPlan {
  const { contentDir } = opts;
  const base = validateContent(existing, contentDir);
  const eventsDir = `${contentDir.replace(/\/+$/, '')}/${COLLECTIONS.events.dir}/`;
  // 1. The files earlier pulls wrote from this source, by source UID.
  const pulled = pulledFiles(existing, source, feed, eventsDir);
  const ownFiles = new Set([...pulled.values()].map((p) => p.path));
  // 2. Each event of the source → its data, through the importer's mapping.
  const match = mapFeed(source, feed, pulled, base.content, opts.now);
  const { warnings, problems, skipped } = match;
  const plan: PullPlan = { url: source.url, changes: [], unchanged: 0, conflicts: [], skipped, problems, warnings, notices: [...feed.notices] };
  // 3. Events whose source re-issued their UIDs keep their files.
  adoptReissued(pulled, match);
  // 4. New, updated, unchanged.
  const dupes = duplicateIndex(base.content.events.filter((e) => !ownFiles.has(e.file)));
  const step: Step = { source, opts, plan, dupes, batchKeys: new Map(), taken: takenIds(existing, contentDir, 'events') };
  for (const m of match.mapped) {
    if (m.old) planListed(step, m, m.old);
    else planNew(step, m);
  }
  // 5. Files whose event the source no longer lists: cancelled while upcoming, kept once past.
  planGone(step, feed, unseenFiles(pulled, match));
  // 6. Every written file checked with the whole tree, as npm run validate will check it.
  checkWritten(plan, existing, contentDir);
  return plan;
}

/** A new event → a new file, unless cancelled already or a duplicate of an entry or of this batch. */
function planNew({ source, opts, plan, dupes, batchKeys, taken }: Step, m: Mapped): void {
  if (m.data.status === 'cancelled') {
    note(plan.skipped, m.uid, m.title, '来源里已经取消，没有收录 / already cancelled at the source, not added');
    return;
  }
  const keys = keyOf(m.data);
  const dup = keys.map((k) => dupes.get(k) ?? batchKeys.get(k)).find(Boolean);
  if (dup) {
    note(plan.skipped, m.uid, m.title, `与已有的 ${dup} 重复（同名、同一天、同一主办单位或场馆），没有收录 / duplicate of ${dup}, not added`);
    return;
  }
  for (const k of keys) batchKeys.set(k, `「${m.title}」`);
  const feedInfo = { url: source.url, uid: m.uid, fetched: opts.now };
  const built = buildEntry('events', { ...m.data, feed: feedInfo }, { contentDir: opts.contentDir, taken, body: m.body });
  plan.changes.push({ kind: 'new', path: built.path, text: pulledText(m.data, m.body, feedInfo, opts.hash), uid: m.uid, title: m.title });
}

/** A listed event with its file: unchanged, a conflict (edited by a person), updated or cancelled. */
function planListed({ source, opts, plan }: Step, m: Mapped, old: Pulled): void {
  const { now, hash } = opts;
  const sameUid = old.uid === m.uid && old.url === source.url;
  if (sameUid && comparable(old.data, old.body) === comparable(m.data, m.body)) {
    plan.unchanged++;
    return;
  }
  if (editedSincePull(old.text, hash)) {
    note(
      plan.conflicts,
      m.uid,
      m.title,
      `来源有变化（${changedFields(old.data, m.data, old.body, m.body) || 'feed'}），但这个文件在上次拉取后被人改过，没有覆盖：请对照来源手工修改，或删掉 feed.hash 一行让下次拉取覆盖 / changed at the source, but edited by a person since the last pull: not overwritten`,
      old.path,
    );
    return;
  }
  const cancelled = m.data.status === 'cancelled' && old.data.status !== 'cancelled';
  const data = { ...m.data, updated: now };
  const path = entryPath('events', old.id, data, opts.contentDir);
  plan.changes.push({
    kind: cancelled ? 'cancel' : 'update',
    path,
    ...(path !== old.path ? { from: old.path } : {}),
    text: pulledText(data, m.body, { url: source.url, uid: m.uid, fetched: now }, hash),
    uid: m.uid,
    title: m.title,
    detail: cancelled ? '来源标记为取消 / cancelled at the source' : changedFields(old.data, m.data, old.body, m.body) || '来源换了地址或 UID / new address or UID at the source',
  });
}

/** Files whose event the source no longer lists: cancelled while upcoming (unless the feed is empty). */
function planGone({ source, opts, plan }: Step, feed: FeedRead, gone: Pulled[]): void {
  const { now, hash } = opts;
  const upcoming = gone.filter((p) => p.data.status !== 'cancelled' && String(p.data.end ?? p.data.start ?? '').slice(0, 10) >= opts.today);
  if (feed.records.length === 0 && feed.problems.length === 0 && upcoming.length > 0) {
    plan.notices.push(
      `来源里一个活动都没有，但之前拉取的 ${upcoming.length} 个活动还没有举行：为防止误取消，这次没有取消任何活动，请确认来源是否正常 / the source lists no events while ${upcoming.length} pulled events are still upcoming: nothing was cancelled`,
    );
    return;
  }
  for (const p of upcoming) {
    const title = titleOf(p.data);
    if (editedSincePull(p.text, hash)) {
      note(plan.conflicts, p.uid, title, '来源里已经没有这个活动，但这个文件在上次拉取后被人改过，没有标为取消：请确认后手工修改 / gone from the source, but edited by a person since the last pull: not cancelled', p.path);
      continue;
    }
    const data: Data = { ...p.data, status: 'cancelled', updated: now };
    delete data.feed;
    plan.changes.push({
      kind: 'cancel',
      path: p.path,
      text: pulledText(data, p.body, { url: source.url, uid: p.uid, fetched: now }, hash),
      uid: p.uid,
      title,
      detail: '来源里已经没有这个活动 / no longer listed by the source',
    });
  }
}

/** Every written file checked with the whole tree: a file that fails is left out, as a problem. */
function checkWritten(plan: PullPlan, existing: SourceFile[], contentDir: string): void {
  const moved = new Set(plan.changes.flatMap((c) => (c.from ? [c.from] : [])));
  const check = checkNewFiles(existing.filter((f) => !moved.has(f.path)), plan.changes, contentDir);
  const failed = new Map<string, ContentError[]>();
  for (const e of check.errors) failed.set(e.file, [...(failed.get(e.file) ?? []), e]);
  for (const w of check.warnings) {
    const c = plan.changes.find((x) => x.path === w.file);
    // The validator asks for `updated` on status changes: the pull always writes it.
    if (c) note(plan.warnings, c.uid, c.title, errorText(w), c.path);
  }
  plan.changes = plan.changes.filter((c) => {
    const errs = failed.get(c.path);
    if (!errs) return true;
    for (const e of errs) note(plan.problems, c.uid, c.title, errorText(e), c.kind === 'new' ? undefined : (c.from ?? c.path));
    return false;
  });
}

function titleOf(d: Data): string {
  return typeof d.title === 'string' ? d.title : '';
}
