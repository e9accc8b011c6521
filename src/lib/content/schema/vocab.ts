/**
 * vocabularies — content/vocab/{topics,audiences,formats,regions}.yaml: the labels events and
 * observances are filed under. Part of the content model (src/lib/content/schema.ts).
 */
import { z } from 'zod';
import { idRef, oneLine, stringList } from './primitives.ts';

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

export type VocabEntry = z.output<typeof vocabEntrySchema>;
export const VOCABS = ['topics', 'audiences', 'formats', 'regions'] as const;
export type VocabName = (typeof VOCABS)[number];
