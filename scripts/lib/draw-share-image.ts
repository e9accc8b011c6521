/**
 * Draws one share image (src/lib/views/share-images.ts) to PNG. Node-only.
 *
 * Renderer: @napi-rs/canvas (Skia, prebuilt per platform as optional npm packages: nothing to
 * compile, no browser). Measured here against satori + @resvg/resvg-js for the same 1200×630 card:
 * satori + resvg ≈ 44 ms of CPU a card (plus ≈ 2 s to parse the font in each process); Skia ≈ 7–9 ms
 * in all, ≈ 3.5 ms of it the PNG encoding (zlib level 3, no row filters) — the difference between
 * seconds and minutes at a thousand event cards. A poster (1080×1920, zlib level 6) ≈ 40 ms.
 *
 * The fonts and their registration: share-fonts.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, PngFilter, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { CARD_SIZE, POSTER_SIZE, type ShareImage, type ShareTone } from '../../src/lib/views/share-images.ts';
import { FONT_PACKAGE_DIR, fontOf, registerFonts } from './share-fonts.ts';
import { wrap } from './share-text.ts';

export { fontOf, wrap };

/**
 * Part of every cached image's key: the drawing code's own text (this file, its fonts and its line
 * breaking: any change redraws every image), the font package's version and the renderer's.
 */
export const DRAW_VERSION = createHash('sha256')
  .update(readFileSync(import.meta.filename))
  .update(readFileSync(join(import.meta.dirname, 'share-fonts.ts')))
  .update(readFileSync(join(import.meta.dirname, 'share-text.ts')))
  .update(JSON.parse(readFileSync(join(FONT_PACKAGE_DIR, 'package.json'), 'utf8')).version)
  .update(JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@napi-rs/canvas')), 'package.json'), 'utf8')).version)
  .digest('hex')
  .slice(0, 16);

const TONES: Record<ShareTone, { main: string; soft: string }> = {
  event: { main: '#0b5cad', soft: '#eef4fb' },
  listing: { main: '#0b5cad', soft: '#eef4fb' },
  observance: { main: '#6b3fa0', soft: '#f4effa' },
  campaign: { main: '#8a3a0c', soft: '#fcf1e7' },
};
export const INK = '#1b1f24';
const MUTED = '#4f5863';

/** One line of text as drawn: what the tests read back (the image's text layer). */
export interface DrawnText {
  role: 'kicker' | 'banner' | 'title' | 'line' | 'body' | 'caption' | 'footer';
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  /** CSS font shorthand used. */
  font: string;
}

export interface DrawnImage {
  png: Buffer;
  width: number;
  height: number;
  text: DrawnText[];
  /** Where the QR code is, in pixels (quiet zone included). */
  qr: { x: number; y: number; size: number };
}

// ---------------------------------------------------------------------------------------------
// drawing
// ---------------------------------------------------------------------------------------------

interface Layout {
  width: number;
  height: number;
  margin: number;
  band: number;
  kicker: number;
  title: { size: number; lineHeight: number; maxLines: number };
  line: { size: number; lineHeight: number };
  body: { size: number; lineHeight: number; maxLines: number };
  /** The text column's width. */
  textWidth: number;
  qr: { size: number; x: number; y: number; caption: number };
  footer: number;
}

function layoutOf(img: ShareImage): Layout {
  if (img.format === 'card') {
    const { width, height } = CARD_SIZE;
    const margin = 64;
    const qrSize = 264;
    return {
      width, height, margin, band: 14, kicker: 30,
      title: { size: 58, lineHeight: 76, maxLines: 3 },
      line: { size: 32, lineHeight: 50 },
      body: { size: 0, lineHeight: 0, maxLines: 0 },
      textWidth: width - 2 * margin - qrSize - 40,
      qr: { size: qrSize, x: width - margin - qrSize, y: 120, caption: 26 },
      footer: 26,
    };
  }
  const { width, height } = POSTER_SIZE;
  const margin = 88;
  const qrSize = 420;
  return {
    width, height, margin, band: 28, kicker: 42,
    title: { size: 100, lineHeight: 132, maxLines: 4 },
    line: { size: 46, lineHeight: 72 },
    body: { size: 38, lineHeight: 64, maxLines: 7 },
    textWidth: width - 2 * margin,
    qr: { size: qrSize, x: (width - qrSize) / 2, y: height - 150 - qrSize - 70, caption: 40 },
    footer: 34,
  };
}

/** The QR code as black squares on a white field with a four-module quiet zone, pixel-aligned. */
function drawQr(g: SKRSContext2D, url: string, x: number, y: number, size: number): { x: number; y: number; size: number } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = Math.floor(size / (n + 8));
  const full = cell * (n + 8);
  const ox = Math.round(x + (size - full) / 2);
  const oy = Math.round(y + (size - full) / 2);
  g.fillStyle = '#ffffff';
  g.fillRect(ox, oy, full, full);
  g.fillStyle = '#000000';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (modules.get(r, c)) g.fillRect(ox + (c + 4) * cell, oy + (r + 4) * cell, cell, cell);
  }
  return { x: ox, y: oy, size: full };
}

