import { createCanvas } from '@napi-rs/canvas';
import { INK, drawShareImage } from './lib/draw-share-image.ts';
import { pngPixels } from '../tests/helpers/png.ts';
const card = { path: '/x.png', format: 'card', tone: 'event', kicker: '科普日历 · 科普活动', title: '世界急救日公益培训：心肺复苏与AED使用', lines: ['2026年9月12日'], qr: 'https://kepu.example.org/events/x/', alt: 'x' } as const;
const d = drawShareImage(card as any);
const { width, height, rgba } = pngPixels(d.png);
const c = createCanvas(width, height); const g = c.getContext('2d'); g.lang = 'zh-CN'; g.fillStyle = '#fff'; g.fillRect(0, 0, width, height); g.fillStyle = INK;
for (const t of d.text.filter(t => t.role === 'title')) { g.font = t.font; g.fillText(t.text, t.x, t.y); }
const ref = g.getImageData(0, 0, width, height).data;
let bad = 0, max = 0, first = '';
for (const t of d.text.filter(t => t.role === 'title')) for (let y = Math.round(t.y - 58); y < Math.round(t.y + 17); y++) for (let x = t.x; x < d.qr.x - 20; x++) { const i = (y * width + x) * 4; const dd = Math.abs(rgba[i]! - ref[i]!); if (dd) { bad++; max = Math.max(max, dd); if (!first) first = `${x},${y} ${rgba[i]},${rgba[i+1]},${rgba[i+2]},${rgba[i+3]} vs ${ref[i]},${ref[i+1]},${ref[i+2]},${ref[i+3]}`; } }
console.log(bad, max, first, d.text.filter(t => t.role === 'title'), d.qr);
