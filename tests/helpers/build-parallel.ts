/**
 * Several site builds at once, each in its own process through the same `buildSite()` the other
 * tests use (own output and Astro cache per build). On a 2-core runner two builds side by side take
 * little more than one: most of a build is single-threaded.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, BuildResult } from './build-site.ts';

const BUILD_SITE = pathToFileURL(join(import.meta.dirname, 'build-site.ts')).href;
const CHILD = `import { buildSite } from ${JSON.stringify(BUILD_SITE)};
const r = buildSite(JSON.parse(process.env.KEPU_BUILD_OPTIONS));
process.stdout.write(JSON.stringify(r));`;

export function buildSiteAsync(o: BuildOptions): Promise<BuildResult & { seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...process.env, KEPU_BUILD_OPTIONS: JSON.stringify(o) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      try {
        resolve({ ...(JSON.parse(out) as BuildResult), seconds });
      } catch {
        resolve({ status: code || 1, output: out + err, seconds });
      }
    });
  });
}

export function buildSitesInParallel(list: BuildOptions[]): Promise<(BuildResult & { seconds: number })[]> {
  return Promise.all(list.map(buildSiteAsync));
}
