/**
 * Shared building blocks of the content model (src/lib/content/schema.ts): one-line texts, http(s) URLs,
 * dates and date-times as a person writes them, time zones, lists, ids and a source reference.
 * Every collection's schema uses them; they live apart so each collection's file holds only its
 * own fields. Messages are bilingual, Chinese first.
 */
import { z } from 'zod';
import { isRealDate, SITE_ZONE } from '../../time/days.ts';
import { findInvisible, invisibleMessage, looksEmpty } from '../invisible.ts';

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
export const stringList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((v) => (Array.isArray(v) ? v.map(String) : v.split(/[,，、]/)).map((s) => s.trim()).filter(Boolean));

/** An id of another file or a vocabulary entry: lowercase letters, digits and hyphens. */
export const idRef = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^[a-z0-9][a-z0-9-]*$/.test(s), {
    message: '编号只能用小写字母、数字和连字符，例如 beijing-science-center / ids use a-z, 0-9 and hyphens',
  });

/** Where a fact was published: a title, and a URL when there is one. */
export const source = z.strictObject({
  /** 来源文件或公告的标题，写全称 / Title of the source document or announcement. */
  title: oneLine(200),
  /** 来源网址（可选，确实存在时才写）/ URL of the source, only when you are sure of it. */
  url: httpUrl.optional(),
});
