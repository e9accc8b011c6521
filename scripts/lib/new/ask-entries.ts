/** npm run new: the questions for an organizer, a venue and an observance. */
import * as p from '@clack/prompts';
import { ENUM_LABELS } from '../../../src/lib/labels.ts';
import { SOLAR_TERMS } from '../../../src/lib/content/schema.ts';
import { checkField, type NewFile } from '../../../src/lib/import/scaffold.ts';
import { type Ctx, type Flags, finish, str } from './entries.ts';
import { answer, ask, fieldCheck, pickRegion, pickVocab } from './prompt-kit.ts';

export async function askOrganizer(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  await ask(f, 'name', { message: '单位全称', placeholder: '北京市科学技术协会', validate: fieldCheck('organizers', 'name') });
  await ask(f, 'short-name', { message: '简称（可选）', placeholder: '北京市科协', validate: fieldCheck('organizers', 'shortName', true) });
  if (str(f, 'type') === undefined)
    f.type = answer(await p.select({ message: '单位类型', options: Object.entries(ENUM_LABELS.organizerType).map(([value, label]) => ({ value, label, hint: value })) }));
  await pickRegion(f, ctx, '所在地区', false);
  await ask(f, 'website', { message: '官方网站（可选，确实存在时才写）', placeholder: 'https://…', validate: fieldCheck('organizers', 'website', true) });
  return finish('organizers', f, ctx, []);
}

export async function askVenue(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  await ask(f, 'name', { message: '场馆名称', placeholder: '北京科学中心', validate: fieldCheck('venues', 'name') });
  if (str(f, 'type') === undefined)
    f.type = answer(await p.select({ message: '场馆类型', options: Object.entries(ENUM_LABELS.venueType).map(([value, label]) => ({ value, label, hint: value })) }));
  await pickRegion(f, ctx, '所在地区（区县最好）', true);
  await ask(f, 'address', { message: '地址（可选）', validate: fieldCheck('venues', 'address', true) });
  await ask(f, 'website', { message: '官方网站（可选，确实存在时才写）', placeholder: 'https://…', validate: fieldCheck('venues', 'website', true) });
  return finish('venues', f, ctx, []);
}

export async function askObservance(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  p.log.warn('纪念日只写确知的信息：设立机构、依据文件要能查证；不确定的留空或写 verified: false / only facts you can source');
  await ask(f, 'name', { message: '纪念日名称', placeholder: '世界急救日', validate: fieldCheck('observances', 'name') });
  await ask(f, 'name-en', { message: '英文名称（可选）', validate: fieldCheck('observances', 'nameEn', true) });
  if (str(f, 'kind') === undefined)
    f.kind = answer(await p.select({ message: '类型', options: Object.entries(ENUM_LABELS.observanceKind).map(([value, label]) => ({ value, label })) }));
  if (str(f, 'rule') === undefined)
    f.rule = answer(await p.select({ message: '日期规则', options: Object.entries(ENUM_LABELS.ruleType).map(([value, label]) => ({ value, label, hint: value })) }));
  const rule = str(f, 'rule');
  if (rule === 'fixed' || rule === 'lunar') await ask(f, 'date', { message: rule === 'lunar' ? '农历月-日，例如 09-09' : '月-日，例如 06-06', validate: (v) => (/^\d{2}-\d{2}$/.test(v?.trim() ?? '') ? undefined : '请写成 06-06 / write MM-DD') });
  if (rule === 'month') await ask(f, 'month', { message: '月份 1–12', validate: (v) => (/^(?:[1-9]|1[0-2])$/.test(v?.trim() ?? '') ? undefined : '1–12') });
  if (rule === 'rrule') await ask(f, 'rrule', { message: 'RRULE，例如 FREQ=YEARLY;BYMONTH=9;BYDAY=2SA', validate: (v) => (/^FREQ=YEARLY/i.test(v?.trim() ?? '') ? undefined : '必须以 FREQ=YEARLY 开头 / must start with FREQ=YEARLY') });
  if (rule === 'solar-term' && str(f, 'term') === undefined) f.term = answer(await p.select({ message: '节气', options: SOLAR_TERMS.map((t) => ({ value: t, label: t })) }));
  if (rule === 'announced') await ask(f, 'usual', { message: '通常的时间（文字），例如 每年5月下旬', validate: fieldCheck('observances', 'usual', true) });
  await ask(f, 'authority', { message: '设立机构', placeholder: '联合国大会 / 国务院 / …', validate: fieldCheck('observances', 'authority') });
  if (str(f, 'level') === undefined)
    f.level = answer(await p.select({ message: '级别', options: Object.entries(ENUM_LABELS.level).map(([value, label]) => ({ value, label })) }));
  await ask(f, 'established', { message: '设立年份（首次举办；不确定就回车，并在说明里写明）', validate: fieldCheck('observances', 'established', true, Number) });
  await ask(f, 'note', { message: '编者说明（可选）：哪些信息还不确定', validate: fieldCheck('observances', 'note', true) });
  await ask(f, 'source-title', { message: '依据：决议、通知或公告的标题（写全称）', validate: (v) => (v?.trim() ? undefined : '必填 / required') });
  await ask(f, 'source-url', { message: '依据的网址（可选，确实存在时才写）', validate: (v) => (v?.trim() ? checkField('events', 'online', v.trim()) : undefined) });
  await pickVocab(f, 'topics', ctx, '主题（Tab 选中，回车确认；可多选）');
  if (str(f, 'description') === undefined)
    f.description = answer(await p.multiline({ message: '历史背景（可多段；按两次回车结束）' })) || undefined;
  return finish('observances', f, ctx, []);
}
