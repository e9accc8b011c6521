/**
 * The pull, decided without touching the disk or the network: what an organizer's calendar says
 * now, compared with the files earlier pulls wrote from it → new files, updated files and
 * cancelled files, each validated with the rest of the content exactly as `npm run validate` and
 * `npm run import` check them (the importer's mapRow and checkNewFiles, never a second copy).
 *
 * - An event is matched to its file by the source's UID (`feed.uid`, with `feed.url` the source).
 *   A file keeps its name, hence its calendar UID, for ever; it only changes folder when the year
 *   of its start changes.
 * - Changed at the source → the file is rewritten with `updated` set (subscribers' calendars pick
 *   the change up through SEQUENCE). STATUS:CANCELLED, or gone from the source while still upcoming
 *   → `status: cancelled`. Files are never deleted. Past events that a feed stops listing stay.
 * - `feed.hash` is the checksum of the file as the pull wrote it. If the file no longer matches,
 *   a person has edited it since: the pull reports a conflict and leaves the file alone.
 * - A source that suddenly lists nothing, while earlier events are still upcoming, cancels
 *   nothing: an empty feed is far more often a broken export than a cancelled programme.
 */
import type { ContentError } from '../errors.ts';
import { parseContentFile } from '../frontmatter.ts';
import { icsToRecords } from '../import-ics.ts';
import { duplicateIndex, duplicateKeys } from '../import-match.ts';
import { splitBilingual } from '../import-plan.ts';
import { mapRow, type RowProblem } from '../import-rows.ts';
import { columnOf, type ImportRecord } from '../import-table.ts';
import { COLLECTIONS, type SourceConfig } from '../schema.ts';
import { parse } from 'yaml';
import { buildEntry, checkNewFiles, entryPath, entryText, takenIds, yamlFields } from '../scaffold.ts';
import { type SourceFile, validateContent } from '../validate.ts';
import { jsonLdToRecords } from './jsonld.ts';

/** More events than this in one source is a runaway export, not a society's programme. */
export const MAX_EVENTS_PER_SOURCE = 2000;

export interface FeedRead {
  records: ImportRecord[];
  /** Problems of single events found while reading (an unknown TZID …). */
  problems: RowProblem[];
  notices: string[];
}

export type SourceLike = Pick<SourceConfig, 'url' | 'organizer'> & Partial<Pick<SourceConfig, 'type'>>;

const looksHtml = (text: string) => /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text);

/**
 * The fetched text → records. `{ error }` (one line, bilingual) when the whole source is unusable:
 * a web page where a calendar was expected, a calendar that cannot be parsed, nothing to read.
 */
