/**
 * One form field the GOV.UK way: a visible label (a legend for groups), the help text under it,
 * the error (Chinese first) between the help and the control, and the control described by both.
 * Controls get the id `f-<field>` (the first input of a group), which the error summary links to.
 */
import type { ReactNode } from 'react';
import { type FieldProblem, type FormField, splitMessage } from '../../lib/submit-form.ts';

export interface FieldMeta {
  label: string;
  /** How to use this control (Chinese). */
  hint?: string;
  /** The field's JSDoc line from the schema, “中文 / English”. */
  help?: string;
  problems: FieldProblem[];
  required?: boolean;
}

export const controlId = (field: FormField) => `f-${field}`;

/** aria-describedby and aria-invalid for a control. */
export function described(field: FormField, meta: FieldMeta) {
  const ids = [meta.hint || meta.help ? `${controlId(field)}-help` : '', meta.problems.length ? `${controlId(field)}-error` : ''].filter(Boolean);
  return {
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': meta.problems.some((p) => p.severity === 'error') ? true : undefined,
  };
}

function Help({ field, meta }: { field: FormField; meta: FieldMeta }) {
  if (!meta.hint && !meta.help) return null;
  const h = meta.help ? splitMessage(meta.help) : undefined;
  return (
    <p className="field-help" id={`${controlId(field)}-help`}>
      {meta.hint && <span>{meta.hint}</span>}
      {h && (
        <span className="schema-help">
          {h.zh}
          {h.en && <span lang="en" className="en"> / {h.en}</span>}
        </span>
      )}
    </p>
  );
}

function Problems({ field, problems }: { field: FormField; problems: FieldProblem[] }) {
  if (!problems.length) return null;
  return (
    <div id={`${controlId(field)}-error`}>
      {problems.map((p, i) => {
        const m = splitMessage(p.message);
        return (
          <p key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'}>
            <span className="visually-hidden">{p.severity === 'error' ? '错误：' : '提醒：'}</span>
            {m.zh}
            {p.hint && `（${splitMessage(p.hint).zh}）`}
            {m.en && <span lang="en" className="en"> / {m.en}</span>}
          </p>
        );
      })}
    </div>
  );
}

const Required = ({ on }: { on?: boolean }) => (on ? <span className="required">（必填）</span> : null);
const errorClass = (meta: FieldMeta) => (meta.problems.some((p) => p.severity === 'error') ? ' has-error' : '');

/** A single control with a <label>. */
export function Field({ field, meta, children }: { field: FormField; meta: FieldMeta; children: ReactNode }) {
  return (
    <div className={`field${errorClass(meta)}`} data-field={field}>
      <label htmlFor={controlId(field)}>
        {meta.label}
        <Required on={meta.required} />
      </label>
      <Help field={field} meta={meta} />
      <Problems field={field} problems={meta.problems} />
      {children}
    </div>
  );
}

/** Radio buttons or checkboxes in a <fieldset> with a <legend>. */
export function Group({ field, meta, children }: { field: FormField; meta: FieldMeta; children: ReactNode }) {
  const d = described(field, meta);
  return (
    <fieldset className={`field group${errorClass(meta)}`} data-field={field} aria-describedby={d['aria-describedby']}>
      <legend id={`${controlId(field)}-legend`}>
        {meta.label}
        <Required on={meta.required} />
      </legend>
      <Help field={field} meta={meta} />
      <Problems field={field} problems={meta.problems} />
      {children}
    </fieldset>
  );
}
