/**
 * Node-only: read an import file within the budget (src/lib/content/limits.ts) — issue 17 measured a
 * 1 000 000-row .xlsx running 47 s and 3 GB before "Maximum call stack size exceeded".
 *
 * - every file: at most MAX_IMPORT_BYTES, said in the error;
 * - CSV: read in 64 KB chunks — the encoding found in a first pass (the validator's rules, see
 *   import-table.ts importDecoding), the rows parsed in a second, stopping past MAX_IMPORT_ROWS —
 *   so memory does not grow with the file;
 * - .xlsx: the unpacked size of each sheet read from the zip's directory before anything is
 *   unpacked (a zip can hide a million rows in a few MB), then the rows counted;
 * - .ics: lines unfolded as bytes before decoding, so a fold inside a UTF-8 character (which RFC
 *   5545 allows clients to meet) does not become two U+FFFD.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { completePrefix, encodingMessage, firstInvalidUtf8, hasUtf8MultiByte, utf16Guess, type Encoding } from '../content/encoding.ts';
import { ImportLimitError, importDecoding } from './import-table.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_IMPORT_SHEET_BYTES } from '../content/limits.ts';

const MB = 1024 * 1024;

export function checkImportSize(file: string): void {
  const size = statSync(file).size;
  if (size > MAX_IMPORT_BYTES)
    throw new ImportLimitError(`文件太大（${(size / MB).toFixed(1)} MB），一次最多导入 ${MAX_IMPORT_BYTES / MB} MB，请分成几个文件 / file too large (${(size / MB).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / MB} MB)`);
}

export function tooManyRows(what: string): ImportLimitError {
  return new ImportLimitError(`${what}超过 ${MAX_IMPORT_ROWS} 行，一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件 / more than ${MAX_IMPORT_ROWS} rows (the limit is ${MAX_IMPORT_ROWS} rows)`);
}

/** First pass over a CSV: which decoder reads it, or the error naming the encoding and line. */
async function csvDecoding(file: string): Promise<string> {
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let first: Uint8Array | undefined;
  let sawUtf8 = false;
  let bad: number | undefined;
  const gb = new TextDecoder('gb18030', { fatal: true });
  let gbOk = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    first ??= chunk;
    if (gbOk) try { gb.decode(chunk, { stream: true }); } catch { gbOk = false; }
    if (bad !== undefined) continue;
    const b = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const end = completePrefix(b);
    const at = firstInvalidUtf8(b.subarray(0, end));
    if (at >= 0) {
      sawUtf8 ||= hasUtf8MultiByte(b, at);
      bad = line + b.subarray(0, at).filter((x) => x === 0x0a).length;
    } else {
      sawUtf8 ||= hasUtf8MultiByte(b, end);
      line += b.subarray(0, end).filter((x) => x === 0x0a).length;
    }
    carry = b.subarray(end);
  }
  if (bad === undefined && carry.length) bad = line;
  const wide = first && (first[0] === 0xff || first[0] === 0xfe ? (first[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE') : utf16Guess(first));
  const encoding: Encoding = wide ? (wide as Encoding) : bad === undefined ? 'UTF-8' : sawUtf8 ? 'UTF-8 + GBK/GB18030' : gbOk ? 'GBK/GB18030' : 'unknown';
  if (encoding === 'UTF-8') return 'utf-8';
  const whole = importDecoding(encoding);
  if (whole) return whole;
  throw new ImportLimitError(`第 ${bad ?? 1} 行：${encodingMessage(encoding)}`);
}

/** A CSV's rows, read in chunks, at most MAX_IMPORT_ROWS (+ a few title rows above the header). */
export async function readCsvRows(file: string): Promise<unknown[][]> {
  checkImportSize(file);
  const decoder = new TextDecoder(await csvDecoding(file));
  const rows: unknown[][] = [];
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  parser.on('data', (row: unknown[]) => rows.push(row));
  const done = new Promise<void>((ok, fail) => (parser.on('end', ok), parser.on('error', fail)));
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (rows.length > MAX_IMPORT_ROWS + 10) {
      parser.destroy();
      throw tooManyRows('表格');
    }
  }
  parser.end(decoder.decode());
  await done;
  if (rows.length > MAX_IMPORT_ROWS + 10) throw tooManyRows('表格');
  return rows;
}

/** The unpacked size of every sheet of an .xlsx, from the zip directory (nothing is unpacked). */
export async function checkXlsxSheets(file: string): Promise<Buffer> {
  checkImportSize(file);
  const bytes = readFileSync(file);
  const { unzipSync } = await import('fflate');
  let biggest = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (/^xl\/worksheets\/.*\.xml$/.test(f.name)) biggest = Math.max(biggest, f.originalSize);
        return false;
      },
    });
  } catch {
    throw new ImportLimitError('不是有效的 .xlsx 文件（可能已损坏），请在表格软件里重新另存为 .xlsx / not a valid .xlsx file');
  }
  if (biggest > MAX_IMPORT_SHEET_BYTES)
    throw new ImportLimitError(
      `工作表解压后有 ${(biggest / MB).toFixed(0)} MB（上限 ${MAX_IMPORT_SHEET_BYTES / MB} MB，约 ${MAX_IMPORT_ROWS} 行），请分成几个文件 / the sheet unpacks to ${(biggest / MB).toFixed(0)} MB (the limit is ${MAX_IMPORT_SHEET_BYTES / MB} MB, about ${MAX_IMPORT_ROWS} rows): split the file`,
    );
  return bytes;
}

/** RFC 5545 line unfolding on the bytes: CRLF (or LF) followed by a space or tab is removed. */
export function unfoldIcsBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0d && b[i + 1] === 0x0a && (b[i + 2] === 0x20 || b[i + 2] === 0x09)) i += 2;
    else if (b[i] === 0x0a && (b[i + 1] === 0x20 || b[i + 1] === 0x09)) i += 1;
    else out[n++] = b[i]!;
  }
  return out.subarray(0, n);
}
