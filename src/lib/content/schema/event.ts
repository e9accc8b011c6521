/**
 * events — content/events/<year>/<slug>.md (Markdown body = description): the event's fields, its
 * registration, and where a pulled event came from. Part of the content model (src/lib/content/schema.ts);
 * the event is the collection contributors write most, so its fields have a file of their own.
 */
import { z } from 'zod';
import { SITE_ZONE } from '../../time/days.ts';
import { SEQUENCE_MAX } from '../limits.ts';
import { ACCESS_LABEL, ACCESS_WORDS } from '../../labels.ts';
import { httpUrl, idRef, ianaZone, localDateTime, oneLine, source, stringList, SUMMARY_MAX, TITLE_MAX } from './primitives.ts';

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

/**
 * Accessibility an event offers (issue 18): seniors and people with disabilities are named audiences
 * of 科普. Chinese labels in labels.ts (ACCESS_LABEL); a contributor may write either.
 */
export const ACCESS_FEATURES = ['wheelchair', 'accessible-toilet', 'sign-language', 'captions', 'hearing-aid', 'guide-dog'] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];

/** One accessibility feature, by id or Chinese label (轮椅通行 → wheelchair). */
const accessFeature = z
  .string()
  .transform((s) => ACCESS_WORDS.get(s.toLowerCase()) ?? s)
  .pipe(z.enum(ACCESS_FEATURES, { error: `无障碍只能写 ${Object.values(ACCESS_LABEL).join('、')} / accessibility: ${ACCESS_FEATURES.join(', ')}` }));

export const registrationSchema = z.strictObject({
  /** 报名网址 / Registration URL (http or https). */
  url: httpUrl.optional(),
  /** 是否需要报名：true 需要，false 不需要（不写时按报名网址和截止日期判断）/ Whether registration is required. */
  required: z.boolean().optional(),
  /** 名额（人数）/ Number of places. */
  capacity: z.number().int().positive().optional(),
  /** 费用（元），0 表示免费 / Fee in yuan; 0 means free. */
  fee: z.number().min(0).optional(),
  /** 报名截止日期 / Last day to register. */
  deadline: localDateTime.optional(),
  /** 报名说明（电话、二维码位置等），一行 / How to register, one line. */
  note: oneLine(200).optional(),
  /** 名额已满时写 true（页面显示“名额已满”，不再显示报名按钮）/ true once every place is taken. */
  full: z.boolean().optional(),
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
  /** 线上活动或直播网址（线下活动同步直播也写在这里）/ URL of an online event or its live stream. */
  online: httpUrl.optional(),
  /** 回放网址（可选，活动结束后可以回看的地址）/ Replay URL (optional). */
  replay: httpUrl.optional(),
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
  /** 无障碍（可选）：轮椅通行、无障碍卫生间、手语翻译、字幕、助听设备、导盲犬可入 / Accessibility (optional). */
  access: stringList.pipe(z.array(accessFeature)).default([]),
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

export type EventInput = z.input<typeof eventSchema>;
export type EventData = z.output<typeof eventSchema>;
export type FeedProvenance = z.output<typeof feedProvenance>;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