/**
 * One canvas per size, reused: a new 8 MB poster canvas per image left the native memory to the
 * garbage collector, and the process grew to 2.4 GB over a thousand images. `encode` copies the
 * pixels before it returns, so the next image can be painted while one is encoded (tests/unit/share.test.ts).
 */
const canvases = new Map<string, Canvas>();
function canvasFor(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let c = canvases.get(key);
  if (!c) {
    c = createCanvas(width, height);
    const g = c.getContext('2d');
    g.lang = 'zh-CN';
    g.textBaseline = 'alphabetic';
    canvases.set(key, c);
  }
  return c;
}

/** What the drawing steps share: the canvas, the layout, the colours, and the text drawn so far. */
interface Pen {
  g: SKRSContext2D;
  L: Layout;
  tone: (typeof TONES)[ShareTone];
  text: DrawnText[];
  say: (role: DrawnText['role'], s: string, x: number, y: number, font: string, color: string) => void;
}

const regular = (size: number) => fontOf(400, size);
const bold = (size: number) => fontOf(700, size);

/** Kicker, the status banner (取消/延期) and the title; returns where the text reached. */
function drawHead(p: Pen, img: ShareImage): number {
  const { g, L, tone, say } = p;
  let y = L.band + L.kicker * 2.4;
  say('kicker', img.kicker, L.margin, y, bold(L.kicker), tone.main);
  y += L.kicker * 0.9;
  if (img.banner) {
    g.font = bold(L.line.size);
    const w = g.measureText(img.banner).width + L.line.size;
    g.fillStyle = '#9b1c1c';
    g.fillRect(L.margin, y + L.line.size * 0.35, w, L.line.size * 1.5);
    say('banner', img.banner, L.margin + L.line.size / 2, y + L.line.size * 1.45, bold(L.line.size), '#ffffff');
    y += L.line.size * 1.9;
  }
  g.font = bold(L.title.size);
  y += L.title.lineHeight * 0.2;
  // A card with a banner has one title line less, so that three facts still fit above the footer.
  const titleLines = img.banner && img.format === 'card' ? L.title.maxLines - 1 : L.title.maxLines;
  for (const line of wrap(g, img.title, L.textWidth, titleLines)) {
    y += L.title.lineHeight;
    say('title', line, L.margin, y, bold(L.title.size), INK);
  }
  return y + L.line.lineHeight * 0.35;
}

