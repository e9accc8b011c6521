/**
 * Writes the share images (src/lib/views/share-images.ts) into the data-files folder, drawing only those
 * whose description changed: each PNG is kept in the build cache under the hash of its description
 * and the drawing version, and linked (or copied) into the output. A cold build at 10,000 events
 * draws every image once; the daily rebuild draws the new and changed ones. The PNG compression
 * (two thirds of an image's time) runs on libuv's threads while the next images are painted. Node-only.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SiteQuery } from '../../src/lib/content/query.ts';
import { shareImages, type ShareImage } from '../../src/lib/views/share-images.ts';
import { DRAW_VERSION, paintShareImage } from './draw-share-image.ts';

/** The cache folder: beside Astro's cache (KEPU_CACHE_DIR), kept between builds. */
export function shareImageCache(env = process.env): string {
  return join(resolve(env.KEPU_CACHE_DIR || 'node_modules/.astro'), 'kepu-share-images');
}

export function imageKey(img: ShareImage): string {
  return createHash('sha256').update(DRAW_VERSION).update('\0').update(JSON.stringify(img)).digest('hex').slice(0, 32);
}

/** Link (or copy) a cached image into the output; false when the cache lost it meanwhile. */
function placed(from: string, to: string): boolean {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
    return true;
  } catch {
    try {
      copyFileSync(from, to);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }
}

/** Images being encoded at once (each holds a copy of its pixels: up to ≈ 8 MB for a poster). */
const SLOTS = 3;

/** Keep a drawn image: in the output, and in the cache for the next build. */
function keep(target: string, cached: string, png: Buffer): void {
  writeFileSync(target, png);
  // The cache is only a cache: a failure to keep a copy (a full disk, a folder cleaned meanwhile) never fails the build.
  try {
    writeFileSync(`${cached}.tmp`, png);
    renameSync(`${cached}.tmp`, cached);
  } catch {
    /* drawn again next time */
  }
}

export async function writeShareImages(out: string, q: SiteQuery, today: string, url: string, cache = shareImageCache()): Promise<{ drawn: number; reused: number }> {
  mkdirSync(cache, { recursive: true });
  const used = new Set<string>();
  const made = new Set<string>();
  const slots: Promise<void>[] = Array.from({ length: SLOTS }, () => Promise.resolve());
  let drawn = 0;
  let reused = 0;
  for (const img of shareImages(q, today, url)) {
    const name = `${imageKey(img)}.png`;
    const cached = join(cache, name);
    used.add(name);
    const target = join(out, img.path.slice(1));
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    if (existsSync(cached) && placed(cached, target)) {
      reused++;
      continue;
    }
    const slot = drawn++ % SLOTS;
    await slots[slot];
    const job = paintShareImage(img).encode().then((png) => keep(target, cached, png));
    job.catch(() => {}); // awaited below or when its slot comes round: never an unhandled rejection
    slots[slot] = job;
  }
  await Promise.all(slots);
  // Forget images no page uses any more, so the cache does not grow with every edit.
  for (const f of existsSync(cache) ? readdirSync(cache) : []) if (!used.has(f)) rmSync(join(cache, f), { force: true });
  return { drawn, reused };
}
