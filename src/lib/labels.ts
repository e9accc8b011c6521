/**
 * Chinese labels of the content model's enums, one home. Two registers where a word reads
 * differently: how a state reads on a page, in a feed or on a badge (已取消, 截止), and how the same
 * value reads as a choice a contributor picks in /submit/, `npm run new` or a spreadsheet (取消,
 * 申报截止). `satisfies Record<…>` keeps every map complete when the schema gains a value.
 * Pure and type-only imports: safe in the browser islands.
 */
import type { AccessFeature, EventKind, EventStatus, LEVELS, OBSERVANCE_KINDS, ORGANIZER_TYPES, ObservanceRule, VENUE_TYPES } from './content/schema.ts';

type Of<T extends readonly string[]> = T[number];

/** An event's status on a badge, in a feed or calendar title: 【已取消】. */
export const STATUS_LABEL = {
  scheduled: '照常举行',
  cancelled: '已取消',
  postponed: '已延期',
  'moved-online': '改为线上',
} as const satisfies Record<EventStatus, string>;

/** The status as a sentence, first thing on the event page and in its search record. */
export const STATUS_SENTENCE = {
  cancelled: '此活动已取消',
  postponed: '此活动已延期',
  'moved-online': '此活动改为线上举行',
} as const satisfies Partial<Record<EventStatus, string>>;

/** An event's kind on a badge and in titles: 【征集】. */
export const KIND_LABEL = { activity: '活动', call: '征集', deadline: '截止' } as const satisfies Record<EventKind, string>;

/** Accessibility features as the page, the form and the spreadsheet name them (schema.ts ACCESS_FEATURES). */
export const ACCESS_LABEL = {
  wheelchair: '轮椅通行',
  'accessible-toilet': '无障碍卫生间',
  'sign-language': '手语翻译',
  captions: '字幕',
  'hearing-aid': '助听设备',
  'guide-dog': '导盲犬可入',
} as const satisfies Record<AccessFeature, string>;

/** Other words contributors write for a feature (the label and the id are always accepted). */
const ACCESS_VARIANTS: Record<AccessFeature, readonly string[]> = {
  wheelchair: ['轮椅', '轮椅可达', '无障碍通道'],
  'accessible-toilet': ['无障碍厕所', '无障碍洗手间'],
  'sign-language': ['手语'],
  captions: ['实时字幕', '字幕服务'],
  'hearing-aid': ['助听', '助听器', '听力辅助'],
  'guide-dog': ['导盲犬'],
};

/** Any accepted word (lower case) → its feature id: 轮椅通行, wheelchair, 轮椅 → wheelchair. */
export const ACCESS_WORDS: ReadonlyMap<string, AccessFeature> = new Map(
  (Object.keys(ACCESS_LABEL) as AccessFeature[]).flatMap((id) => [id, ACCESS_LABEL[id], ...ACCESS_VARIANTS[id]].map((w) => [w.toLowerCase(), id] as const)),
);

/** An observance's kind after its level: 国际日, 全国活动季. */
export const OBSERVANCE_KIND_LABEL = { day: '日', week: '周', month: '月', campaign: '活动季' } as const satisfies Record<Of<typeof OBSERVANCE_KINDS>, string>;

export const LEVEL_LABEL = { international: '国际', national: '全国', local: '地方' } as const satisfies Record<Of<typeof LEVELS>, string>;

export const ORGANIZER_TYPE_LABEL = {
  government: '政府部门', association: '科协', society: '学会、协会', museum: '博物馆', 'science-center': '科技馆',
  school: '学校', research: '科研院所', hospital: '医院', media: '媒体', enterprise: '企业', community: '街道社区', other: '其他',
} as const satisfies Record<Of<typeof ORGANIZER_TYPES>, string>;

export const VENUE_TYPE_LABEL = {
  'science-center': '科技馆', museum: '博物馆', library: '图书馆', school: '学校', park: '公园', hall: '会场',
  community: '社区', hospital: '医院', research: '科研院所', outdoor: '户外', other: '其他',
} as const satisfies Record<Of<typeof VENUE_TYPES>, string>;

/**
 * The enums as choices, for prompts, forms and templates (a contributor picks 取消, not 已取消).
 * Keys follow the schema's order (a test checks it).
 */
export const ENUM_LABELS = {
  eventKind: { activity: '活动', call: '征集', deadline: '申报截止' } satisfies Record<EventKind, string>,
  eventStatus: { scheduled: '照常', cancelled: '取消', postponed: '延期', 'moved-online': '改为线上' } satisfies Record<EventStatus, string>,
  organizerType: ORGANIZER_TYPE_LABEL,
  venueType: VENUE_TYPE_LABEL,
  observanceKind: { ...OBSERVANCE_KIND_LABEL, campaign: '活动季（全国科普月、全国科技活动周等）' },
  level: LEVEL_LABEL,
  ruleType: {
    fixed: '每年同一天（公历）', month: '整月', rrule: '按规则（如 9 月第二个星期六）', lunar: '农历日期',
    'solar-term': '节气', announced: '每年公布日期',
  } satisfies Record<ObservanceRule['type'], string>,
} as const;
