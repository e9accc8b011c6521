/** npm run new: the prompts' building blocks — each answer checked by the schema's own field check. */
import * as p from '@clack/prompts';
import type { GenericField } from '../../../src/lib/content/event-fields.ts';
import type { CollectionName } from '../../../src/lib/content/schema.ts';
import { checkField } from '../../../src/lib/import/scaffold.ts';
import { Cancelled, type Ctx, type Flags, str } from './entries.ts';

export function answer<T>(v: T): Exclude<T, symbol> {
  if (p.isCancel(v)) throw new Cancelled();
  return v as Exclude<T, symbol>;
}

/** Validator for a prompt: the schema field's own check, after the same normalisation as the file. */
export const fieldCheck = (coll: CollectionName, key: string, optional = false, normalise?: (s: string) => unknown) => (v: string | undefined) => {
  const s = (v ?? '').trim();
  if (!s) return optional ? undefined : '必填 / required';
  return checkField(coll, key, normalise ? normalise(s) : s);
};

/** A generic field's prompt check: its reader, then the schema's check of each value it makes. */
export const genericCheck = (g: GenericField) => (v: string | undefined) => {
  const s = (v ?? '').trim();
  if (!s) return undefined;
  const r = g.read(s);
  if ('error' in r) return r.error;
  for (const [k, value] of Object.entries(r.values)) {
    const bad = checkField('events', k, value);
    if (bad) return bad;
  }
  return undefined;
};

export async function ask(f: Flags, key: string, opts: { message: string; placeholder?: string; validate?: (v: string | undefined) => string | undefined }) {
  if (str(f, key) !== undefined) return;
  const v = answer(await p.text({ message: opts.message, placeholder: opts.placeholder, validate: opts.validate }));
  f[key] = v?.trim() || undefined;
}

export async function pickVocab(f: Flags, key: 'topics' | 'audiences' | 'formats', ctx: Ctx, message: string) {
  if (str(f, key) !== undefined) return;
  const vocab = ctx.content.vocab[key];
  if (!vocab.length) return;
  const picked = answer(
    await p.autocompleteMultiselect({ message, options: vocab.map((v) => ({ value: v.label, label: v.label, hint: v.aliases.join('、') || undefined })), required: false }),
  );
  f[key] = picked.join(',');
}

export async function pickRegion(f: Flags, ctx: Ctx, message: string, required: boolean) {
  if (str(f, 'region') !== undefined) return;
  const options = [
    ...(required ? [] : [{ value: '', label: '（不填）' }]),
    ...ctx.content.vocab.regions.map((r) => ({ value: r.id, label: r.label, hint: r.id })),
  ];
  f.region = answer(await p.autocomplete({ message, options, placeholder: '输入地区名称筛选，例如 海淀' })) || undefined;
}
