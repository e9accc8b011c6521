/**
 * The share images' fonts (draw-share-image.ts), registered once per process. Node-only.
 *
 * Font: Noto Sans SC from @fontsource/noto-sans-sc (SIL OFL): its "chinese-simplified" file (7,900
 * characters with Latin, digits and punctuation) as the family named first, and its ~100
 * unicode-range files (the whole font) as the fallback for rarer characters. With only the ~100
 * files as one family, measuring a title took 2.1 ms (Skia searched the files glyph by glyph); with
 * the big file first, 0.1 ms. Glyphs are drawn as pixels, so nothing beyond what an image shows ends
 * up in it. Only registered fonts are named, and Skia's "portable" text renderer is the default: the
 * same pixels on every machine (a character Noto Sans SC lacks would come from an installed font).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

const REGULAR = 'Kepu Noto Sans SC';
const BOLD = 'Kepu Noto Sans SC Bold';
const EXT = ' Ext';

/** The CSS font of a size and weight: the common characters' file first, the whole font after it. */
export function fontOf(weight: 400 | 700, size: number): string {
  const family = weight === 700 ? BOLD : REGULAR;
  return `${size}px "${family}", "${family}${EXT}"`;
}

/** The font package's folder (its version is part of every cached image's key). */
export const FONT_PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc'));
const fontDir = join(FONT_PACKAGE_DIR, 'files');

let registered = false;
export function registerFonts(): void {
  if (registered) return;
  for (const [weight, family] of [[400, REGULAR], [700, BOLD]] as const) {
    const files = readdirSync(fontDir).filter((f) => new RegExp(`^noto-sans-sc-(\\d+|latin)-${weight}-normal\\.woff$`).test(f));
    const main = `noto-sans-sc-chinese-simplified-${weight}-normal.woff`;
    if (!files.length || !readdirSync(fontDir).includes(main)) throw new Error(`找不到字体文件 / no font files in ${fontDir}`);
    GlobalFonts.registerFromPath(join(fontDir, main), family);
    for (const f of files) GlobalFonts.registerFromPath(join(fontDir, f), family + EXT);
  }
  registered = true;
}
