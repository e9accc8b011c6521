/**
 * sources — content/sources.yaml: organizers' own calendars, pulled daily (npm run pull). Part of
 * the content model (src/lib/content/schema.ts); a configuration of the pull, not content of the site.
 */
import { z } from 'zod';
import { httpUrl, idRef, oneLine, stringList } from './primitives.ts';

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

export type SourceConfig = z.output<typeof sourceSchema>;
