/** What a browser downloads: an event page's HTML, CSS and JS (gzipped), JS by page type. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gz } from './config.ts';

export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function urlToFile(dist: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0]!;
  if (!path.startsWith('/')) return undefined;
  const f = join(dist, path);
  return existsSync(f) && statSync(f).isFile() ? f : undefined;
}

/** Static-import closure of a set of JS files, and the dynamic imports reachable from them. */
function jsClosure(dist: string, entries: string[]): { initial: Set<string>; lazy: Set<string> } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, set: Set<string>) => {
    if (set.has(file) || (set === lazy && initial.has(file))) return;
    set.add(file);
    const text = readFileSync(file, 'utf8');
    const base = '/' + relative(dist, file).split(sep).slice(0, -1).join('/');
    const res = (spec: string) => (spec.startsWith('.') ? urlToFile(dist, new URL(spec, `http://x${base}/`).pathname) : spec.startsWith('/') ? urlToFile(dist, spec) : undefined);
    for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.m?js)["']|\bfrom\s*["']([^"']+\.m?js)["']/g)) {
      const f = res(m[1] ?? m[2]!);
      if (f) visit(f, set);
    }
    // The bundler writes dynamic imports with any quote, backticks included: import(`./x.js`).
    for (const m of text.matchAll(/\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)) {
      const f = res(m[1]!);
      if (f) visit(f, lazy);
    }
  };
  for (const e of entries) visit(e, initial);
  for (const f of initial) lazy.delete(f);
  return { initial, lazy };
}

export interface PageWeight {
  page: string;
  htmlGz: number;
  cssGz: number;
  htmlCssGz: number;
  /** External JS the page loads at once (scripts, module preloads, island components and their static imports) plus inline scripts, gzipped. */
  jsGz: number;
  inlineJsGz: number;
  /** JS loaded on demand (dynamic import()), gzipped. */
  lazyJsGz: number;
}

export function pageWeight(dist: string, page: string): PageWeight | undefined {
  const file = join(dist, page);
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const css = new Set<string>();
  const js: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    const f = href && urlToFile(dist, href);
    if (!f) continue;
    if (/rel="?stylesheet/.test(tag)) css.add(f);
    if (/rel="?modulepreload/.test(tag)) js.push(f);
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    const f = urlToFile(dist, m[1]!);
    if (f) js.push(f);
  }
  for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) {
    const f = urlToFile(dist, m[1]!.replace(/&#x2F;|&#47;/g, '/'));
    if (f) js.push(f);
  }
  let inline = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(m[1]!) || /type="application\/(?:ld\+)?json"/.test(m[1]!)) continue;
    inline += m[2];
  }
  const { initial, lazy } = jsClosure(dist, js);
  const htmlGz = gz(html);
  const cssGz = [...css].reduce((s, f) => s + gz(readFileSync(f)), 0);
  const inlineJsGz = inline ? gz(inline) : 0;
  const extJs = [...initial].reduce((s, f) => s + gz(readFileSync(f)), 0);
  return {
    page,
    htmlGz,
    cssGz,
    htmlCssGz: htmlGz + cssGz,
    jsGz: extJs + inlineJsGz,
    inlineJsGz,
    lazyJsGz: [...lazy].reduce((s, f) => s + gz(readFileSync(f)), 0),
  };
}

/** One representative page per page type (the first in sort order that exists). */
export function pageTypes(dist: string, eventPage: string): Record<string, string> {
  const first = (dir: string) => {
    const d = join(dist, dir);
    if (!existsSync(d)) return undefined;
    const names = readdirSync(d).filter((n) => existsSync(join(d, n, 'index.html'))).sort();
    return names.length ? `${dir}/${names[0]}/index.html` : undefined;
  };
  const firstDeep = (dir: string) => {
    const f = first(dir);
    if (!f) return undefined;
    const sub = first(f.replace(/\/index\.html$/, ''));
    return sub ?? f;
  };
  const candidates: Record<string, string | undefined> = {
    home: 'index.html',
    calendar: 'calendar/index.html',
    events: 'events/index.html',
    event: eventPage,
    observances: 'observances/index.html',
    observance: first('observances'),
    campaign: firstDeep('campaigns'),
    topic: first('topics'),
    audience: first('audiences'),
    region: first('regions'),
    organizer: first('organizers'),
    venue: first('venues'),
    search: 'search/index.html',
    subscribe: 'subscribe/index.html',
    submit: 'submit/index.html',
  };
  return Object.fromEntries(Object.entries(candidates).filter((e): e is [string, string] => !!e[1] && existsSync(join(dist, e[1]))));
}

/** The event page the bench weighs: the middle event of 2026 (sorted by file name), a typical one. */
export function pickEventPage(dist: string): string {
  const dir = join(dist, 'events');
  const slugs = readdirSync(dir).filter((n) => /^2026-/.test(n) && existsSync(join(dir, n, 'index.html'))).sort();
  const all = slugs.length ? slugs : readdirSync(dir).filter((n) => /^\d{4}-/.test(n)).sort();
  return `events/${all[Math.floor(all.length / 2)]}/index.html`;
}
