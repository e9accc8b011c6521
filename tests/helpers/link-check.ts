/**
 * Internal link check over a built site (no server, no network): every link, script, stylesheet,
 * image, form action and sitemap entry that points into the site must hit a file in `dist`, and
 * every `#fragment` must name an element id (or `<a name>`) on the target page.
 *
 * What counts as internal: relative URLs, absolute URLs on `origin`, and `webcal://` on origin's
 * host (subscribe links). External URLs are another job (scripts/check-links.ts, weekly).
 * Query strings are ignored (static files); `/dir` resolves like a static host: a file, else
 * `dir/index.html`, else `dir.html`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

export interface BrokenLink {
  /** Page (or sitemap) the link is on, relative to dist. */
  from: string;
  /** The link as written. */
  href: string;
  reason: string;
}

export interface LinkCheckResult {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

export interface LinkCheckOptions {
  /** The site's public origin, e.g. https://kepu.example.org */
  origin: string;
  /** Folders of dist not to scan for pages (still valid link targets), e.g. ['pagefind']. */
  skipDirs?: string[];
}

/** Attributes holding URLs, per element. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
};

function walk(dir: string, root: string, skip: Set<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = relative(root, join(dir, d.name)).split(sep).join('/');
    if (d.isDirectory()) return skip.has(rel) ? [] : walk(join(dir, d.name), root, skip);
    return [rel];
  });
}

/** The URL path a dist file is served at. */
export function pagePath(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

interface Page {
  ids: Set<string>;
  urls: string[];
}

function readPage(html: string): Page {
  const ids = new Set<string>();
  const urls: string[] = [];
  const visit = (n: T.ChildNode | T.Document) => {
    if ('tagName' in n) {
      const el = n as T.Element;
      for (const a of el.attrs) {
        if (a.name === 'id') ids.add(a.value);
        if (a.name === 'name' && el.tagName === 'a') ids.add(a.value);
      }
      const attrs = URL_ATTRS[el.tagName] ?? [];
      // <link rel="preconnect|dns-prefetch"> name an origin, not a resource.
      const rel = el.attrs.find((a) => a.name === 'rel')?.value ?? '';
      if (!(el.tagName === 'link' && /preconnect|dns-prefetch/.test(rel))) {
        for (const a of el.attrs) {
          if (!attrs.includes(a.name)) continue;
          if (a.name === 'srcset') urls.push(...a.value.split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean));
          else urls.push(a.value);
        }
      }
      // Open Graph / canonical URLs on our origin must exist too.
      if (el.tagName === 'meta') {
        const prop = el.attrs.find((a) => a.name === 'property' || a.name === 'name')?.value ?? '';
        const content = el.attrs.find((a) => a.name === 'content')?.value;
        if (content && /^(og:url|og:image|twitter:image)$/.test(prop)) urls.push(content);
      }
    }
    for (const c of 'childNodes' in n ? n.childNodes : []) visit(c);
    if (n.nodeName === 'template') for (const c of (n as T.Template).content.childNodes) visit(c);
  };
  visit(parse(html));
  return { ids, urls };
}

export function checkLinks(distDir: string, opts: LinkCheckOptions): LinkCheckResult {
  const origin = opts.origin.replace(/\/+$/, '');
  const host = new URL(origin).host;
  const files = walk(distDir, distDir, new Set());
  const skip = new Set(opts.skipDirs ?? []);
  const scanned = files.filter((f) => !skip.has(f.split('/')[0]!));
  const fileSet = new Set(files);
  const pages = new Map<string, Page>();
  const pageOf = (rel: string): Page => {
    let p = pages.get(rel);
    if (!p) {
      p = readPage(readFileSync(join(distDir, rel), 'utf8'));
      pages.set(rel, p);
    }
    return p;
  };
  /** The dist file a path is served from, or undefined. */
  const resolveFile = (path: string): string | undefined => {
    let p: string;
    try {
      p = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      return undefined;
    }
    if (p === '' || p.endsWith('/')) return fileSet.has(p + 'index.html') ? p + 'index.html' : undefined;
    for (const c of [p, `${p}/index.html`, `${p}.html`]) if (fileSet.has(c)) return c;
    return undefined;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  const check = (from: string, base: string, href: string) => {
    const raw = href.trim();
    if (raw === '' || /^(mailto|tel|data|blob|javascript|about):/i.test(raw)) return;
    let url: URL;
    try {
      url = new URL(raw, origin + base);
    } catch {
      broken.push({ from, href, reason: 'not a URL' });
      return;
    }
    if (url.protocol === 'webcal:' || url.protocol === 'webcals:') {
      if (url.host !== host) return;
    } else if (url.origin !== origin) return;
    links++;
    const target = resolveFile(url.pathname);
    if (!target) {
      broken.push({ from, href, reason: 'no such file' });
      return;
    }
    const frag = url.hash.slice(1);
    if (!frag || frag === 'top') return;
    if (!target.endsWith('.html')) return;
    let id: string;
    try {
      id = decodeURIComponent(frag);
    } catch {
      id = frag;
    }
    if (!pageOf(target).ids.has(id)) broken.push({ from, href, reason: `no element with id "${id}" in ${target}` });
  };

  const htmlPages = scanned.filter((f) => f.endsWith('.html'));
  for (const rel of htmlPages) {
    const base = pagePath(rel);
    for (const href of pageOf(rel).urls) check(rel, base, href);
  }
  for (const rel of scanned.filter((f) => /^sitemap.*\.xml$/.test(f))) {
    for (const m of readFileSync(join(distDir, rel), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) check(rel, '/', m[1]!.replace(/&amp;/g, '&'));
  }
  for (const rel of scanned.filter((f) => f.endsWith('.css'))) {
    for (const m of readFileSync(join(distDir, rel), 'utf8').matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) check(rel, pagePath(rel), m[2]!);
  }
  return { pages: htmlPages.length, links, broken };
}

/** One line per broken link, for test output. */
export function formatBroken(b: BrokenLink[]): string[] {
  return b.map((x) => `${x.from}: ${x.href} — ${x.reason}`);
}

