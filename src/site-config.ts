/**
 * One place for the site-wide settings: the public URL, build-time "today", and where submissions
 * and corrections go (a GitHub repository and a mail address). Read by astro.config.mjs and by the
 * routes; src/lib never reads these itself (it is passed the values).
 */
import { repoSlug } from './lib/contact.ts';
import { todayIn } from './lib/time/days.ts';

export const DEFAULT_SITE_URL = 'https://kepu.example.org';
/**
 * The mail address of the submit form and of 信息有误？ until KEPU_MAIL is set: a placeholder on a
 * reserved example domain (RFC 2606), so no mail ever reaches a stranger before it is configured.
 */
export const DEFAULT_SUBMIT_EMAIL = 'submit@kepu.example.org';

/** The public URL without a trailing slash, from SITE_URL. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** Where mailed submissions and corrections go: KEPU_MAIL, else the placeholder. */
export function submitEmail(env: Record<string, string | undefined> = process.env): string {
  const v = (env.KEPU_MAIL ?? '').trim();
  return /^[^\s@<>"(),;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(v) ? v : DEFAULT_SUBMIT_EMAIL;
}

/** The GitHub repository (`owner/name`) that forms and 信息有误？ open issues in: KEPU_REPO. */
export function siteRepo(env: Record<string, string | undefined> = process.env): string {
  return repoSlug(env.KEPU_REPO);
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
