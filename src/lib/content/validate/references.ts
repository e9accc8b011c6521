/** References between files (organizer, venue, observance …): the target must exist. Pure. */
import type { ParsedFile } from '../frontmatter.ts';
import { COLLECTIONS, type CollectionName } from '../schema.ts';
import type { Ctx } from './context.ts';
import { suggest } from './suggest.ts';

export function checkRef(ctx: Ctx, coll: CollectionName, value: string | undefined, file: string, p: ParsedFile, field: string, what: string): void {
  if (value === undefined || ctx.ids[coll].has(value)) return;
  const guess = suggest(value, [...ctx.ids[coll].keys()]);
  ctx.err(
    file,
    p.lineOf([field]),
    field,
    `找不到${what}“${value}”：content/${COLLECTIONS[coll].dir}/ 里没有这个文件，请先添加它或改正编号 / unknown ${coll.replace(/s$/, '')} "${value}"`,
    guess ? `您是不是要写“${guess}”？/ did you mean ${guess}?` : undefined,
  );
}
