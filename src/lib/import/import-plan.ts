/**
 * Plan an import without touching the disk: map every record, skip duplicates, build one file per
 * kept record, and validate the new files together with the existing content tree — the same
 * check `npm run validate` makes — so that each problem can be told as a row number and a column:
 *
 *   行 7 开始时间: 日期格式不对（2026-13-01）… / row 7 start: write a date like 2026-09-12 …
 *
 * What to write is the caller's decision (see scripts/import.ts: nothing unless every kept row is
 * valid, or the valid rows with --skip-invalid).
 */
import type { ContentError } from '../content/errors.ts';
import { duplicateIndex, duplicateKeys } from './import-match.ts';
import { type Candidate, mapRow, type RowContext, type RowProblem } from './import-rows.ts';
import { columnOf, type ImportField, type ImportRecord, refLabel, type RowRef } from './import-table.ts';
import { genericFieldOf } from '../content/event-fields.ts';
import type { ContentSet } from '../content/model.ts';
import { buildEntry, checkNewFiles, type NewFile, takenIds } from './scaffold.ts';
import { type SourceFile, validateContent } from '../content/validate.ts';

export interface PlannedFile extends NewFile {
  ref: RowRef;
}

export interface Skip {
  ref: RowRef;
  message: string;
}

export interface ImportPlan {
  /** One file per valid, new record. */
  files: PlannedFile[];
  /** Duplicates of existing entries or of an earlier row, left out. */
  skipped: Skip[];
  errors: RowProblem[];
  warnings: RowProblem[];
  /** Problems already present in the content tree (not caused by the import). */
  existingErrors: ContentError[];
  records: number;
  /** Rows with at least one error (before the same problem on several rows is merged into one line). */
  badRows: number;
}

export interface PlanOptions {
  defaults?: RowContext['defaults'];
  now?: string;
  /** Problems found while reading the source (e.g. an unknown TZID), merged into the report. */
  problems?: RowProblem[];
}

/** The candidates that duplicate no existing event and no earlier row; the others go to `skipped`. */
function withoutDuplicates(candidates: Candidate[], events: ContentSet['events'], skipped: Skip[]): Candidate[] {
  const existingKeys = duplicateIndex(events);
  const seen = new Map<string, RowRef>();
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const d = c.data as { title?: string; start?: string; organizer?: string; venue?: string };
    const keys = d.title && d.start ? duplicateKeys({ title: d.title, start: d.start, organizer: d.organizer, venue: d.venue }) : [];
    const file = keys.map((k) => existingKeys.get(k)).find(Boolean);
    const twin = keys.map((k) => seen.get(k)).find(Boolean);
    const label = refLabel(c.ref);
    if (file) {
      skipped.push({ ref: c.ref, message: `${label.zh}: 与已有的 ${file} 重复（同名、同一天、同一主办单位或场馆），已跳过 / ${label.en}: duplicate of ${file}, skipped` });
      continue;
    }
    if (twin) {
      const t = refLabel(twin);
      skipped.push({ ref: c.ref, message: `${label.zh}: 与${t.zh} 重复（同名、同一天、同一主办单位或场馆），已跳过 / ${label.en}: duplicate of ${t.en}, skipped` });
      continue;
    }
    for (const k of keys) seen.set(k, c.ref);
    kept.push(c);
  }
  return kept;
}

/** Event field (first segment of a validator error's field) → the import column it came from. */
const FROM_FIELD: Record<string, ImportField> = {
  address: 'venue',
  previousStart: 'status',
  updated: 'status',
  body: 'description',
  sequence: 'status',
};

