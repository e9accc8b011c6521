/**
 * The /submit/ form's fields (src/lib/submit-form.ts): what the form holds, in page order, with
 * the labels, hints and help text each field shows. The field registry (src/lib/content/event-fields.ts)
 * names the event's fields; the new organizer's fields are the form's own.
 */
import { EVENT_FIELDS, type FieldSpec, type FormFieldName, type FormSpec } from '../content/event-fields.ts';

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
