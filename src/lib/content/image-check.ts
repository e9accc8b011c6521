/**
 * Images in public/ are content too: contributors are told to put images in public/images/, and
 * whatever is there is published as is, on the site's own origin. An SVG with a script ran it
 * there (issue 17). So each image is checked by its bytes:
 *
 * - raster images (PNG, JPEG, GIF, WebP, AVIF, ICO) must be what their extension says (magic
 *   bytes), at most MAX_IMAGE_BYTES and MAX_IMAGE_SIDE pixels a side;
 * - SVG is **refused unless it is a plain drawing** — no script, no event handler, no
 *   foreignObject, no reference outside the file (href, url(), @import, stylesheets), no DOCTYPE or
 *   entities. We refuse rather than sanitise: a sanitised file would differ from the one in the
 *   pull request, and a reviewer should see exactly what is published (CONTRIBUTING.md §6).
 *
 * Pure: bytes in, a problem (message and line) out.
 */
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from './limits.ts';

export interface ImageProblem {
  line: number;
  message: string;
}

const RASTER: Record<string, (b: Uint8Array) => boolean> = {
  '.png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  '.jpg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  '.jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  '.gif': (b) => ascii(b, 0, 4) === 'GIF8',
  '.webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  '.avif': (b) => ascii(b, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 12)),
  '.ico': (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0,
};

export const IMAGE_EXTENSIONS = [...Object.keys(RASTER), '.svg'];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

/** Width and height from the header, where the format has them at a known place. */
function dimensions(ext: string, b: Uint8Array): [number, number] | undefined {
  if (ext === '.png' && b.length >= 24) return [u32be(b, 16), u32be(b, 20)];
  if (ext === '.gif' && b.length >= 10) return [b[6]! | (b[7]! << 8), b[8]! | (b[9]! << 8)];
  if (ext === '.jpg' || ext === '.jpeg') {
    // Walk the segments to the first start-of-frame marker (SOF0–SOF15 except DHT/JPG/DAC).
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return [u16be(b, i + 7), u16be(b, i + 5)];
      i += 2 + u16be(b, i + 2);
    }
  }
  return undefined;
}

/** Constructs that make an SVG more than a drawing. */
const SVG_ACTIVE: [RegExp, string][] = [
  [/<script\b/i, '<script>'],
  [/[\s"'/](?:[a-z-]+:)?on[a-z]+\s*=/i, '事件属性 on…= / an event handler'],
  [/<foreignObject\b/i, '<foreignObject>'],
  [/<!DOCTYPE|<!ENTITY/i, 'DOCTYPE/ENTITY'],
  [/<\?xml-stylesheet/i, 'xml-stylesheet'],
  [/(?:xlink:)?href\s*=\s*["']?\s*(?!#)[^\s"'>]/i, '外部链接 href / an external href'],
  [/\bsrc\s*=/i, 'src='],
  [/url\(\s*["']?\s*(?!#)/i, '外部 url() / an external url()'],
  [/@import/i, '@import'],
  [/javascript:|data:text\/html/i, 'javascript:'],
  [/<(?:iframe|embed|object|set|animate|handler|listener)\b/i, '<iframe>/<embed>/<object>/<set>/<animate>'],
];

function svgProblem(b: Uint8Array): ImageProblem | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return { line: 0, message: 'SVG 文件不是 UTF-8 文本 / the SVG is not UTF-8 text' };
  }
  if (!/<svg\b/i.test(text)) return { line: 0, message: '这不是 SVG 图片（没有 <svg>）/ not an SVG image' };
  for (const [re, what] of SVG_ACTIVE) {
    const m = re.exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      return {
        line,
        message: `SVG 里不能有脚本或外部引用（${what}），只接受纯图形；请导出为 PNG，或在编辑器里去掉它 / SVG images must be plain drawings: no scripts, event handlers or external references`,
      };
    }
  }
  return undefined;
}

/** The problem of one image file (path relative to public/, e.g. images/poster.png), if any. */
export function imageProblem(path: string, b: Uint8Array): ImageProblem | undefined {
  const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(ext))
    return { line: 0, message: `public/images/ 里只能放图片（${IMAGE_EXTENSIONS.join(' ')}）/ only images belong in public/images/` };
  if (b.length > MAX_IMAGE_BYTES)
    return { line: 0, message: `图片太大（${Math.round(b.length / 1024)} KB），不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB，请压缩后再提交 / image too large (limit ${MAX_IMAGE_BYTES / 1024 / 1024} MB)` };
  if (ext === '.svg') return svgProblem(b);
  if (!RASTER[ext]!(b)) return { line: 0, message: `文件内容不是 ${ext.slice(1).toUpperCase()} 图片（扩展名与内容不符）/ the file is not a ${ext.slice(1).toUpperCase()} image` };
  const size = dimensions(ext, b);
  if (size && (size[0] > MAX_IMAGE_SIDE || size[1] > MAX_IMAGE_SIDE))
    return { line: 0, message: `图片尺寸太大（${size[0]}×${size[1]}），每边不能超过 ${MAX_IMAGE_SIDE} 像素 / image larger than ${MAX_IMAGE_SIDE} px a side` };
  return undefined;
}
