/**
 * The /submit/ form without React: what the fields hold → the flags `npm run new -- event --yes`
 * takes → the same front matter (via mapRow, exactly as scripts/new.ts does) → the file text and
 * path from scaffold.ts → the problems the schema and the validator find, each tied to a field.
 *
 * The validator runs for real (validate.ts `validateContent`) over the new file plus stand-ins for
 * the organizer, venue, observance and vocabularies it names, built from the page's list of known
 * ids: references and vocabulary labels are checked as `npm run validate` checks them.
 *
 * Pure and browser-safe: no node:, no clock (pass `today`), and no pinyin: slug.ts pulls in
 * pinyin-pro (≈ 140 KB gzipped), so the caller loads it when it is needed and passes `slugify`.
 */
import { LINK_MAX, mailtoLink } from './contact.ts';
import type { ContentError } from './errors.ts';
import { eventFromFlags } from './import-rows.ts';
import { EVENT_FIELDS, type FieldSpec, type FormFieldName, type FormSpec, GENERIC_FIELDS, genericFieldOf } from './event-fields.ts';
import { nameKey } from './import-match.ts';
import { type ContentSet, emptyContent } from './model.ts';
import { localDateTime, VOCABS, type VocabName } from './schema.ts';
import { checkNewFiles, entryPath, entryText, eventBaseId } from './scaffold.ts';
import { uniqueId } from './unique-id.ts';
import type { SourceFile } from './validate.ts';

// ------------------------------------------------------------------------------------------------
// The fields
// ------------------------------------------------------------------------------------------------

/** A new organizer's fields, asked right after the organizer when it is not in the list (not event fields). */
export const ORG_FIELDS = ['orgName', 'orgWebsite', 'orgRegion', 'orgType'] as const;
export type OrgField = (typeof ORG_FIELDS)[number];

/** Every field of the form, in page order (the error summary follows it): the field registry's, and the new organizer's after the organizer. */
export const FORM_FIELDS: readonly (FormFieldName | OrgField)[] = (EVENT_FIELDS as readonly FieldSpec[]).flatMap((f) =>
  f.form ? [f.form.name as FormFieldName, ...(f.form.name === 'organizer' ? ORG_FIELDS : [])] : [],
);
export type FormField = FormFieldName | OrgField;

/** Where the event happens; '' = not chosen (fine for calls and deadlines). */
export type Place = '' | 'venue' | 'address' | 'online' | 'region';
/** The organizer choice that means “not in the list”: the person names a new one in the same form. */
export const NEW_ORGANIZER = '__new__';
export type ListField = 'topics' | 'audiences' | 'formats';

export interface SubmitForm {
  title: string;
  titleEn: string;
  kind: string;
  summary: string;
  start: string;
  end: string;
  /** An organizer id, or NEW_ORGANIZER with the org* fields filled in. */
  organizer: string;
  /** A new organizer (when `organizer` is NEW_ORGANIZER): full name, website, region id, type. */
  orgName: string;
  orgWebsite: string;
  orgRegion: string;
  orgType: string;
  place: Place;
  venue: string;
  address: string;
  online: string;
  region: string;
  /** Vocabulary labels, as `npm run new` writes them. */
  topics: string[];
  audiences: string[];
  formats: string[];
  observance: string;
  campaign: string;
  registration: string;
  registrationRequired: '' | 'yes' | 'no';
  capacity: string;
  fee: string;
  deadline: string;
  registrationNote: string;
  url: string;
  sourceTitle: string;
  sourceUrl: string;
  description: string;
  /** The generic fields' texts by form name (event-fields.ts), e.g. { age: '6-12' }. */
  extra: Record<string, string>;
}

export const EMPTY_FORM: SubmitForm = {
  title: '', titleEn: '', kind: 'activity', summary: '', start: '', end: '', organizer: '', orgName: '', orgWebsite: '', orgRegion: '', orgType: '',
  place: '', venue: '', address: '',
  online: '', region: '', topics: [], audiences: [], formats: [], observance: '', campaign: '', registration: '',
  registrationRequired: '', capacity: '', fee: '', deadline: '', registrationNote: '', url: '', sourceTitle: '', sourceUrl: '',
  description: '', extra: {},
};

