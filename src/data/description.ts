/**
 * The HTML of a description — an event's or observance's Markdown body — made when its page is
 * rendered: Astro's own Markdown processor (@astrojs/markdown-satteri, with the site's options from
 * src/site-config.ts), then the sanitiser (src/lib/content/sanitize.ts).
 *
 * Why not Astro's content store (`render(entry)`): Astro embeds the whole store in the server bundle
 * as one module. At 50,000 events that module was 108 MB of source, bundled, parsed and held
 * for the whole build: 43 s of the page build and 850 MB of its memory (issue 9, bench/README.md),
 * while rendering and sanitising the same 50,000 bodies here takes ≈ 4.4 s.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { sanitizeRenderedHtml } from '../lib/content/sanitize.ts';
import { MARKDOWN_FEATURES, MARKDOWN_OPTIONS } from '../site-config.ts';

let renderer: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;

/** Sanitised HTML of a Markdown body, or undefined when there is no text. */
export async function descriptionHtml(body: string | undefined): Promise<string | undefined> {
  if (!body || !body.trim()) return undefined;
  renderer ??= createSatteriMarkdownProcessor({ ...MARKDOWN_OPTIONS, features: { ...MARKDOWN_FEATURES } });
  const { code } = await (await renderer).render(body, { frontmatter: {} });
  return sanitizeRenderedHtml(code);
}
