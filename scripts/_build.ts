import { buildSite, testContentTree, TMP } from '../tests/helpers/build-site.ts';
import { join } from 'node:path';
const contentDir = testContentTree(join(TMP, 'dev-content'));
const t = performance.now();
const r = buildSite({ contentDir, outDir: join(TMP, 'dev-dist'), today: '2026-09-10', noSearch: process.argv[2] !== 'search' });
console.log(r.output.slice(-3000)); console.log('status', r.status, ((performance.now() - t) / 1000).toFixed(1), 's');
