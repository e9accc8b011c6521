/**
 * `astro dev` gets the site's data files (feeds, calendar data, open data) once at start-up: the
 * data-files step (scripts/write-data-files.ts) writes them into the cache folder and this
 * integration serves them. In `npm run build` the same step runs beside the pages, started by
 * scripts/build.ts, which moves its files into the site (issue 9, bench/README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { dataFilesStep } from '../../scripts/write-data-files.ts';

const TYPES: Record<string, string> = {
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/rss+xml; charset=utf-8',
};

export default function sideOutputs(): AstroIntegration {
  let folder = '';
  return {
    name: 'kepu-side-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        folder = join(fileURLToPath(config.cacheDir), 'kepu-data-files');
      },
      'astro:server:setup': ({ server }) => {
        const r = spawnSync(process.execPath, [fileURLToPath(dataFilesStep.url), folder], { stdio: 'inherit' });
        if (r.status !== 0) return;
        server.middlewares.use((req, res, next) => {
          let path: string;
          try {
            path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          } catch {
            return next();
          }
          const file = join(folder, ...path.split('/').filter(Boolean));
          if (!TYPES[extname(file)] || !file.startsWith(folder + sep) || !existsSync(file)) return next();
          res.setHeader('Content-Type', TYPES[extname(file)]!);
          res.end(readFileSync(file));
        });
      },
    },
  };
}
