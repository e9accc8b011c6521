/**
 * Step 3: each file against its collection's schema (src/lib/schema.ts), every text of it for
 * control and invisible characters, and the description (Markdown body) for HTML, unsafe links and
 * invisible characters — the body even when the fields fail, so all problems show at once. Ids
 * must be unique per collection (they become URLs). Pure.
 */
import type { z } from 'zod';
import { checkBody } from '../markdown-safety.ts';
import { COLLECTIONS } from '../schema.ts';
import { zodIssueMessage } from '../zod-messages.ts';
import type { Ctx, ParsedEntry, ShapedEntry } from './context.ts';
import { controlCharMessage, controlCharsIn, invisibleInBody, isReported } from './text-checks.ts';

function checkOne(ctx: Ctx, entry: ParsedEntry): { success: boolean; data?: unknown } {
  const schema = COLLECTIONS[entry.coll].schema as z.ZodType;
  const r = schema.safeParse(entry.data, { reportInput: true });
  const known = Object.keys((COLLECTIONS[entry.coll].schema as any).shape ?? {});
  const reported = new Set<string>();
  if (!r.success) {
    for (const iss of r.error.issues) {
      const path = iss.code === 'unrecognized_keys' ? [...iss.path, iss.keys[0]!] : iss.path;
      reported.add(path.map(String).join('.'));
      ctx.err(entry.file, entry.p.lineOf(path), path.map(String).join('.'), zodIssueMessage(iss, known));
    }
  }
  // Every text, not only the one-line fields: list items (keywords, aliases), rules, record values.
  for (const [path, ch] of controlCharsIn(entry.data)) {
    if (!isReported(reported, path)) ctx.err(entry.file, entry.p.lineOf(path), path.map(String).join('.'), controlCharMessage(ch));
  }
  if (entry.coll === 'events' || entry.coll === 'observances') {
    ctx.errors.push(...checkBody(entry.p.body, entry.file, entry.p.bodyLine), ...invisibleInBody(entry.p.body, entry.file, entry.p.bodyLine));
  }
  return r;
}

export function checkShapes(ctx: Ctx, entries: ParsedEntry[]): ShapedEntry[] {
  const shaped: ShapedEntry[] = [];
  for (const entry of entries) {
    const r = checkOne(ctx, entry);
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
