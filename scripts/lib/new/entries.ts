/**
 * npm run new: flags → entries. The prompts only fill in flags, so one path builds every file:
 * an event through the importer's own mapping (src/lib/import/event-from-flags.ts), an organizer,
 * venue or observance from its flags; problems come back as one line per flag.
 */
import { formatRowProblem, splitBilingual } from '../../../src/lib/import/import-plan.ts';
import { eventFromFlags } from '../../../src/lib/import/event-from-flags.ts';
import { matchRegion } from '../../../src/lib/import/import-match.ts';
import type { RowProblem } from '../../../src/lib/import/import-rows.ts';
import { readKind, splitList } from '../../../src/lib/import/import-match.ts';
import type { ContentSet } from '../../../src/lib/content/model.ts';
import type { CollectionName } from '../../../src/lib/content/schema.ts';
import { buildEntry, type NewFile, takenIds } from '../../../src/lib/import/scaffold.ts';
import { FLAG_OF } from '../../../src/lib/content/event-fields.ts';
import type { SourceFile } from '../../../src/lib/content/validate.ts';

export type Flags = Record<string, string | boolean | undefined>;

export interface Ctx {
  files: SourceFile[];
  contentDir: string;
  content: ContentSet;
  now: string;
}

export class Cancelled extends Error {}

export const str = (f: Flags, k: string) => (typeof f[k] === 'string' ? (f[k] as string).trim() || undefined : undefined);
export const num = (f: Flags, k: string) => (str(f, k) === undefined ? undefined : Number(str(f, k)));
export const bool = (f: Flags, k: string) => {
  const v = str(f, k)?.toLowerCase();
  if (v === undefined) return undefined;
  return ['true', 'yes', 'y', '是', '需要', '1'].includes(v) ? true : ['false', 'no', 'n', '否', '不需要', '0'].includes(v) ? false : (v as unknown as boolean);
};

function eventData(f: Flags, ctx: Ctx) {
  return eventFromFlags(f, ctx.content, ctx.now);
}

function regionOf(f: Flags, ctx: Ctx, problems: string[]): string | undefined {
  const r = str(f, 'region');
  if (!r) return undefined;
  const m = matchRegion(r, ctx.content);
  if ('id' in m) return m.id;
  problems.push(`--region: ${m.error}${m.hint ? `（${m.hint}）` : ''}`);
  return r;
}

function organizerData(f: Flags, ctx: Ctx, problems: string[]) {
  return {
    name: str(f, 'name'), shortName: str(f, 'short-name'), nameEn: str(f, 'name-en'), type: str(f, 'type'),
    region: regionOf(f, ctx, problems), address: str(f, 'address'), website: str(f, 'website'), description: str(f, 'description'),
    aliases: splitList(str(f, 'aliases')),
  };
}

function venueData(f: Flags, ctx: Ctx, problems: string[]) {
  const lat = num(f, 'lat');
  const lng = num(f, 'lng');
  return {
    name: str(f, 'name'), nameEn: str(f, 'name-en'), type: str(f, 'type'), region: regionOf(f, ctx, problems), address: str(f, 'address'),
    geo: lat !== undefined && lng !== undefined ? { lat, lng, datum: str(f, 'datum') } : undefined, website: str(f, 'website'), aliases: splitList(str(f, 'aliases')),
  };
}

function observanceData(f: Flags) {
  const type = str(f, 'rule');
  const rule: Record<string, unknown> = { type };
  if (type === 'fixed' || type === 'lunar') rule.date = str(f, 'date');
  if (type === 'month') rule.month = num(f, 'month');
  if (type === 'rrule') rule.rrule = str(f, 'rrule');
  if (type === 'solar-term') rule.term = str(f, 'term');
  return {
    name: str(f, 'name'), nameEn: str(f, 'name-en'), kind: str(f, 'kind'), rule, days: num(f, 'days'), usual: str(f, 'usual'),
    authority: str(f, 'authority'), level: str(f, 'level'), established: num(f, 'established'), endedYear: num(f, 'ended-year'),
    source: { title: str(f, 'source-title'), url: str(f, 'source-url') }, topics: splitList(str(f, 'topics')),
    aliases: splitList(str(f, 'aliases')), verified: bool(f, 'verified'), note: str(f, 'note'),
  };
}

/** Build the file(s) for one collection from flags; a new organizer/venue chosen in prompts comes along. */
export function build(coll: CollectionName, f: Flags, ctx: Ctx, extra: NewFile[]): { files: NewFile[]; problems: string[] } {
  const problems: string[] = [];
  const existing = [...ctx.files, ...extra];
  const taken = takenIds(existing, ctx.contentDir, coll);
  const wanted = str(f, 'slug') ?? str(f, 'id');
  let file: NewFile;
  if (coll === 'events') {
    const e = eventData(f, ctx);
    for (const pr of e.problems) problems.push(cliProblem(pr));
    if (!e.data) return { files: [], problems };
    file = buildEntry('events', e.data, { contentDir: ctx.contentDir, taken, body: e.body, id: wanted });
  } else if (coll === 'organizers') {
    file = buildEntry(coll, organizerData(f, ctx, problems), { contentDir: ctx.contentDir, taken, id: wanted, comment: str(f, 'source') && `来源：${str(f, 'source')}` });
  } else if (coll === 'venues') {
    file = buildEntry(coll, venueData(f, ctx, problems), { contentDir: ctx.contentDir, taken, id: wanted, comment: str(f, 'source') && `来源：${str(f, 'source')}` });
  } else {
    file = buildEntry(coll, observanceData(f), { contentDir: ctx.contentDir, taken, id: wanted, body: str(f, 'description') });
  }
  return { files: [...extra, file], problems };
}

/** `--start: 日期格式不对… / --start: …` for a problem found while mapping flags. */
function cliProblem(pr: RowProblem): string {
  const flag = FLAG_OF[pr.field] ?? (pr.field ? `--${pr.field}` : '');
  const [zh, en] = splitBilingual(pr.message);
  const [hzh, hen] = pr.hint ? splitBilingual(pr.hint) : ['', ''];
  if (!flag) return formatRowProblem(pr);
  return `${flag}: ${zh}${hzh ? `（${hzh}）` : ''} / ${en}${hen ? ` (${hen})` : ''}`;
}

const REQUIRED: Record<CollectionName, string[][]> = {
  events: [['title'], ['start'], ['organizer']],
  organizers: [['name'], ['type']],
  venues: [['name'], ['type'], ['region']],
  observances: [['name'], ['kind'], ['rule'], ['authority'], ['level'], ['source-title']],
};

export function missingFlags(coll: CollectionName, f: Flags): string[] {
  const groups = [...REQUIRED[coll]];
  // Activities need somewhere to go; calls and deadlines happen on paper.
  if (coll === 'events' && readKind(str(f, 'kind')) === 'activity') groups.push(['venue', 'address', 'online', 'region']);
  return groups.filter((alts) => alts.every((k) => !str(f, k))).map((alts) => alts.map((k) => `--${k}`).join(' 或 '));
}

/** Build, validate with the tree, show; in prompts a nested organizer/venue returns its files here. */
export function finish(coll: CollectionName, f: Flags, ctx: Ctx, extra: NewFile[]): NewFile[] {
  const { files, problems } = build(coll, f, ctx, extra);
  if (problems.length) throw new ProblemList(problems);
  return files;
}

export class ProblemList extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}