/** The facts (the first, the date, bold in the image's colour; a poster lets one take two lines), then the body. */
function drawFacts(p: Pen, img: ShareImage, from: number, footerY: number): void {
  const { g, L, tone, say } = p;
  let y = from;
  img.lines.forEach((fact, i) => {
    const font = i === 0 ? bold(L.line.size) : regular(L.line.size);
    g.font = font;
    for (const line of wrap(g, fact, L.textWidth, img.format === 'card' ? 1 : 2)) {
      if (img.format === 'card' && y + L.line.lineHeight > footerY - L.footer * 1.3) return;
      y += L.line.lineHeight;
      say('line', line, L.margin, y, font, i === 0 ? tone.main : INK);
    }
  });
  if (!img.body || !L.body.maxLines) return;
  y += L.body.lineHeight * 0.6;
  g.font = regular(L.body.size);
  const room = Math.floor((L.qr.y - 40 - y) / L.body.lineHeight);
  for (const line of wrap(g, img.body, L.textWidth, Math.min(L.body.maxLines, room))) {
    y += L.body.lineHeight;
    say('body', line, L.margin, y, regular(L.body.size), MUTED);
  }
}

/** The QR code on a soft panel with its caption: right of the text on a card, centred low on a poster. */
function drawQrPanel(p: Pen, img: ShareImage): DrawnImage['qr'] {
  const { g, L, tone, say } = p;
  const pad = img.format === 'card' ? 12 : 24;
  const caption = img.format === 'card' ? '扫码查看' : '扫码查看详情 · 订阅到手机日历';
  g.font = regular(L.qr.caption);
  const panel = Math.max(L.qr.size + 2 * pad, g.measureText(caption).width + 2 * pad);
  g.fillStyle = tone.soft;
  g.fillRect(L.qr.x + L.qr.size / 2 - panel / 2, L.qr.y - pad, panel, L.qr.size + 2 * pad + L.qr.caption * 1.9);
  const qr = drawQr(g, img.qr, L.qr.x, L.qr.y, L.qr.size);
  say('caption', caption, L.qr.x + (L.qr.size - g.measureText(caption).width) / 2, L.qr.y + L.qr.size + L.qr.caption * 1.3, regular(L.qr.caption), MUTED);
  return qr;
}

/** An image painted on its size's canvas, to be encoded as PNG (on libuv's threads with `encode`). */
export interface PaintedImage extends Omit<DrawnImage, 'png'> {
  encode(): Promise<Buffer>;
  encodeSync(): Buffer;
}

export function drawShareImage(img: ShareImage): DrawnImage {
  const { encode: _, encodeSync, ...drawn } = paintShareImage(img);
  return { png: encodeSync(), ...drawn };
}

/** Paint an image; `encode` or `encodeSync` it before the next one is painted. */
export function paintShareImage(img: ShareImage): PaintedImage {
  registerFonts();
  const L = layoutOf(img);
  const canvas = canvasFor(L.width, L.height);
  const g = canvas.getContext('2d');
  const text: DrawnText[] = [];
  const pen: Pen = {
    g, L, tone: TONES[img.tone], text,
    say: (role, s, x, y, font, color) => {
      g.font = font;
      g.fillStyle = color;
      g.fillText(s, x, y);
      text.push({ role, text: s, x, y, font });
    },
  };
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, L.width, L.height);
  g.fillStyle = pen.tone.main;
  g.fillRect(0, 0, L.width, L.band);

  const footerY = L.height - L.footer * (img.format === 'card' ? 1.4 : 2.2);
  drawFacts(pen, img, drawHead(pen, img), footerY);
  const qr = drawQrPanel(pen, img);
  pen.say('footer', `科普日历 · ${new URL(img.qr).host}`, L.margin, footerY, regular(L.footer), MUTED);

  // No row filters (text on flat colour compresses better without them). Cards at zlib level 3:
  // ≈ 3.5 ms and ≈ 60 KB (level 6: 9 ms, 43 KB; every filter at level 6: 22 ms, 59 KB). The ≈ 100
  // posters at level 6: ≈ 25 ms and ≈ 140 KB (level 3: 185 KB, too near the 200 KB limit).
  // The title and the alt text ride along as PNG text chunks (iTXt): what the image says, in words.
  const options = { compressionLevel: img.format === 'card' ? 3 : 6, filters: PngFilter.None, title: img.title, description: img.alt };
  return { width: L.width, height: L.height, text, qr, encode: () => canvas.encode('png', options), encodeSync: () => canvas.encodeSync('png', options) };
}
