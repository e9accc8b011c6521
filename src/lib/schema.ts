/**
 * The content model of Kepu Calendar — the single source of truth.
 *
 * Used by the site (src/content.config.ts), the validator (scripts/validate.ts), the importer,
 * the scaffold, the browser form (/submit/) and the tests. Every field carries one JSDoc line:
 * that line is the contributors' field guide (CONTRIBUTING.md and the generated JSON Schemas quote it).
 *
 * The schemas check the *shape* of one file. Rules that need other files (references, vocabularies,
 * duplicates, the year folder) live in validate.ts. Messages are bilingual, Chinese first.
 */
import { z } from 'zod';
import { isRealDate, SITE_ZONE } from './time/days.ts';
import { findInvisible, invisibleMessage, looksEmpty } from './invisible.ts';
import { SEQUENCE_MAX } from './limits.ts';

// ---------------------------------------------------------------------------------------------
// Field-level building blocks
// ---------------------------------------------------------------------------------------------

/** Control characters other than tab (C0, DEL, C1) and the Unicode line/paragraph separators. */
const CONTROL_CHARS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/;
export const TITLE_MAX = 80;
export const SUMMARY_MAX = 200;

/** A one-line text: no line breaks, no control characters, trimmed, not empty. */
export const oneLine = (max: number) =>
  z
    .string({ error: '必须是文字 / must be text' })
    .refine((s) => !CONTROL_CHARS.test(s), {
      message: '不能包含换行或控制字符，请写成一行 / must be one line without control characters',
    })
    .refine((s) => !findInvisible(s), { error: (iss) => invisibleMessage(findInvisible(String(iss.input))!) })
    .transform((s) => s.trim())
    // A title of only invisible characters looks empty wherever it is shown (issue 17).
    .refine((s) => !looksEmpty(s), { message: '不能为空 / must not be empty' })
    .refine((s) => [...s].length <= max, {
      message: `不能超过 ${max} 个字，请缩短 / must be at most ${max} characters`,
    });

/** Full-width forms of ASCII (ｈｔｔｐｓ：／／) and the ideographic full stop, typed with a Chinese input method. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3002]/;

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Why a text is not an http(s) URL, in the words of the person who pasted it: a spreadsheet
 * formula (=HYPERLINK(…)), full-width characters from a Chinese input method, or simply not a
 * full http(s) address (`javascript:`, `data:`, relative links).
 */
export function urlProblem(s: string): string {
  if (/^=/.test(s))
    return `这是表格公式（${s.length > 30 ? s.slice(0, 30) + '…' : s}），不是网址：请在表格里把它复制后“选择性粘贴为数值”，或直接写 https://… / this is a spreadsheet formula, not a URL: paste it as a value`;
  const wide = s.match(new RegExp(`${FULL_WIDTH.source}+`, 'g'));
  if (wide)
    return `网址里有全角字符 ${wide.join(' ')}，请改成半角（切换到英文输入法重新输入，例如 https://）/ the URL contains full-width characters: retype them in half-width (ASCII)`;
  return '只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted';
}

