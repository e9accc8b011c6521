/**
 * Which encoding a file's bytes are in, for the validator and the importer. Content files are UTF-8
 * only: a file saved as GBK or UTF-16 passed before and was published as U+FFFD and mojibake
 * (issue 17). So the bytes are decoded strictly, and a file that is not UTF-8 is refused with the
 * encoding it seems to be in and the line of its first foreign byte. Pure (TextDecoder is in every
 * runtime; Node's full ICU has GB18030).
 */

export type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32' | 'GBK/GB18030' | 'UTF-8 + GBK/GB18030' | 'unknown';

export type Decoded =
  | { ok: true; text: string }
  /** `line`: 1-based line of the first byte that is not UTF-8. */
  | { ok: false; encoding: Encoding; line: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is UTF-8. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    if ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! > 0x9f) || (c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

/** Length of the prefix of `b` that does not end inside a multi-byte sequence (for reading in chunks). */
export function completePrefix(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? b.length - back : b.length;
  }
  return b.length;
}

export function hasUtf8MultiByte(b: Uint8Array, end: number): boolean {
  for (let i = 0; i + 2 < end; i++) if (b[i]! >= 0xe0 && b[i]! <= 0xef && (b[i + 1]! & 0xc0) === 0x80 && (b[i + 2]! & 0xc0) === 0x80) return true;
  return false;
}

export function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** UTF-16 without a BOM: every other byte of ASCII text is NUL. */
export function utf16Guess(b: Uint8Array): Encoding | undefined {
  const n = Math.min(b.length, 400) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) (b[i] === 0 && even++, b[i + 1] === 0 && odd++);
  if (n >= 4 && odd > n / 8 && even === 0) return 'UTF-16LE';
  if (n >= 4 && even > n / 8 && odd === 0) return 'UTF-16BE';
  return undefined;
}

/** What a byte string that is not UTF-8 seems to be. */
export function guessEncoding(b: Uint8Array, bad: number): Encoding {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  const wide = utf16Guess(b);
  if (wide) return wide;
  let gb = true;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(b);
  } catch {
    gb = false;
  }
  // UTF-8 Chinese before the first bad byte: one part was pasted from a GBK source.
  if (hasUtf8MultiByte(b, bad)) return gb || bad >= 0 ? 'UTF-8 + GBK/GB18030' : 'unknown';
  return gb ? 'GBK/GB18030' : 'unknown';
}

/** Decode strictly as UTF-8 (a BOM is dropped), or say what the bytes seem to be. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const wide = bytes[0] === 0xff || bytes[0] === 0xfe || utf16Guess(bytes);
  const bad = firstInvalidUtf8(bytes);
  if (!wide && bad < 0) return { ok: true, text: utf8.decode(bytes) };
  return { ok: false, encoding: guessEncoding(bytes, bad), line: bad < 0 ? 1 : lineAt(bytes, bad) };
}

/** The contributor's message for a file that is not UTF-8. */
export function encodingMessage(encoding: Encoding): string {
  if (encoding === 'UTF-8 + GBK/GB18030')
    return '这一行不是 UTF-8 编码（文件其余部分是 UTF-8，这里像是从 GBK/GB18030 文档粘贴的），请重新输入这一行并用 UTF-8 保存 / this line is not UTF-8 (it looks like GBK/GB18030 pasted into a UTF-8 file)';
  const found = encoding === 'unknown' ? '未知编码' : encoding;
  return `文件不是 UTF-8 编码（看起来是 ${found}），请在编辑器里选择“UTF-8”重新保存 / the file is not UTF-8 (it looks like ${encoding}): save it as UTF-8`;
}
