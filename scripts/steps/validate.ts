/**
 * Build step 1: validate the content tree (CONTENT_DIR) and the images of public/, print every
 * problem on stdout, and write the validated-content snapshot the next steps read.
 *
 *   node scripts/steps/validate.ts <snapshot.jsonl>
 */
import { writeContentSnapshot } from '../../src/content/snapshot-fs.ts';
import { contentRoot, loadContentInParallel } from '../../src/lib/content/content-fs.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { childModule } from '../lib/child.ts';

export const validateStep = childModule(import.meta.url, 'validate', async ([snapshot]) => {
  const result = await loadContentInParallel(contentRoot());
  result.warnings.forEach((w) => console.log(formatError(w)));
  if (result.errors.length) {
    result.errors.forEach((e) => console.log(formatError(e)));
    throw new Error(`内容有 ${result.errors.length} 个问题，未构建（npm run validate 可单独检查）/ invalid content, nothing built`);
  }
  writeContentSnapshot(snapshot!, result);
});
