/**
 * The /submit/ form's sections in page order — 基本信息, 时间, 主办单位和地点, 分类, 报名, 介绍和来源 —
 * each saying which control (Controls.tsx) asks for which field. The order of the fields here is
 * the order of FORM_FIELDS (the field registry), which the error summary follows.
 */
import type { ReactNode } from 'react';
import { ENUM_LABELS } from '../../lib/labels.ts';
import { NEW_ORGANIZER, type Place, type SubmitChoices } from '../../lib/submit-form.ts';
import { Checkboxes, ChoiceSelect, type FormKit, GenericFields, LabelSelect, TextArea, TextInput } from './Controls.tsx';
import { controlId, Group } from './Field.tsx';

interface SectionProps {
  kit: FormKit;
  choices: SubmitChoices;
}

const PLACES: { value: Place; label: string }[] = [
  { value: 'venue', label: '已有的场馆' },
  { value: 'address', label: '只写地址' },
  { value: 'online', label: '线上（直播、展播）' },
  { value: 'region', label: '整个地区（跨区县的系列活动）' },
];
const URL_INPUT = { type: 'url', placeholder: 'https://', inputMode: 'url' };
const REGISTRATION_REQUIRED = { yes: '是，必须报名', no: '否，不用报名也能参加' };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function BasicSection({ kit }: SectionProps) {
  return (
    <Section id="s-basic" title="基本信息">
      <TextInput kit={kit} field="title" extra={{ placeholder: '世界急救日公益培训：心肺复苏与AED使用' }} />
      <LabelSelect kit={kit} field="kind" labels={ENUM_LABELS.eventKind} />
      <TextInput kit={kit} field="summary" />
      <TextInput kit={kit} field="titleEn" extra={{ lang: 'en' }} />
      <GenericFields kit={kit} section="basic" />
    </Section>
  );
}

function WhenSection({ kit }: SectionProps) {
  return (
    <Section id="s-when" title="时间">
      <TextInput kit={kit} field="start" extra={{ placeholder: '2026-09-12 14:00', inputMode: 'numeric' }} />
      <TextInput kit={kit} field="end" extra={{ placeholder: '16:30', inputMode: 'numeric' }} />
      <GenericFields kit={kit} section="when" />
    </Section>
  );
}

/** A new organizer, named in the same form when it is not in the list. */
function NewOrganizer({ kit, choices }: SectionProps) {
  return (
    <div className="conditional">
      <TextInput kit={kit} field="orgName" extra={{ placeholder: '北京天文学会', autoComplete: 'organization' }} />
      <TextInput kit={kit} field="orgWebsite" extra={URL_INPUT} />
      <ChoiceSelect kit={kit} field="orgRegion" options={choices.regions} empty="（不填）" />
      <LabelSelect kit={kit} field="orgType" labels={ENUM_LABELS.organizerType} empty="（不填）" />
    </div>
  );
}

/** “在哪里举办”: a venue, an address, online or a whole region; calls and deadlines may need none. */
function PlaceRadios({ kit }: { kit: FormKit }) {
  const places = kit.form.kind === 'activity' ? PLACES : [...PLACES, { value: '' as Place, label: '不需要地点（征集、申报截止）' }];
  return (
    <Group field="place" meta={kit.meta('place')}>
      <div className="radios">
        {places.map((p, i) => (
          <label key={p.value || 'none'} className="choice">
            <input id={i === 0 ? controlId('place') : undefined} type="radio" name="place" value={p.value} checked={kit.form.place === p.value} onChange={() => kit.set({ place: p.value })} />
            {p.label}
          </label>
        ))}
      </div>
    </Group>
  );
}

function WhereSection({ kit, choices }: SectionProps) {
  const place = kit.form.place;
  return (
    <Section id="s-where" title="主办单位和地点">
      <ChoiceSelect kit={kit} field="organizer" options={choices.organizers} empty="请选择主办单位" last={{ id: NEW_ORGANIZER, label: '列表里没有，填写新单位…' }} />
      {kit.form.organizer === NEW_ORGANIZER && <NewOrganizer kit={kit} choices={choices} />}
      <PlaceRadios kit={kit} />
      {place === 'venue' && <div className="conditional"><ChoiceSelect kit={kit} field="venue" options={choices.venues} empty="请选择场馆" /></div>}
      {place === 'address' && (
        <div className="conditional">
          <TextInput kit={kit} field="address" extra={{ placeholder: '北京市海淀区…' }} />
          <ChoiceSelect kit={kit} field="region" options={choices.regions} empty="（不填）" />
        </div>
      )}
      {place === 'online' && <div className="conditional"><TextInput kit={kit} field="online" extra={URL_INPUT} /></div>}
      {place === 'region' && <div className="conditional"><ChoiceSelect kit={kit} field="region" options={choices.regions} empty="请选择地区" /></div>}
      <GenericFields kit={kit} section="where" />
    </Section>
  );
}

function TagsSection({ kit, choices }: SectionProps) {
  return (
    <Section id="s-tags" title="分类">
      <Checkboxes kit={kit} field="topics" options={choices.topics} />
      <Checkboxes kit={kit} field="audiences" options={choices.audiences} />
      <Checkboxes kit={kit} field="formats" options={choices.formats} />
      <ChoiceSelect kit={kit} field="observance" options={choices.observances} empty="（无）" />
      <ChoiceSelect kit={kit} field="campaign" options={choices.campaigns} empty="（无）" />
      <GenericFields kit={kit} section="tags" />
    </Section>
  );
}

function RegistrationSection({ kit }: SectionProps) {
  return (
    <Section id="s-reg" title="报名">
      <TextInput kit={kit} field="registration" extra={URL_INPUT} />
      <LabelSelect kit={kit} field="registrationRequired" labels={REGISTRATION_REQUIRED} empty="（不填）" />
      <TextInput kit={kit} field="capacity" extra={{ inputMode: 'numeric', className: 'short' }} />
      <TextInput kit={kit} field="fee" extra={{ inputMode: 'decimal', className: 'short' }} />
      <TextInput kit={kit} field="deadline" extra={{ placeholder: '2026-09-10', inputMode: 'numeric' }} />
      <TextInput kit={kit} field="registrationNote" />
      <GenericFields kit={kit} section="reg" />
    </Section>
  );
}

function MoreSection({ kit }: SectionProps) {
  return (
    <Section id="s-more" title="介绍和来源">
      <TextArea kit={kit} field="description" rows={8} />
      <TextInput kit={kit} field="url" extra={URL_INPUT} />
      <TextInput kit={kit} field="sourceTitle" />
      <TextInput kit={kit} field="sourceUrl" extra={URL_INPUT} />
      <GenericFields kit={kit} section="more" />
    </Section>
  );
}

/** Every section, in page order. */
export function FormSections({ kit, choices }: SectionProps) {
  return (
    <>
      <BasicSection kit={kit} choices={choices} />
      <WhenSection kit={kit} choices={choices} />
      <WhereSection kit={kit} choices={choices} />
      <TagsSection kit={kit} choices={choices} />
      <RegistrationSection kit={kit} choices={choices} />
      <MoreSection kit={kit} choices={choices} />
    </>
  );
}
