/**
 * What the validator's steps share: the files as read, the errors collected so far, the content
 * being assembled and the ids seen. Every step takes a `Ctx` and adds to it; none stops the others,
 * so a contributor sees every problem at once. Pure.
 */
import type { ContentError } from '../errors.ts';
import type { Encoding } from '../encoding.ts';
import type { ParsedFile, ParseProblem } from '../frontmatter.ts';
import { type ContentSet, emptyContent } from '../model.ts';
import type { CollectionName } from '../schema.ts';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. content/events/2026/x.md */
  path: string;
  text: string;
  /** A symbolic link found in the tree (refused, never followed). */
  symlink?: boolean;
  /** The file or folder could not be read: the error code (EACCES, ENOENT …). */
  unreadable?: string;
  /** The bytes are not UTF-8: what they seem to be, and the line of the first foreign byte. */
  encoding?: { encoding: Encoding; line: number };
  /** The file already parsed as `kind` (src/lib/content/parse-parallel-fs.ts): used when read as that kind. */
  parsed?: { kind: 'markdown' | 'yaml'; result: ParsedFile | ParseProblem };
}

/** A file of public/ (an image contributors add), with its bytes. */
export interface AssetFile {
  /** Repository-relative path, e.g. public/images/poster.png */
  path: string;
  bytes: Uint8Array;
}

export interface ValidationResult {
  content: ContentSet;
  errors: ContentError[];
  warnings: ContentError[];
}

/** A content file whose YAML parsed: where it goes, and its data not yet checked. */
export interface ParsedEntry {
  coll: CollectionName;
  id: string;
  file: string;
  /** Folders between the collection's folder and the file (events: the year). */
  sub: string[];
  data: unknown;
  p: ParsedFile;
}

/** The same entry once its schema passed: `data` is the schema's output. */
export type ShapedEntry = Omit<ParsedEntry, 'data'> & { data: any };

export type Report = (file: string, line: number, field: string, message: string, hint?: string) => void;

export interface Ctx {
  /** `content` — the content root, relative, without a trailing slash. */
  contentDir: string;
  errors: ContentError[];
  /** Problems found in the raw text (e.g. a NUL in a comment), kept only for lines without another error. */
  rawErrors: ContentError[];
  content: ContentSet;
  ids: Record<CollectionName, Map<string, string>>;
  err: Report;
}

export function newContext(contentDir: string): Ctx {
  const errors: ContentError[] = [];
  return {
    contentDir: contentDir.replace(/\/+$/, ''),
    errors,
    rawErrors: [],
    content: emptyContent(),
    ids: { events: new Map(), observances: new Map(), organizers: new Map(), venues: new Map() },
    err: (file, line, field, message, hint) => errors.push({ file, line, field, message, ...(hint ? { hint } : {}) }),
  };
}
