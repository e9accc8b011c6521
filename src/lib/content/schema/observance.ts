/**
 * observances — content/observances/<id>.md (Markdown body = 历史背景): named days, weeks, months
 * and campaigns, with the rule that finds their dates each year, the dates announced per year and
 * the yearly themes. Part of the content model (src/lib/content/schema.ts).
 */
import { z } from 'zod';
import { isRealDate } from '../../time/days.ts';
import { calendarDate, idRef, oneLine, source, stringList } from './primitives.ts';

const monthDay = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^\d{2}-\d{2}$/.test(s) && isRealDate(2024, Number(s.slice(0, 2)), Number(s.slice(3))), {
    message: '请写成两位月-两位日，例如 "06-06"（加引号）/ write MM-DD such as "06-06" (quoted)',
  });

export const SOLAR_TERMS = [
  '小寒', '大寒', '立春', '雨水', '惊蛰', '春分', '清明', '谷雨', '立夏', '小满', '芒种', '夏至',
  '小暑', '大暑', '立秋', '处暑', '白露', '秋分', '寒露', '霜降', '立冬', '小雪', '大雪', '冬至',
] as const;

/** How the dates of an observance are found each year. */
export const ruleSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      /** fixed：每年同一天，例如 06-06 / the same month-day every year. */
      type: z.literal('fixed'),
      /** 月-日，例如 "06-06" / Month-day. */
      date: monthDay,
    }),
    z.strictObject({
      /** month：整月，例如 9 月 / a whole month. */
      type: z.literal('month'),
      /** 月份 1–12 / Month number. */
      month: z.number().int().min(1).max(12),
    }),
    z.strictObject({
      /** rrule：按规则，例如 9 月第二个星期六 / an RRULE such as FREQ=YEARLY;BYMONTH=9;BYDAY=2SA. */
      type: z.literal('rrule'),
      /** RFC 5545 RRULE，必须是 FREQ=YEARLY / The RRULE text. */
      rrule: z.string().trim().min(1),
    }),
    z.strictObject({
      /** lunar：农历日期，例如重阳节 "09-09" / a lunar month-day. */
      type: z.literal('lunar'),
      /** 农历月-日 / Lunar month-day. */
      date: z
        .string()
        .refine((v) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30)$/.test(v), '农历月 01–12、日 01–30，请写成 "09-09" / lunar month 01–12, day 01–30, as "MM-DD"'),
    }),
    z.strictObject({
      /** solar-term：节气，例如秋分 / a solar term such as 秋分. */
      type: z.literal('solar-term'),
      /** 节气名 / Name of the solar term. */
      term: z.enum(SOLAR_TERMS, { error: '不是二十四节气之一 / not one of the 24 solar terms' }),
    }),
    z.strictObject({
      /** announced：每年由主管部门公布日期，写在 dates 里 / dates announced each year, listed in `dates`. */
      type: z.literal('announced'),
    }),
  ],
  { error: '规则类型只能是 fixed、month、rrule、lunar、solar-term 或 announced / unknown rule type' },
);

const yearKey = z.string().regex(/^\d{4}$/, '年份写四位数字 / a four-digit year');
const datedRange = z.strictObject({
  /** 开始日期 / First day. */
  start: calendarDate,
  /** 结束日期（含）/ Last day, inclusive. */
  end: calendarDate.optional(),
  /** 公布日期的来源 / Source of the announced dates. */
  source: source.optional(),
  /** 说明（可选）：这一年为什么不在通常的时间，例如 因疫情改到8月 / Why this year is not at the usual time. */
  note: oneLine(200).optional(),
});

