/**
 * Build the text, path and id of a new content file from answers (the `npm run new` prompts, its
 * flags, a spreadsheet row, a browser form). Pure: nothing is read or written here; the caller
 * passes the existing files in and writes the result only when `checkNewFiles` finds no error.
 *
 * The file a person later edits is the product, so it is written the way the contributor guide
 * shows it: fields in the schema's order, lists on one line (`topics: [卫生健康, 应急]`), nothing
 * empty, no defaults except `status` (kept so that people see where to cancel or postpone).
 */
import { Document, visit } from 'yaml';
import type { ContentError } from '../content/errors.ts';
import { COLLECTIONS, type CollectionName } from '../content/schema.ts';
import { slugify, uniqueId } from '../slug.ts';
import { type SourceFile, validateContent, type ValidationResult } from '../content/validate.ts';
import { zodIssueMessage } from '../content/zod-messages.ts';
import { SITE_ZONE } from '../time/days.ts';

export interface NewFile extends SourceFile {
  collection: CollectionName;
  /** File name without extension: the URL slug. */
  id: string;
}

type Data = Record<string, unknown>;

/** Defaults that are left out of a new file because writing them adds nothing. */
const OMIT_DEFAULTS: Partial<Record<CollectionName, Data>> = {
  events: { kind: 'activity', timezone: SITE_ZONE, verified: true },
  observances: { verified: true },
};

/** Remove empty values (undefined, null, '', [], {}) recursively; keep 0 and false. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out = value.map(prune).filter((v) => v !== undefined);
    return out.length ? out : undefined;
  }
  if (value && typeof value === 'object') {
    const out: Data = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return typeof value === 'string' ? value.trim() : value;
}

/** Keys in the order the schema declares them; unknown keys last (the validator will name them). */
function ordered(collection: CollectionName, data: Data): Data {
  const shape = Object.keys((COLLECTIONS[collection].schema as unknown as { shape: Data }).shape);
  const omit = OMIT_DEFAULTS[collection] ?? {};
  const out: Data = {};
  for (const k of [...shape, ...Object.keys(data).filter((k) => !shape.includes(k))]) {
    if (data[k] === undefined) continue;
    if (k in omit && omit[k] === data[k]) continue;
    out[k] = data[k];
  }
  return out;
}

/** YAML 1.2 text of one entry's fields (no `---` fences). */
export function yamlFields(collection: CollectionName, data: Data): string {
  const clean = (prune(data) ?? {}) as Data;
  const doc = new Document(ordered(collection, clean), { version: '1.2' });
  // Lists of words read best on one line; lists of mappings stay in block style.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => !(i && typeof i === 'object' && 'items' in i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The whole file: Markdown with front matter for events and observances (the body is the
 * description, or 历史背景), plain YAML for organizers and venues. `comment` becomes a `#` line at
 * the top of a YAML file, e.g. `来源：…`.
 */
export function entryText(collection: CollectionName, data: Data, body = '', comment?: string): string {
  const yaml = yamlFields(collection, data);
  if (COLLECTIONS[collection].ext[0] === '.md') {
    const text = body.replace(/\r\n?/g, '\n').trim();
    return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
  }
  const head = comment ? comment.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n') + '\n' : '';
  return head + yaml;
}

/** Ids (file names without extension) already used in one collection. */
export function takenIds(files: SourceFile[], contentDir: string, collection: CollectionName): Set<string> {
  const prefix = `${contentDir.replace(/\/+$/, '')}/${COLLECTIONS[collection].dir}/`;
  const out = new Set<string>();
  for (const f of files) {
    if (!f.path.startsWith(prefix)) continue;
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    out.add(base.replace(/\.[^.]+$/, ''));
  }
  return out;
}

/**
 * The id of a new entry. Events: `<start date>-<slug of the English title, else the pinyin of the
 * title>`; the others: the slug of their (English) name. `wanted` (a `--slug`/`--id` flag) wins
 * when given, after being made URL-safe.
 */
export function entryId(collection: CollectionName, data: Data, taken: ReadonlySet<string>, wanted?: string): string {
  const words = String(data.titleEn ?? data.nameEn ?? data.title ?? data.name ?? '');
  let base = wanted ? slugify(wanted, 80) : slugify(words);
  if (collection === 'events') {
    const date = String(data.start ?? '').slice(0, 10);
    if (!wanted || !base.startsWith(date)) base = eventBaseId(date, base);
  }
  return uniqueId(base || collection.replace(/s$/, ''), taken);
}

/**
 * `<start date>-<slug>`: an event's id before `uniqueId`, from the slug of its title. Exported for
 * the browser form (/submit/), which loads pinyin-pro (slug.ts) lazily and so cannot call entryId.
 */
export function eventBaseId(start: unknown, slug: string): string {
  return `${String(start ?? '').slice(0, 10)}-${slug || 'event'}`;
}

/** Repository-relative path of an entry, e.g. content/events/2026/2026-09-12-x.md. */
export function entryPath(collection: CollectionName, id: string, data: Data, contentDir: string): string {
  const spec = COLLECTIONS[collection];
  const year = collection === 'events' ? `${String(data.start ?? '').slice(0, 4)}/` : '';
  return `${contentDir.replace(/\/+$/, '')}/${spec.dir}/${year}${id}${spec.ext[0]}`;
}

export interface BuildOptions {
  contentDir: string;
  /** Ids already used in this collection (see takenIds); the new id is added to it. */
  taken: Set<string>;
  body?: string;
  comment?: string;
  /** A chosen slug or id instead of the derived one. */
  id?: string;
}

/** Everything needed to write one new entry. */
export function buildEntry(collection: CollectionName, data: Data, opts: BuildOptions): NewFile {
  const id = entryId(collection, data, opts.taken, opts.id);
  opts.taken.add(id);
  return { collection, id, path: entryPath(collection, id, data, opts.contentDir), text: entryText(collection, data, opts.body, opts.comment) };
}

/**
 * Check one answer with the schema's own validator for that field, so that a prompt can refuse it
 * at once with the same bilingual message the validator would print later. Undefined when fine.
 */
export function checkField(collection: CollectionName, key: string, value: unknown): string | undefined {
  const shape = (COLLECTIONS[collection].schema as unknown as { shape: Record<string, { safeParse(v: unknown): any }> }).shape;
  const field = shape[key];
  if (!field) return `未知字段 ${key} / unknown field ${key}`;
  const r = field.safeParse(value);
  if (r.success) return undefined;
  return zodIssueMessage(r.error.issues[0], []);
}

export interface NewFilesCheck {
  /** Problems in the new files (references, vocabularies, dates …), with their lines. */
  errors: ContentError[];
  warnings: ContentError[];
  /** The validated content with the new files included. */
  result: ValidationResult;
}

/**
 * Validate new files together with the existing tree, so that organizer, venue and vocabulary
 * references are checked exactly as `npm run validate` will check them. Problems that already
 * exist in other files are not the new files' fault and are left out.
 */
export function checkNewFiles(existing: SourceFile[], added: SourceFile[], contentDir: string): NewFilesCheck {
  const paths = new Set(added.map((f) => f.path));
  const result = validateContent([...existing.filter((f) => !paths.has(f.path)), ...added], contentDir);
  const mine = (e: ContentError) => paths.has(e.file);
  return { errors: result.errors.filter(mine), warnings: result.warnings.filter(mine), result };
}
