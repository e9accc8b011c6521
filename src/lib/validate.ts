/**
 * Validate a whole content tree at once and normalise it. Pure: the caller reads the files
 * (content-fs.ts in Node, a File list in the browser) and passes their text in.
 *
 * Collects every problem (never stops at the first), one ContentError each, Chinese first.
 */
import { closest, distance } from 'fastest-levenshtein';
import { rrulestr } from './rrule-compat.ts';
import type { z } from 'zod';
import { type ContentError, sortErrors } from './errors.ts';
import { parseContentFile, type ParsedFile } from './frontmatter.ts';
import { checkBody, INVISIBLE_CONTROL } from './markdown-safety.ts';
import { type ContentSet, emptyContent, type EventEntry } from './model.ts';
import { COLLECTIONS, type CollectionName, type EventData, VOCABS, type VocabName, vocabFileSchema } from './schema.ts';
import { zodIssueMessage } from './zod-messages.ts';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. content/events/2026/x.md */
  path: string;
  text: string;
  /** A symbolic link found in the tree (refused, never followed). */
  symlink?: boolean;
}

export interface ValidationResult {
  content: ContentSet;
  errors: ContentError[];
  warnings: ContentError[];
}

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 64 * 1024;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;
/** content/sources.yaml, relative to the content folder. */
export const SOURCES_FILE = 'sources.yaml';

