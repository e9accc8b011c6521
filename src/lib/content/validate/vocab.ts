/**
 * Step 2: the vocabularies (topics, audiences, formats, regions) — exactly one file each, directly
 * in content/vocab/ (a second topics.yml, or one in a subfolder, silently replaced the real one
 * before, issue 17) — and the look-up every later step uses: label, id, English label or alias →
 * id, with the nearest label suggested on a miss. Pure.
 */
import { type ParsedFile } from '../frontmatter.ts';
import { VOCABS, type VocabName, vocabFileSchema } from '../schema.ts';
import { zodIssueMessage } from '../zod-messages.ts';
import type { Ctx } from './context.ts';
import type { ReadResult } from './read-files.ts';
import { suggest } from './suggest.ts';
import { controlCharMessage, controlCharsIn, isReported } from './text-checks.ts';

const VOCAB_LABEL: Record<VocabName, string> = { topics: '主题', audiences: '面向人群', formats: '形式', regions: '地区' };

export function loadVocabularies(ctx: Ctx, read: ReadResult): void {
  const seen = new Map<VocabName, string>();
  for (const { name, file, p } of read.vocab) {
    const first = seen.get(name);
    if (first) {
      ctx.err(file, 0, '', `词表“${name}”已经在 ${first} 里，每个词表只能有一个文件，请合并后删除这个 / only one file per vocabulary: ${first} already defines ${name}`);
      continue;
    }
    seen.set(name, file);
    const r = vocabFileSchema.safeParse(p.data, { reportInput: true });
    const reported = new Set<string>();
    if (!r.success) {
      for (const iss of r.error.issues) {
        reported.add(iss.path.join('.'));
        ctx.err(file, p.lineOf(iss.path), iss.path.join('.'), zodIssueMessage(iss, []));
      }
    }
    const controls = controlCharsIn(p.data).filter(([path]) => !isReported(reported, path));
    for (const [path, ch] of controls) ctx.err(file, p.lineOf(path), path.join('.'), controlCharMessage(ch));
    if (r.success && !controls.length) ctx.content.vocab[name] = r.data;
  }
}

export type Resolver = {
  /** Values (label, id or alias) → vocabulary ids; unknown values are reported. */
  resolve(name: VocabName, values: string[], file: string, p: ParsedFile, field: string): string[];
  region(v: string | undefined, file: string, p: ParsedFile, field: string): string | undefined;
};

export function vocabResolver(ctx: Ctx): Resolver {
  const index = {} as Record<VocabName, Map<string, string>>;
  for (const name of VOCABS) {
    const m = new Map<string, string>();
    for (const v of ctx.content.vocab[name]) {
      for (const key of [v.id, v.label, v.labelEn, ...v.aliases]) if (key) m.set(key.toLowerCase(), v.id);
    }
    index[name] = m;
  }
  const resolve: Resolver['resolve'] = (name, values, file, p, field) => {
    const out: string[] = [];
    values.forEach((v, i) => {
      const id = index[name].get(v.toLowerCase());
      if (id) {
        if (!out.includes(id)) out.push(id);
        return;
      }
      const labels = ctx.content.vocab[name].map((x) => x.label);
      const guess = suggest(v, labels);
      ctx.err(
        file,
        p.lineOf([field, i]),
        field,
        `“${v}”不在${VOCAB_LABEL[name]}词表里，请从 content/vocab/${name}.yaml 中选择 / "${v}" is not in the ${name} vocabulary`,
        guess ? `您是不是要写“${guess}”？/ did you mean ${guess}?` : labels.length ? `可选：${labels.slice(0, 12).join('、')}${labels.length > 12 ? '…' : ''}` : undefined,
      );
    });
    return out;
  };
  return { resolve, region: (v, file, p, field) => (v === undefined ? undefined : resolve('regions', [v], file, p, field)[0]) };
}
