/** Worker of parse-parallel.ts: parses the files it is given and posts their results, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { plainParse } from './parse-parallel.ts';

const files = workerData as [string, 'markdown' | 'yaml'][];
parentPort!.postMessage(files.map(([text, kind]) => plainParse(text, kind)));
