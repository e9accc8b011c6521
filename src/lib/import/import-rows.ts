/**
 * One imported record (a spreadsheet row or a VEVENT) → the front matter and body of one event
 * file. Only what can be decided from the row itself and the names of existing organizers and
 * venues happens here; everything else (dates, URLs, vocabularies, references) is left to the
 * schema and the validator, which check the generated file exactly as they check a hand-written one.
 */
import { cellText, excelSerialText, KIND_HELP, matchOrganizer, matchRegion, matchVenue, nameKey, normalizeDateTime, readKind, readStatus, readWhen, splitList, STATUS_HELP } from './import-match.ts';
import { GENERIC_FIELDS, genericFieldOf } from '../content/event-fields.ts';
import { regionFromAddress } from '../content/region-from-address.ts';
import type { ImportField, ImportRecord, RowRef } from './import-table.ts';
import type { ContentSet } from '../content/model.ts';
import { eventSchema, localDateTime, type VocabName } from '../content/schema.ts';
import { suggest } from '../content/validate.ts';
import { zodIssueMessage } from '../content/zod-messages.ts';

export interface RowProblem {
  ref: RowRef;
  /** The import field (→ its column header in messages); '' for the whole row. */
  field: ImportField | '';
  message: string;
  hint?: string;
  severity?: 'error' | 'warning';
  /** Other rows with exactly the same problem (one unknown organizer on 15 rows is said once). */
  more?: RowRef[];
}

export interface Candidate {
  ref: RowRef;
  data: Record<string, unknown>;
  body: string;
}

export interface RowContext {
  content: ContentSet;
  /** Values for empty cells, e.g. `--organizer` for a whole .ics feed. */
  defaults?: Partial<Record<ImportField, string>>;
  /** Local time of the import (`YYYY-MM-DDTHH:mm`), written as `updated` when a row is not 照常. */
  now?: string;
}

const ONLINE_WORDS = new Set(['线上', '网上', '网络', '在线', '线上直播', '直播', 'online']);

/** One record being read: its cells (empty ones take the defaults) and the problems found so far. */
interface Row {
  ref: RowRef;
  ctx: RowContext;
  problems: RowProblem[];
  get(f: ImportField): unknown;
  text(f: ImportField): string;
  bad(field: ImportField, message: string, hint?: string): void;
}

function rowOf(rec: ImportRecord, ctx: RowContext): Row {
  const problems: RowProblem[] = [];
  const get = (f: ImportField): unknown => {
    const v = rec.cells[f];
    return cellText(v) === '' ? ctx.defaults?.[f] : v;
  };
  return {
    ref: rec.ref, ctx, problems, get,
    text: (f) => cellText(get(f)),
    bad: (field, message, hint) => problems.push({ ref: rec.ref, field, message, ...(hint ? { hint } : {}) }),
  };
}

/** Organizer(s): the first is the organizer, the others co-organize. */
function organizerIds(row: Row): string[] {
  const orgNames = splitList(row.get('organizer'));
  const coNames = splitList(row.get('coOrganizers'));
  const ids: string[] = [];
  for (const name of [...orgNames, ...coNames]) {
    const m = matchOrganizer(name, row.ctx.content.organizers);
    if ('id' in m) {
      if (!ids.includes(m.id)) ids.push(m.id);
    } else row.bad(orgNames.includes(name) ? 'organizer' : 'coOrganizers', m.error, m.hint);
  }
  if (orgNames.length === 0) row.bad('organizer', '请填写主办单位（已有单位的名称或编号）/ the organizer is missing');
  return ids;
}

