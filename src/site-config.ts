/**
 * One place for the site's public URL and build-time "today". Read by astro.config.mjs and by the
 * routes; src/lib never reads these itself (it is passed the values).
 */
import { todayIn } from './lib/time/days.ts';

export const DEFAULT_SITE_URL = 'https://kepu.example.org';

/** The public URL without a trailing slash, from SITE_URL. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** The calendar date in China when the site is built; KEPU_TODAY=YYYY-MM-DD pins it (tests, rebuilds). */
export function buildToday(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  if (env.KEPU_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.KEPU_TODAY)) return env.KEPU_TODAY;
  return todayIn(now);
}

/**
 * Markdown options, one set for Astro (astro.config.mjs) and for descriptions rendered by the pages
 * (src/data/description.ts). No syntax highlighting: the sanitiser keeps no classes or styles.
 * GFM and smart punctuation are features of the processor (Astro 7 deprecates `markdown.gfm` and
 * `markdown.smartypants`): astro.config.mjs passes them to `satteri({ features })`.
 */
export const MARKDOWN_OPTIONS = { syntaxHighlight: false } as const;
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const;
