/**
 * Step 3: each file against its collection's schema (src/lib/content/schema.ts), every text of it for
 * control and invisible characters, and the description (Markdown body) for HTML, unsafe links and
 * invisible characters — the body even when the fields fail, so all problems show at once. Ids
 * must be unique per collection (they become URLs). Pure.
 */
import type { z } from 'zod';
import { checkBody } from '../markdown-safety.ts';
import { nameKey } from '../name-key.ts';
import { COLLECTIONS, type CollectionName } from '../schema.ts';
import { zodIssueMessage } from '../zod-messages.ts';
import type { Ctx, ParsedEntry, ShapedEntry } from './context.ts';
import { controlCharMessage, controlCharsIn, invisibleInBody, isReported } from './text-checks.ts';

/** Event fields that name another file by its id, and the collection they point into. */
const REF_FIELDS: Record<string, CollectionName> = { organizer: 'organizers', coOrganizers: 'organizers', venue: 'venues', observance: 'observances', campaign: 'observances' };

type NameIndex = Partial<Record<CollectionName, Map<string, { id: string; name: string }>>>;

/** Organizers, venues and observances by every name people write (name, short name, English name, aliases). */
function nameIndex(entries: ParsedEntry[]): NameIndex {
  const index: NameIndex = {};
  for (const e of entries) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — names of events are never looked up (no REF_FIELDS entry points into events), so indexing them too changes nothing
    if (e.coll === 'events') continue;
    // A mapping: readEntry refused every other file.
    const d = e.data as Record<string, unknown>;
    const names = [d.name, d.shortName, d.nameEn, ...(Array.isArray(d.aliases) ? d.aliases : [])].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    const map = (index[e.coll] ??= new Map());
    for (const n of names) if (!map.has(nameKey(n))) map.set(nameKey(n), { id: e.id, name: String(d.name ?? n) });
  }
  return index;
}

/**
 * `organizer: 北京天文学会` — a name where the id belongs: the id it matches, as a hint
 * (是不是 beijing-astronomical-society（北京天文学会）？).
 */
function idHint(index: NameIndex, path: PropertyKey[], input: unknown): string | undefined {
  const coll = REF_FIELDS[String(path[0])];
  if (!coll || typeof input !== 'string') return undefined;
  const hit = index[coll]?.get(nameKey(input));
  return hit ? `这里要写编号，不是名称：是不是 ${hit.id}（${hit.name}）？/ write the id, not the name: did you mean ${hit.id}?` : undefined;
}

function checkOne(ctx: Ctx, entry: ParsedEntry, names: NameIndex): { success: boolean; data?: unknown } {
  const schema = COLLECTIONS[entry.coll].schema as z.ZodType;
  const r = schema.safeParse(entry.data, { reportInput: true });
  const known = Object.keys((COLLECTIONS[entry.coll].schema as any).shape ?? {});
  const reported = new Set<string>();
  if (!r.success) {
    for (const iss of r.error.issues) {
      const path = iss.code === 'unrecognized_keys' ? [...iss.path, iss.keys[0]!] : iss.path;
      reported.add(path.map(String).join('.'));
      // Stryker disable next-line ConditionalExpression: equivalent when always true — REF_FIELDS are event fields; the other collections' strict schemas have none of them, and an unknown key's issue has its parent's path
      const hint = entry.coll === 'events' ? idHint(names, iss.path, iss.input) : undefined;
      ctx.err(entry.file, entry.p.lineOf(path), path.map(String).join('.'), zodIssueMessage(iss, known), hint);
    }
  }
  // Every text, not only the one-line fields: list items (keywords, aliases), rules, record values.
  for (const [path, ch] of controlCharsIn(entry.data)) {
    if (!isReported(reported, path)) ctx.err(entry.file, entry.p.lineOf(path), path.map(String).join('.'), controlCharMessage(ch));
  }
  // Stryker disable next-line ConditionalExpression: equivalent when true — a YAML file (organizer, venue) has an empty body
  if (entry.coll === 'events' || entry.coll === 'observances') {
    ctx.errors.push(...checkBody(entry.p.body, entry.file, entry.p.bodyLine), ...invisibleInBody(entry.p.body, entry.file, entry.p.bodyLine));
  }
  return r;
}

export function checkShapes(ctx: Ctx, entries: ParsedEntry[]): ShapedEntry[] {
  const shaped: ShapedEntry[] = [];
  const names = nameIndex(entries);
  for (const entry of entries) {
    const r = checkOne(ctx, entry, names);
    if (!r.success) continue;
    const seen = ctx.ids[entry.coll].get(entry.id);
    if (seen) {
      ctx.err(entry.file, 0, '', `文件名重复：${seen} 已经用了“${entry.id}”，网址会冲突，请换一个文件名 / duplicate id, also used by ${seen}`);
      continue;
    }
    ctx.ids[entry.coll].set(entry.id, entry.file);
    shaped.push({ ...entry, data: r.data });
  }
  return shaped;
}