/** Place: a known venue, else an address; "线上" means none. */
function placeOf(row: Row): { venue?: string; address?: string; online?: string } {
  let venue: string | undefined;
  let address: string | undefined;
  let online = row.text('online') || undefined;
  const place = row.text('venue');
  if (place && !ONLINE_WORDS.has(place.toLowerCase())) {
    if (/^https?:\/\//i.test(place)) {
      online ??= place;
    } else {
      venue = matchVenue(place, row.ctx.content.venues);
      if (!venue) address = place;
    }
  }
  // A separate address column: the exact spot at a venue, or the street of a place that is no venue.
  const street = row.text('address');
  if (street) address = address && address !== street ? `${address}（${street}）` : street;
  return { venue, address, online };
}

/** .ics CATEGORIES: keep the words a vocabulary knows, report the rest. */
function categoriesOf(row: Row): Partial<Record<VocabName, string[]>> {
  const known: Partial<Record<VocabName, string[]>> = {};
  const unknown: string[] = [];
  for (const c of splitList(row.get('categories'))) {
    const hit = (['topics', 'audiences', 'formats'] as const).find((v) => vocabHas(row.ctx, v, c));
    if (hit) (known[hit] ??= []).push(c);
    else unknown.push(c);
  }
  if (unknown.length)
    row.problems.push({ ref: row.ref, field: 'categories', severity: 'warning', message: `分类“${unknown.join('、')}”不在词表里，未导入 / categories not in the vocabularies were left out` });
  return known;
}

/** The registry's generic fields (event-fields.ts): a text → front-matter values, or a message. */
function genericValues(row: Row, data: Record<string, unknown>): void {
  for (const g of GENERIC_FIELDS) {
    const t = row.text(g.field as ImportField);
    if (!t) continue;
    const r = g.read(t);
    if ('error' in r) row.bad(g.field as ImportField, r.error);
    else Object.assign(data, r.values);
  }
}

/** Collect everything at once: what the schema says about the cells no problem names yet. */
function schemaProblems(row: Row, data: Record<string, unknown>): void {
  const flagged = new Set(row.problems.map((p) => p.field));
  const shape = eventSchema.safeParse({ ...data, organizer: data.organizer ?? 'placeholder' });
  if (shape.success) return;
  for (const iss of shape.error.issues) {
    const head = String(iss.path[0] ?? '');
    const field = (head === 'address' ? 'venue' : (genericFieldOf(head)?.field ?? head)) as ImportField;
    if (flagged.has(field)) continue;
    flagged.add(field);
    row.bad(field, zodIssueMessage(iss, []));
  }
}

/** A date the file name is made of: an unreadable one is the date's problem, never the file name's. */
function dateProblems({ text, get, bad }: Row, start: string | undefined): void {
  for (const f of ['start', 'end'] as const) {
    const serial = excelSerialText(get(f));
    if (serial)
      bad(f, `这是 Excel 的日期数字（${text(f)}），请把单元格格式设为文本或日期后重新填写 / this is an Excel date number: format the cell as text or a date`, `也就是 ${serial.replace('T', ' ')}？/ that is ${serial}?`);
    else if (f === 'start' && start) {
      const r = localDateTime.safeParse(start);
      if (!r.success) bad('start', zodIssueMessage(r.error.issues[0]!, []));
    }
  }
}