export function validateContent(files: SourceFile[], contentDir = 'content'): ValidationResult {
  const errors: ContentError[] = [];
  const content = emptyContent();
  const prefix = contentDir.replace(/\/+$/, '') + '/';
  const lines = new Map<string, ParsedFile>();
  const err = (file: string, line: number, field: string, message: string, hint?: string) =>
    errors.push({ file, line, field, message, ...(hint ? { hint } : {}) });

  // 1. Parse and check the shape of every file.
  const parsed: { coll: CollectionName; id: string; file: string; sub: string[]; data: unknown; p: ParsedFile }[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!f.path.startsWith(prefix)) continue;
    const rel = f.path.slice(prefix.length);
    const parts = rel.split('/');
    const base = parts[parts.length - 1]!;
    if (base.startsWith('.') || base.toLowerCase() === 'readme.md') continue;
    // The organizers' calendars to pull: checked by src/lib/pull/sources.ts (npm run validate, npm run pull).
    if (rel === SOURCES_FILE) continue;
    if (f.symlink) {
      err(f.path, 0, '', '不接受符号链接，请提交普通文件 / symbolic links are not accepted: commit a regular file');
      continue;
    }
    const size = new TextEncoder().encode(f.text).length;
    if (size > MAX_FILE_BYTES) {
      err(f.path, 0, '', `文件太大（${Math.round(size / 1024)} KB），单个文件不能超过 ${MAX_FILE_BYTES / 1024} KB，请精简描述 / file too large (limit ${MAX_FILE_BYTES / 1024} KB)`);
      continue;
    }
    if (parts[0] === 'vocab') {
      const name = base.replace(/\.ya?ml$/, '') as VocabName;
      if (!VOCABS.includes(name) || !/\.ya?ml$/.test(base)) {
        err(f.path, 0, '', `未知的词表文件，只能是 ${VOCABS.map((v) => v + '.yaml').join('、')} / unknown vocabulary file`);
        continue;
      }
      const p = parseContentFile(f.text, 'yaml');
      if (!('data' in p)) {
        err(f.path, p.line, '', p.message);
        continue;
      }
      const r = vocabFileSchema.safeParse(p.data, { reportInput: true });
      const reported = new Set<string>();
      if (!r.success) {
        for (const iss of r.error.issues) {
          reported.add(iss.path.join('.'));
          err(f.path, p.lineOf(iss.path), iss.path.join('.'), zodIssueMessage(iss, []));
        }
      }
      const controls = controlCharsIn(p.data).filter(([path]) => !isReported(reported, path));
      for (const [path, ch] of controls) err(f.path, p.lineOf(path), path.join('.'), controlCharMessage(ch));
      if (!r.success || controls.length) continue;
      content.vocab[name] = r.data;
      continue;
    }
    const coll = (Object.keys(COLLECTIONS) as CollectionName[]).find((c) => COLLECTIONS[c].dir === parts[0]);
    if (!coll) {
      err(f.path, 0, '', `不认识的文件夹，内容只能放在 ${Object.values(COLLECTIONS).map((c) => c.dir).join('、')} 或 vocab 里 / unknown content folder`);
      continue;
    }
    const spec = COLLECTIONS[coll];
    const ext = base.slice(base.lastIndexOf('.')).toLowerCase();
    if (!(spec.ext as readonly string[]).includes(ext)) {
      err(f.path, 0, '', `文件类型不对，${parts[0]} 里的文件要以 ${spec.ext.join(' 或 ')} 结尾 / wrong file type: use ${spec.ext.join(' or ')}`);
      continue;
    }
    const id = base.slice(0, base.length - ext.length);
    if (!SLUG_RE.test(id)) {
      err(f.path, 0, '', `文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training${ext} / file name must use a-z, 0-9 and hyphens`);
      continue;
    }
    const p = parseContentFile(f.text, ext === '.md' ? 'markdown' : 'yaml');
    if (!('data' in p)) {
      err(f.path, p.line, '', p.message);
      continue;
    }
    if (typeof p.data !== 'object' || p.data === null || Array.isArray(p.data)) {
      err(f.path, 1, '', '内容应该是“字段: 值”的列表 / expected a mapping of fields');
      continue;
    }
    lines.set(f.path, p);
    parsed.push({ coll, id, file: f.path, sub: parts.slice(1, -1), data: p.data, p });
  }

  // 2. Schema per file (shape), collected per collection.
  const ids: Record<CollectionName, Map<string, string>> = { events: new Map(), observances: new Map(), organizers: new Map(), venues: new Map() };
  const shaped: { coll: CollectionName; id: string; file: string; sub: string[]; data: any; p: ParsedFile }[] = [];
  for (const entry of parsed) {
    const schema = COLLECTIONS[entry.coll].schema as z.ZodType;
    const r = schema.safeParse(entry.data, { reportInput: true });
    const known = Object.keys((COLLECTIONS[entry.coll].schema as any).shape ?? {});
    const reported = new Set<string>();
    if (!r.success) {
      for (const iss of r.error.issues) {
        const path = iss.code === 'unrecognized_keys' ? [...iss.path, iss.keys[0]!] : iss.path;
        reported.add(path.map(String).join('.'));
        err(entry.file, entry.p.lineOf(path), path.map(String).join('.'), zodIssueMessage(iss, known));
      }
    }
    // Every text, not only the one-line fields: list items (keywords, aliases), rules, record values.
    for (const [path, ch] of controlCharsIn(entry.data)) {
      if (!isReported(reported, path)) err(entry.file, entry.p.lineOf(path), path.map(String).join('.'), controlCharMessage(ch));
    }
    // The description is checked even when the fields are not: all problems at once.
    if (entry.coll === 'events' || entry.coll === 'observances') errors.push(...checkBody(entry.p.body, entry.file, entry.p.bodyLine));
    if (!r.success) continue;
    const seen = ids[entry.coll].get(entry.id);
    if (seen) {
      err(entry.file, 0, '', `文件名重复：${seen} 已经用了“${entry.id}”，网址会冲突，请换一个文件名 / duplicate id, also used by ${seen}`);
      continue;
    }
    ids[entry.coll].set(entry.id, entry.file);
    shaped.push({ ...entry, data: r.data });
  }

  // 3. Vocabulary look-ups (label, id or alias → id), with the nearest suggestion on a miss.
  const vocabIndex = {} as Record<VocabName, Map<string, string>>;
  for (const name of VOCABS) {
    const m = new Map<string, string>();
    for (const v of content.vocab[name]) {
      for (const key of [v.id, v.label, v.labelEn, ...v.aliases]) if (key) m.set(key.toLowerCase(), v.id);
    }
    vocabIndex[name] = m;
  }
  const VOCAB_LABEL: Record<VocabName, string> = { topics: '主题', audiences: '面向人群', formats: '形式', regions: '地区' };
  const resolve = (name: VocabName, values: string[], file: string, p: ParsedFile, field: string): string[] => {
    const out: string[] = [];
    values.forEach((v, i) => {
      const id = vocabIndex[name].get(v.toLowerCase());
      if (id) {
        if (!out.includes(id)) out.push(id);
        return;
      }
      const labels = content.vocab[name].map((x) => x.label);
      const guess = suggest(v, labels);
      err(
        file,
        p.lineOf([field, i]),
        field,
        `“${v}”不在${VOCAB_LABEL[name]}词表里，请从 content/vocab/${name}.yaml 中选择 / "${v}" is not in the ${name} vocabulary`,
        guess ? `您是不是要写“${guess}”？/ did you mean ${guess}?` : labels.length ? `可选：${labels.slice(0, 12).join('、')}${labels.length > 12 ? '…' : ''}` : undefined,
      );
    });
    return out;
  };
  const resolveRegion = (v: string | undefined, file: string, p: ParsedFile, field: string) => {
    if (v === undefined) return undefined;
    const r = resolve('regions', [v], file, p, field);
    return r[0];
  };
  const checkRef = (coll: CollectionName, value: string | undefined, file: string, p: ParsedFile, field: string, what: string) => {
    if (value === undefined || ids[coll].has(value)) return;
    const guess = suggest(value, [...ids[coll].keys()]);
    err(
      file,
      p.lineOf([field]),
      field,
      `找不到${what}“${value}”：content/${COLLECTIONS[coll].dir}/ 里没有这个文件，请先添加它或改正编号 / unknown ${coll.replace(/s$/, '')} "${value}"`,
      guess ? `您是不是要写“${guess}”？/ did you mean ${guess}?` : undefined,
    );
  };

  // 4. Rules beyond types, per collection.
  for (const s of shaped.filter((x) => x.coll === 'organizers')) {
    content.organizers.push({ ...s.data, region: resolveRegion(s.data.region, s.file, s.p, 'region'), id: s.id, file: s.file });
  }
  for (const s of shaped.filter((x) => x.coll === 'venues')) {
    content.venues.push({ ...s.data, region: resolveRegion(s.data.region, s.file, s.p, 'region') ?? s.data.region, id: s.id, file: s.file });
  }
  const venueRegion = new Map(content.venues.map((v) => [v.id, v.region]));
  const organizerRegion = new Map(content.organizers.map((o) => [o.id, o.region]));

  for (const s of shaped.filter((x) => x.coll === 'observances')) {
    const d = s.data;
    const topics = resolve('topics', d.topics, s.file, s.p, 'topics');
    if (d.rule.type === 'rrule') checkRrule(d.rule.rrule, true, s.file, s.p.lineOf(['rule', 'rrule']), 'rule.rrule', err);
    if (d.rule.type === 'month' && d.days) err(s.file, s.p.lineOf(['days']), 'days', '整月规则不用写 days，请删掉这一行 / days is not used with a whole-month rule');
    if (d.rule.type === 'announced' && Object.keys(d.dates).length === 0 && !d.usual)
      err(s.file, s.p.lineOf(['rule']), 'rule', '每年公布的纪念日要在 dates 里写已公布的日期，或在 usual 里写通常的时间 / announced rules need dates or usual');
    if (d.endedYear && d.established && d.endedYear < d.established)
      err(s.file, s.p.lineOf(['endedYear']), 'endedYear', '停办年份早于设立年份 / endedYear is before established');
    for (const [year, r] of Object.entries(d.dates as Record<string, { start: string; end?: string }>)) {
      if (r.start.slice(0, 4) !== year)
        err(s.file, s.p.lineOf(['dates', year, 'start']), `dates.${year}.start`, `${year} 年的日期应在 ${year} 年内（${r.start}）/ date is not in year ${year}`);
      if (r.end && r.end < r.start)
        err(s.file, s.p.lineOf(['dates', year, 'end']), `dates.${year}.end`, `结束日期早于开始日期（${r.end} < ${r.start}），请改正 / end is before start`);
    }
    for (const rel of d.related) checkRef('observances', rel, s.file, s.p, 'related', '纪念日');
    content.observances.push({ ...d, topics, id: s.id, file: s.file, body: s.p.body });
  }

  for (const s of shaped.filter((x) => x.coll === 'events')) {
    const d = s.data as EventData;
    const { file, p } = s;
    const year = Number(d.start.slice(0, 4));
    if (year < YEAR_MIN || year > YEAR_MAX)
      err(file, p.lineOf(['start']), 'start', `年份 ${year} 不在 ${YEAR_MIN}–${YEAR_MAX} 之间，请检查 / year out of range`);
    if (s.sub.length !== 1 || s.sub[0] !== d.start.slice(0, 4))
      err(
        file,
        p.lineOf(['start']),
        'start',
        `文件应放在 content/events/${d.start.slice(0, 4)}/ 文件夹里（按开始年份）/ the file belongs in content/events/${d.start.slice(0, 4)}/`,
      );
    const allDay = d.start.length === 10;
    if (d.end !== undefined) {
      if ((d.end.length === 10) !== allDay) {
        err(
          file,
          p.lineOf(['end']),
          'end',
          allDay
            ? `开始只写了日期（全天），结束也只写日期，例如 ${d.start} / start is a date, so end must be a date too`
            : `开始写了时间，结束也要写时间，例如 ${d.start.slice(0, 10)}T17:00 / start has a time, so end needs one too`,
        );
      } else if (d.end < d.start) {
        err(
          file,
          p.lineOf(['end']),
          'end',
          `结束时间早于开始时间（${d.end.replace('T', ' ')} < ${d.start.replace('T', ' ')}），请改为开始之后的时间 / end is before start`,
        );
      }
    }
    // Calls and deadlines happen on paper; activities need somewhere to go (a region suffices for
    // programmes held across a whole district or city).
    if (d.kind === 'activity' && !d.venue && !d.online && !d.address && !d.region)
      err(file, p.lineOf([]), 'venue', '请写场馆 venue（线下）、地址 address、地区 region 或线上网址 online 之一 / give a venue, an address, a region or an online URL');
    if (d.rrule !== undefined) checkRrule(d.rrule, false, file, p.lineOf(['rrule']), 'rrule', err);
    if (d.status === 'postponed' && !d.previousStart)
      errors.push({ file, line: p.lineOf(['status']), field: 'previousStart', severity: 'warning', message: '延期的活动请写 previousStart（原定开始时间）/ postponed events should state previousStart' });
    if (d.status !== 'scheduled' && !d.updated)
      errors.push({ file, line: p.lineOf(['status']), field: 'updated', severity: 'warning', message: '状态改变时请写 updated（修改时间），日历订阅才会更新 / set updated when the status changes' });
    checkRef('organizers', d.organizer, file, p, 'organizer', '主办单位');
    d.coOrganizers.forEach((o) => checkRef('organizers', o, file, p, 'coOrganizers', '协办单位'));
    checkRef('venues', d.venue, file, p, 'venue', '场馆');
    checkRef('observances', d.observance, file, p, 'observance', '纪念日');
    checkRef('observances', d.campaign, file, p, 'campaign', '活动季');
    if (d.campaign && ids.observances.has(d.campaign)) {
      const camp = content.observances.find((o) => o.id === d.campaign);
      if (camp && camp.kind !== 'campaign')
        err(file, p.lineOf(['campaign']), 'campaign', `“${d.campaign}”不是活动季（kind: campaign），相关纪念日请写在 observance 字段 / not a campaign: use observance instead`);
    }
    const topics = resolve('topics', d.topics, file, p, 'topics');
    const audiences = resolve('audiences', d.audiences, file, p, 'audiences');
    const formats = resolve('formats', d.formats, file, p, 'formats');
    const ownRegion = resolveRegion(d.region, file, p, 'region');
    const regionId = ownRegion ?? (d.venue ? venueRegion.get(d.venue) : undefined) ?? organizerRegion.get(d.organizer);
    const endDate = (d.end ?? d.start).slice(0, 10);
    const ev: EventEntry = { ...d, topics, audiences, formats, region: ownRegion, regionId, id: s.id, file, body: p.body, allDay, startDate: d.start.slice(0, 10), endDate };
    content.events.push(ev);
  }

  // 5. Duplicates: the same activity submitted twice.
  const byKey = new Map<string, EventEntry>();
  for (const e of content.events) {
    const key = `${normTitle(e.title)}|${e.startDate}|${e.organizer}`;
    const twin = byKey.get(key);
    if (twin) err(e.file, 1, 'title', `与 ${twin.file} 重复（同名、同一天、同一主办单位），请删除其中一个 / duplicate of ${twin.file}`);
    else byKey.set(key, e);
  }
  errors.push(...nearDuplicates(content.events));

  // Messages echo what a contributor wrote (values, file names); a line break or terminal escape in
  // them would forge extra lines in a CI log (`::error::…` workflow commands): show them as \u escapes.
  const all = sortErrors(errors).map(visibleControls);
  return { content, errors: all.filter((e) => e.severity !== 'warning'), warnings: all.filter((e) => e.severity === 'warning') };
}

