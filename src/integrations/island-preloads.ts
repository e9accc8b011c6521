/**
 * `<link rel="modulepreload">` for every module an island needs to draw, in the head of the pages
 * that have islands (/calendar/, /submit/).
 *
 * Why: Astro's island loader imports the component, and the browser learns of the component's own
 * imports (preact, the shared chunks) only once it has parsed it, and of theirs a step later: three
 * round trips before the island draws anything. On Lighthouse's phone (150 ms round trips, 562 ms a
 * request) the calendar's first answer (the frame and its note: the page's largest paint) came at
 * 1.6–2.1 s against a first paint of 0.9–1.0 s (issue 21; bench/README.md). Listed in the head, the
 * preload scanner asks for them all with the page's stylesheets. Only static imports are listed:
 * what the island loads later on purpose (FullCalendar, the month grid's plugin) stays later.
 *
 * Node-only, after the build: the built chunks are read from the output folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The pages with islands, relative to the output folder (a browser test checks that no other page has one). */
export const ISLAND_PAGES = ['calendar/index.html', 'submit/index.html'];

/**
 * The relative modules a built chunk imports statically (`import{a}from"./x.js"`, `import"./x.js"`,
 * `export{a}from"./x.js"`) — not `import("./x.js")`, which loads on demand.
 */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?<![\w$.])(?:import|export)(?!\s*\()\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.\/[^"']+)["']/g)) out.add(m[1]!);
  return [...out];
}

/** Every module `entry` (a path like /_astro/x.js) needs before it runs, itself included, in load order. */
export function moduleClosure(entry: string, read: (path: string) => string | undefined): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = read(path);
    if (code === undefined) return;
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    for (const rel of staticImports(code)) visit(dir + rel.slice(2));
  };
  visit(entry);
  return [...seen];
}

/** The page's HTML with a modulepreload for every module its islands need (none twice, none already linked). */
export function withIslandPreloads(html: string, read: (path: string) => string | undefined): string {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const attr of ['renderer-url', 'component-url']) {
      const url = new RegExp(`\\s${attr}="(/[^"]+)"`).exec(m[0])?.[1];
      if (url) for (const u of moduleClosure(url, read)) urls.add(u);
    }
  }
  const links = [...urls].filter((u) => !html.includes(`href="${u}"`)).map((u) => `<link rel="modulepreload" href="${u}">`).join('');
  return links ? html.replace('</head>', `${links}</head>`) : html;
}

export default function islandPreloads(): AstroIntegration {
  return {
    name: 'kepu-island-preloads',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const read = (url: string) => {
          const file = join(root, ...url.split('/').filter(Boolean));
          return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        };
        for (const page of ISLAND_PAGES) {
          const file = join(root, page);
          if (!existsSync(file)) continue;
          const html = readFileSync(file, 'utf8');
          const next = withIslandPreloads(html, read);
          if (next !== html) writeFileSync(file, next);
        }
      },
    },
  };
}
