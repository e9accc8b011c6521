/**
 * Content Layer loader for every collection. All collections come from one validated read of the
 * content tree (src/lib/content-fs.ts → src/lib/validate.ts), so the site, `npm run validate` and the
 * tests see the same data and the same errors. Any error fails the build — Astro itself would only
 * log a broken reference.
 *
 * What goes into Astro's store is only what pages `render()`: each entry's sanitised Markdown HTML.
 * The data itself reaches pages through getSite() (src/data/site.ts), which reads the same validated
 * content. Why: Astro embeds the whole store in the server bundle as one JSON string; with every
 * field and every Markdown body in it, that step grew faster than linearly and dominated memory at
 * national scale (issue 9, bench/README.md).
 *
 * `npm run build` validates once and hands the result to the Astro process as a snapshot file
 * (KEPU_CONTENT_SNAPSHOT), so 50,000 files are not parsed twice; without it (astro dev, a bare
 * `astro build`) the content tree is read and validated here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import { contentRoot, loadContent } from '../lib/content-fs.ts';
import { formatError } from '../lib/errors.ts';
import type { ContentSet } from '../lib/model.ts';
import { sanitizeRenderedHtml } from '../lib/sanitize.ts';
import type { ValidationResult } from '../lib/validate.ts';

/** Environment variable naming the validated-content snapshot written by scripts/build.ts. */
export const SNAPSHOT_ENV = 'KEPU_CONTENT_SNAPSHOT';

/**
 * Write a validation result as JSON lines: the first line holds everything but the events, then one
 * event per line (no single giant string at 50k events).
 */
export function writeContentSnapshot(path: string, result: ValidationResult): void {
  const { events, ...rest } = result.content;
  const lines = [JSON.stringify({ ...result, content: { ...rest, events: [] } })];
  for (const e of events) lines.push(JSON.stringify(e));
  writeFileSync(path, lines.join('\n') + '\n');
}

function readContentSnapshot(path: string): ValidationResult {
  const buf = readFileSync(path);
  let at = buf.indexOf(10);
  const result = JSON.parse(buf.toString('utf8', 0, at)) as ValidationResult;
  const events = result.content.events;
  while (at < buf.length - 1) {
    const next = buf.indexOf(10, at + 1);
    const end = next < 0 ? buf.length : next;
    if (end > at + 1) events.push(JSON.parse(buf.toString('utf8', at + 1, end)));
    at = end;
  }
  return result;
}

const snapshots = new Map<string, ValidationResult>();

/** The validated content: from the build's snapshot when there is one, else read and validated now. */
export function validatedContent(env: Record<string, string | undefined> = process.env): ValidationResult {
  const path = env[SNAPSHOT_ENV];
  if (!path) return loadContent(contentRoot(env));
  let hit = snapshots.get(path);
  if (!hit) snapshots.set(path, (hit = readContentSnapshot(path)));
  return hit;
}

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
      const { content, errors, warnings } = validatedContent();
      if (errors.length > 0) {
        const lines = errors.map(formatError).join('\n');
        throw new Error(`内容有 ${errors.length} 个问题，无法构建（npm run validate 可单独检查）/ invalid content:\n${lines}`);
      }
      if (part === 'events' && warnings.length) logger.warn(warnings.map(formatError).join('\n'));
      const keep = new Set<string>();
      // Only the id and the rendered body are stored (see the header); vocabularies have no body.
      const items: { id: string; body?: string }[] =
        part === 'vocab' ? Object.keys(content.vocab).map((id) => ({ id })) : (content[part] as { id: string; body?: string }[]);
      for (const { id, body } of items) {
        keep.add(id);
        const digest = generateDigest({ body: body ?? '', sanitizer: SANITIZER_PROBE });
        if (store.get(id)?.digest === digest) continue;
        const md = body && body.trim() ? await renderMarkdown(body) : undefined;
        const rendered = md ? { ...md, html: sanitizeRenderedHtml(md.html) } : undefined;
        store.set({ id, data: { id }, digest, ...(rendered ? { rendered } : {}) });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    },
  };
}
