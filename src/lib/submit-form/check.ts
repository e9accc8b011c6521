/**
 * The whole check of the /submit/ form (src/lib/submit-form.ts): what the fields hold → the flags
 * `npm run new -- event --yes` takes → the same front matter (via mapRow, exactly as scripts/new.ts
 * does) → the file text and path from scaffold.ts → the problems the schema and the validator find.
 */
import type { ContentError } from '../content/errors.ts';
import { eventFromFlags } from '../import/event-from-flags.ts';
import { GENERIC_FIELDS } from '../content/event-fields.ts';
import { nameKey } from '../import/import-match.ts';
import { localDateTime } from '../content/schema.ts';
import { checkNewFiles, entryPath, entryText, eventBaseId } from '../import/scaffold.ts';
import { uniqueId } from '../import/unique-id.ts';
import { choiceContent, type SubmitChoices, standInFiles } from './choices.ts';
import { type FormField, NEW_ORGANIZER, type SubmitForm } from './fields.ts';
import { type FieldProblem, fieldOf, fromError, inPageOrder, problem } from './problems.ts';

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
  return { ...s, errors: inPageOrder(s.errors), warnings: inPageOrder(s.warnings) };
}
