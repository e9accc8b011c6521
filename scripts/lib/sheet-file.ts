/**
 * An .xlsx download (src/lib/views/data-files.ts `sheetFiles`) as bytes, the same bytes on every build.
 * write-excel-file zips with fflate, which stamps each entry with the current time; the zip is
 * written again by fflate with one fixed stamp so a build with unchanged content changes no byte
 * (tests/site/determinism.test.ts). `new Date(2000, 0, 1)` is local midnight, and fflate writes
 * local fields, so the stamp is the same under any TZ.
 */
import writeXlsxFile from 'write-excel-file/node';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { SheetFile } from '../../src/lib/views/data-files.ts';

const STAMP = new Date(2000, 0, 1);

export async function sheetFileBytes(f: SheetFile): Promise<Uint8Array> {
  // Text cells (format @): Excel keeps 2026-09-12 and 06-06 as written instead of turning them into numbers.
  const cells = f.rows.map((row, i) => row.map((value) => (i === 0 ? { value, fontWeight: 'bold' as const } : { value, type: String, format: '@' })));
  const columns = f.widths.map((width) => ({ width }));
  const made = await writeXlsxFile(cells as never, { sheet: f.sheet, columns, stickyRowsCount: 1 }).toBuffer();
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(made)))) entries[name] = [data, { mtime: STAMP }];
  return zipSync(entries);
}
