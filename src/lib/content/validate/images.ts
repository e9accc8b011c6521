/**
 * Step 8: images. Every image in public/ passes src/lib/content/image-check.ts, and every image or link a
 * description points at under /images/ exists in public/images/ (image paths were never checked,
 * issue 17). Runs only when the caller passes the public files (Node: content-fs.ts); the browser
 * form has none to check. Pure.
 */
import { imageProblem } from '../image-check.ts';
import { maskLiterals } from '../markdown-safety.ts';
import type { AssetFile, Ctx, ShapedEntry } from './context.ts';

const INLINE = /\]\(\s*<?(\/images\/[^)\s>]*)/g;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?(\/images\/[^\s>]*)/gm;

function referencedImages(body: string): { url: string; offset: number }[] {
  const visible = maskLiterals(body);
  return [...visible.matchAll(INLINE), ...visible.matchAll(DEFINITION)].map((m) => ({ url: m[1]!, offset: m.index! }));
}

export function checkImages(ctx: Ctx, shaped: ShapedEntry[], assets: AssetFile[] | undefined, publicDir = 'public'): void {
  if (!assets) return;
  const present = new Set<string>();
  for (const a of assets) {
    const rel = a.path.slice(publicDir.length + 1);
    present.add(rel);
    const problem = imageProblem(rel, a.bytes);
    if (problem) ctx.err(a.path, problem.line, '', problem.message);
  }
  for (const { file, p } of shaped) {
    for (const { url, offset } of referencedImages(p.body)) {
      let rel: string;
      try {
        rel = decodeURIComponent(url.slice(1).split(/[?#]/)[0]!);
      } catch {
        continue; // a malformed URL: checkBody reports it
      }
      if (present.has(rel)) continue;
      const line = p.bodyLine + p.body.slice(0, offset).split('\n').length - 1;
      ctx.err(file, line, 'body', `找不到图片 ${url}：${publicDir}/${rel} 不存在，请把图片放进 ${publicDir}/images/ 或改正文件名 / image not found: ${publicDir}/${rel}`);
    }
  }
}
