/**
 * Line breaking for the share images (draw-share-image.ts): Chinese text wrapped by words, with
 * punctuation kept where Chinese typesetting wants it, measured with the canvas's font. Node-only.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';


const CLOSING = /^[，。、；：！？）》」』”’〉】…—,.;:!?)\]%·]+$/;
const OPENING = /[（《「『“‘〈【(\[]$/;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Pieces that may not be split: words (Intl.Segmenter's Chinese dictionary keeps 心肺复苏 together,
 * Latin words and numbers whole), with closing punctuation kept on the piece before it and opening
 * punctuation on the piece after it (no line starts with ， or ends with （).
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = out.length - 1;
    if (last >= 0 && (CLOSING.test(segment) || OPENING.test(out[last]!))) out[last] += segment;
    else out.push(segment);
  }
  return out;
}

/**
 * Widths of characters, per font: measureText lays the text out each time (≈ 0.1–0.5 ms a call), and
 * wrapping by measuring the growing line cost 14 ms a card; a piece's width is the sum of its
 * characters' (a few thousand distinct ones over a whole site). Kerning, left out of the sum, only
 * narrows Latin pairs; the column keeps 2 % spare for it.
 */
const widths = new Map<string, number>();
function widthOf(g: SKRSContext2D, s: string): number {
  let sum = 0;
  for (const ch of s) {
    const key = `${g.font}\0${ch}`;
    let w = widths.get(key);
    if (w === undefined) widths.set(key, (w = g.measureText(ch).width));
    sum += w;
  }
  return sum;
}

/** Wrap `text` into at most `maxLines` lines no wider than `width`; a cut shows as "…". */
export function wrap(g: SKRSContext2D, text: string, columnWidth: number, maxLines: number): string[] {
  if (maxLines < 1) return [];
  const width = columnWidth * 0.98;
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const push = () => {
    while (line.length && !line[line.length - 1]!.trim()) line.pop();
    if (line.length) lines.push(line);
    line = [];
    used = 0;
  };
  for (const p of pieces(text.replace(/\s+/g, ' ').trim())) {
    const w = widthOf(g, p);
    if (used + w <= width) {
      line.push(p);
      used += w;
      continue;
    }
    push();
    if (!p.trim()) continue;
    if (w <= width) {
      line.push(p);
      used = w;
      continue;
    }
    // A piece wider than a whole line (a long URL, a long run without breaks) is cut by characters.
    for (const ch of p) {
      const cw = widthOf(g, ch);
      if (used + cw > width) push();
      line.push(ch);
      used += cw;
    }
  }
  push();
  const out = lines.map((l) => l.join('').trimEnd());
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && widthOf(g, last + '…') > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.replace(/[，、；：\s]+$/, '') + '…';
  return kept;
}
