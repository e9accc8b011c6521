/**
 * Step 7: the same activity submitted twice. Titles are compared as people read them (compareKey:
 * NFKC — NFC and full-width forms alike — without invisible characters, spaces and punctuation): a
 * zero-width space or an NFD accent defeated the rule before (issue 17). Same title, day and
 * organizer is an error; near-identical titles on one day a warning. Pure.
 */
import { distance } from 'fastest-levenshtein';
import type { ContentError } from '../errors.ts';
import { compareKey } from '../invisible.ts';
import type { EventEntry } from '../model.ts';
import type { Ctx } from './context.ts';

/** Days with more events than this are not compared pairwise (exact duplicates are still caught). */
const NEAR_DUPLICATE_DAY_LIMIT = 200;

export function checkDuplicates(ctx: Ctx): void {
  const byKey = new Map<string, EventEntry>();
  for (const e of ctx.content.events) {
    const key = `${compareKey(e.title)}|${e.startDate}|${e.organizer}`;
    const twin = byKey.get(key);
    if (twin) ctx.err(e.file, 1, 'title', `与 ${twin.file} 重复（同名、同一天、同一主办单位），请删除其中一个 / duplicate of ${twin.file}`);
    else byKey.set(key, e);
  }
  ctx.errors.push(...nearDuplicates(ctx.content.events));
}

function nearPair(x: EventEntry, y: EventEntry, a: string, b: string): boolean {
  if (a === b && x.organizer === y.organizer) return false; // reported as an error
  // Same-titled activities in different districts are a series, not a double submission.
  if (x.organizer !== y.organizer && !(x.venue && x.venue === y.venue) && x.regionId !== y.regionId) return false;
  const limit = Math.min(2, Math.floor(Math.max(a.length, b.length) / 8));
  return limit > 0 && Math.abs(a.length - b.length) <= limit && distance(a, b) <= limit;
}

/**
 * Near-identical titles on the same day (one or two characters apart, e.g. a typo fixed in a copy)
 * by the same organizer, at the same venue or in the same region are probably the same activity
 * submitted twice: a warning naming both files.
 */
export function nearDuplicates(events: EventEntry[]): ContentError[] {
  const out: ContentError[] = [];
  const byDay = new Map<string, EventEntry[]>();
  for (const e of events) (byDay.get(e.startDate) ?? byDay.set(e.startDate, []).get(e.startDate)!).push(e);
  for (const list of byDay.values()) {
    if (list.length < 2 || list.length > NEAR_DUPLICATE_DAY_LIMIT) continue;
    const titles = list.map((e) => compareKey(e.title));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!nearPair(list[i]!, list[j]!, titles[i]!, titles[j]!)) continue;
        out.push({
          file: list[j]!.file,
          line: 1,
          field: 'title',
          severity: 'warning',
          message: `与 ${list[i]!.file} 的活动名称几乎相同、又在同一天，是否重复提交？如是同一活动请删除一个 / near-duplicate of ${list[i]!.file}`,
        });
      }
    }
  }
  return out;
}