const FORM_ROWS = (EVENT_FIELDS as readonly FieldSpec[]).filter((f): f is FieldSpec & { form: FormSpec } => !!f.form);

/** Visible labels (Chinese). */
const ORG_LABELS: Record<OrgField, string> = { orgName: '单位全称', orgWebsite: '单位网站（可选）', orgRegion: '单位所在地区（可选）', orgType: '单位类型（可选）' };
export const FIELD_LABELS = { ...Object.fromEntries(FORM_ROWS.map((f) => [f.form.name, f.form.label])), ...ORG_LABELS } as Record<FormField, string>;

/** The front-matter field each form field fills: its JSDoc line in schema.ts is the field's help text. */
export const FIELD_SCHEMA_PATH: Partial<Record<FormField, string>> = Object.fromEntries(FORM_ROWS.filter((f) => f.path).map((f) => [f.form.name, f.path]));

/** What the form asks beyond the schema's field guide (how to use this control). Chinese first. */
export const FORM_HINTS: Partial<Record<FormField, string>> = {
  ...Object.fromEntries(FORM_ROWS.filter((f) => f.form.hint).map((f) => [f.form.name, f.form.hint])),
  orgName: '写全称，例如 北京天文学会；它会成为一个新的单位文件，和活动一起提交。',
};

interface JsonSchemaNode {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
}

