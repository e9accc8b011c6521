/**
 * Validate a whole content tree at once and normalise it. Pure: the caller reads the files
 * (content-fs.ts in Node, a File list in the browser) and passes their text in.
 *
 * Collects every problem (never stops at the first), one ContentError each, Chinese first. The
 * steps, each in its own module under validate/:
 *
 *   1. read-files   every file loaded or refused: encoding, size, folder, name, YAML, raw text
 *   2. vocab        exactly one file per vocabulary; the label → id look-up
 *   3. shape        each file against its schema; invisible characters; the description
 *   4. places       organizers and venues, names unique
 *   5. observances  rules within budget, dates per year
 *   6. events       dates and spans within budget, recurrence, references, vocabularies
 *   7. duplicates   the same activity twice
 *   8. images       public/ images safe; referenced images exist
 *
 * The budgets (years, spans, recurrences, sizes) live in src/lib/content/limits.ts.
 */
import { sortErrors } from './errors.ts';
import { type AssetFile, type Ctx, newContext, type SourceFile, type ValidationResult } from './validate/context.ts';
import { checkDuplicates } from './validate/duplicates.ts';
import { addEvents } from './validate/events.ts';
import { checkImages } from './validate/images.ts';
import { addObservances } from './validate/observances.ts';
import { addOrganizersAndVenues } from './validate/places.ts';
import { readFiles } from './validate/read-files.ts';
import { checkShapes } from './validate/shape.ts';
import { visibleControls } from './validate/text-checks.ts';
import { loadVocabularies, vocabResolver } from './validate/vocab.ts';

export type { AssetFile, SourceFile, ValidationResult } from './validate/context.ts';
export { nearDuplicates } from './validate/duplicates.ts';
export { suggest } from './validate/suggest.ts';
export { SOURCES_FILE } from './validate/read-files.ts';
export { MAX_FILE_BYTES, YEAR_MAX, YEAR_MIN } from './limits.ts';

export interface ValidateOptions {
  /** Files of public/ (images), with their bytes; when given, images are checked and references must exist. */
  assets?: AssetFile[];
  /** The public folder as the asset paths start, default `public`. */
  publicDir?: string;
}

export function validateContent(files: SourceFile[], contentDir = 'content', options: ValidateOptions = {}): ValidationResult {
  const ctx = newContext(contentDir);
  const read = readFiles(ctx, files);
  loadVocabularies(ctx, read);
  const shaped = checkShapes(ctx, read.entries);
  const vocab = vocabResolver(ctx);
  addOrganizersAndVenues(ctx, shaped, vocab);
  addObservances(ctx, shaped, vocab);
  addEvents(ctx, shaped, vocab);
  checkDuplicates(ctx);
  checkImages(ctx, shaped, options.assets, options.publicDir);
  return finish(ctx);
}

/**
 * Sorted, raw-text findings kept only where no other error names the same line, and every message
 * made printable: messages echo what a contributor wrote (values, file names); a line break or
 * terminal escape in them would forge extra lines in a CI log (`::error::…` workflow commands).
 */
function finish(ctx: Ctx): ValidationResult {
  const lines = new Set(ctx.errors.map((e) => `${e.file}:${e.line}`));
  const raw = ctx.rawErrors.filter((e) => !lines.has(`${e.file}:${e.line}`));
  const all = sortErrors([...ctx.errors, ...raw]).map(visibleControls);
  return { content: ctx.content, errors: all.filter((e) => e.severity !== 'warning'), warnings: all.filter((e) => e.severity === 'warning') };
}
