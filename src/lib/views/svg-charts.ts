/**
 * Small static bar charts as SVG text, made at build time (issue 21: counts by topic and by day on a
 * campaign hub, no chart JavaScript). Every number is also in the page's text; the chart carries a
 * <title> and <desc> for screen readers. Pure; values are escaped.
 */
import { groupDigits as fmt } from '../group-digits.ts';

export interface Bar {
  label: string;
  value: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Horizontal bars, one row per item (labels at the left, values at the right of each bar). */
export function horizontalBars(bars: readonly Bar[], opts: { title: string; width?: number; row?: number; labelWidth?: number }): string {
  const width = opts.width ?? 560;
  const row = opts.row ?? 22;
  const labelWidth = opts.labelWidth ?? 120;
  const room = width - labelWidth - 70;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * row + 4;
  const rows = bars
    .map((b, i) => {
      const y = i * row + 2;
      const w = Math.max(b.value > 0 ? 1 : 0, Math.round((b.value / max) * room));
      return `<text x="${labelWidth - 6}" y="${y + row * 0.68}" text-anchor="end">${esc(b.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}" rx="2"/><text x="${labelWidth + w + 6}" y="${y + row * 0.68}">${fmt(b.value)}</text>`;
    })
    .join('');
  return `<svg class="kp-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${esc(opts.title)}</title><desc>${esc(bars.map((b) => `${b.label} ${b.value}`).join('，'))}</desc>${rows}</svg>`;
}

/** Vertical columns, one per item (a label under every `labelEvery`-th column), with the largest value marked. */
export function columns(bars: readonly Bar[], opts: { title: string; width?: number; height?: number; labelEvery?: number }): string {
  const width = opts.width ?? 560;
  const height = opts.height ?? 160;
  const every = opts.labelEvery ?? 5;
  const plot = height - 36;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = width / Math.max(1, bars.length);
  const cols = bars
    .map((b, i) => {
      const h = Math.max(b.value > 0 ? 1 : 0, Math.round((b.value / max) * plot));
      const x = Math.round(i * step + step * 0.15);
      // The last label ends at the edge instead of running past it.
      const last = i === bars.length - 1;
      const label = i % every === 0 || last ? `<text x="${last ? width : Math.round(x + step * 0.35)}" y="${height - 4}" text-anchor="${last ? 'end' : 'middle'}">${esc(b.label)}</text>` : '';
      return `<rect x="${x}" y="${18 + plot - h}" width="${Math.max(1, Math.round(step * 0.7))}" height="${h}" rx="1"><title>${esc(`${b.label}：${b.value}`)}</title></rect>${label}`;
    })
    .join('');
  return `<svg class="kp-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${esc(opts.title)}</title><desc>${esc(bars.map((b) => `${b.label} ${b.value}`).join('，'))}</desc><text x="0" y="12">最多 ${fmt(max)}</text>${cols}</svg>`;
}
