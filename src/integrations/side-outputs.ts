/**
 * Outputs made beside the page build, each by a child process that runs while Astro renders the
 * pages (on the machine's other core), then moved into the output folder:
 * - the data files: feeds, calendar data, open data (scripts/write-data-files.ts, src/lib/data-files.ts);
 * - the search index (scripts/index-search.ts, src/lib/search-documents.ts), unless KEPU_NO_SEARCH is set.
 * Both read the validated content (the build's snapshot), not the pages. At 10,000 events these
 * were 11,000 Astro endpoints and a Pagefind pass over every page after the build; beside the
 * build they cost no wall time of their own (issue 9, bench/README.md).
 *
 * `astro dev` gets the data files once at start-up, served from the cache folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const TYPES: Record<string, string> = {
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/rss+xml; charset=utf-8',
};

interface Side {
  name: string;
  script: string;
  folder: string;
  run?: Promise<number>;
}

function* filesUnder(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) yield* filesUnder(p);
    else yield p;
  }
}

/** Move every file under `from` to the same place under `to`; returns how many. */
function moveTree(from: string, to: string): number {
  const made = new Set<string>();
  let n = 0;
  for (const file of filesUnder(from)) {
    const target = join(to, relative(from, file));
    const parent = dirname(target);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true }), made.add(parent);
    renameSync(file, target);
    n++;
  }
  rmSync(from, { recursive: true, force: true });
  return n;
}

export default function sideOutputs(): AstroIntegration {
  let sides: Side[] = [];
  return {
    name: 'kepu-side-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        const root = fileURLToPath(config.root);
        const cache = fileURLToPath(config.cacheDir);
        sides = [
          { name: 'data files', script: join(root, 'scripts', 'write-data-files.ts'), folder: join(cache, 'kepu-data-files') },
          ...(process.env.KEPU_NO_SEARCH
            ? []
            : [{ name: 'search index', script: join(root, 'scripts', 'index-search.ts'), folder: join(cache, 'kepu-search') }]),
        ];
      },
      'astro:build:start': () => {
        for (const side of sides) {
          const child = spawn(process.execPath, [side.script, side.folder], { stdio: 'inherit' });
          side.run = new Promise((done) => {
            child.on('exit', (code) => done(code ?? 1));
            child.on('error', () => done(1));
          });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const side of sides) {
          const code = await side.run;
          if (code !== 0) throw new Error(`${side.name} 生成失败 / ${side.name} failed (exit ${code})`);
          logger.info(`${side.name}: ${moveTree(side.folder, out)} files`);
        }
      },
      'astro:server:setup': ({ server }) => {
        const data = sides[0]!;
        const r = spawnSync(process.execPath, [data.script, data.folder], { stdio: 'inherit' });
        if (r.status !== 0) return;
        server.middlewares.use((req, res, next) => {
          let path: string;
          try {
            path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          } catch {
            return next();
          }
          const file = join(data.folder, ...path.split('/').filter(Boolean));
          if (!TYPES[extname(file)] || !file.startsWith(data.folder + sep) || !existsSync(file)) return next();
          res.setHeader('Content-Type', TYPES[extname(file)]!);
          res.end(readFileSync(file));
        });
      },
    },
  };
}