export function mapRow(rec: ImportRecord, ctx: RowContext): { candidate?: Candidate; problems: RowProblem[] } {
  const row = rowOf(rec, ctx);
  const { text, get, bad, problems } = row;
  const orgIds = organizerIds(row);
  const { venue, address, online } = placeOf(row);
  const status = readStatus(get('status'));
  if (!status) bad('status', `状态“${text('status')}”看不懂，请写 ${STATUS_HELP} / unknown status`);
  const kind = readKind(get('kind'));
  if (!kind) bad('kind', `类型“${text('kind')}”看不懂，请写 ${KIND_HELP} / unknown kind`);
  const when = readWhen(get('start'), get('end'));
  dateProblems(row, when.start);
  const observance = refByName(text('observance'), ctx, (m, h) => bad('observance', m, h));
  const campaign = refByName(text('campaign'), ctx, (m, h) => bad('campaign', m, h));
  const fromCategories = categoriesOf(row);
  const list = (k: 'topics' | 'audiences' | 'formats') => [...new Set([...splitList(get(k)), ...(fromCategories[k] ?? [])])];
  const registrationUrl = text('registration');
  const sourceTitle = text('source');
  const data: Record<string, unknown> = {
    title: text('title') || undefined,
    titleEn: text('titleEn') || undefined,
    kind,
    summary: text('summary') || undefined,
    start: when.start || undefined,
    end: when.end,
    timezone: text('timezone') || undefined,
    rrule: text('rrule') || undefined,
    organizer: orgIds[0],
    coOrganizers: orgIds.slice(1),
    venue,
    address,
    online,
    // No region column: the one the address names (北京市海淀区… → 110108), so the event shows under it.
    region: regionId(text('region'), ctx, (m, h) => bad('region', m, h)) ?? (venue ? undefined : regionFromAddress(address, ctx.content.vocab.regions)),
    observance,
    campaign,
    topics: list('topics'),
    audiences: list('audiences'),
    formats: list('formats'),
    registration: registrationUrl ? { url: registrationUrl } : undefined,
    status: status ?? 'scheduled',
    url: text('url') || undefined,
    updated: status && status !== 'scheduled' && ctx.now ? ctx.now : undefined,
    source: sourceTitle ? { title: sourceTitle } : undefined,
    verified: readYesNo(text('verified'), (m) => bad('verified', m)),
    note: text('note') || undefined,
  };
  genericValues(row, data);
  if (problems.some((p) => p.severity !== 'warning')) {
    schemaProblems(row, data);
    return { problems };
  }
  return { candidate: { ref: rec.ref, data, body: cellText(get('description')) }, problems };
}

/** Files store region ids ("110108"); people write 海淀区 or 北京. */
function regionId(text: string, ctx: RowContext, bad: (message: string, hint?: string) => void): string | undefined {
  if (!text) return undefined;
  const m = matchRegion(text, ctx.content);
  if ('id' in m) return m.id;
  bad(m.error, m.hint);
  return undefined;
}

/** 是/否 (or true/false, yes/no, 1/0); empty → undefined (the default). */
function readYesNo(text: string, bad: (message: string) => void): boolean | undefined {
  const t = text.toLowerCase();
  if (!t) return undefined;
  if (['是', '已核实', 'true', 'yes', 'y', '1'].includes(t)) return true;
  if (['否', '未核实', '待核实', 'false', 'no', 'n', '0'].includes(t)) return false;
  bad(`“${text}”看不懂，请写 是 或 否 / write 是 (yes) or 否 (no)`);
  return undefined;
}

function vocabHas(ctx: RowContext, name: VocabName, word: string): boolean {
  const k = word.toLowerCase();
  return ctx.content.vocab[name].some((v) => [v.id, v.label, v.labelEn, ...v.aliases].some((x) => x && x.toLowerCase() === k));
}

/**
 * An observance or campaign written by name (世界急救日), alias or id → its id. An unknown id is
 * kept for the validator to report; an unknown name is reported here with a did-you-mean.
 */
function refByName(text: string, ctx: RowContext, bad: (message: string, hint?: string) => void): string | undefined {
  if (!text) return undefined;
  const key = nameKey(text);
  const hit = ctx.content.observances.find((o) => o.id === text || [o.name, o.nameEn, ...o.aliases].some((n) => n && nameKey(n) === key));
  if (hit) return hit.id;
  if (/^[a-z0-9][a-z0-9-]*$/.test(text)) return text;
  const names = ctx.content.observances.map((o) => o.name);
  const near = suggest(text, names);
  bad(
    `找不到纪念日“${text}”：请写 content/observances/ 里已有纪念日的名称或编号 / unknown observance "${text}"`,
    near ? `您是不是要写“${near}”？/ did you mean ${near}?` : undefined,
  );
  return undefined;
}
