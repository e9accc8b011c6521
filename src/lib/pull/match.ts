/**
 * Which file is which event: the files earlier pulls wrote from a source, found by the source's
 * UID (`feed.uid`, with `feed.url` the source), each event of the source mapped through the
 * importer's mapRow, and files adopted by events whose UID the source re-issued. Separate from the
 * plan: this decides the pairs (event, file); the plan decides what to write for each pair.
 */
import { parseContentFile } from '../content/frontmatter.ts';
import { duplicateKeys } from '../import/import-match.ts';
import { mapRow } from '../import/import-rows.ts';
import type { ContentSet } from '../content/model.ts';
import type { SourceConfig } from '../content/schema.ts';
import type { SourceFile } from '../content/validate.ts';
import type { FeedRead, SourceLike } from './feed.ts';
import { note, problemText, type PullNote } from './notes.ts';

export type Data = Record<string, unknown>;

/** A file an earlier pull wrote from this source. */
export interface Pulled {
  path: string;
  text: string;
  id: string;
  data: Data;
  body: string;
  uid: string;
  /** The source address the file was pulled from. */
  url: string;
}

/** An event of the source as the importer maps it, with its file when it has one. */
export interface Mapped {
  uid: string;
  title: string;
  data: Data;
  body: string;
  old?: Pulled;
}

export interface FeedMatch {
  mapped: Mapped[];
  /** Source UIDs listed (and not filtered out), and those whose event does not pass the checks. */
  seen: Set<string>;
  invalid: Set<string>;
  /** Notes in the order they were found, for the plan's lists of the same names. */
  warnings: PullNote[];
  problems: PullNote[];
  skipped: PullNote[];
}

/**
 * The files earlier pulls wrote from this source, by source UID (read raw: a file a person broke is
 * still this source's file, never a reason to make a second one). A file pulled from another
 * address of the same organizer counts too when the source still lists its UID: a calendar that
 * moved keeps its files.
 */
export function pulledFiles(existing: SourceFile[], source: SourceLike, feed: FeedRead, eventsDir: string): Map<string, Pulled> {
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
  return pulled;
}

/** The importer's context: the source's defaults stand in for cells the calendar leaves empty. */
function mapContext(source: SourceLike & Partial<SourceConfig>, content: ContentSet, now: string) {
  return {
    content,
    now,
    defaults: {
      organizer: source.organizer,
      topics: source.topics?.join('、') || undefined,
      audiences: source.audiences?.join('、') || undefined,
      formats: source.formats?.join('、') || undefined,
      region: source.region,
    },
  };
}

/** Each event of the source → its data, through the importer's mapping. */
export function mapFeed(source: SourceLike & Partial<SourceConfig>, feed: FeedRead, pulled: Map<string, Pulled>, content: ContentSet, now: string): FeedMatch {
  const m: FeedMatch = { mapped: [], seen: new Set(), invalid: new Set(), warnings: [], problems: [], skipped: [] };
  for (const p of feed.problems) {
    const uid = p.ref.uid ?? `#${p.ref.n}`;
    if (p.severity === 'warning') note(m.warnings, uid, '', problemText(p));
    else {
      m.invalid.add(uid);
      note(m.problems, uid, '', problemText(p));
    }
  }
  const ctx = mapContext(source, content, now);
  for (const rec of feed.records) {
    const title = String(rec.cells.title ?? '').trim();
    const uid = rec.ref.uid ?? `${title}|${String(rec.cells.start ?? '')}`;
    if (m.seen.has(uid)) {
      note(m.skipped, uid, title, '来源里同一个 UID 出现了两次，只取第一个 / the same UID appears twice in the source; the first is used');
      continue;
    }
    m.seen.add(uid);
    if (!passesFilter(title, source)) {
      note(m.skipped, uid, title, '标题不符合 sources.yaml 里的筛选条件，未收录 / left out by the title filter');
      m.seen.delete(uid); // filtered out = not in the source (a file pulled earlier is cancelled)
      continue;
    }
    const { candidate, problems } = mapRow(rec, ctx);
    for (const p of problems) {
      if (p.severity === 'warning') note(m.warnings, uid, title, problemText(p));
      else note(m.problems, uid, title, problemText(p), pulled.get(uid)?.path);
    }
    if (!candidate) {
      m.invalid.add(uid);
      continue;
    }
    m.mapped.push({ uid, title, data: candidate.data, body: candidate.body, old: pulled.get(uid) });
  }
  return m;
}

/** This source's files whose event it does not list now (and not because the event is broken). */
export function unseenFiles(pulled: Map<string, Pulled>, match: FeedMatch): Pulled[] {
  return [...pulled.values()].filter((p) => !match.seen.has(p.uid) && !match.invalid.has(p.uid));
}

/**
 * Events whose UID is new but which match an unseen file of this source by title, day and
 * organizer: the source re-issued its UIDs (CMS exports do). Keep the file; adopt the UID.
 */
export function adoptReissued(pulled: Map<string, Pulled>, match: FeedMatch): void {
  for (const m of match.mapped) {
    if (m.old) continue;
    const keys = keyOf(m.data);
    const twin = unseenFiles(pulled, match).find((p) => keyOf(p.data).some((k) => keys.includes(k)) && !match.mapped.some((x) => x.old === p));
    if (twin) {
      m.old = twin;
      match.seen.add(twin.uid);
    }
  }
}

/** The importer's duplicate keys of an event (title, day, organizer or venue). */
export function keyOf(d: Data): string[] {
  const { title, start, organizer, venue } = d as { title?: string; start?: string; organizer?: string; venue?: string };
  return title && start ? duplicateKeys({ title, start, organizer, venue }) : [];
}

function passesFilter(title: string, s: Partial<SourceConfig>): boolean {
  const inc = s.titleIncludes ?? [];
  const exc = s.titleExcludes ?? [];
  if (inc.length && !inc.some((w) => title.includes(w))) return false;
  return !exc.some((w) => title.includes(w));
}
