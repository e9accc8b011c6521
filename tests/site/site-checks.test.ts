/**
 * Whole-site checks on the shared test build (tests/site/global-setup.ts):
 * - html-validate (tests/html-validate.json) on every page type — up to three pages of each kind,
 *   the kind being the path with its last segment as `*` (events/*, embed/topics/* …). Two rules
 *   are tuned, not dropped: `require-sri` only for cross-origin resources (SRI guards third-party
 *   hosts; the site serves every script itself and allows no foreign CDN), and `long-title` at 90
 *   characters — an official activity name may have 80 (schema.ts TITLE_MAX) plus " · 科普日历";
 *   cutting it is the search engine's job, not ours;
 * - an internal link check over all of dist — pages, assets, sitemap, #anchors (tests/helpers/link-check.ts);
 * - axe-core in Chromium on the main page types: no WCAG 2.1 A/AA violation. A page type missing
 *   from the build fails its test (a regression that stops a page being built must not pass quietly).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-site.ts';
import { checkLinks, formatBroken } from '../helpers/link-check.ts';
import { ISLAND_PAGES, moduleClosure } from '../../src/integrations/island-preloads.ts';

const dist = inject('distDir');
const base = inject('baseUrl');
const ORIGIN = 'https://kepu.example.org';

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), root) : [relative(root, join(dir, d.name)).split(sep).join('/')],
  );
}

/** `events/2026-09-12-x/index.html` → `events/*`; `events/index.html` → `events`; `404.html` → `404.html`. */
export function pageKind(rel: string): string {
  if (!rel.endsWith('index.html')) return rel;
  const parts = rel.split('/').slice(0, -1);
  if (parts.length === 0) return '/';
  if (parts.length === 1) return parts[0]!;
  return [...parts.slice(0, -1), '*'].join('/');
}

describe('island pages', () => {
  it('are the pages the build lists, and name in their head every module their island needs, FullCalendar excepted', () => {
    const pages = walk(dist).filter((f) => f.endsWith('.html') && readFileSync(join(dist, f), 'utf8').includes('<astro-island'));
    expect(pages.sort()).toEqual([...ISLAND_PAGES].sort());
    const read = (url: string) => (existsSync(join(dist, url)) ? readFileSync(join(dist, url), 'utf8') : undefined);
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const preloaded = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
      const island = /<astro-island\b[^>]*component-url="([^"]+)"[^>]*renderer-url="([^"]+)"/.exec(html)!;
      const needed = [...moduleClosure(island[1]!, read), ...moduleClosure(island[2]!, read)];
      // The component, its renderer and their shared chunks (preact, the site's modules) — more than those two.
      expect(needed.length, page).toBeGreaterThan(4);
      expect(new Set(preloaded), page).toEqual(new Set(needed));
      expect(preloaded.filter((u) => /CalendarGrid|daygrid/.test(u)), page).toEqual([]);
    }
  });
});