export function readFeed(text: string, source: SourceLike, opts: { contentType?: string; zone?: string } = {}): FeedRead | { error: string } {
  const body = text.replace(/^\ufeff/, '');
  const isCalendar = /^\s*BEGIN:VCALENDAR/i.test(body);
  const type = source.type ?? (isCalendar || /\.ics(?:$|[?#])/i.test(source.url) ? 'ics' : 'jsonld');
  let read: FeedRead;
  if (type === 'ics') {
    if (!isCalendar) {
      return {
        error: looksHtml(body) || /html/i.test(opts.contentType ?? '')
          ? '来源返回的是网页（HTML），不是日历文件（.ics）：请检查网址是不是日历的订阅地址，或把 type 改成 jsonld / the source returned an HTML page, not an .ics calendar'
          : '来源的内容不是日历文件（开头没有 BEGIN:VCALENDAR）/ the source is not an iCalendar file (no BEGIN:VCALENDAR)',
      };
    }
    read = icsToRecords(body, { zone: opts.zone, organizer: source.organizer });
    const broken = read.notices.find((n) => n.startsWith('无法读取日历文件'));
    if (broken) return { error: broken };
  } else {
    if (!looksHtml(body) && !/<script/i.test(body)) return { error: '来源不是日历文件，也不是网页 / the source is neither a calendar nor a web page' };
    read = jsonLdToRecords(body, { zone: opts.zone, organizer: source.organizer });
    if (read.records.length === 0 && read.problems.length === 0) return { error: read.notices.at(-1) ?? '网页里没有活动数据 / no events on the page' };
  }
  const count = read.records.length + read.problems.length;
  if (count > MAX_EVENTS_PER_SOURCE)
    return { error: `来源里有 ${count} 个活动，超过每个来源 ${MAX_EVENTS_PER_SOURCE} 个的上限：请让对方只发布近期的活动 / ${count} events, more than the limit of ${MAX_EVENTS_PER_SOURCE} per source` };
  return read;
}

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

export interface PullNote {
  uid: string;
  title: string;
  path?: string;
  message: string;
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

type Data = Record<string, unknown>;

interface Pulled {
  path: string;
  text: string;
  id: string;
  data: Data;
  body: string;
  uid: string;
  /** The source address the file was pulled from. */
  url: string;
}

/** Fields whose change is not a change at the source. */
const BOOKKEEPING = ['feed', 'updated', 'sequence'];

const HASH_LINE = /^ {2}hash: [0-9a-f]{16}\n/m;

/** The text a checksum is taken of: the file without its own `hash:` line. */
export function withoutHash(text: string): string {
  const end = text.indexOf('\n---', 3);
  const head = end < 0 ? text : text.slice(0, end + 1);
  return head.replace(HASH_LINE, '') + (end < 0 ? '' : text.slice(end + 1));
}

/** Has a person changed this pulled file since the pull wrote it? (No hash: they released it.) */
export function editedSincePull(text: string, hash: (t: string) => string): boolean {
  const stored = /^ {2}hash: ([0-9a-f]{16})$/m.exec(text.slice(0, Math.max(0, text.indexOf('\n---', 3))))?.[1];
  return stored !== undefined && hash(withoutHash(text)) !== stored;
}

/** The file text with `feed` (and its checksum) filled in. */
export function pulledText(data: Data, body: string, feed: { url: string; uid: string; fetched: string }, hash: (t: string) => string): string {
  const plain = entryText('events', { ...data, feed: { ...feed } }, body);
  const text = entryText('events', { ...data, feed: { ...feed, hash: hash(plain) } }, body);
  // The checksum must describe exactly the file minus its line; anything else would be a bug here.
  if (withoutHash(text) !== plain) throw new Error('pulledText: checksum line not where expected');
  return text;
}

function comparable(data: Data, body: string): string {
  const d = { ...data };
  for (const k of BOOKKEEPING) delete d[k];
  return entryText('events', d, body);
}

/** The fields as the file would hold them (empty values and defaults left out), without bookkeeping. */
function asWritten(data: Data): Data {
  const d = { ...data };
  for (const k of BOOKKEEPING) delete d[k];
  return (parse(yamlFields('events', d)) ?? {}) as Data;
}

/** Fields that differ, for the summary: `start, venue`. */
function changedFields(before: Data, after: Data, bodyA: string, bodyB: string): string {
  const [a, b] = [asWritten(before), asWritten(after)];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out = keys.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
  if (bodyA.trim() !== bodyB.trim()) out.push('description');
  return out.join(', ');
}

function titleOf(d: Data): string {
  return typeof d.title === 'string' ? d.title : '';
}

export function planPull(source: SourceLike & Partial<SourceConfig>, feed: FeedRead, existing: SourceFile[], opts: PullOptions): PullPlan {
  const { contentDir, now, hash } = opts;
  const plan: PullPlan = { url: source.url, changes: [], unchanged: 0, conflicts: [], skipped: [], problems: [], warnings: [], notices: [...feed.notices] };
  const base = validateContent(existing, contentDir);
  const eventsDir = `${contentDir.replace(/\/+$/, '')}/${COLLECTIONS.events.dir}/`;

  // 1. The files earlier pulls wrote from this source, by source UID (read raw: a file a person
  //    broke is still this source's file, never a reason to make a second one). A file pulled from
  //    another address of the same organizer counts too when the source still lists its UID: a
  //    calendar that moved keeps its files.
  const listed = new Set(feed.records.map((r) => r.ref.uid).filter(Boolean));
  const pulled = new Map<string, Pulled>();
  for (const f of existing) {
    if (!f.path.startsWith(eventsDir) || !f.path.endsWith('.md') || !/^feed:$/m.test(f.text)) continue;
    const p = parseContentFile(f.text, 'markdown');
    if (!('data' in p) || !p.data || typeof p.data !== 'object') continue;
    const data = p.data as Data;
    const fd = data.feed as { url?: unknown; uid?: unknown } | undefined;
    if (!fd || typeof fd.uid !== 'string') continue;
    if (fd.url !== source.url && !(listed.has(fd.uid) && data.organizer === source.organizer)) continue;
    const id = f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.md$/, '');
    pulled.set(fd.uid, { path: f.path, text: f.text, id, data, body: p.body, uid: fd.uid, url: String(fd.url) });
  }
  const ownFiles = new Set([...pulled.values()].map((p) => p.path));
  const dupes = duplicateIndex(base.content.events.filter((e) => !ownFiles.has(e.file)));

  // 2. Each event of the source → its data, through the importer's mapping.
  const ctx = {
    content: base.content,
    now,
    defaults: {
      organizer: source.organizer,
      topics: source.topics?.join('、') || undefined,
      audiences: source.audiences?.join('、') || undefined,
      formats: source.formats?.join('、') || undefined,
      region: source.region,
    },
  };
  const seen = new Set<string>();
  const invalid = new Set<string>();
  const note = (list: PullNote[], uid: string, title: string, message: string, path?: string) => list.push({ uid, title, message, ...(path ? { path } : {}) });
  for (const p of feed.problems) {
    const uid = p.ref.uid ?? `#${p.ref.n}`;
    if (p.severity === 'warning') note(plan.warnings, uid, '', problemText(p));
    else {
      invalid.add(uid);
      note(plan.problems, uid, '', problemText(p));
    }
  }
  const taken = takenIds(existing, contentDir, 'events');
  const mapped: { uid: string; title: string; data: Data; body: string; old?: Pulled }[] = [];
  const batchKeys = new Map<string, string>();
  for (const rec of feed.records) {
    const title = String(rec.cells.title ?? '').trim();
    const uid = rec.ref.uid ?? `${title}|${String(rec.cells.start ?? '')}`;
    if (seen.has(uid)) {
      note(plan.skipped, uid, title, '来源里同一个 UID 出现了两次，只取第一个 / the same UID appears twice in the source; the first is used');
      continue;
    }
    seen.add(uid);
    if (!passesFilter(title, source)) {
      note(plan.skipped, uid, title, '标题不符合 sources.yaml 里的筛选条件，未收录 / left out by the title filter');
      seen.delete(uid); // filtered out = not in the source (a file pulled earlier is cancelled)
      continue;
    }
    const { candidate, problems } = mapRow(rec, ctx);
    for (const p of problems) {
      if (p.severity === 'warning') note(plan.warnings, uid, title, problemText(p));
      else note(plan.problems, uid, title, problemText(p), pulled.get(uid)?.path);
    }
    if (!candidate) {
      invalid.add(uid);
      continue;
    }
    mapped.push({ uid, title, data: candidate.data, body: candidate.body, old: pulled.get(uid) });
  }

  // 3. Events whose UID is new but which match an unseen file of this source by title, day and
  //    organizer: the source re-issued its UIDs (CMS exports do). Keep the file; adopt the UID.
  const unseen = () => [...pulled.values()].filter((p) => !seen.has(p.uid) && !invalid.has(p.uid));
  for (const m of mapped) {
    if (m.old) continue;
    const keys = keyOf(m.data);
    const twin = unseen().find((p) => keyOf(p.data).some((k) => keys.includes(k)) && !mapped.some((x) => x.old === p));
    if (twin) {
      m.old = twin;
      seen.add(twin.uid);
    }
  }

  // 4. New, updated, unchanged.
  for (const m of mapped) {
    const feedInfo = { url: source.url, uid: m.uid, fetched: now };
    if (!m.old) {
      if (m.data.status === 'cancelled') {
        note(plan.skipped, m.uid, m.title, '来源里已经取消，没有收录 / already cancelled at the source, not added');
        continue;
      }
      const keys = keyOf(m.data);
      const dup = keys.map((k) => dupes.get(k) ?? batchKeys.get(k)).find(Boolean);
      if (dup) {
        note(plan.skipped, m.uid, m.title, `与已有的 ${dup} 重复（同名、同一天、同一主办单位或场馆），没有收录 / duplicate of ${dup}, not added`);
        continue;
      }
      for (const k of keys) batchKeys.set(k, `「${m.title}」`);
      const built = buildEntry('events', { ...m.data, feed: feedInfo }, { contentDir, taken, body: m.body });
      plan.changes.push({ kind: 'new', path: built.path, text: pulledText(m.data, m.body, feedInfo, hash), uid: m.uid, title: m.title });
      continue;
    }
    const old = m.old;
    const sameUid = old.uid === m.uid && old.url === source.url;
    if (sameUid && comparable(old.data, old.body) === comparable(m.data, m.body)) {
      plan.unchanged++;
      continue;
    }
    if (editedSincePull(old.text, hash)) {
      note(
        plan.conflicts,
        m.uid,
        m.title,
        `来源有变化（${changedFields(old.data, m.data, old.body, m.body) || 'feed'}），但这个文件在上次拉取后被人改过，没有覆盖：请对照来源手工修改，或删掉 feed.hash 一行让下次拉取覆盖 / changed at the source, but edited by a person since the last pull: not overwritten`,
        old.path,
      );
      continue;
    }
    const cancelled = m.data.status === 'cancelled' && old.data.status !== 'cancelled';
    const data = { ...m.data, updated: now };
    const path = entryPath('events', old.id, data, contentDir);
    plan.changes.push({
      kind: cancelled ? 'cancel' : 'update',
      path,
      ...(path !== old.path ? { from: old.path } : {}),
      text: pulledText(data, m.body, feedInfo, hash),
      uid: m.uid,
      title: m.title,
      detail: cancelled ? '来源标记为取消 / cancelled at the source' : changedFields(old.data, m.data, old.body, m.body) || '来源换了地址或 UID / new address or UID at the source',
    });
  }

  // 5. Files whose event the source no longer lists: cancelled while upcoming, kept once past.
  const gone = unseen();
  const upcoming = gone.filter((p) => p.data.status !== 'cancelled' && String(p.data.end ?? p.data.start ?? '').slice(0, 10) >= opts.today);
  if (feed.records.length === 0 && feed.problems.length === 0 && upcoming.length > 0) {
    plan.notices.push(
      `来源里一个活动都没有，但之前拉取的 ${upcoming.length} 个活动还没有举行：为防止误取消，这次没有取消任何活动，请确认来源是否正常 / the source lists no events while ${upcoming.length} pulled events are still upcoming: nothing was cancelled`,
    );
  } else {
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

  // 6. Every written file checked with the whole tree, as npm run validate will check it.
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
  return plan;
}

function keyOf(d: Data): string[] {
  const { title, start, organizer, venue } = d as { title?: string; start?: string; organizer?: string; venue?: string };
  return title && start ? duplicateKeys({ title, start, organizer, venue }) : [];
}

function passesFilter(title: string, s: Partial<SourceConfig>): boolean {
  const inc = s.titleIncludes ?? [];
  const exc = s.titleExcludes ?? [];
  if (inc.length && !inc.some((w) => title.includes(w))) return false;
  return !exc.some((w) => title.includes(w));
}

/** `开始时间: 日期格式不对… / start: write a date…` — a problem with its column name, both languages. */
function problemText(p: RowProblem): string {
  const col = p.field ? columnOf(p.field) : undefined;
  const [zh, en] = splitBilingual(p.message);
  const [hzh, hen] = p.hint ? splitBilingual(p.hint) : ['', ''];
  return `${col ? col.zh + ': ' : ''}${zh}${hzh ? `（${hzh}）` : ''} / ${col ? col.en + ': ' : ''}${en}${hen ? ` (${hen})` : ''}`;
}

function errorText(e: ContentError): string {
  const [zh, en] = splitBilingual(e.message);
  const [hzh, hen] = e.hint ? splitBilingual(e.hint) : ['', ''];
  const f = e.field ? `${e.field}: ` : '';
  return `${f}${zh}${hzh ? `（${hzh}）` : ''} / ${f}${en}${hen ? ` (${hen})` : ''}`;
}
