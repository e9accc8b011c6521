/**
 * The lists the /submit/ form offers (src/lib/submit-form.ts): ids and labels only, so the island's
 * props stay small; and the same lists turned back into content, so that the importer and the
 * validator check the new event's references against what the page knows.
 */
import { type ContentSet, emptyContent } from '../content/model.ts';
import { VOCABS, type VocabName } from '../content/schema.ts';
import type { SourceFile } from '../content/validate.ts';

export interface Choice {
  id: string;
  label: string;
  /** Nesting level in the regions list (北京市 0, 海淀区 1). */
  depth?: number;
}

export interface SubmitChoices {
  organizers: Choice[];
  venues: Choice[];
  observances: Choice[];
  campaigns: Choice[];
  topics: Choice[];
  audiences: Choice[];
  formats: Choice[];
  regions: Choice[];
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'zh-Hans-CN');

/** The lists the form offers, from the validated content. Discontinued observances are left out. */
export function submitChoices(content: ContentSet): SubmitChoices {
  const live = content.observances.filter((o) => o.endedYear === undefined);
  const parents = new Map(content.vocab.regions.map((r) => [r.id, r.parent]));
  const depth = (id: string) => {
    let d = 0;
    for (let p = parents.get(id); p && d < 5; p = parents.get(p)) d++;
    return d;
  };
  const vocab = (name: VocabName) => content.vocab[name].map((v) => ({ id: v.id, label: v.label }));
  return {
    organizers: content.organizers.map((o) => ({ id: o.id, label: o.shortName && o.shortName !== o.name ? `${o.name}（${o.shortName}）` : o.name })).sort(byLabel),
    venues: content.venues.map((v) => ({ id: v.id, label: v.name })).sort(byLabel),
    observances: live.filter((o) => o.kind !== 'campaign').map((o) => ({ id: o.id, label: o.name })).sort(byLabel),
    campaigns: live.filter((o) => o.kind === 'campaign').map((o) => ({ id: o.id, label: o.name })).sort(byLabel),
    topics: vocab('topics'),
    audiences: vocab('audiences'),
    formats: vocab('formats'),
    regions: content.vocab.regions.map((r) => ({ id: r.id, label: r.label, ...(depth(r.id) ? { depth: depth(r.id) } : {}) })),
  };
}

const CHOICE_LISTS = ['organizers', 'venues', 'observances', 'campaigns', 'topics', 'audiences', 'formats', 'regions'] as const;

/**
 * The choices as one compact string for the island's props (Astro wraps every prop value and
 * escapes every quote): a `#list` line per list, then `id<TAB>label[<TAB>depth]` lines. Ids and
 * labels are one-line texts (the schema refuses control characters), so tabs and newlines are free.
 */
export function encodeChoices(c: SubmitChoices): string {
  return CHOICE_LISTS.map((k) => [`#${k}`, ...c[k].map((x) => [x.id, x.label, ...(x.depth ? [x.depth] : [])].join('\t'))].join('\n')).join('\n');
}

export function decodeChoices(s: string): SubmitChoices {
  const out = Object.fromEntries(CHOICE_LISTS.map((k) => [k, [] as Choice[]])) as unknown as SubmitChoices;
  let list: Choice[] | undefined;
  for (const line of s.split('\n')) {
    if (line.startsWith('#')) list = out[line.slice(1) as keyof SubmitChoices];
    else if (line && list) {
      const [id = '', label = '', depth] = line.split('\t');
      list.push({ id, label, ...(depth ? { depth: Number(depth) } : {}) });
    }
  }
  return out;
}

/** The names mapRow matches ids against, from the page's choices (ids are all the form sends). */
export function choiceContent(c: SubmitChoices): ContentSet {
  const content = emptyContent();
  const entry = (x: Choice) => ({ id: x.id, name: x.label, aliases: [] as string[] });
  content.organizers = c.organizers.map(entry) as unknown as ContentSet['organizers'];
  content.venues = c.venues.map(entry) as unknown as ContentSet['venues'];
  content.observances = [...c.observances, ...c.campaigns].map(entry) as unknown as ContentSet['observances'];
  for (const name of VOCABS) content.vocab[name] = c[name].map((x) => ({ id: x.id, label: x.label, aliases: [] }));
  // Regions come in vocabulary order with their depth: each one's parent is the last shallower one
  // (so the region an address names is found as the importer finds it).
  const last: string[] = [];
  content.vocab.regions.forEach((r, i) => {
    const depth = c.regions[i]!.depth ?? 0;
    last[depth] = r.id;
    if (depth > 0 && last[depth - 1]) r.parent = last[depth - 1];
  });
  return content;
}

/**
 * Minimal valid files for what the new event names, so that `validateContent` checks its
 * references and vocabulary labels. JSON is YAML, so the stand-ins need no quoting rules.
 */
export function standInFiles(data: Record<string, unknown>, c: SubmitChoices, contentDir: string): SourceFile[] {
  const dir = contentDir.replace(/\/+$/, '');
  const has = (list: Choice[], id: unknown) => typeof id === 'string' && list.some((x) => x.id === id);
  // Each vocabulary holds only the known entries the event names: the validator's verdict is the
  // same (a label is known or not), and parsing whole vocabularies on every keystroke is slow.
  const files: SourceFile[] = [];
  for (const name of VOCABS) {
    const value = data[name === 'regions' ? 'region' : name];
    const words = new Set((Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => String(v).toLowerCase()));
    const entries = c[name].filter((x) => words.has(x.id.toLowerCase()) || words.has(x.label.toLowerCase()));
    if (entries.length) files.push({ path: `${dir}/vocab/${name}.yaml`, text: JSON.stringify(entries.map((x) => ({ id: x.id, label: x.label }))) });
  }
  if (has(c.organizers, data.organizer)) files.push({ path: `${dir}/organizers/${data.organizer}.yaml`, text: '{"name":"-","type":"other"}' });
  if (has(c.venues, data.venue)) files.push({ path: `${dir}/venues/${data.venue}.yaml`, text: '{"name":"-","type":"other","region":"x"}' });
  for (const id of new Set([data.observance, data.campaign])) {
    const kind = has(c.campaigns, id) ? 'campaign' : has(c.observances, id) ? 'day' : undefined;
    if (!kind) continue;
    const fm = { name: '-', kind, rule: { type: 'fixed', date: '01-01' }, authority: '-', level: 'national', source: { title: '-' } };
    files.push({ path: `${dir}/observances/${id}.md`, text: `---\n${JSON.stringify(fm)}\n---\n` });
  }
  return files;
}
