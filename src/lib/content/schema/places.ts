/**
 * organizers — content/organizers/<id>.yaml ; venues — content/venues/<id>.yaml: who holds events
 * and where. Part of the content model (src/lib/content/schema.ts).
 */
import { z } from 'zod';
import { httpUrl, idRef, oneLine, stringList } from './primitives.ts';

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

/** Datum of a venue's coordinates: Chinese map apps (高德, 腾讯) use GCJ-02, GPS and OpenStreetMap WGS-84. */
export const GEO_DATUMS = ['WGS-84', 'GCJ-02'] as const;
export type GeoDatum = (typeof GEO_DATUMS)[number];

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
  /** 坐标（可选，只写有公开来源的），并注明坐标系 datum：GCJ-02（高德、腾讯地图）或 WGS-84（GPS）/ Coordinates with their datum. */
  geo: z
    .strictObject({
      /** 纬度，例如 39.98 / Latitude. */
      lat: z.number().min(-90).max(90),
      /** 经度，例如 116.39 / Longitude. */
      lng: z.number().min(-180).max(180),
      /** 坐标系：GCJ-02（从高德、腾讯地图取的坐标）或 WGS-84（GPS、维基百科、OpenStreetMap）/ Datum: GCJ-02 or WGS-84. */
      datum: z.enum(GEO_DATUMS, { error: '请写坐标系 datum：GCJ-02（高德、腾讯地图上取的坐标）或 WGS-84（GPS、维基百科）/ datum must be GCJ-02 or WGS-84' }),
    })
    .optional(),
  /** 官方网站 / Website. */
  website: httpUrl.optional(),
  /** 搜索别名 / Search aliases. */
  aliases: stringList.default([]),
});

export type OrganizerData = z.output<typeof organizerSchema>;
export type VenueData = z.output<typeof venueSchema>;