/** What `visibleControls` rewrites: every control character, tab and line breaks included. */
const ALL_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /[\n\r]/;

function controlCharMessage(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return LINE_BREAK.test(ch)
    ? '不能包含换行或控制字符，请写成一行 / must be one line without control characters'
    : `不能包含看不见的控制字符（${code}），请删除它 / must not contain invisible control characters (${code})`;
}

/** Was this path, or a field containing it, already reported by the schema? */
function isReported(reported: Set<string>, path: (string | number)[]): boolean {
  const field = path.map(String).join('.');
  return [...reported].some((r) => field === r || field.startsWith(r + '.'));
}

/** Strings (and keys) anywhere in parsed YAML that hold a line break or an invisible control character. */
function controlCharsIn(value: unknown, path: (string | number)[] = []): [(string | number)[], string][] {
  const bad = (s: string) => (LINE_BREAK.exec(s) ?? INVISIBLE_CONTROL.exec(s))?.[0];
  if (typeof value === 'string') {
    const ch = bad(value);
    return ch ? [[path, ch]] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharsIn(v, [...path, i]));
  if (!value || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const ch = bad(k);
    return ch ? [[[...path, k], ch] as [(string | number)[], string]] : controlCharsIn(v, [...path, k]);
  });
}

function visibleControls(e: ContentError): ContentError {
  const show = (s: string) => s.replace(ALL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { ...e, file: show(e.file), field: show(e.field), message: show(e.message), ...(e.hint ? { hint: show(e.hint) } : {}) };
}

/** Days with more events than this are not compared pairwise (exact duplicates are still caught). */
const NEAR_DUPLICATE_DAY_LIMIT = 200;

/**
 * Near-identical titles on the same day (one or two characters apart, e.g. a typo fixed in a copy)
 * by the same organizer, at the same venue or in the same region are probably the same activity
 * submitted twice: a warning naming both files.
 */
export function nearDuplicates(events: EventEntry[]): ContentError[] {
  const out: ContentError[] = [];
  const byDay = new Map<string, EventEntry[]>();
  for (const e of events) (byDay.get(e.startDate) ?? byDay.set(e.startDate, []).get(e.startDate)!).push(e);
  for (const list of byDay.values()) {
    if (list.length < 2 || list.length > NEAR_DUPLICATE_DAY_LIMIT) continue;
    const titles = list.map((e) => normTitle(e.title));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [titles[i]!, titles[j]!];
        const [x, y] = [list[i]!, list[j]!];
        if (a === b && x.organizer === y.organizer) continue; // reported as an error above
        // Same-titled activities in different districts are a series, not a double submission.
        if (x.organizer !== y.organizer && !(x.venue && x.venue === y.venue) && x.regionId !== y.regionId) continue;
        const limit = Math.min(2, Math.floor(Math.max(a.length, b.length) / 8));
        if (limit > 0 && Math.abs(a.length - b.length) <= limit && distance(a, b) <= limit) {
          out.push({
            file: list[j]!.file,
            line: 1,
            field: 'title',
            severity: 'warning',
            message: `与 ${list[i]!.file} 的活动名称几乎相同、又在同一天，是否重复提交？如是同一活动请删除一个 / near-duplicate of ${list[i]!.file}`,
          });
        }
      }
    }
  }
  return out;
}

