/** Worker of parse-parallel-fs.ts: parses the files it is given and posts their results, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { plainParse } from './frontmatter.ts';

const files = workerData as [string, 'markdown' | 'yaml'][];
parentPort!.postMessage(files.map(([text, kind]) => plainParse(text, kind)));
