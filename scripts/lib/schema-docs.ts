/**
 * The contributors' field guide, read from the schema's source text: every field's one JSDoc line
 * in src/lib/content/schema.ts and the modules of src/lib/content/schema/. npm run schemas (scripts/json-schemas.ts)
 * puts these lines into the JSON Schemas and CONTRIBUTING.md; reading source text is a concern of
 * its own, apart from turning zod into JSON Schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The schema's entry point; its parts are the modules in SCHEMA_DIR. */
export const SCHEMA_SOURCE = 'src/lib/content/schema.ts';
export const SCHEMA_DIR = 'src/lib/content/schema';

/** The schema's source files, repository-relative: the entry point, then every part in name order. */
export function schemaSourceFiles(root = ROOT): string[] {
  const parts = readdirSync(root + SCHEMA_DIR).filter((f) => f.endsWith('.ts')).sort();
  return [SCHEMA_SOURCE, ...parts.map((f) => `${SCHEMA_DIR}/${f}`)];
}

/** The text of every schema source file, in schemaSourceFiles order. */
export function readSchemaSources(root = ROOT): string[] {
  return schemaSourceFiles(root).map((f) => readFileSync(root + f, 'utf8'));
}

export interface DocBlock {
  /** Field → its JSDoc line, for one z.strictObject({ … }) literal. */
  docs: Map<string, string>;
  /** For members of a discriminated union: the value of `type: z.literal('…')`. */
  literal?: string;
}

/**
 * Each `z.strictObject({` / `z.object({` opens a block; a `/** … *\/` line directly above
 * `key:` documents that key in the innermost block whose keys sit at that indentation.
 * The schema keeps one JSDoc line per field, so a line scanner is enough (and a test checks that
 * every generated property found its description). Read each file on its own: blocks do not
 * continue from one file into the next.
 */
export function extractFieldDocs(source: string): DocBlock[] {
  const blocks: (DocBlock & { indent: number })[] = [];
  const stack: (DocBlock & { indent: number })[] = [];
  let pending: string | undefined;
  for (const line of source.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const t = line.trim();
    const doc = /^\/\*\*\s*(.*?)\s*\*\/$/.exec(t);
    if (doc) {
      pending = doc[1];
      continue;
    }
    const key = /^([A-Za-z_$][\w$]*)\s*:/.exec(t);
    if (key) {
      while (stack.length && stack[stack.length - 1]!.indent > indent) stack.pop();
      const top = stack[stack.length - 1];
      if (top && top.indent === indent) {
        if (pending) top.docs.set(key[1]!, pending);
        const lit = /^type:\s*z\.literal\(['"]([^'"]+)['"]\)/.exec(t);
        if (lit) top.literal = lit[1];
      }
    }
    pending = undefined;
    if (/z\.(?:strict)?[oO]bject\(\{\s*$/.test(t)) {
      const b = { docs: new Map<string, string>(), indent: indent + 2 };
      blocks.push(b);
      stack.push(b);
    }
  }
  return blocks.map(({ docs, literal }) => ({ docs, ...(literal ? { literal } : {}) }));
}
