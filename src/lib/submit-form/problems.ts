/**
 * The problems the /submit/ form shows (src/lib/submit-form.ts): each schema, importer or validator
 * message tied to the form field it belongs to, without repeats, in page order, and split into its
 * two languages for showing the English part quieter.
 */
import type { ContentError } from '../content/errors.ts';
import { genericFieldOf } from '../content/event-fields.ts';
import { FORM_FIELDS, type FormField, type SubmitForm } from './fields.ts';

export interface FieldProblem {
  /** The form field to show it next to; '' for the whole entry. */
  field: FormField | '';
  /** Chinese first, then ` / ` and English (the schema's and validator's own messages). */
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export function problem(field: FormField | '', message: string, hint: string | undefined, severity: 'error' | 'warning' | undefined): FieldProblem {
  return { field, message, ...(hint ? { hint } : {}), severity: severity ?? 'error' };
}

export function fromError(e: ContentError, form: SubmitForm, severity: 'error' | 'warning'): FieldProblem {
  return problem(fieldOf(e.field, form), e.message, e.hint, severity);
}

/** Each problem once, in the order of the fields on the page (the whole entry's first). */
export function inPageOrder(list: FieldProblem[]): FieldProblem[] {
  const order = (p: FieldProblem) => (p.field ? FORM_FIELDS.indexOf(p.field) : -1);
  const seen = new Set<string>();
  return list
    .filter((p) => !seen.has(`${p.field}|${p.message}`) && seen.add(`${p.field}|${p.message}`))
    .sort((a, b) => order(a) - order(b));
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
