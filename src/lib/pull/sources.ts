/**
 * content/sources.yaml — the organizers' own calendars that `npm run pull` fetches every day.
 * Checked like any content file (file:line field: 中文 / English), against the validated content:
 * the organizer must exist, topics / audiences / formats must be vocabulary labels, the region a
 * known code, and ids and URLs unique. Pure.
 *
 *   - id: example-society
 *     url: https://www.example.org/calendar.ics
 *     organizer: example-society
 *     topics: [天文]
 */
import type { ContentError } from '../content/errors.ts';
import { parseContentFile } from '../content/frontmatter.ts';
import { matchOrganizer } from '../import/import-match.ts';
import type { ContentSet } from '../content/model.ts';
import { type SourceConfig, sourceSchema, sourcesFileSchema, type VocabName } from '../content/schema.ts';
import { suggest } from '../content/validate.ts';
import { zodIssueMessage } from '../content/zod-messages.ts';

export interface SourcesCheck {
  /** The sources that passed every check. */
  sources: SourceConfig[];
  errors: ContentError[];
}

const VOCAB_FIELDS: { field: 'topics' | 'audiences' | 'formats'; vocab: VocabName; zh: string }[] = [
  { field: 'topics', vocab: 'topics', zh: '主题' },
  { field: 'audiences', vocab: 'audiences', zh: '面向人群' },
  { field: 'formats', vocab: 'formats', zh: '形式' },
];

export function checkSources(file: string, text: string, content: ContentSet): SourcesCheck {
  const errors: ContentError[] = [];
  const err = (line: number, field: string, message: string, hint?: string) => errors.push({ file, line, field, message, ...(hint ? { hint } : {}) });
  const p = parseContentFile(text, 'yaml');
  if (!('data' in p)) {
    err(p.line, '', p.message);
    return { sources: [], errors };
  }
  // A file holding only comments (the shipped example) lists no sources.
  if (p.data === null || (typeof p.data === 'object' && !Array.isArray(p.data) && Object.keys(p.data as object).length === 0)) return { sources: [], errors };
  const r = sourcesFileSchema.safeParse(p.data, { reportInput: true });
  if (!r.success) {
    const known = Object.keys(sourceSchema.shape);
    for (const iss of r.error.issues) {
      const path = iss.code === 'unrecognized_keys' ? [...iss.path, iss.keys[0]!] : iss.path;
      err(p.lineOf(path), path.map(String).join('.'), zodIssueMessage(iss, known));
    }
    return { sources: [], errors };
  }

  const sources: SourceConfig[] = [];
  const ids = new Map<string, number>();
  const urls = new Map<string, number>();
  r.data.forEach((s, i) => {
    const before = errors.length;
    const at = (field: string, sub?: number) => p.lineOf(sub === undefined ? [i, field] : [i, field, sub]);
    const where = (field: string) => `${i}.${field}`;
    if (ids.has(s.id)) err(at('id'), where('id'), `来源编号“${s.id}”重复（第 ${ids.get(s.id)! + 1} 个来源已经用了），请换一个 / duplicate source id "${s.id}"`);
    ids.set(s.id, i);
    if (urls.has(s.url)) err(at('url'), where('url'), `这个网址已经在第 ${urls.get(s.url)! + 1} 个来源里了，同一个日历只写一次 / this URL is already listed`);
    urls.set(s.url, i);
    // The organizer's id, or its name as people know it (resolved to the id).
    const org = matchOrganizer(s.organizer, content.organizers);
    if ('id' in org) s.organizer = org.id;
    else err(at('organizer'), where('organizer'), org.error, org.hint);
    for (const { field, vocab, zh } of VOCAB_FIELDS) {
      s[field].forEach((word, j) => {
        if (vocabId(content, vocab, word)) return;
        const guess = suggest(word, content.vocab[vocab].map((v) => v.label));
        err(at(field, j), where(field), `“${word}”不在${zh}词表里，请从 content/vocab/${vocab}.yaml 中选择 / "${word}" is not in the ${vocab} vocabulary`, guess ? `您是不是要写“${guess}”？/ did you mean ${guess}?` : undefined);
      });
    }
    if (s.region && !vocabId(content, 'regions', s.region))
      err(at('region'), where('region'), `地区编号“${s.region}”不在 content/vocab/regions.yaml 里 / unknown region "${s.region}"`);
    if (errors.length === before) sources.push(s);
  });
  return { sources, errors };
}

function vocabId(content: ContentSet, name: VocabName, word: string): string | undefined {
  const k = word.toLowerCase();
  return content.vocab[name].find((v) => [v.id, v.label, v.labelEn, ...v.aliases].some((x) => x && x.toLowerCase() === k))?.id;
}
