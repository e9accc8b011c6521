/**
 * Writes the site's data files (feeds, calendar data, open data: src/lib/data-files.ts) in a child
 * process that runs while Astro renders the pages, then moves them into the output folder. At
 * 10,000 events these are ~11,000 files; as Astro endpoints they took a third of the page build on
 * its one thread, beside the build they take the machine's other core.
 *
 * `astro dev` gets the same files once at start-up, served from the cache folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const TYPES: Record<string, string> = {
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function* filesUnder(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) yield* filesUnder(p);
    else yield p;
  }
}

export default function dataFiles(): AstroIntegration {
  let root = '';
  let staging = '';
  let writer: Promise<number> | undefined;
  const script = () => join(root, 'scripts', 'write-data-files.ts');
  return {
    name: 'kepu-data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        staging = join(fileURLToPath(config.cacheDir), 'kepu-data-files');
      },
      'astro:build:start': () => {
        const child = spawn(process.execPath, [script(), staging], { stdio: 'inherit' });
        writer = new Promise((done) => {
          child.on('exit', (code) => done(code ?? 1));
          child.on('error', () => done(1));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const code = await writer;
        if (code !== 0) throw new Error(`数据文件写入失败 / writing the data files failed (exit ${code})`);
        const out = fileURLToPath(dir);
        const made = new Set<string>();
        let n = 0;
        for (const file of filesUnder(staging)) {
          const target = join(out, relative(staging, file));
          const parent = dirname(target);
          if (!made.has(parent)) mkdirSync(parent, { recursive: true }), made.add(parent);
          renameSync(file, target);
          n++;
        }
        rmSync(staging, { recursive: true, force: true });
        logger.info(`${n} data files`);
      },
      'astro:server:setup': ({ server }) => {
        const r = spawnSync(process.execPath, [script(), staging], { stdio: 'inherit' });
        if (r.status !== 0) return;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const file = join(staging, ...path.split('/').filter(Boolean));
          if (!TYPES[extname(file)] || !file.startsWith(staging + sep) || !existsSync(file)) return next();
          res.setHeader('Content-Type', TYPES[extname(file)]!);
          res.end(readFileSync(file));
        });
      },
    },
  };
}
