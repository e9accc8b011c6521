/**
 * `npm run new -- event` and the /submit/ form speak in flags (--title, --start, --organizer …): the
 * same cells a spreadsheet row has go through the importer's row mapping (import-rows.ts mapRow),
 * then what a row has no column for is added here. Pure.
 */
import { cellsFromFlags } from '../content/event-fields.ts';
import type { ContentSet } from '../content/model.ts';
import { normalizeDateTime, splitList } from './import-match.ts';
import { mapRow, type RowProblem } from './import-rows.ts';

/**
 * `npm run new -- event` flags → front matter and body (the /submit/ form speaks in the same flags):
 * the cells a spreadsheet row would have go through mapRow, then what a row has no column for
 * (registration details, the source's URL, the previous start, keywords).
 */
export function eventFromFlags(flags: Record<string, string | boolean | undefined>, content: ContentSet, now?: string): { data?: Record<string, unknown>; body: string; problems: RowProblem[] } {
  const flag = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string).trim() || undefined : undefined);
  const { candidate, problems } = mapRow({ ref: { kind: 'row', n: 0 }, cells: cellsFromFlags(flag) }, { content, now });
  if (!candidate) return { body: '', problems };
  const d = candidate.data;
  const num = (k: string) => (flag(k) === undefined ? undefined : Number(flag(k)));
  d.registration = {
    ...((d.registration as object) ?? {}),
    required: yesNo(flag('registration-required')), capacity: num('capacity'), fee: num('fee'),
    deadline: flag('deadline') ? normalizeDateTime(flag('deadline')) : undefined, note: flag('registration-note'),
    full: yesNo(flag('full')),
  };
  if (flag('previous-start')) d.previousStart = normalizeDateTime(flag('previous-start'));
  if (flag('source-url')) d.source = { title: flag('source-title'), url: flag('source-url') };
  d.keywords = splitList(flag('keywords'));
  return { data: d, body: candidate.body, problems };
}

/** yes/no words → a boolean; anything else is kept for the schema to name. */
function yesNo(v: string | undefined): boolean | undefined {
  const t = v?.toLowerCase();
  if (t === undefined) return undefined;
  if (['true', 'yes', 'y', '是', '需要', '1'].includes(t)) return true;
  if (['false', 'no', 'n', '否', '不需要', '0'].includes(t)) return false;
  return t as unknown as boolean;
}
