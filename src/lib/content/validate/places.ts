/**
 * Step 4: organizers and venues, with their regions resolved — and their names unique. A new
 * organizer named exactly like an existing one was accepted, and the importer then gave the real
 * organizer's rows to the newcomer (issue 17). Names are compared as people read them
 * (compareKey: NFKC, no invisible characters, spaces or punctuation): an organizer's name and short
 * name against every other organizer's, a venue's name against every other venue's. An organizer
 * and a venue may share a name — a science centre organizes in its own hall — because the importer
 * reads them from different columns. Pure.
 */
import { compareKey } from '../invisible.ts';
import type { Ctx, ShapedEntry } from './context.ts';
import type { Resolver } from './vocab.ts';

function uniqueNames(ctx: Ctx, list: ShapedEntry[], fields: ('name' | 'shortName')[], what: string): void {
  const owner = new Map<string, { file: string; text: string }>();
  for (const s of list) {
    for (const field of fields) {
      const text = s.data[field] as string | undefined;
      if (!text) continue;
      const key = compareKey(text);
      const first = owner.get(key);
      if (first && first.file !== s.file) {
        ctx.err(s.file, s.p.lineOf([field]), field, `${what}名称“${text}”与 ${first.file} 的“${first.text}”相同，导入表格和搜索会分不清，请写全称或加以区别 / the same name as ${first.file}`);
      } else if (!first) owner.set(key, { file: s.file, text });
    }
  }
}

export function addOrganizersAndVenues(ctx: Ctx, shaped: ShapedEntry[], vocab: Resolver): void {
  const organizers = shaped.filter((x) => x.coll === 'organizers');
  const venues = shaped.filter((x) => x.coll === 'venues');
  for (const s of organizers) {
    ctx.content.organizers.push({ ...s.data, region: vocab.region(s.data.region, s.file, s.p, 'region'), id: s.id, file: s.file });
  }
  for (const s of venues) {
    ctx.content.venues.push({ ...s.data, region: vocab.region(s.data.region, s.file, s.p, 'region') ?? s.data.region, id: s.id, file: s.file });
  }
  uniqueNames(ctx, organizers, ['name', 'shortName'], '单位');
  uniqueNames(ctx, venues, ['name'], '场馆');
}
