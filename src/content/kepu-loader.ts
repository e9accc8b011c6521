/**
 * Content Layer loader for every collection. All collections come from one validated read of the
 * content tree (src/lib/content-fs.ts → src/lib/validate.ts, memoised per process), so the site,
 * `npm run validate` and the tests see the same data and the same errors. Any error fails the build
 * — Astro itself would only log a broken reference.
 */
import type { Loader } from 'astro/loaders';
import { contentRoot, loadContent } from '../lib/content-fs.ts';
import { formatError } from '../lib/errors.ts';
import type { ContentSet } from '../lib/model.ts';
import { sanitizeRenderedHtml } from '../lib/sanitize.ts';

type Part = keyof ContentSet;

/**
 * The stored HTML is sanitised, so a cached entry must be re-rendered when the sanitiser's rules
 * change, not only when the file does: a fixed probe through the sanitiser goes into every digest.
 */
const SANITIZER_PROBE = sanitizeRenderedHtml(
  '<h1 id="x">h</h1><h2 id="footnote-label">f</h2><a href="#x">a</a><a href="javascript:x">j</a><img src="/images/a.png"><img src="https://e.example/a.png"><script>s</script><p style="x" class="y" onclick="z">p</p><br/>',
);

export function kepuLoader(part: Part): Loader {
  return {
    name: `kepu-${part}`,
    load: async ({ store, renderMarkdown, generateDigest, logger }) => {
      const { content, errors, warnings } = loadContent(contentRoot());
      if (errors.length > 0) {
        const lines = errors.map(formatError).join('\n');
        throw new Error(`内容有 ${errors.length} 个问题，无法构建（npm run validate 可单独检查）/ invalid content:\n${lines}`);
      }
      if (part === 'events' && warnings.length) logger.warn(warnings.map(formatError).join('\n'));
      const keep = new Set<string>();
      const items: { id: string; data: Record<string, unknown>; body?: string }[] =
        part === 'vocab'
          ? Object.entries(content.vocab).map(([id, list]) => ({ id, data: { id, entries: list } }))
          : // `body` stays in data too: feeds and search need its plain text.
            (content[part] as { id: string; body?: string }[]).map((data) => ({ id: data.id, data: data as Record<string, unknown>, body: data.body }));
      for (const { id, data, body } of items) {
        keep.add(id);
        const digest = generateDigest({ data, body: body ?? '', sanitizer: SANITIZER_PROBE });
        if (store.get(id)?.digest === digest) continue;
        const md = body && body.trim() ? await renderMarkdown(body) : undefined;
        const rendered = md ? { ...md, html: sanitizeRenderedHtml(md.html) } : undefined;
        store.set({ id, data, digest, ...(rendered ? { rendered } : {}) });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    },
  };
}
