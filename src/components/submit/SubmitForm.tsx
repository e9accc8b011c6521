/**
 * /submit/: the event form. Everything it knows about events comes from src/lib/submit-form.ts
 * (the schema, the validator and the `npm run new` scaffold); this file only keeps the state,
 * lays the fields out and moves focus. Errors show after the first “检查”, then update as people
 * type; the preview is live throughout. pinyin-pro (for the file name) loads once a title is typed.
 */
import { type ChangeEvent, type FormEvent, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ENUM_LABELS } from '../../lib/labels.ts';
import { type FormSection, GENERIC_FIELDS } from '../../lib/event-fields.ts';
import { todayIn } from '../../lib/time/days.ts';
import {
  buildSubmission,
  type Choice,
  EMPTY_FORM,
  FIELD_LABELS,
  FORM_HINTS,
  type FormField,
  type ListField,
  NEW_ORGANIZER,
  type Place,
  decodeChoices,
  type SubmitForm as FormState,
} from '../../lib/submit-form.ts';
import ErrorSummary from './ErrorSummary.tsx';
import { controlId, described, Field, type FieldMeta, Group } from './Field.tsx';
import SubmitResult from './SubmitResult.tsx';
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

const DRAFT_KEY = 'kepu-submit-draft';
const REQUIRED: FormField[] = ['title', 'start', 'organizer'];
const PLACES: { value: Place; label: string }[] = [
  { value: 'venue', label: '已有的场馆' },
  { value: 'address', label: '只写地址' },
  { value: 'online', label: '线上（直播、展播）' },
  { value: 'region', label: '整个地区（跨区县的系列活动）' },
];

