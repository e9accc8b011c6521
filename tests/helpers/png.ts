/**
 * Reading PNG files the way an independent client does: the header's size, the iTXt text chunks,
 * the pixels (fast-png, a decoder that has nothing to do with the renderer), and any QR code in
 * them (jsQR, the decoder web scanners use).
 */
import { decode } from 'fast-png';
import jsQR from 'jsqr';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(SIGNATURE);
}

/** Width and height from the IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The uncompressed iTXt chunks: keyword → text. */
export function pngText(bytes: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let at = 8; at < bytes.length; ) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'iTXt') {
      const k = data.indexOf(0);
      const compressed = data[k + 1];
      // keyword \0 flag method language \0 translated \0 text
      const lang = data.indexOf(0, k + 3);
      const translated = data.indexOf(0, lang + 1);
      if (!compressed) out[data.toString('latin1', 0, k)] = data.subarray(translated + 1).toString('utf8');
    }
    at += 12 + len;
  }
  return out;
}

/** RGBA pixels. */
export function pngPixels(bytes: Buffer): { width: number; height: number; rgba: Uint8ClampedArray } {
  const img = decode(bytes);
  const { width, height, channels } = img;
  const src = img.data as Uint8Array;
  if (channels === 4 && img.depth === 8) return { width, height, rgba: new Uint8ClampedArray(src.buffer, src.byteOffset, src.length) };
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = src[i * channels + (channels >= 3 ? c : 0)]!;
    rgba[i * 4 + 3] = channels === 4 || channels === 2 ? src[i * channels + channels - 1]! : 255;
  }
  return { width, height, rgba };
}

/** The text of the QR code in a PNG, or undefined. */
export function decodeQr(bytes: Buffer): string | undefined {
  const { width, height, rgba } = pngPixels(bytes);
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data;
}
