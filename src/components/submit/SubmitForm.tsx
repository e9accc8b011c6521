/**
 * /submit/: the event form. Everything it knows about events comes from src/lib/submit-form.ts
 * (the schema, the validator and the `npm run new` scaffold); this file only keeps the state and
 * moves focus, Sections.tsx lays the fields out (with the controls of Controls.tsx), and the draft
 * lives in use-draft.ts. Errors show after the first “检查”, then update as people type; the
 * preview is live throughout. pinyin-pro (for the file name) loads once a title is typed
 * (use-slugify.ts).
 */
import { type FormEvent, type RefObject, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { todayIn } from '../../lib/time/days.ts';
import {
  buildSubmission,
  decodeChoices,
  EMPTY_FORM,
  FIELD_LABELS,
  FORM_HINTS,
  type FormField,
  type MailSummary,
  NEW_ORGANIZER,
  type Submission,
  type SubmitChoices,
  type SubmitForm as FormState,
} from '../../lib/submit-form.ts';
import type { FormKit } from './Controls.tsx';
import ErrorSummary from './ErrorSummary.tsx';
import type { FieldMeta } from './Field.tsx';
import { FormSections } from './Sections.tsx';
import SubmitResult from './SubmitResult.tsx';
import { useDraft } from './use-draft.ts';
import { useSlugify } from './use-slugify.ts';
import './submit.css';

interface Props {
  /** The lists to choose from, as encodeChoices wrote them (ids and labels only). */
  choices: string;
  /** Field → the schema's JSDoc line (from public/schemas/event.schema.json). */
  help: Partial<Record<FormField, string>>;
  /** GitHub `owner/name` (KEPU_REPO at build time). */
  repo: string;
  branch: string;
  /** Where mailed submissions go (KEPU_MAIL at build time). */
  email: string;
}

const REQUIRED: FormField[] = ['title', 'start', 'organizer'];

/** A field's label, help and required mark; its problems once the form has been checked. */
function fieldMeta(field: FormField, help: Props['help'], checked: Submission | undefined): FieldMeta {
  return {
    label: FIELD_LABELS[field],
    hint: FORM_HINTS[field],
    help: help[field],
    required: REQUIRED.includes(field),
    problems: checked ? [...checked.errors, ...checked.warnings].filter((p) => p.field === field) : [],
  };
}

/** What the mail says the submission is: title, time and organizer as typed. */
function mailSummary(form: FormState, choices: SubmitChoices): MailSummary {
  return {
    title: form.title.trim(),
    start: form.start.trim(),
    end: form.end.trim(),
    organizer: form.organizer === NEW_ORGANIZER ? form.orgName.trim() : choices.organizers.find((o) => o.id === form.organizer)?.label,
    isNew: form.organizer === NEW_ORGANIZER,
  };
}

/** After each “检查”: focus the error summary, or the result when there is nothing to fix. */
function useFocusAfterCheck(tick: number, hasErrors: boolean, summary: RefObject<HTMLDivElement | null>, result: RefObject<HTMLHeadingElement | null>) {
  useEffect(() => {
    if (!tick) return;
    if (hasErrors) summary.current?.focus();
    else result.current?.focus();
  }, [tick]);
}

export default function SubmitForm({ choices: encoded, help, repo, branch, email }: Props) {
  const choices = useMemo(() => decodeChoices(encoded), [encoded]);
  const [form, setForm, forgetDraft] = useDraft();
  const [checked, setChecked] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [today, setToday] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setToday(todayIn(new Date()));
  }, []);
  // The file name needs pinyin: load it (a separate ≈ 140 KB script) only once there is a title.
  const wantsSlug = form.title.trim() !== '' || form.titleEn.trim() !== '' || (form.organizer === NEW_ORGANIZER && form.orgName.trim() !== '');
  const { slugify, failed: slugFailed } = useSlugify(wantsSlug);

  const deferred = useDeferredValue(form);
  const result = useMemo(() => buildSubmission(deferred, { choices, slugify, today }), [deferred, choices, slugify, today]);
  const shown = checked ? result.errors : [];
  useFocusAfterCheck(focusTick, result.errors.length > 0, summaryRef, resultRef);

  const kit: FormKit = { form, set: (patch) => setForm((f) => ({ ...f, ...patch })), meta: (field) => fieldMeta(field, help, checked ? result : undefined) };
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setChecked(true);
    setFocusTick((n) => n + 1);
  };
  const clear = () => {
    if (!confirm('清空表单中已填写的内容？')) return;
    setForm(EMPTY_FORM);
    setChecked(false);
    forgetDraft();
  };

  return (
    <div className="submit-layout">
      <form className="submit-form" noValidate onSubmit={onSubmit} aria-labelledby="submit-form-title">
        <h2 id="submit-form-title" className="visually-hidden">活动信息</h2>
        {shown.length > 0 && <ErrorSummary ref={summaryRef} errors={shown} />}
        <FormSections kit={kit} choices={choices} />
        <div className="actions">
          <button type="submit">检查并生成文件</button>
          <button type="button" className="secondary" onClick={clear}>清空表单</button>
        </div>
      </form>
      <SubmitResult
        ref={resultRef}
        result={result}
        checked={checked}
        repo={repo}
        branch={branch}
        email={email}
        summary={mailSummary(form, choices)}
        slugPending={wantsSlug && !slugify && !slugFailed}
        slugFailed={slugFailed}
      />
    </div>
  );
}
