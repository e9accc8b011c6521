/**
 * Writes the share images (src/lib/share-images.ts) into the data-files folder, drawing only those
 * whose description changed: each PNG is kept in the build cache under the hash of its description
 * and the drawing version, and linked (or copied) into the output. A cold build at 10,000 events
 * draws every image once; the daily rebuild draws the new and changed ones. Node-only.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SiteQuery } from '../../src/lib/query.ts';
import { shareImages, type ShareImage } from '../../src/lib/share-images.ts';
import { DRAW_VERSION, drawShareImage } from './draw-share-image.ts';

/** The cache folder: beside Astro's cache (KEPU_CACHE_DIR), kept between builds. */
export function shareImageCache(env = process.env): string {
  return join(resolve(env.KEPU_CACHE_DIR || 'node_modules/.astro'), 'kepu-share-images');
}

export function imageKey(img: ShareImage): string {
  return createHash('sha256').update(DRAW_VERSION).update('\0').update(JSON.stringify(img)).digest('hex').slice(0, 32);
}

function place(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export function writeShareImages(out: string, q: SiteQuery, today: string, url: string, cache = shareImageCache()): { drawn: number; reused: number } {
  mkdirSync(cache, { recursive: true });
  const used = new Set<string>();
  const made = new Set<string>();
  let drawn = 0;
  let reused = 0;
  for (const img of shareImages(q, today, url)) {
    const name = `${imageKey(img)}.png`;
    const cached = join(cache, name);
    if (existsSync(cached)) reused++;
    else {
      // Written aside and renamed: a file already linked into an earlier site never changes.
      writeFileSync(`${cached}.tmp`, drawShareImage(img).png);
      renameSync(`${cached}.tmp`, cached);
      drawn++;
    }
    used.add(name);
    const target = join(out, img.path.slice(1));
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    try {
      place(cached, target);
    } catch (e) {
      // The cache is only a cache: a file gone from it (cleaned by hand, a disk tool) is drawn again.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      writeFileSync(target, drawShareImage(img).png);
      drawn++;
    }
  }
  // Forget images no page uses any more, so the cache does not grow with every edit.
  for (const f of readdirSync(cache)) if (!used.has(f)) rmSync(join(cache, f), { force: true });
  return { drawn, reused };
}