/** One year's theme: the slogan as written, optionally with where it was announced. */
const yearTheme = z.union(
  [
    oneLine(120).transform((text) => ({ text })),
    z.strictObject({
      /** 主题口号原文 / The theme as announced. */
      text: oneLine(120),
      /** 公布主题的来源 / Where the theme was announced. */
      source: source.optional(),
    }),
  ],
  {
    // A plain string is the usual form: report what is wrong with it (e.g. a line break), not the union.
    error: (iss) => {
      const text = (iss as { errors?: { message?: string }[][] }).errors?.[0]?.[0]?.message;
      return typeof iss.input === 'string' && text
        ? text
        : '主题写成一行文字，或 { text: "…", source: { title: "…", url: "…" } } / a theme is one line of text or { text, source }';
    },
  },
);

/** The usual period of an observance whose dates are announced each year, as month-days. */
const expectedPeriod = z.strictObject({
  /** 通常最早的一天（月-日），例如 "05-21" / Usual first day, MM-DD. */
  start: monthDay,
  /** 通常最晚的一天（月-日，含），例如 "05-31" / Usual last day, MM-DD, inclusive. */
  end: monthDay,
});

export const OBSERVANCE_KINDS = ['day', 'week', 'month', 'campaign'] as const;
export const LEVELS = ['international', 'national', 'local'] as const;

export const observanceSchema = z.strictObject({
  /** 中文名称 / Chinese name. */
  name: oneLine(40),
  /** 英文名称 / English name. */
  nameEn: oneLine(120).optional(),
  /** 类型：day 日、week 周、month 月、campaign 活动季（全国科普月、全国科技活动周）/ Kind. */
  kind: z.enum(OBSERVANCE_KINDS, { error: '只能是 day、week、month 或 campaign / must be day, week, month or campaign' }),
  /** 日期规则 / How the dates are found each year. */
  rule: ruleSchema,
  /** 持续天数（可选，默认 1；整月规则不用写）/ Length in days (default 1). */
  days: z.number().int().min(1).max(366).optional(),
  /** 通常的时间（文字），未公布年份显示“待公布”时一并显示，例如 每年5月下旬 / Usual period, in words. */
  usual: oneLine(60).optional(),
  /** 通常的时间段（月-日），未公布的年份据此显示“预计”，例如 { start: "05-21", end: "05-31" } / Usual window for years not yet announced. */
  expected: expectedPeriod.optional(),
  /** 设立机构，例如 联合国大会、世界卫生组织、国务院 / Who established it. */
  authority: oneLine(120),
  /** 级别：international 国际、national 全国、local 地方 / Level. */
  level: z.enum(LEVELS, { error: '只能是 international、national 或 local / must be international, national or local' }),
  /** 设立年份（首次举办）；不确定时不写，并在 note 里说明 / Year established; leave out when unknown. */
  established: z.number().int().min(1800).max(2100).optional(),
  /** 最后一年（已停办时填写，例如全国科普日 2024）/ Last year held, when discontinued. */
  endedYear: z.number().int().min(1800).max(2100).optional(),
  /** 依据：决议、通知或公告的标题（网址确实存在时才写）/ Source document. */
  source: source,
  /** 主题：中文名称或编号 / Topics: label or id. */
  topics: stringList.default([]),
  /** 历年主题口号，只写确知的：2025: "…"，或带来源 2025: { text: "…", source: { title, url } } / Yearly themes, only where known. */
  themes: z.record(yearKey, yearTheme).default({}),
  /** 各年公布的日期（announced 规则必填；其他规则用于更正个别年份）/ Dates per year. */
  dates: z.record(yearKey, datedRange).default({}),
  /** 搜索别名，例如 爱眼日、5·12 / Search aliases. */
  aliases: stringList.default([]),
  /** 相关纪念日编号（可选）/ Related observance ids. */
  related: z.array(idRef).default([]),
  /** 信息是否已核实（不确定时写 false 并在 note 里说明）/ Whether verified. */
  verified: z.boolean().default(true),
  /** 编者说明（不确定之处）/ Editor's note on what is uncertain. */
  note: oneLine(300).optional(),
});

export type ObservanceData = z.output<typeof observanceSchema>;
export type ObservanceRule = z.output<typeof ruleSchema>;
