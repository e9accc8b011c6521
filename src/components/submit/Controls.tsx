/**
 * The /submit/ form's controls, each inside its Field or Group (Field.tsx): a text input, a select
 * of the page's choices, a select of fixed labelled values, checkboxes, and the field registry's
 * generic fields. They read and write the form through a FormKit, so the sections (Sections.tsx)
 * only say which control goes where.
 */
import type { ChangeEvent } from 'react';
import { type FormSection, GENERIC_FIELDS } from '../../lib/content/event-fields.ts';
import type { Choice, FormField, ListField, SubmitForm as FormState } from '../../lib/submit-form.ts';
import { controlId, described, Field, type FieldMeta, Group } from './Field.tsx';

/** What every control needs: the form, a way to change it, and each field's label, help and problems. */
export interface FormKit {
  form: FormState;
  set: (patch: Partial<FormState>) => void;
  meta: (field: FormField) => FieldMeta;
}

type TextField = FormField & keyof FormState;

const onText = (kit: FormKit, field: keyof FormState) => (ev: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
  kit.set({ [field]: ev.target.value });

/** A one-line text input; `extra` adds attributes (placeholder, inputMode, type …). */
export function TextInput({ kit, field, extra = {} }: { kit: FormKit; field: TextField; extra?: Record<string, unknown> }) {
  return (
    <Field field={field} meta={kit.meta(field)}>
      <input id={controlId(field)} name={field} type="text" value={kit.form[field] as string} onChange={onText(kit, field)} autoComplete="off" {...described(field, kit.meta(field))} {...extra} />
    </Field>
  );
}

/** A multi-line text. */
export function TextArea({ kit, field, rows }: { kit: FormKit; field: TextField; rows: number }) {
  return (
    <Field field={field} meta={kit.meta(field)}>
      <textarea id={controlId(field)} name={field} rows={rows} value={kit.form[field] as string} onChange={onText(kit, field)} {...described(field, kit.meta(field))} />
    </Field>
  );
}

/** One of the page's choices (regions indented by depth), `empty` first, `last` after the list. */
export function ChoiceSelect({ kit, field, options, empty, last }: { kit: FormKit; field: TextField; options: Choice[]; empty: string; last?: Choice }) {
  return (
    <Field field={field} meta={kit.meta(field)}>
      <select id={controlId(field)} name={field} value={kit.form[field] as string} onChange={onText(kit, field)} {...described(field, kit.meta(field))}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {'\u3000'.repeat(o.depth ?? 0)}
            {o.label}
          </option>
        ))}
        {last && <option value={last.id}>{last.label}</option>}
      </select>
    </Field>
  );
}

/** One of fixed values, shown by their labels (value → label), after an `empty` option when given. */
export function LabelSelect({ kit, field, labels, empty }: { kit: FormKit; field: TextField; labels: Record<string, string>; empty?: string }) {
  return (
    <Field field={field} meta={kit.meta(field)}>
      <select id={controlId(field)} name={field} value={kit.form[field] as string} onChange={onText(kit, field)} {...described(field, kit.meta(field))}>
        {empty !== undefined && <option value="">{empty}</option>}
        {Object.entries(labels).map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
    </Field>
  );
}

/** Vocabulary labels to tick, as `npm run new` writes them. */
export function Checkboxes({ kit, field, options }: { kit: FormKit; field: ListField; options: Choice[] }) {
  const { form, set } = kit;
  return (
    <Group field={field} meta={kit.meta(field)}>
      <div className="choices">
        {options.map((o, i) => (
          <label key={o.id} className="choice">
            <input
              id={i === 0 ? controlId(field) : undefined}
              type="checkbox"
              name={field}
              value={o.label}
              checked={form[field].includes(o.label)}
              onChange={(ev) => set({ [field]: ev.target.checked ? [...form[field], o.label] : form[field].filter((x) => x !== o.label) })}
            />
            {o.label}
          </label>
        ))}
      </div>
    </Group>
  );
}

/** The registry's generic fields (src/lib/content/event-fields.ts): a text input each, in its section. */
export function GenericFields({ kit, section }: { kit: FormKit; section: FormSection }) {
  const { form, set } = kit;
  return GENERIC_FIELDS.filter((g) => g.form.section === section).map((g) => {
    const field = g.form.name as FormField;
    return (
      <Field key={field} field={field} meta={kit.meta(field)}>
        <input id={controlId(field)} name={field} type="text" value={form.extra?.[field] ?? ''} placeholder={g.form.placeholder} autoComplete="off" onChange={(ev) => set({ extra: { ...form.extra, [field]: ev.target.value } })} {...described(field, kit.meta(field))} />
      </Field>
    );
  });
}
