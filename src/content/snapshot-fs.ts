/**
 * Node-only: the validated-content snapshot. `npm run build` validates once (scripts/steps/
 * validate.ts) and hands the result to the pages, data-file and search steps as this file
 * (KEPU_CONTENT_SNAPSHOT), so 50,000 files are not parsed again in each process.
 *
 * Format: JSON lines. The first line holds the whole ValidationResult but the events, then one
 * event per line (no single giant string at 50k events).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { ValidationResult } from '../lib/content/validate.ts';

/** Environment variable naming the snapshot written by the build's validate step. */
export const SNAPSHOT_ENV = 'KEPU_CONTENT_SNAPSHOT';

/**
 * Written a few MB at a time: at 100,000 events the file is ≈ 280 MB, and one joined string of it
 * (encoded once more to write) took 8 s of the build's critical path.
 */
export function writeContentSnapshot(path: string, result: ValidationResult): void {
  const { events, ...rest } = result.content;
  const fd = openSync(path, 'w');
  try {
    let chunk = JSON.stringify({ ...result, content: { ...rest, events: [] } }) + '\n';
    for (const e of events) {
      chunk += JSON.stringify(e) + '\n';
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export function readContentSnapshot(path: string): ValidationResult {
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
