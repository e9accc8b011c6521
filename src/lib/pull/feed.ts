/**
 * The fetched text of a source → import records: an .ics calendar through the importer's reader,
 * a web page through its JSON-LD. Separate from the plan because it decides only whether the source
 * is usable at all (a web page where a calendar was expected, too many events …), before any file
 * is looked at.
 */
import { icsToRecords } from '../import/import-ics.ts';
import type { RowProblem } from '../import/import-rows.ts';
import type { ImportRecord } from '../import/import-table.ts';
import type { SourceConfig } from '../content/schema.ts';
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