/** Each form field's help: the schema's JSDoc line, read from the generated public/schemas/event.schema.json. */
export function fieldHelp(schema: JsonSchemaNode): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  for (const [field, path] of Object.entries(FIELD_SCHEMA_PATH) as [FormField, string][]) {
    let node: JsonSchemaNode | undefined = schema;
    for (const key of path.split('.')) node = node?.properties?.[key];
    if (node?.description) out[field] = node.description;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Choices: ids and labels only, so the island's props stay small
// ------------------------------------------------------------------------------------------------

export interface Choice {
  id: string;
  label: string;
  /** Nesting level in the regions list (北京市 0, 海淀区 1). */
  depth?: number;
}

export interface SubmitChoices {
  organizers: Choice[];
  venues: Choice[];
  observances: Choice[];
  campaigns: Choice[];
  topics: Choice[];
  audiences: Choice[];
  formats: Choice[];
  regions: Choice[];
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'zh-Hans-CN');

/** The lists the form offers, from the validated content. Discontinued observances are left out. */
export function submitChoices(content: ContentSet): SubmitChoices {
  const live = content.observances.filter((o) => o.endedYear === undefined);
  const parents = new Map(content.vocab.regions.map((r) => [r.id, r.parent]));
  const depth = (id: string) => {
    let d = 0;
    for (let p = parents.get(id); p && d < 5; p = parents.get(p)) d++;
    return d;
  };
  const vocab = (name: VocabName) => content.vocab[name].map((v) => ({ id: v.id, label: v.label }));
  return {
    organizers: content.organizers.map((o) => ({ id: o.id, label: o.shortName && o.shortName !== o.name ? `${o.name}（${o.shortName}）` : o.name })).sort(byLabel),
    venues: content.venues.map((v) => ({ id: v.id, label: v.name })).sort(byLabel),
    observances: live.filter((o) => o.kind !== 'campaign').map((o) => ({ id: o.id, label: o.name })).sort(byLabel),
    campaigns: live.filter((o) => o.kind === 'campaign').map((o) => ({ id: o.id, label: o.name })).sort(byLabel),
    topics: vocab('topics'),
    audiences: vocab('audiences'),
    formats: vocab('formats'),
    regions: content.vocab.regions.map((r) => ({ id: r.id, label: r.label, ...(depth(r.id) ? { depth: depth(r.id) } : {}) })),
  };
}

const CHOICE_LISTS = ['organizers', 'venues', 'observances', 'campaigns', 'topics', 'audiences', 'formats', 'regions'] as const;

/**
 * The choices as one compact string for the island's props (Astro wraps every prop value and
 * escapes every quote): a `#list` line per list, then `id<TAB>label[<TAB>depth]` lines. Ids and
 * labels are one-line texts (the schema refuses control characters), so tabs and newlines are free.
 */
export function encodeChoices(c: SubmitChoices): string {
  return CHOICE_LISTS.map((k) => [`#${k}`, ...c[k].map((x) => [x.id, x.label, ...(x.depth ? [x.depth] : [])].join('\t'))].join('\n')).join('\n');
}

export function decodeChoices(s: string): SubmitChoices {
  const out = Object.fromEntries(CHOICE_LISTS.map((k) => [k, [] as Choice[]])) as unknown as SubmitChoices;
  let list: Choice[] | undefined;
  for (const line of s.split('\n')) {
    if (line.startsWith('#')) list = out[line.slice(1) as keyof SubmitChoices];
    else if (line && list) {
      const [id = '', label = '', depth] = line.split('\t');
      list.push({ id, label, ...(depth ? { depth: Number(depth) } : {}) });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Form → flags → front matter (the `npm run new` path)
// ------------------------------------------------------------------------------------------------

export type Flags = Record<string, string | undefined>;

/**
 * The `npm run new -- event` flags that say the same as the form: `--title`, `--start` … Only the
 * place the form's “在哪里举办” chose is passed (a venue, an address with an optional region, an
 * online URL, or a region).
 */
export function formFlags(form: SubmitForm): Flags {
  const t = (s: string) => s.trim() || undefined;
  const list = (xs: string[]) => (xs.length ? xs.join(',') : undefined);
  const place = form.place;
  return {
    title: t(form.title), 'title-en': t(form.titleEn), kind: t(form.kind), summary: t(form.summary), start: t(form.start), end: t(form.end),
    organizer: t(form.organizer),
    venue: place === 'venue' ? t(form.venue) : undefined,
    address: place === 'address' ? t(form.address) : undefined,
    online: place === 'online' ? t(form.online) : undefined,
    region: place === 'address' || place === 'region' ? t(form.region) : undefined,
    topics: list(form.topics), audiences: list(form.audiences), formats: list(form.formats),
    observance: t(form.observance), campaign: t(form.campaign),
    registration: t(form.registration),
    'registration-required': form.registrationRequired || undefined,
    capacity: t(form.capacity), fee: t(form.fee), deadline: t(form.deadline), 'registration-note': t(form.registrationNote),
    url: t(form.url), 'source-title': t(form.sourceTitle), 'source-url': t(form.sourceUrl), description: t(form.description),
    ...Object.fromEntries(GENERIC_FIELDS.map((g) => [g.flag, t(form.extra?.[g.form.name] ?? '')])),
  };
}

/** The names mapRow matches ids against, from the page's choices (ids are all the form sends). */
function choiceContent(c: SubmitChoices): ContentSet {
  const content = emptyContent();
  const entry = (x: Choice) => ({ id: x.id, name: x.label, aliases: [] as string[] });
  content.organizers = c.organizers.map(entry) as unknown as ContentSet['organizers'];
  content.venues = c.venues.map(entry) as unknown as ContentSet['venues'];
  content.observances = [...c.observances, ...c.campaigns].map(entry) as unknown as ContentSet['observances'];
  for (const name of VOCABS) content.vocab[name] = c[name].map((x) => ({ id: x.id, label: x.label, aliases: [] }));
  return content;
}

/**
 * Minimal valid files for what the new event names, so that `validateContent` checks its
 * references and vocabulary labels. JSON is YAML, so the stand-ins need no quoting rules.
 */
export function standInFiles(data: Record<string, unknown>, c: SubmitChoices, contentDir: string): SourceFile[] {
  const dir = contentDir.replace(/\/+$/, '');
  const has = (list: Choice[], id: unknown) => typeof id === 'string' && list.some((x) => x.id === id);
  // Each vocabulary holds only the known entries the event names: the validator's verdict is the
  // same (a label is known or not), and parsing whole vocabularies on every keystroke is slow.
  const files: SourceFile[] = [];
  for (const name of VOCABS) {
    const value = data[name === 'regions' ? 'region' : name];
    const words = new Set((Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => String(v).toLowerCase()));
    const entries = c[name].filter((x) => words.has(x.id.toLowerCase()) || words.has(x.label.toLowerCase()));
    if (entries.length) files.push({ path: `${dir}/vocab/${name}.yaml`, text: JSON.stringify(entries.map((x) => ({ id: x.id, label: x.label }))) });
  }
  if (has(c.organizers, data.organizer)) files.push({ path: `${dir}/organizers/${data.organizer}.yaml`, text: '{"name":"-","type":"other"}' });
  if (has(c.venues, data.venue)) files.push({ path: `${dir}/venues/${data.venue}.yaml`, text: '{"name":"-","type":"other","region":"x"}' });
  for (const id of new Set([data.observance, data.campaign])) {
    const kind = has(c.campaigns, id) ? 'campaign' : has(c.observances, id) ? 'day' : undefined;
    if (!kind) continue;
    const fm = { name: '-', kind, rule: { type: 'fixed', date: '01-01' }, authority: '-', level: 'national', source: { title: '-' } };
    files.push({ path: `${dir}/observances/${id}.md`, text: `---\n${JSON.stringify(fm)}\n---\n` });
  }
  return files;
}

// ------------------------------------------------------------------------------------------------
// The whole check
// ------------------------------------------------------------------------------------------------

export interface FieldProblem {
  /** The form field to show it next to; '' for the whole entry. */
  field: FormField | '';
  /** Chinese first, then ` / ` and English (the schema's and validator's own messages). */
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export interface SubmitOptions {
  choices: SubmitChoices;
  /** slugify from src/lib/slug.ts; until it has loaded there is no path yet. */
  slugify?: (text: string) => string;
  /** Repository-relative content folder; `content` in the real repository. */
  contentDir?: string;
  /** Today's date in China (YYYY-MM-DD, src/lib/time todayIn): a start in the past gets a warning. */
  today?: string;
}

export interface SubmittedFile {
  path: string;
  text: string;
}

export interface Submission {
  /** The file as `npm run new` would write it; undefined until a file can be made. */
  text?: string;
  /** content/events/<year>/<date>-<slug>.md; undefined without a usable start or a slug. */
  path?: string;
  /** The file name without .md (the event's URL slug). */
  id?: string;
  /** A new organizer's file (content/organizers/<id>.yaml), when the form names one. */
  organizerFile?: SubmittedFile & { id: string };
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

/** Every file of a ready submission, the new organizer first (the event refers to it). */
export function submissionFiles(s: Submission): SubmittedFile[] {
  if (!s.text || !s.path) return [];
  return [...(s.organizerFile ? [{ path: s.organizerFile.path, text: s.organizerFile.text }] : []), { path: s.path, text: s.text }];
}

/** Organizer fields of a validator error (content/organizers/<id>.yaml) → the form's fields. */
const ORG_FIELD: Record<string, FormField> = { name: 'orgName', website: 'orgWebsite', region: 'orgRegion', type: 'orgType' };

/** A new organizer from the form: its front matter, and its id once slugify has loaded. */
function newOrganizer(form: SubmitForm, opts: SubmitOptions): { data: Record<string, unknown>; id: string; pending: boolean; problems: FieldProblem[] } {
  const name = form.orgName.trim();
  const problems: FieldProblem[] = [];
  if (!name) problems.push(problem('orgName', '请填写单位全称 / the organizer’s full name is missing', undefined, 'error'));
  const known = opts.choices.organizers.find((o) => nameKey(o.label) === nameKey(name) || nameKey(o.label.replace(/（.*）$/, '')) === nameKey(name));
  if (name && known) problems.push(problem('orgName', `列表里已经有“${known.label}”，请直接在主办单位里选择它 / already in the list: choose it above`, undefined, 'warning'));
  const data = { name, type: form.orgType || 'other', region: form.orgRegion || undefined, website: form.orgWebsite.trim() || undefined };
  const taken = new Set(opts.choices.organizers.map((o) => o.id));
  const id = opts.slugify ? uniqueId(opts.slugify(name) || 'organizer', taken) : 'new-organizer';
  return { data, id, pending: !opts.slugify, problems };
}

/** Check the form and make the file (and a new organizer's file, when the form names one). */
export function buildSubmission(form: SubmitForm, opts: SubmitOptions): Submission {
  const contentDir = opts.contentDir ?? 'content';
  const org = form.organizer === NEW_ORGANIZER ? newOrganizer(form, opts) : undefined;
  // The new organizer is one more choice: the event refers to it by its id like to any other.
  const choices = org ? { ...opts.choices, organizers: [...opts.choices.organizers, { id: org.id, label: String(org.data.name) || org.id }] } : opts.choices;
  const flags = formFlags(form);
  if (org) flags.organizer = org.data.name ? org.id : undefined;
  // The same path as `npm run new -- event` (tests/unit/submit-form.test.ts compares the files byte for byte).
  const e = eventFromFlags(flags, choiceContent(choices));
  const fromRow = [...(org?.problems ?? []), ...e.problems.map((p) => problem(fieldOf(p.field, form), p.message, p.hint, p.severity))].filter((p) => !(org && p.field === 'organizer' && !org.data.name));
  if (!e.data) return finish({ errors: fromRow.filter((p) => p.severity === 'error'), warnings: fromRow.filter((p) => p.severity === 'warning') });

  const data = e.data;
  const start = localDateTime.safeParse(data.start);
  const slug = opts.slugify ? opts.slugify(String(data.titleEn ?? data.title ?? '')) : undefined;
  const id = start.success && slug !== undefined ? eventBaseId(start.data, slug) : undefined;
  const text = entryText('events', data, e.body);
  const path = id ? entryPath('events', id, data, contentDir) : undefined;
  // Validate under the real path when there is one: the validator also checks the year folder.
  const checkedPath = path ?? (start.success ? entryPath('events', eventBaseId(start.data, 'submission'), data, contentDir) : `${contentDir}/events/2000/submission.md`);
  const orgFile = org ? { id: org.id, path: entryPath('organizers', org.id, org.data, contentDir), text: entryText('organizers', org.data, '', '通过网站“提交活动”表单新增的单位，请维护者核对 / added with the site\'s submit form') } : undefined;
  const standIns = standInFiles({ ...data, region: [data.region, org?.data.region].filter(Boolean) }, choices, contentDir);
  const check = checkNewFiles(standIns, [...(orgFile ? [orgFile] : []), { path: checkedPath, text }], contentDir);
  const mapError = (x: ContentError, severity: 'error' | 'warning') =>
    orgFile && x.file === orgFile.path ? problem(ORG_FIELD[x.field.split('.')[0] ?? ''] ?? 'orgName', x.message, x.hint, severity) : fromError(x, form, severity);
  // A new organizer with problems of its own is not loaded: the event's reference to it is not a second problem.
  const orgBroken = orgFile !== undefined && check.errors.some((x) => x.file === orgFile.path);
  const checkErrors = check.errors.filter((x) => !(orgBroken && x.file !== orgFile!.path && x.field === 'organizer'));
  const errors = [...fromRow.filter((p) => p.severity === 'error'), ...checkErrors.map((x) => mapError(x, 'error'))];
  const warnings = [...fromRow.filter((p) => p.severity === 'warning'), ...check.warnings.map((x) => mapError(x, 'warning'))];
  if (opts.today && start.success && !errors.some((x) => x.field === 'end')) {
    const last = (typeof data.end === 'string' ? data.end : start.data).slice(0, 10);
    if (last < opts.today) warnings.push(problem('start', `活动日期已经过去（${last}），请检查年份 / the date is in the past`, undefined, 'warning'));
  }
  return finish({ text, path: org?.pending ? undefined : path, id, ...(orgFile && !org?.pending ? { organizerFile: orgFile } : {}), errors, warnings });
}

function finish(s: Submission): Submission {
  const order = (p: FieldProblem) => (p.field ? FORM_FIELDS.indexOf(p.field) : -1);
  const clean = (list: FieldProblem[]) => {
    const seen = new Set<string>();
    return list
      .filter((p) => !seen.has(`${p.field}|${p.message}`) && seen.add(`${p.field}|${p.message}`))
      .sort((a, b) => order(a) - order(b));
  };
  return { ...s, errors: clean(s.errors), warnings: clean(s.warnings) };
}

function problem(field: FormField | '', message: string, hint: string | undefined, severity: 'error' | 'warning' | undefined): FieldProblem {
  return { field, message, ...(hint ? { hint } : {}), severity: severity ?? 'error' };
}

function fromError(e: ContentError, form: SubmitForm, severity: 'error' | 'warning'): FieldProblem {
  return problem(fieldOf(e.field, form), e.message, e.hint, severity);
}

/** The form field a validator path (`registration.url`) or an importer field (`source`) belongs to. */
export function fieldOf(path: string, form: SubmitForm): FormField | '' {
  const [head = '', sub] = path.split('.');
  if (head === 'registration') {
    const sub2: Record<string, FormField> = { required: 'registrationRequired', capacity: 'capacity', fee: 'fee', deadline: 'deadline', note: 'registrationNote' };
    return (sub && sub2[sub]) || 'registration';
  }
  if (head === 'source') return sub === 'url' ? 'sourceUrl' : 'sourceTitle';
  if (head === 'body') return 'description';
  // “Give a venue, an address, a region or an online URL”, and the importer's place column.
  if (head === 'venue' || (head === 'address' && form.place !== 'address')) return form.place || 'place';
  if (head === 'coOrganizers') return 'organizer';
  const generic = genericFieldOf(head);
  if (generic) return generic.form.name as FormField;
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : '';
}

/** The message in its two languages, for showing the English part quieter. */
export function splitMessage(message: string): { zh: string; en: string } {
  // The last “/ ” with no Chinese after it (“…编号）/ the organizer is missing” has no space before it).
  const m = /\s?\/ (?=[^\p{Script=Han}]*$)/u.exec(message);
  return m ? { zh: message.slice(0, m.index), en: message.slice(m.index + m[0].length) } : { zh: message, en: '' };
}

// ------------------------------------------------------------------------------------------------
// GitHub links
// ------------------------------------------------------------------------------------------------

export { DEFAULT_REPO, repoSlug } from './contact.ts';
export const DEFAULT_BRANCH = 'main';
/**
 * GitHub answers “414 URI Too Long” above about 8 KB; a Chinese character takes 9 characters
 * once percent-encoded, so long descriptions do not fit and the file goes by clipboard instead.
 */
export const GITHUB_URL_MAX = LINK_MAX;

export interface GithubLink {
  href: string;
  /** False when the file was too long for the link: the person pastes it (it is copied first). */
  complete: boolean;
}

const q = (s: string) => encodeURIComponent(s);

/** GitHub's “new file” page with the path and the file filled in (it offers a fork and a pull request). */
export function newFileLink(repo: string, branch: string, path: string, text: string): GithubLink {
  const base = `https://github.com/${repo}/new/${q(branch)}?filename=${q(path).replace(/%2F/g, '/')}`;
  const full = `${base}&value=${q(text)}`;
  return full.length <= GITHUB_URL_MAX ? { href: full, complete: true } : { href: base, complete: false };
}

/** A new issue carrying the file, for people who do not make pull requests; a maintainer adds it. */
export function newIssueLink(repo: string, title: string, path: string, text: string): GithubLink {
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const head = `[新活动] ${title}`;
  const intro = `这是用网站“提交活动”表单生成的活动文件，请维护者审核后添加。\nA new event file made with the site's submit form; please review and add it.\n\n文件路径 / path: \`${path}\`\n\n`;
  const body = `${intro}${fence}markdown\n${text}${fence}\n`;
  const url = (b: string) => `https://github.com/${repo}/issues/new?title=${q(head)}&body=${q(b)}`;
  const full = url(body);
  if (full.length <= GITHUB_URL_MAX) return { href: full, complete: true };
  const paste = `${intro}文件内容太长，放不进链接：已复制到剪贴板，请粘贴在这里。\nThe file was too long for the link: it is on your clipboard, please paste it here.\n\n`;
  return { href: url(paste), complete: false };
}

/** The issue for a submission of one or more files (a new organizer travels with its event). */
export function submissionIssueLink(repo: string, title: string, files: SubmittedFile[]): GithubLink {
  if (files.length === 1) return newIssueLink(repo, title, files[0]!.path, files[0]!.text);
  const head = `[新活动] ${title}`;
  const intro = `这是用网站“提交活动”表单生成的文件（新单位和活动），请维护者审核后添加。\nFiles made with the site's submit form (a new organizer and an event); please review and add them.\n\n`;
  const blocks = files.map((f) => `文件路径 / path: \`${f.path}\`\n\n${fenced(f.text, f.path.endsWith('.md') ? 'markdown' : 'yaml')}`).join('\n');
  const url = (b: string) => `https://github.com/${repo}/issues/new?title=${q(head)}&body=${q(b)}`;
  const full = url(intro + blocks);
  if (full.length <= GITHUB_URL_MAX) return { href: full, complete: true };
  return { href: url(`${intro}文件内容太长，放不进链接：已复制到剪贴板，请粘贴在这里。\nThe files were too long for the link: they are on your clipboard, please paste them here.\n\n`), complete: false };
}

function fenced(text: string, lang: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${lang}\n${text}${fence}\n`;
}

export interface MailSummary {
  title: string;
  /** As typed (2026-09-12 14:00) or as written in the file. */
  start?: string;
  end?: string;
  /** The organizer's name; `isNew` when the submission adds it. */
  organizer?: string;
  isNew?: boolean;
}

/**
 * The submission as a mail a person reads: what it is and when, then each file between lines
 * that say its path. Too long for a link → the body asks to paste (the page copies the files
 * first) or to attach the downloaded files.
 */
export function submissionMailLink(address: string, summary: MailSummary, files: SubmittedFile[]): GithubLink {
  const subject = `[新活动] ${summary.title}`;
  const when = [summary.start, summary.end].filter(Boolean).join(' 至 ');
  const intro = [
    '您好，',
    '',
    '请把下面的活动收录到科普日历。内容由网站的“提交活动”表单生成，已按网站的规则检查过。',
    "Please add this event to Kepu Calendar (made and checked by the site's submit form).",
    '',
    `活动 / Event: ${summary.title}`,
    ...(when ? [`时间 / When: ${when}`] : []),
    ...(summary.organizer ? [`主办单位 / Organizer: ${summary.organizer}${summary.isNew ? '（新单位，文件附在下面 / new, file below）' : ''}`] : []),
    '',
  ].join('\n');
  const blocks = files.map((f, i) => `===== 文件 ${i + 1}/${files.length} / file: ${f.path} =====\n${f.text.replace(/\n$/, '')}\n===== 文件结束 / end of file =====\n`).join('\n');
  const full = mailtoLink(address, subject, `${intro}\n${blocks}`);
  if (full.length <= LINK_MAX) return { href: full, complete: true };
  const paste = `${intro}\n文件太长，放不进邮件链接：已复制到剪贴板，请粘贴在这里，或把下载的文件作为附件发送。\nThe files were too long for a mail link: they are on your clipboard; paste them here or attach the downloaded files.\n`;
  return { href: mailtoLink(address, subject, paste), complete: false };
}

/** The text the page copies when a link could not carry the files. */
export function filesAsText(files: SubmittedFile[]): string {
  return files.length === 1 ? files[0]!.text : files.map((f) => `# ${f.path}\n${f.text}`).join('\n');
}
