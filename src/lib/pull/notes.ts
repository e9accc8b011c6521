/**
 * The pull's notes about single events (conflicts, skips, problems, warnings) and their wording:
 * an importer's row problem or a validator error as one bilingual line. Separate so that matching
 * and the file plan word their notes the same way.
 */
import type { ContentError } from '../content/errors.ts';
import { splitBilingual } from '../import/import-plan.ts';
import type { RowProblem } from '../import/import-rows.ts';
import { columnOf } from '../import/import-table.ts';

export interface PullNote {
  uid: string;
  title: string;
  path?: string;
  message: string;
}

export function note(list: PullNote[], uid: string, title: string, message: string, path?: string): void {
  list.push({ uid, title, message, ...(path ? { path } : {}) });
}

/** `开始时间: 日期格式不对… / start: write a date…` — a problem with its column name, both languages. */
export function problemText(p: RowProblem): string {
  const col = p.field ? columnOf(p.field) : undefined;
  const [zh, en] = splitBilingual(p.message);
  const [hzh, hen] = p.hint ? splitBilingual(p.hint) : ['', ''];
  return `${col ? col.zh + ': ' : ''}${zh}${hzh ? `（${hzh}）` : ''} / ${col ? col.en + ': ' : ''}${en}${hen ? ` (${hen})` : ''}`;
}

export function errorText(e: ContentError): string {
  const [zh, en] = splitBilingual(e.message);
  const [hzh, hen] = e.hint ? splitBilingual(e.hint) : ['', ''];
  const f = e.field ? `${e.field}: ` : '';
  return `${f}${zh}${hzh ? `（${hzh}）` : ''} / ${f}${en}${hen ? ` (${hen})` : ''}`;
}
