import { getSite } from '../src/data/site.ts';
import { shareImages } from '../src/lib/share-images.ts';
import { drawShareImage } from './lib/draw-share-image.ts';
const { q, today, url } = await getSite();
const all = [...shareImages(q, today, url)];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const by: Record<string, { n: number; ms: number }> = {};
let t0 = cpu(); drawShareImage(all[0]!); console.log('first (fonts)', (cpu() - t0).toFixed(0), 'ms');
for (const img of all) {
  const k = img.format + ':' + img.path.split('/')[2];
  const a = cpu(); drawShareImage(img); const d = cpu() - a;
  (by[k] ??= { n: 0, ms: 0 }).n++; by[k].ms += d;
}
for (const [k, v] of Object.entries(by)) console.log(k, v.n, (v.ms / v.n).toFixed(1), 'ms cpu/img');
console.log('rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
