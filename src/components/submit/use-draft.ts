/**
 * The /submit/ form's state, kept as a draft in this browser: it survives a reload or a trip to
 * GitHub and back. Apart from the form so that the island holds only what it lays out.
 */
import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { EMPTY_FORM, type SubmitForm as FormState } from '../../lib/submit-form.ts';

const DRAFT_KEY = 'kepu-submit-draft';

/** The form, its setter, and `forget` to drop the saved draft (after “清空表单”). */
export function useDraft(): [FormState, Dispatch<SetStateAction<FormState>>, () => void] {
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
      if (saved && typeof saved === 'object') setForm({ ...EMPTY_FORM, ...saved, extra: { ...saved.extra } });
    } catch {}
  }, []);
  useEffect(() => {
    try {
      if (form === EMPTY_FORM) return;
      localStorage.setItem(DRAFT_KEY, JSON.stringify(form));
    } catch {}
  }, [form]);
  const forget = () => {
    try {
      localStorage.removeItem(DRAFT_KEY);
    } catch {}
  };
  return [form, setForm, forget];
}