export function planImport(records: ImportRecord[], existing: SourceFile[], contentDir: string, opts: PlanOptions = {}): ImportPlan {
  const base = validateContent(existing, contentDir);
  const ctx: RowContext = { content: base.content, defaults: opts.defaults, now: opts.now };
  const errors: RowProblem[] = (opts.problems ?? []).filter((p) => p.severity !== 'warning');
  const warnings: RowProblem[] = (opts.problems ?? []).filter((p) => p.severity === 'warning');
  const skipped: Skip[] = [];

  // 1. Rows → candidates.
  const candidates: Candidate[] = [];
  for (const rec of records) {
    const { candidate, problems } = mapRow(rec, ctx);
    for (const p of problems) (p.severity === 'warning' ? warnings : errors).push(p);
    if (candidate) candidates.push(candidate);
  }

  // 2. Duplicates: against existing files, then within the import (the first row wins).
  const kept = withoutDuplicates(candidates, base.content.events, skipped);

  // 3. One file per kept row, validated together with the existing tree.
  const taken = takenIds(existing, contentDir, 'events');
  const built: PlannedFile[] = kept.map((c) => ({ ...buildEntry('events', c.data, { contentDir, taken, body: c.body }), ref: c.ref }));
  const check = checkNewFiles(existing, built, contentDir);
  const byFile = new Map(built.map((f) => [f.path, f]));
  const failed = new Set<string>();
  const toRow = (e: ContentError): RowProblem => {
    const f = byFile.get(e.file)!;
    const head = e.field.split('.')[0] ?? '';
    const field = (FROM_FIELD[head] ?? (columnOf(head) ? head : (genericFieldOf(head)?.field ?? ''))) as ImportField | '';
    return { ref: f.ref, field, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.severity ? { severity: e.severity } : {}) };
  };
  for (const e of check.errors) {
    failed.add(e.file);
    errors.push(toRow(e));
  }
  for (const w of check.warnings) warnings.push(toRow(w));

  const order = (a: RowProblem, b: RowProblem) => a.ref.n - b.ref.n;
  return {
    files: built.filter((f) => !failed.has(f.path)),
    skipped,
    errors: mergeRepeated(errors.sort(order)),
    warnings: mergeRepeated(warnings.sort(order)),
    existingErrors: base.errors,
    records: records.length,
    badRows: new Set(errors.map((e) => `${e.ref.kind}${e.ref.n}`)).size,
  };
}

/** The same problem (column, message, hint) on several rows → one problem listing its rows, at the first. */
export function mergeRepeated(problems: RowProblem[]): RowProblem[] {
  const first = new Map<string, RowProblem>();
  const out: RowProblem[] = [];
  for (const p of problems) {
    const key = `${p.field}|${p.message}|${p.hint ?? ''}|${p.severity ?? ''}`;
    const seen = first.get(key);
    if (seen) (seen.more ??= []).push(p.ref);
    else {
      const copy = { ...p };
      first.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

/** `行 2–5、9` / `rows 2–5, 9`: row numbers with runs shortened; VEVENTs listed by number. */
export function refsLabel(refs: RowRef[]): { zh: string; en: string } {
  if (refs.length === 1) return refLabel(refs[0]!);
  const nums = [...new Set(refs.map((r) => r.n))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${nums[i]}–${nums[j]}` : nums.slice(i, j + 1).join(','));
    i = j + 1;
  }
  const list = runs.join(',').split(',');
  const count = `（共 ${nums.length} ${refs[0]!.kind === 'row' ? '行' : '个'}）`;
  if (refs[0]!.kind === 'row') return { zh: `行 ${list.join('、')}${count}`, en: `rows ${list.join(', ')}` };
  return { zh: `第 ${list.join('、')} 个 VEVENT${count}`, en: `VEVENTs ${list.join(', ')}` };
}

/** “中文 / English” → [中文, English]; the English half starts after the first “/ ” before a Latin letter. */
export function splitBilingual(s: string): [string, string] {
  const m = /\s?\/ (?=[A-Za-z0-9"'(\[])/.exec(s);
  if (!m) return [s, s];
  return [s.slice(0, m.index).trim(), s.slice(m.index + m[0].length).trim()];
}

const EXTRA_NAMES: Record<string, { zh: string; en: string }> = {
  categories: { zh: 'CATEGORIES 分类', en: 'CATEGORIES' },
};

/** `行 7 开始时间: … / row 7 start: …` (the project's bilingual style, with the column's header). */
export function formatRowProblem(p: RowProblem): string {
  const where = refsLabel([p.ref, ...(p.more ?? [])]);
  const col = p.field ? (columnOf(p.field) ?? EXTRA_NAMES[p.field]) : undefined;
  const [zh, en] = splitBilingual(p.message);
  const [hzh, hen] = p.hint ? splitBilingual(p.hint) : ['', ''];
  const warn = p.severity === 'warning' ? ['[提醒] ', '[warning] '] : ['', ''];
  const zhPart = `${where.zh}${col ? ' ' + col.zh : ''}: ${warn[0]}${zh}${hzh ? `（${hzh}）` : ''}`;
  const enPart = `${where.en}${col ? ' ' + col.en : ''}: ${warn[1]}${en}${hen ? ` (${hen})` : ''}`;
  return `${zhPart} / ${enPart}`;
}
