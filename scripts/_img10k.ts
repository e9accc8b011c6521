import { rmSync } from 'node:fs';
import { getSite } from '../src/data/site.ts';
import { writeShareImages } from './lib/write-share-images.ts';
const { q, today, url } = await getSite();
const cache = '/tmp/kepu-img-cache', out = '/tmp/kepu-img-out';
rmSync(cache, { recursive: true, force: true });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const label of ['cold', 'warm']) {
  rmSync(out, { recursive: true, force: true });
  const a = cpu(), w = performance.now();
  const r = writeShareImages(out, q, today, url, cache);
  console.log(label, r, 'cpu', ((cpu() - a) / 1000).toFixed(1), 's, wall', ((performance.now() - w) / 1000).toFixed(1), 's, rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'MB');
}
