/** npm run new: the questions for an event (a new organizer or venue can be added on the way). */
import * as p from '@clack/prompts';
import { GENERIC_FIELDS } from '../../../src/lib/content/event-fields.ts';
import { normalizeDateTime, readKind, readWhen } from '../../../src/lib/import/import-match.ts';
import { ENUM_LABELS } from '../../../src/lib/labels.ts';
import { regionFromAddress } from '../../../src/lib/content/region-from-address.ts';
import { checkField, type NewFile } from '../../../src/lib/import/scaffold.ts';
import { askOrganizer, askVenue } from './ask-entries.ts';
import { type Ctx, type Flags, str } from './entries.ts';
import { answer, ask, fieldCheck, genericCheck, pickRegion, pickVocab } from './prompt-kit.ts';

export async function askEvent(f: Flags, ctx: Ctx): Promise<NewFile[]> {
  const extra: NewFile[] = [];
  await askWhat(f);
  await askOrganizerOf(f, ctx, extra);
  await askPlace(f, ctx, extra);
  await askDetails(f, ctx);
  return extra;
}

/** Title, kind, start and end. */
async function askWhat(f: Flags) {
  await ask(f, 'title', { message: '活动名称（一行，不超过 80 字）', placeholder: '世界急救日公益培训：心肺复苏与AED使用', validate: fieldCheck('events', 'title') });
  if (str(f, 'kind') === undefined)
    f.kind = answer(await p.select({ message: '类型', options: Object.entries(ENUM_LABELS.eventKind).map(([value, label]) => ({ value, label })), initialValue: 'activity' }));
  await ask(f, 'start', {
    message: '开始时间：全天活动只写日期，定时活动写日期和时间',
    placeholder: '2026-09-12 14:00',
    validate: fieldCheck('events', 'start', false, normalizeDateTime),
  });
  const start = normalizeDateTime(str(f, 'start'));
  await ask(f, 'end', {
    message: start.length === 10 ? '结束日期（最后一天，含；一天的活动直接回车）' : '结束时间（可以只写时间，例如 16:30；不确定就回车）',
    placeholder: start.length === 10 ? start : '16:30',
    validate: (v) => {
      if (!v?.trim()) return undefined;
      const w = readWhen(start, v.trim());
      const bad = checkField('events', 'end', w.end);
      if (bad) return bad;
      if ((w.end!.length === 10) !== (start.length === 10)) return start.length === 10 ? '开始只写了日期，结束也只写日期 / end must be a date' : '请写时间，例如 16:30 / end needs a time';
      return w.end! < start ? '结束早于开始 / end is before start' : undefined;
    },
  });
}

/** The organizer from the list, or a new one made on the way. */
async function askOrganizerOf(f: Flags, ctx: Ctx, extra: NewFile[]) {
  if (str(f, 'organizer') === undefined) {
    const options = [
      ...ctx.content.organizers.map((o) => ({ value: o.id, label: o.shortName ? `${o.name}（${o.shortName}）` : o.name, hint: o.id })),
      { value: '__new__', label: '＋ 新增一个单位…', hint: '列表里没有时' },
    ];
    const id = answer(await p.autocomplete({ message: '主办单位（输入名称筛选）', options, placeholder: '例如 科协' }));
    if (id === '__new__') {
      p.log.info('先添加主办单位 / first, the organizer');
      const of: Flags = {};
      const files = await askOrganizer(of, ctx);
      extra.push(...files);
      f.organizer = files[files.length - 1]!.id;
    } else f.organizer = id;
  }
}

/** Where: a venue (or a new one), an address, online, or a whole region. Calls and deadlines need none. */
async function askPlace(f: Flags, ctx: Ctx, extra: NewFile[]) {
  if (!str(f, 'venue') && !str(f, 'address') && !str(f, 'online') && readKind(str(f, 'kind')) === 'activity') {
    const where = answer(
      await p.select({
        message: '在哪里举办？',
        options: [
          ...(ctx.content.venues.length ? [{ value: 'venue', label: '已有的场馆' }] : []),
          { value: 'new-venue', label: '新场馆（以后别人也能选）' },
          { value: 'address', label: '只写地址' },
          { value: 'online', label: '线上（直播、展播）' },
          { value: 'region', label: '整个地区（跨区县的系列活动）' },
        ],
      }),
    );
    if (where === 'venue') {
      f.venue = answer(await p.autocomplete({ message: '场馆（输入名称筛选）', options: ctx.content.venues.map((v) => ({ value: v.id, label: v.name, hint: v.id })) }));
    } else if (where === 'new-venue') {
      const vf: Flags = {};
      const files = await askVenue(vf, { ...ctx, files: [...ctx.files, ...extra] });
      extra.push(...files);
      f.venue = files[files.length - 1]!.id;
    } else if (where === 'address') {
      await ask(f, 'address', { message: '详细地址（一行）', placeholder: '北京市海淀区…', validate: fieldCheck('events', 'address') });
      // The region the address names (北京市海淀区… → 110108) needs no question (issue 18).
      const named = str(f, 'region') === undefined ? regionFromAddress(str(f, 'address'), ctx.content.vocab.regions) : undefined;
      if (named) {
        f.region = named;
        p.log.info(`地区：${ctx.content.vocab.regions.find((r) => r.id === named)?.label ?? named}（按地址填写）`);
      }
      await pickRegion(f, ctx, '所在地区（用于按地区筛选）', false);
    } else if (where === 'online') {
      await ask(f, 'online', { message: '线上网址（https://…）', validate: fieldCheck('events', 'online') });
    } else {
      await pickRegion(f, ctx, '地区', true);
    }
  }
}

/** Vocabularies, observance, the registry's generic fields, registration, summary, description. */
async function askDetails(f: Flags, ctx: Ctx) {
  await pickVocab(f, 'topics', ctx, '主题（输入几个字筛选，Tab 选中，回车确认；可多选）');
  await pickVocab(f, 'audiences', ctx, '面向人群（Tab 选中，回车确认；可多选）');
  await pickVocab(f, 'formats', ctx, '形式（Tab 选中，回车确认；可多选）');
  if (str(f, 'observance') === undefined && ctx.content.observances.length) {
    const options = [{ value: '', label: '（无）' }, ...ctx.content.observances.map((o) => ({ value: o.id, label: o.name, hint: o.id }))];
    f.observance = answer(await p.autocomplete({ message: '相关纪念日（可选，输入名称筛选）', options, placeholder: '例如 急救' })) || undefined;
  }
  // The registry's generic fields (src/lib/content/event-fields.ts), checked as the file will be.
  for (const g of GENERIC_FIELDS) await ask(f, g.flag, { message: g.form.label, placeholder: g.form.placeholder, validate: genericCheck(g) });
  await ask(f, 'registration', { message: '报名网址（没有就回车）', placeholder: 'https://…', validate: (v) => (v?.trim() ? checkField('events', 'online', v.trim()) : undefined) });
  if (str(f, 'registration') && str(f, 'registration-required') === undefined)
    f['registration-required'] = String(answer(await p.confirm({ message: '必须报名才能参加吗？', active: '是', inactive: '否', initialValue: false })));
  await ask(f, 'summary', { message: '一句话简介（可选，用于列表和搜索）', validate: fieldCheck('events', 'summary', true) });
  if (str(f, 'description') === undefined)
    f.description = answer(await p.multiline({ message: '活动介绍（可多段；按两次回车结束，没有就直接回车）' })) || undefined;
}
