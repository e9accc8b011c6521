/**
 * Content Layer loader for every collection. All collections come from one validated read of the
 * content tree (src/lib/content/content-fs.ts → src/lib/content/validate.ts), so the site, `npm run validate` and the
 * tests see the same data and the same errors. Any error fails the build — Astro itself would only
 * log a broken reference.
 *
 * What goes into Astro's store is only each entry's id. The data reaches pages through getSite()
 * (src/data/site.ts), which reads the same validated content, and descriptions are rendered by the
 * pages themselves (src/data/description.ts). Why: Astro embeds the whole store in the server bundle
 * as one module; with every field in it, and later with only the rendered Markdown (108 MB at 50,000
 * events), that step dominated the build's time and memory at national scale (issue 9,
 * bench/README.md).
 *
 * `npm run build` validates once and hands the result to the Astro process as a snapshot file
 * (src/content/snapshot-fs.ts), so 50,000 files are not parsed twice; without it (astro dev) the
 * content tree is read and validated here.
 */
import type { Loader } from 'astro/loaders';
import { contentBudgetProblems } from '../lib/content/content-budget.ts';
import { contentRoot, loadContent } from '../lib/content/content-fs.ts';
import { formatError } from '../lib/content/errors.ts';
import type { ContentSet } from '../lib/content/model.ts';
import type { ValidationResult } from '../lib/content/validate.ts';
import { readContentSnapshot, SNAPSHOT_ENV } from './snapshot-fs.ts';

export { SNAPSHOT_ENV } from './snapshot-fs.ts';

const snapshots = new Map<string, ValidationResult>();

/**
 * The validated content: from the build's snapshot when there is one, else read and validated now.
 * A snapshot is checked against the budgets (src/lib/content/content-budget.ts) before any page is made;
 * without one, the validator applies them.
 */
export function validatedContent(env: Record<string, string | undefined> = process.env): ValidationResult {
  const path = env[SNAPSHOT_ENV];
  if (!path) return loadContent(contentRoot(env));
  let hit = snapshots.get(path);
  if (!hit) {
    hit = readContentSnapshot(path);
    const over = contentBudgetProblems(hit.content);
    if (over.length) throw new Error(`内容超出预算，未构建 / content over budget: ${over.slice(0, 3).join('; ')}`);
    snapshots.set(path, hit);
  }
  return hit;
}

type Part = keyof ContentSet;

export function kepuLoader(part: Part): Loader {
  return {
    name: `kepu-${part}`,
    load: async ({ store, logger }) => {
      const { content, errors, warnings } = validatedContent();
      if (errors.length > 0) {
        const lines = errors.map(formatError).join('\n');
        throw new Error(`内容有 ${errors.length} 个问题，无法构建（npm run validate 可单独检查）/ invalid content:\n${lines}`);
      }
      if (part === 'events' && warnings.length) logger.warn(warnings.map(formatError).join('\n'));
      const keep = new Set<string>();
      const ids = part === 'vocab' ? Object.keys(content.vocab) : (content[part] as { id: string }[]).map((x) => x.id);
      for (const id of ids) {
        keep.add(id);
        store.set({ id, data: { id } });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    },
  };
}