function normTitle(t: string): string {
  return t.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/** The nearest candidate within a sensible edit distance, or undefined. */
export function suggest(value: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const c = closest(value, candidates);
  const limit = Math.max(1, Math.floor(Math.max(value.length, c.length) / 2));
  return distance(value, c) <= limit ? c : undefined;
}

function checkRrule(
  text: string,
  yearly: boolean,
  file: string,
  line: number,
  field: string,
  err: (file: string, line: number, field: string, message: string, hint?: string) => void,
) {
  const example = 'FREQ=YEARLY;BYMONTH=9;BYDAY=2SA';
  if (/DTSTART|TZID|\n/i.test(text)) {
    err(file, line, field, `只写规则本身，不写 DTSTART/TZID，例如 ${example} / write the rule only, without DTSTART or TZID`);
    return;
  }
  try {
    const r = rrulestr(text.replace(/^RRULE:/i, ''));
    if (yearly && r.options.freq !== 0) {
      err(file, line, field, `纪念日规则必须是 FREQ=YEARLY，例如 ${example} / observance rules must be yearly`);
      return;
    }
    if (!/FREQ=/i.test(text)) throw new Error('no FREQ');
  } catch {
    err(file, line, field, `重复规则写得不对（${text}），例如 ${yearly ? example : 'FREQ=WEEKLY;COUNT=4'} / invalid RRULE`);
  }
}