export default function SubmitForm({ choices: encoded, help, repo, branch, email }: Props) {
  const choices = useMemo(() => decodeChoices(encoded), [encoded]);
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const [checked, setChecked] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [slugify, setSlugify] = useState<((s: string) => string) | undefined>();
  const [slugFailed, setSlugFailed] = useState(false);
  const [today, setToday] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  // A draft survives a reload or a trip to GitHub and back (this browser only).
  useEffect(() => {
    setToday(todayIn(new Date()));
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
  // The file name needs pinyin: load it (a separate ≈ 140 KB script) only once there is a title.
  const wantsSlug = form.title.trim() !== '' || form.titleEn.trim() !== '' || (form.organizer === NEW_ORGANIZER && form.orgName.trim() !== '');
  useEffect(() => {
    if (!wantsSlug || slugify) return;
    import('./load-slug.ts').then(
      (m) => setSlugify(() => m.slugify),
      () => setSlugFailed(true),
    );
  }, [wantsSlug, slugify]);

  const deferred = useDeferredValue(form);
  const result = useMemo(() => buildSubmission(deferred, { choices, slugify, today }), [deferred, choices, slugify, today]);
  const shown = checked ? result.errors : [];

  useEffect(() => {
    if (!focusTick) return;
    if (result.errors.length) summaryRef.current?.focus();
    else resultRef.current?.focus();
  }, [focusTick]);

  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const text = (field: keyof FormState) => (ev: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set({ [field]: ev.target.value });
  const meta = (field: FormField): FieldMeta => ({
    label: FIELD_LABELS[field],
    hint: FORM_HINTS[field],
    help: help[field],
    required: REQUIRED.includes(field),
    problems: checked ? [...result.errors, ...result.warnings].filter((p) => p.field === field) : [],
  });
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setChecked(true);
    setFocusTick((n) => n + 1);
  };
  const clear = () => {
    if (!confirm('清空表单中已填写的内容？')) return;
    setForm(EMPTY_FORM);
    setChecked(false);
    try {
      localStorage.removeItem(DRAFT_KEY);
    } catch {}
  };

  const input = (field: FormField & keyof FormState, extra: Record<string, unknown> = {}) => (
    <Field field={field} meta={meta(field)}>
      <input id={controlId(field)} name={field} type="text" value={form[field] as string} onChange={text(field)} autoComplete="off" {...described(field, meta(field))} {...extra} />
    </Field>
  );
  const select = (field: FormField & keyof FormState, options: Choice[], empty: string, last?: Choice) => (
    <Field field={field} meta={meta(field)}>
      <select id={controlId(field)} name={field} value={form[field] as string} onChange={text(field)} {...described(field, meta(field))}>
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
  const checkboxes = (field: ListField) => (
    <Group field={field} meta={meta(field)}>
      <div className="choices">
        {choices[field].map((o, i) => (
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
  // The registry's generic fields (src/lib/event-fields.ts): a text input each, in its section.
  const generic = (section: FormSection) =>
    GENERIC_FIELDS.filter((g) => g.form.section === section).map((g) => {
      const field = g.form.name as FormField;
      return (
        <Field key={field} field={field} meta={meta(field)}>
          <input id={controlId(field)} name={field} type="text" value={form.extra?.[field] ?? ''} placeholder={g.form.placeholder} autoComplete="off" onChange={(ev) => set({ extra: { ...form.extra, [field]: ev.target.value } })} {...described(field, meta(field))} />
        </Field>
      );
    });
  const places = form.kind === 'activity' ? PLACES : [...PLACES, { value: '' as Place, label: '不需要地点（征集、申报截止）' }];

  return (
    <div className="submit-layout">
      <form className="submit-form" noValidate onSubmit={onSubmit} aria-labelledby="submit-form-title">
        <h2 id="submit-form-title" className="visually-hidden">活动信息</h2>
        {shown.length > 0 && <ErrorSummary ref={summaryRef} errors={shown} />}

        <section aria-labelledby="s-basic">
          <h3 id="s-basic">基本信息</h3>
          {input('title', { placeholder: '世界急救日公益培训：心肺复苏与AED使用' })}
          <Field field="kind" meta={meta('kind')}>
            <select id={controlId('kind')} name="kind" value={form.kind} onChange={text('kind')} {...described('kind', meta('kind'))}>
              {Object.entries(ENUM_LABELS.eventKind).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </Field>
          {input('summary')}
          {input('titleEn', { lang: 'en' })}
          {generic('basic')}
        </section>

        <section aria-labelledby="s-when">
          <h3 id="s-when">时间</h3>
          {input('start', { placeholder: '2026-09-12 14:00', inputMode: 'numeric' })}
          {input('end', { placeholder: '16:30', inputMode: 'numeric' })}
          {generic('when')}
        </section>

        <section aria-labelledby="s-where">
          <h3 id="s-where">主办单位和地点</h3>
          {select('organizer', choices.organizers, '请选择主办单位', { id: NEW_ORGANIZER, label: '列表里没有，填写新单位…' })}
          {form.organizer === NEW_ORGANIZER && (
            <div className="conditional">
              {input('orgName', { placeholder: '北京天文学会', autoComplete: 'organization' })}
              {input('orgWebsite', { type: 'url', placeholder: 'https://', inputMode: 'url' })}
              {select('orgRegion', choices.regions, '（不填）')}
              <Field field="orgType" meta={meta('orgType')}>
                <select id={controlId('orgType')} name="orgType" value={form.orgType} onChange={text('orgType')} {...described('orgType', meta('orgType'))}>
                  <option value="">（不填）</option>
                  {Object.entries(ENUM_LABELS.organizerType).map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </select>
              </Field>
            </div>
          )}
          <Group field="place" meta={meta('place')}>
            <div className="radios">
              {places.map((p, i) => (
                <label key={p.value || 'none'} className="choice">
                  <input id={i === 0 ? controlId('place') : undefined} type="radio" name="place" value={p.value} checked={form.place === p.value} onChange={() => set({ place: p.value })} />
                  {p.label}
                </label>
              ))}
            </div>
          </Group>
          {form.place === 'venue' && <div className="conditional">{select('venue', choices.venues, '请选择场馆')}</div>}
          {form.place === 'address' && (
            <div className="conditional">
              {input('address', { placeholder: '北京市海淀区…' })}
              {select('region', choices.regions, '（不填）')}
            </div>
          )}
          {form.place === 'online' && <div className="conditional">{input('online', { type: 'url', placeholder: 'https://', inputMode: 'url' })}</div>}
          {form.place === 'region' && <div className="conditional">{select('region', choices.regions, '请选择地区')}</div>}
          {generic('where')}
        </section>

        <section aria-labelledby="s-tags">
          <h3 id="s-tags">分类</h3>
          {checkboxes('topics')}
          {checkboxes('audiences')}
          {checkboxes('formats')}
          {select('observance', choices.observances, '（无）')}
          {select('campaign', choices.campaigns, '（无）')}
          {generic('tags')}
        </section>

        <section aria-labelledby="s-reg">
          <h3 id="s-reg">报名</h3>
          {input('registration', { type: 'url', placeholder: 'https://', inputMode: 'url' })}
          <Field field="registrationRequired" meta={meta('registrationRequired')}>
            <select id={controlId('registrationRequired')} name="registrationRequired" value={form.registrationRequired} onChange={text('registrationRequired')} {...described('registrationRequired', meta('registrationRequired'))}>
              <option value="">（不填）</option>
              <option value="yes">是，必须报名</option>
              <option value="no">否，不用报名也能参加</option>
            </select>
          </Field>
          {input('capacity', { inputMode: 'numeric', className: 'short' })}
          {input('fee', { inputMode: 'decimal', className: 'short' })}
          {input('deadline', { placeholder: '2026-09-10', inputMode: 'numeric' })}
          {input('registrationNote')}
          {generic('reg')}
        </section>

        <section aria-labelledby="s-more">
          <h3 id="s-more">介绍和来源</h3>
          <Field field="description" meta={meta('description')}>
            <textarea id={controlId('description')} name="description" rows={8} value={form.description} onChange={text('description')} {...described('description', meta('description'))} />
          </Field>
          {input('url', { type: 'url', placeholder: 'https://', inputMode: 'url' })}
          {input('sourceTitle')}
          {input('sourceUrl', { type: 'url', placeholder: 'https://', inputMode: 'url' })}
          {generic('more')}
        </section>

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
        summary={{
          title: form.title.trim(),
          start: form.start.trim(),
          end: form.end.trim(),
          organizer: form.organizer === NEW_ORGANIZER ? form.orgName.trim() : choices.organizers.find((o) => o.id === form.organizer)?.label,
          isNew: form.organizer === NEW_ORGANIZER,
        }}
        slugPending={wantsSlug && !slugify && !slugFailed}
        slugFailed={slugFailed}
      />
    </div>
  );
}