/** Only http(s) URLs: `javascript:`, `data:`, `file:` and relative links are refused. */
export const httpUrl = z
  .string({ error: '必须是网址文字 / must be a URL string' })
  .trim()
  .refine((s) => /^=/.test(s) || (!CONTROL_CHARS.test(s) && !/\s/.test(s)), {
    message: '网址中不能有空格或换行 / URL must not contain spaces or line breaks',
  })
  .refine((s) => !FULL_WIDTH.test(s) && isHttpUrl(s), { error: (iss) => urlProblem(String(iss.input)) });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A local date or date-time, as written by a person: `2026-09-12` (all day) or `2026-09-12T14:00`
 * (also `2026-09-12 14:00`). Normalised to `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. Offsets such as
 * `+08:00` or `Z` are refused: the zone is the `timezone` field.
 */
export const localDateTime = z
  .union([z.string(), z.number(), z.date()], {
    error: '请写成 2026-09-12 或 2026-09-12T14:00 / write a date like 2026-09-12 or 2026-09-12T14:00',
  })
  .transform((v, ctx) => {
    // YAML 1.1 parsers turn bare dates into Date objects at UTC midnight; recover the literal text.
    const s = v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/:00\.000Z$/, '')) : String(v).trim();
    const d = DATE_RE.exec(s);
    const t = DATETIME_RE.exec(s);
    const m = d ?? t;
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: /(?:Z|[+-]\d{2}:?\d{2})$/.test(s)
          ? `不要在时间里写时区（${s}），请写当地时间并用 timezone 字段 / no offset in the time: write local time and use the timezone field`
          : `日期格式不对（${s}），请写成 2026-09-12 或 2026-09-12T14:00 / write a date like 2026-09-12 or 2026-09-12T14:00`,
      });
      return z.NEVER;
    }
    const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, da)) {
      ctx.addIssue({ code: 'custom', message: `没有这一天（${m[1]}-${m[2]}-${m[3]}），请检查月份和日期 / not a real calendar date` });
      return z.NEVER;
    }
    if (t) {
      const [hh, mm, ss] = [Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
      // Seconds are dropped (the site shows minutes), but only real ones: 14:00:99 was published as 14:00.
      if (hh > 23 || mm > 59 || ss > 59) {
        ctx.addIssue({ code: 'custom', message: `时间不对（${t[4]}:${t[5]}${t[6] ? ':' + t[6] : ''}），小时 00–23，分钟 00–59${t[6] ? '，秒 00–59' : ''} / not a real time of day` });
        return z.NEVER;
      }
      return `${m[1]}-${m[2]}-${m[3]}T${t[4]}:${t[5]}`;
    }
    return `${m[1]}-${m[2]}-${m[3]}`;
  });

/** A calendar date only (`YYYY-MM-DD`). */
export const calendarDate = localDateTime.refine((s) => s.length === 10, {
  message: '这里只写日期，不写时间，例如 2026-09-12 / a date without time, e.g. 2026-09-12',
});

/** An IANA time zone name such as Asia/Shanghai. */
export const ianaZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return tz.includes('/') || tz === 'UTC';
    } catch {
      return false;
    }
  },
  { message: `未知时区，请写 IANA 名称，例如 ${SITE_ZONE} / unknown time zone: use an IANA name such as ${SITE_ZONE}` },
);

/** A list of strings written either as a YAML list or as one comma-separated line. */
const stringList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((v) => (Array.isArray(v) ? v.map(String) : v.split(/[,，、]/)).map((s) => s.trim()).filter(Boolean));

const idRef = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^[a-z0-9][a-z0-9-]*$/.test(s), {
    message: '编号只能用小写字母、数字和连字符，例如 beijing-science-center / ids use a-z, 0-9 and hyphens',
  });

const source = z.strictObject({
  /** 来源文件或公告的标题，写全称 / Title of the source document or announcement. */
  title: oneLine(200),
  /** 来源网址（可选，确实存在时才写）/ URL of the source, only when you are sure of it. */
  url: httpUrl.optional(),
});

/**
 * Where a pulled event came from (npm run pull, src/lib/pull/). `hash` is the checksum of the file
 * as the pull last wrote it: when the file no longer matches, a person has edited it since, and
 * the pull reports a conflict instead of overwriting their edit.
 */
const feedProvenance = z.strictObject({
  /** 来源日历（.ics）或网页的网址 / URL of the calendar (.ics) or web page the event was pulled from. */
  url: httpUrl,
  /** 活动在来源里的编号（iCalendar 的 UID 或网页数据里的 @id）/ The event's id at the source (iCalendar UID or JSON-LD @id). */
  uid: z.string({ error: '必须是文字 / must be text' }).trim().min(1, '不能为空 / must not be empty').max(500, '不能超过 500 个字符 / at most 500 characters'),
  /** 最后一次从来源写入本文件的时间（北京时间）/ When the pull last wrote this file (local time). */
  fetched: localDateTime,
  /** 拉取写入时文件的校验值；人工改过文件后拉取不再覆盖它，删掉这一行就允许覆盖 / Checksum of the file as the pull wrote it; delete it to let the pull overwrite your edits. */
  hash: z.string().regex(/^[0-9a-f]{16}$/, '校验值是 16 位十六进制数字，由拉取程序写入 / 16 hex digits written by the pull').optional(),
});

/** An age in whole years. */
const age = z
  .number({ error: '年龄写整数（岁），例如 6 / an age is a whole number of years' })
  .int({ error: '年龄写整数（岁），例如 6 / an age is a whole number of years' })
  .min(0, { error: '年龄不能小于 0 / an age cannot be negative' })
  .max(120, { error: '年龄不能超过 120 / an age cannot exceed 120' });

export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'moved-online'] as const;
export const EVENT_KINDS = ['activity', 'call', 'deadline'] as const;

// ---------------------------------------------------------------------------------------------
// events — content/events/<year>/<slug>.md (Markdown body = description)
// ---------------------------------------------------------------------------------------------

export const registrationSchema = z.strictObject({
  /** 报名网址 / Registration URL (http or https). */
  url: httpUrl.optional(),
  /** 是否需要报名：true 需要，false 不需要 / Whether registration is required. */
  required: z.boolean().default(false),
  /** 名额（人数）/ Number of places. */
  capacity: z.number().int().positive().optional(),
  /** 费用（元），0 表示免费 / Fee in yuan; 0 means free. */
  fee: z.number().min(0).optional(),
  /** 报名截止日期 / Last day to register. */
  deadline: localDateTime.optional(),
  /** 报名说明（电话、二维码位置等），一行 / How to register, one line. */
  note: oneLine(200).optional(),
});

export const eventSchema = z.strictObject({
  /** 活动名称，一行，不超过 80 字 / Title, one line, at most 80 characters. */
  title: oneLine(TITLE_MAX),
  /** 英文名称（可选）/ English title (optional). */
  titleEn: oneLine(160).optional(),
  /** 类型：activity 活动（默认）、call 征集、deadline 申报截止 / activity (default), call for entries, or deadline. */
  kind: z.enum(EVENT_KINDS, { error: '只能是 activity、call 或 deadline / must be activity, call or deadline' }).default('activity'),
  /** 一句话简介（可选，不超过 200 字），用于列表和搜索 / One-sentence summary for lists and search. */
  summary: oneLine(SUMMARY_MAX).optional(),
  /** 开始：当地日期 2026-09-12（全天）或日期时间 2026-09-12T14:00 / Start: a date (all day) or local date-time. */
  start: localDateTime,
  /** 结束（可选）：全天活动写最后一天（含），定时活动写结束时间 / End: last day (inclusive) or end time. */
  end: localDateTime.optional(),
  /** 时区（可选，默认 Asia/Shanghai）/ IANA time zone, default Asia/Shanghai. */
  timezone: ianaZone.default(SITE_ZONE),
  /** 重复规则（可选，RRULE），例如 FREQ=WEEKLY;COUNT=4 / Recurrence rule (optional). */
  rrule: z.string().trim().optional(),
  /** 主办单位编号：content/organizers/ 下的文件名 / Organizer id: a file name in content/organizers/. */
  organizer: idRef,
  /** 协办单位编号（可选）/ Co-organizer ids (optional). */
  coOrganizers: z.array(idRef).default([]),
  /** 场馆编号：content/venues/ 下的文件名（线下活动）/ Venue id: a file name in content/venues/. */
  venue: idRef.optional(),
  /** 没有场馆文件时的地址（可选，一行）/ Address when there is no venue file (optional, one line). */
  address: oneLine(200).optional(),
  /** 线上活动网址（直播、展播）/ URL of an online event. */
  online: httpUrl.optional(),
  /** 地区编号（GB/T 2260，可选；有场馆时取场馆的地区）/ Region code; defaults to the venue's region. */
  region: idRef.optional(),
  /** 相关纪念日编号：content/observances/ 下的文件名（可选）/ Related observance id (optional). */
  observance: idRef.optional(),
  /** 所属活动季编号，例如 national-science-month（全国科普月）/ Campaign id, e.g. national-science-month. */
  campaign: idRef.optional(),
  /** 主题：中文名称或编号，见 content/vocab/topics.yaml / Topics: label or id from the vocabulary. */
  topics: stringList.default([]),
  /** 面向人群：中文名称或编号，见 content/vocab/audiences.yaml / Audiences: label or id. */
  audiences: stringList.default([]),
  /** 形式：中文名称或编号，见 content/vocab/formats.yaml / Formats: label or id. */
  formats: stringList.default([]),
  /** 适合的最小年龄（岁，可选），例如 6 / Youngest suitable age in years (optional). */
  ageMin: age.optional(),
  /** 适合的最大年龄（岁，可选），例如 12；只有下限时不写 / Oldest suitable age in years (optional). */
  ageMax: age.optional(),
  /** 报名信息（可选）/ Registration (optional). */
  registration: registrationSchema.optional(),
  /** 状态：scheduled 照常、cancelled 取消、postponed 延期、moved-online 改为线上 / Status. */
  status: z
    .enum(EVENT_STATUSES, {
      error: '状态只能是 scheduled、cancelled、postponed 或 moved-online / status must be scheduled, cancelled, postponed or moved-online',
    })
    .default('scheduled'),
  /** 延期前原定的开始（延期时填写）/ The original start, for postponed events. */
  previousStart: localDateTime.optional(),
  /** 官方页面网址（可选）/ Official page URL (optional). */
  url: httpUrl.optional(),
  /** 最后一次重要修改的时间（改期、取消时更新）/ When the entry last changed meaningfully. */
  updated: localDateTime.optional(),
  /** 修订号（可选，通常不用填；每次重要修改加 1）/ Revision number (optional). */
  sequence: z.number().int().min(0).max(SEQUENCE_MAX).optional(),
  /** 信息来源（可选）：通知、公告的标题和网址 / Where the information comes from. */
  source: source.optional(),
  /** 信息是否已核实（默认 true；不确定时写 false 并在 note 里说明）/ Whether the facts are verified. */
  verified: z.boolean().default(true),
  /** 编者说明（可选，一行）：哪些信息待核实、地点范围等 / Editor's note, e.g. what is unverified. */
  note: oneLine(300).optional(),
  /** 搜索别名（可选），例如简称 / Extra search words such as short names. */
  keywords: stringList.default([]),
  /** 自动拉取的出处（由 npm run pull 写入，不要手写）/ Provenance of an event pulled from an organizer's calendar (written by npm run pull). */
  feed: feedProvenance.optional(),
}).refine((e) => e.ageMin === undefined || e.ageMax === undefined || e.ageMin <= e.ageMax, {
  path: ['ageMax'],
  message: '适合年龄的上限小于下限，请检查 ageMin 和 ageMax / ageMax is below ageMin',
});

// ---------------------------------------------------------------------------------------------
// observances — content/observances/<id>.md (Markdown body = 历史背景)
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// organizers — content/organizers/<id>.yaml ; venues — content/venues/<id>.yaml
// ---------------------------------------------------------------------------------------------

export const ORGANIZER_TYPES = ['government', 'association', 'society', 'museum', 'science-center', 'school', 'research', 'hospital', 'media', 'enterprise', 'community', 'other'] as const;

export const organizerSchema = z.strictObject({
  /** 单位全称 / Full name. */
  name: oneLine(80),
  /** 简称（可选）/ Short name. */
  shortName: oneLine(30).optional(),
  /** 英文名称（可选）/ English name. */
  nameEn: oneLine(160).optional(),
  /** 类型：government 政府部门、association 科协、society 学会协会、museum 博物馆、science-center 科技馆、school 学校、research 科研院所、hospital 医院、media 媒体、enterprise 企业、community 街道社区、other 其他 / Type. */
  type: z.enum(ORGANIZER_TYPES, { error: `类型只能是 ${ORGANIZER_TYPES.join('、')} / unknown organizer type` }),
  /** 所在地区编号（GB/T 2260）/ Region code. */
  region: idRef.optional(),
  /** 地址（可选）/ Address. */
  address: oneLine(200).optional(),
  /** 官方网站 / Website. */
  website: httpUrl.optional(),
  /** 一句话介绍（可选）/ One-line description. */
  description: oneLine(300).optional(),
  /** 搜索别名 / Search aliases. */
  aliases: stringList.default([]),
});

export const VENUE_TYPES = ['science-center', 'museum', 'library', 'school', 'park', 'hall', 'community', 'hospital', 'research', 'outdoor', 'other'] as const;

export const venueSchema = z.strictObject({
  /** 场馆名称 / Name. */
  name: oneLine(80),
  /** 英文名称（可选）/ English name. */
  nameEn: oneLine(160).optional(),
  /** 类型：science-center 科技馆、museum 博物馆、library 图书馆、school 学校、park 公园、hall 会场、community 社区、hospital 医院、research 科研院所、outdoor 户外、other 其他 / Type. */
  type: z.enum(VENUE_TYPES, { error: `类型只能是 ${VENUE_TYPES.join('、')} / unknown venue type` }),
  /** 所在地区编号（GB/T 2260，区县级最好）/ Region code, district level if possible. */
  region: idRef,
  /** 地址（可选，没有时不写）/ Street address. */
  address: oneLine(200).optional(),
  /** 坐标（可选，GCJ-02 或 WGS-84 均可，请注明）/ Coordinates. */
  geo: z
    .strictObject({
      /** 纬度，例如 39.98 / Latitude. */
      lat: z.number().min(-90).max(90),
      /** 经度，例如 116.39 / Longitude. */
      lng: z.number().min(-180).max(180),
    })
    .optional(),
  /** 官方网站 / Website. */
  website: httpUrl.optional(),
  /** 搜索别名 / Search aliases. */
  aliases: stringList.default([]),
});

// ---------------------------------------------------------------------------------------------
// vocabularies — content/vocab/{topics,audiences,formats,regions}.yaml
// ---------------------------------------------------------------------------------------------

export const vocabEntrySchema = z.strictObject({
  /** 编号（网址里用）/ Id used in URLs. */
  id: idRef,
  /** 中文名称 / Chinese label. */
  label: oneLine(30),
  /** 英文名称 / English label. */
  labelEn: oneLine(60).optional(),
  /** 其他写法 / Other spellings accepted in content files. */
  aliases: stringList.default([]),
  /** 上级编号（地区用）/ Parent id (regions). */
  parent: idRef.optional(),
});
export const vocabFileSchema = z.array(vocabEntrySchema);

// ---------------------------------------------------------------------------------------------
// sources — content/sources.yaml: organizers' own calendars, pulled daily (npm run pull)
// ---------------------------------------------------------------------------------------------

export const SOURCE_TYPES = ['ics', 'jsonld'] as const;

export const sourceSchema = z.strictObject({
  /** 来源编号（小写字母、数字和连字符），也是自动拉取请求的分支名 / Source id (a-z, 0-9, hyphens), also the pull request's branch. */
  id: idRef,
  /** 日历订阅地址（.ics，webcal:// 也可以）或含 schema.org Event 数据的网页 / An .ics calendar URL (webcal:// too) or a web page with schema.org Event JSON-LD. */
  url: z
    .string({ error: '必须是网址文字 / must be a URL string' })
    .trim()
    .transform((s) => s.replace(/^webcals?:\/\//i, 'https://'))
    .pipe(httpUrl),
  /** 类型（可选）：ics 日历文件、jsonld 网页里的活动数据；不写时按网址和内容判断 / ics or jsonld; guessed from the URL and the content when left out. */
  type: z.enum(SOURCE_TYPES, { error: '类型只能是 ics 或 jsonld / type must be ics or jsonld' }).optional(),
  /** 主办单位的编号或全称：来源里的每个活动都记在这个单位名下 / Organizer id or name: every event of the source is theirs. */
  organizer: oneLine(80),
  /** 默认主题（来源没有分类时使用）/ Topics for events whose source gives none. */
  topics: stringList.default([]),
  /** 默认面向人群 / Default audiences. */
  audiences: stringList.default([]),
  /** 默认形式 / Default formats. */
  formats: stringList.default([]),
  /** 默认地区编号（GB/T 2260）/ Default region code. */
  region: idRef.optional(),
  /** 只收标题含这些词之一的活动（可选），例如 [科普, 讲座] / Keep only events whose title contains one of these words. */
  titleIncludes: stringList.default([]),
  /** 不收标题含这些词的活动（可选），例如 [内部, 党建] / Leave out events whose title contains one of these words. */
  titleExcludes: stringList.default([]),
  /** 说明（可选，一行）/ Note for maintainers, one line. */
  note: oneLine(300).optional(),
});
export const sourcesFileSchema = z.array(sourceSchema);

export type EventInput = z.input<typeof eventSchema>;
export type EventData = z.output<typeof eventSchema>;
export type ObservanceData = z.output<typeof observanceSchema>;
export type ObservanceRule = z.output<typeof ruleSchema>;
export type OrganizerData = z.output<typeof organizerSchema>;
export type VenueData = z.output<typeof venueSchema>;
export type VocabEntry = z.output<typeof vocabEntrySchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type FeedProvenance = z.output<typeof feedProvenance>;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];

/** The collections, their folders and file extensions. */
export const COLLECTIONS = {
  events: { dir: 'events', ext: ['.md'], schema: eventSchema },
  observances: { dir: 'observances', ext: ['.md'], schema: observanceSchema },
  organizers: { dir: 'organizers', ext: ['.yaml', '.yml'], schema: organizerSchema },
  venues: { dir: 'venues', ext: ['.yaml', '.yml'], schema: venueSchema },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
export const VOCABS = ['topics', 'audiences', 'formats', 'regions'] as const;
export type VocabName = (typeof VOCABS)[number];