describe('html-validate on every page type', () => {
  const config = JSON.parse(readFileSync(join(ROOT, 'tests/html-validate.json'), 'utf8'));
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const pages = walk(dist).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  const kinds = new Map<string, string[]>();
  for (const f of pages.sort()) kinds.set(pageKind(f), [...(kinds.get(pageKind(f)) ?? []), f]);

  it('covers the page types of the site', () => {
    expect(kinds.size).toBeGreaterThan(8);
    console.log(`[site-checks] html-validate: ${kinds.size} page kinds: ${[...kinds.keys()].join(', ')}`);
  });

  for (const [kind, files] of [...kinds].sort()) {
    // First, middle and last of each kind: different data (cancelled, online, empty lists …).
    const sample = [...new Set([files[0]!, files[Math.floor(files.length / 2)]!, files.at(-1)!])];
    it(`${kind} (${sample.length} of ${files.length})`, async () => {
      const problems: string[] = [];
      for (const f of sample) {
        const report = await validator.validateString(readFileSync(join(dist, f), 'utf8'), f);
        for (const r of report.results) for (const m of r.messages) problems.push(`${f}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('internal links', () => {
  it('the checker itself finds a missing page, a missing asset and a missing #anchor', () => {
    const dir = join(dist, '..', 'link-check-selftest');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><a href="/a/#top">ok</a><a href="/a/#here">ok</a><a href="a/">ok</a><a href="#main">ok</a><main id="main"></main>' +
      '<a href="/b/">page</a><img src="/x.png" alt=""><a href="/a/#nowhere">anchor</a><a href="https://kepu.example.org/a/#%E6%97%A5">encoded</a><a href="https://elsewhere.example/">external</a><a href="webcal://kepu.example.org/c.ics">feed</a>');
    writeFileSync(join(dir, 'a/index.html'), '<!doctype html><h2 id="here">h</h2><h2 id="日">d</h2>');
    const r = checkLinks(dir, { origin: ORIGIN });
    expect(formatBroken(r.broken)).toEqual([
      'index.html: /b/ — no such file',
      'index.html: /x.png — no such file',
      'index.html: /a/#nowhere — no element with id "nowhere" in a/index.html',
      'index.html: webcal://kepu.example.org/c.ics — no such file',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('no broken link, asset, sitemap entry or #anchor anywhere in dist', () => {
    const r = checkLinks(dist, { origin: ORIGIN, skipDirs: ['pagefind'] });
    console.log(`[site-checks] links: ${r.links} internal links on ${r.pages} pages`);
    expect(r.pages).toBeGreaterThan(20);
    // Group by target so a missing page reads as one line with its count.
    const lines = formatBroken(r.broken);
    const byTarget = new Map<string, string[]>();
    for (const b of r.broken) byTarget.set(`${b.href} — ${b.reason}`, [...(byTarget.get(`${b.href} — ${b.reason}`) ?? []), b.from]);
    const summary = [...byTarget].map(([k, froms]) => `${k} (on ${new Set(froms).size} page(s), e.g. ${froms[0]})`);
    expect(summary, lines.slice(0, 5).join('\n')).toEqual([]);
  });
});

describe('axe-core: no WCAG 2.1 A/AA violations', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => browser?.close());

  const PAGES: [string, string, string?][] = [
    ['home', '/'],
    ['calendar', '/calendar/', '.kp-calendar[aria-busy="false"] .kp-fc'],
    ['event', '/events/2026-09-12-first-aid-training/'],
    ['cancelled event', '/events/2026-09-15-cancelled-lecture/'],
    ['online event', '/events/2026-10-10-online-talk/'],
    ['observance', '/observances/world-first-aid-day/'],
    ['events list', '/events/'],
    ['events archive', '/events/archive/2025/'],
    ['observances list', '/observances/'],
    ['campaign', '/campaigns/national-science-month/2026/'],
    ['topics index', '/topics/'],
    ['topic', '/topics/health/'],
    ['audience', '/audiences/public/'],
    ['region', '/regions/110105/'],
    ['organizer', '/organizers/test-red-cross/'],
    ['venue', '/venues/test-science-center/'],
    ['embed', '/embed/topics/health/'],
    ['search', '/search/', '[data-search-page][data-searched]'],
    ['subscribe', '/subscribe/'],
    ['submit', '/submit/', 'astro-island:not([ssr])'],
    ['not found', '/404.html'],
  ];

  for (const [name, path, waitFor] of PAGES) {
    it(`${name} ${path}`, async () => {
      const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
      expect(existsSync(file), `${file} was not built`).toBe(true);
      await page.goto(base.replace(/\/$/, '') + path, { waitUntil: 'load' });
      if (waitFor) await page.waitForSelector(waitFor, { timeout: 15_000 });
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
      )) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
      const lines = result.violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}`));
      expect(lines).toEqual([]);
    });
  }
});
