/**
 * Has a pulled file changed, and who changed it? `feed.hash` is the checksum of the file as the
 * pull wrote it: if the file no longer matches, a person has edited it since (a conflict: the pull
 * leaves it alone). Whether the source changed is the file compared without its bookkeeping
 * (`feed`, `updated`, `sequence`). Separate from the plan: this is the pull's whole notion of
 * "changed", shared by updates and cancellations.
 */
import { parse } from 'yaml';
import { entryText, yamlFields } from '../import/scaffold.ts';

type Data = Record<string, unknown>;

/** Fields whose change is not a change at the source. */
const BOOKKEEPING = ['feed', 'updated', 'sequence'];

// YAML quotes a hash that reads as a number (`156e194805838752` is 1.56e+20): "…" or '…' around it.
const HASH_LINE = /^ {2}hash: (["']?)[0-9a-f]{16}\1\n/m;

/** The text a checksum is taken of: the file without its own `hash:` line. */
export function withoutHash(text: string): string {
  const end = text.indexOf('\n---', 3);
  const head = end < 0 ? text : text.slice(0, end + 1);
  return head.replace(HASH_LINE, '') + (end < 0 ? '' : text.slice(end + 1));
}

/** Has a person changed this pulled file since the pull wrote it? (No hash: they released it.) */
export function editedSincePull(text: string, hash: (t: string) => string): boolean {
  const stored = /^ {2}hash: (["']?)([0-9a-f]{16})\1$/m.exec(text.slice(0, Math.max(0, text.indexOf('\n---', 3))))?.[2];
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

/** The file's text without bookkeeping: equal texts mean nothing changed at the source. */
export function comparable(data: Data, body: string): string {
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
export function changedFields(before: Data, after: Data, bodyA: string, bodyB: string): string {
  const [a, b] = [asWritten(before), asWritten(after)];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out = keys.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
  if (bodyA.trim() !== bodyB.trim()) out.push('description');
  return out.join(', ');
}
