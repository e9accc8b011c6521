#!/usr/bin/env node
/** Index a built site with Pagefind (the Node API). Usage: node scripts/index-search.ts [dist] */
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.argv[2] || 'dist');
const { index, errors } = await pagefind.createIndex({});
if (!index || errors.length) throw new Error(errors.join('\n'));
const added = await index.addDirectory({ path: site });
if (added.errors.length) throw new Error(added.errors.join('\n'));
const written = await index.writeFiles({ outputPath: resolve(site, 'pagefind') });
if (written.errors.length) throw new Error(written.errors.join('\n'));
console.log(`pagefind: ${added.page_count} 个页面已索引 / pages indexed`);
await pagefind.close();
