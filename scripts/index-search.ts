#!/usr/bin/env node
/** Index a built site with Pagefind (the Node API). Usage: node scripts/index-search.ts [dist] */
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.argv[2] || 'dist');
// Index what people search for — titles, places, organizers, summaries, facts — and only the first
// paragraph of an event's description: Pagefind's time and memory follow the words indexed, and full
// descriptions made 10k events take minutes (issue 9, bench/README.md).
const excludeSelectors = ['.prose[aria-labelledby="about"] > :nth-child(n+3)'];
const { index, errors } = await pagefind.createIndex({ excludeSelectors });
if (!index || errors.length) throw new Error(errors.join('\n'));
const added = await index.addDirectory({ path: site });
if (added.errors.length) throw new Error(added.errors.join('\n'));
const written = await index.writeFiles({ outputPath: resolve(site, 'pagefind') });
if (written.errors.length) throw new Error(written.errors.join('\n'));
console.log(`pagefind: ${added.page_count} 个页面已索引 / pages indexed`);
await pagefind.close();
