/**
 * The site's data, read once per build and indexed by src/lib/content/query.ts. Every page calls getSite();
 * nothing else reads content.
 *
 * The data comes from the validated content itself (the build's snapshot, or the content tree read
 * and validated in this process — see src/content/kepu-loader.ts), not from Astro's store, which
 * keeps only ids so that it stays small at 50,000 events. Descriptions: src/data/description.ts.
 */
import { validatedContent } from '../content/kepu-loader.ts';
import type { ContentSet } from '../lib/content/model.ts';
import { buildQuery, type SiteQuery } from '../lib/content/query.ts';
import { buildToday, siteUrl } from '../site-config.ts';

export interface Site {
  q: SiteQuery;
  /** Calendar date (Asia/Shanghai) the build considers "today". */
  today: string;
  /** Public URL without trailing slash. */
  url: string;
}

let cached: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Site> {
  const { content: validated, errors } = validatedContent();
  // The loader has already refused invalid content; this guards a page rendered without it.
  if (errors.length) throw new Error(`内容有 ${errors.length} 个问题 / invalid content (npm run validate)`);
  const content: ContentSet = { ...validated, vocab: { ...validated.vocab } };
  for (const k of ['topics', 'audiences', 'formats', 'regions'] as const) content.vocab[k] ??= [];
  return { q: buildQuery(content), today: buildToday(), url: siteUrl() };
}
