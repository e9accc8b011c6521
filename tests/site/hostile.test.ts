/**
 * Hostile but valid content (tests/fixtures/hostile/site: XSS payloads written as text in titles,
 * summaries, names, addresses, notes, keywords, URLs' queries; `</script>` in titles; ICS lines in
 * bodies) laid over the fixture site and built for real. Nothing executable may reach the visitor:
 * - every HTML page parsed with parse5 (what a browser builds): no injected element or attribute;
 * - the pages opened in Chromium: no dialog fires, no handler attribute or javascript: URL in the
 *   live DOM (also after the calendar and search islands have rendered, and with payloads in the
 *   query string), and the payload text reads back exactly as written (escaped once, not twice);
 * - JSON-LD and every JSON file parse, and carry the text unchanged; RSS is well-formed XML whose
 *   HTML holds nothing executable; every .ics passes the three-way checker with no injected lines.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { serveStatic, type Served } from '../../scripts/lib/serve-static.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';
import { assertIcs, readIcsEvents } from '../helpers/ics-check.ts';
import { attr, elements, findInjections, textOf, urlScheme } from '../helpers/xss-check.ts';

const CONTENT = join(TMP, 'hostile-content');
const OUT = join(TMP, 'hostile-dist');
const ORIGIN = 'https://kepu.example.org';
const HOSTILE = join(ROOT, 'tests/fixtures/hostile/site');
/** Only contributor text contains these. */
const MARKERS = ['alert(', 'XSS-'];

/** Every file of the built site, relative, with forward slashes. */
function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), root) : [relative(root, join(dir, d.name)).split(sep).join('/')],
  );
}
const read = (rel: string) => readFileSync(join(OUT, rel), 'utf8');
const front = (rel: string) => {
  const p = parseContentFile(readFileSync(join(HOSTILE, rel), 'utf8'), rel.endsWith('.md') ? 'markdown' : 'yaml');
  if (!('data' in p)) throw new Error(`${rel}: ${p.message}`);
  return p.data as Record<string, any>;
};

const EVENTS = ['2026-09-21-xss-title', '2026-09-22-xss-address', '2026-09-23-ics-injection'];
const event = (id: string) => front(`events/2026/${id}.md`);
const org = front('organizers/xss-organizer.yaml');
const venue = front('venues/xss-venue.yaml');
const obs = front('observances/xss-day.md');

let files: string[] = [];
let served: Served;
let browser: Browser;

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  mkdirSync(CONTENT, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/site'), CONTENT, { recursive: true });
  cpSync(HOSTILE, CONTENT, { recursive: true });
  rmSync(join(CONTENT, 'README.md'), { force: true });
  // A cold build: a warm content cache could hide a change in the sanitiser.
  rmSync(OUT, { recursive: true, force: true });
  rmSync(OUT + '-cache', { recursive: true, force: true });
  const started = performance.now();
  const r = buildSite({ contentDir: CONTENT, outDir: OUT, today: '2026-09-10' });
  if (r.status !== 0) throw new Error(`hostile site build failed:\n${r.output.slice(-4000)}`);
  console.log(`[hostile] built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  files = walk(OUT);
  served = await serveStatic(OUT);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the built HTML, read by a spec-compliant parser', () => {
  it('no page has an injected element, attribute, script or URL', () => {
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(20);
    const problems = html.flatMap((f) => findInjections(read(f), { markers: MARKERS, origin: ORIGIN }).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('the payloads did reach the pages — as text', () => {
    const page = read('events/2026-09-21-xss-title/index.html');
    const els = elements(page);
    const h1 = els.find((e) => e.tagName === 'h1')!;
    expect(textOf(h1)).toBe(event('2026-09-21-xss-title').title);
    expect(textOf(els.find((e) => e.tagName === 'title')!)).toContain(event('2026-09-21-xss-title').title);
    expect(attr(els.find((e) => e.tagName === 'meta' && attr(e, 'name') === 'description')!, 'content')).toBe(event('2026-09-21-xss-title').summary);
    // The description's code block and entities stay text.
    expect(textOf(els.find((e) => e.tagName === 'pre')!)).toContain("<script>alert('XSS-code')</script>");
  });

  it('hostile text keeps the markup valid (html-validate, the site configuration)', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'tests/html-validate.json'), 'utf8'));
    // html-validate measures <title> in its encoded form: `&lt;` counts 4. Payloads are all entities.
    config.rules['long-title'] = 'off';
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const pages = [...EVENTS.map((id) => `events/${id}/index.html`), 'organizers/xss-organizer/index.html', 'venues/xss-venue/index.html', 'observances/xss-day/index.html'];
    const problems: string[] = [];
    expect(files).toEqual(expect.arrayContaining(pages));
    for (const f of pages) {
      const report = await validator.validateString(read(f), f);
      for (const r of report.results) for (const m of r.messages) problems.push(`${f}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('JSON-LD parses and carries the text unchanged', () => {
    for (const id of EVENTS) {
      const scripts = elements(read(`events/${id}/index.html`)).filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json');
      expect(scripts.length, id).toBeGreaterThan(0);
      const ld = scripts.map((s) => JSON.parse(textOf(s))).find((d) => d['@type'] === 'Event');
      expect(ld.name).toBe(event(id).title);
      expect(JSON.stringify(ld.organizer)).toContain(JSON.stringify(org.name).slice(1, -1));
    }
  });
});

describe('JSON, RSS and iCalendar', () => {
  const json = () => files.filter((f) => f.endsWith('.json') && !f.startsWith('pagefind/'));

  it('every JSON file parses, links in it are http(s) or site paths, titles are not re-escaped', () => {
    expect(json().length).toBeGreaterThan(0);
    const titles = new Map(EVENTS.map((id) => [id, event(id).title as string]));
    const seen = new Set<string>();
    for (const f of json()) {
      const data = JSON.parse(read(f));
      const visit = (v: unknown, key = ''): void => {
        if (typeof v === 'string') {
          const scheme = urlScheme(v);
          if (['javascript', 'vbscript', 'data'].includes(scheme)) throw new Error(`${f}: ${key} = ${v}`);
          return;
        }
        if (Array.isArray(v)) return v.forEach((x) => visit(x, key));
        if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (typeof o.id === 'string' && titles.has(o.id) && typeof o.title === 'string') {
            expect(o.title, `${f} ${o.id}`).toBe(titles.get(o.id));
            seen.add(o.id);
          }
          for (const [k, x] of Object.entries(o)) visit(x, k);
        }
      };
      visit(data);
    }
    // The calendar's month data at least carries the hostile events.
    expect([...seen].sort()).toEqual([...EVENTS].sort());
  });

  it('RSS is well-formed and its HTML holds nothing executable', async () => {
    expect(files).toContain('feed.xml');
    const page = await browser.newPage();
    const xml = read('feed.xml');
    const result = await page.evaluate(
      `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
        if (d.querySelector('parsererror')) return { error: d.querySelector('parsererror').textContent };
        return { items: [...d.querySelectorAll('item')].map((i) => ({ title: i.querySelector('title')?.textContent ?? '', html: [...i.children].filter((c) => /description|encoded/.test(c.localName)).map((c) => c.textContent).join('\\n') })) }; })()`,
    );
    await page.close();
    const r = result as { error?: string; items?: { title: string; html: string }[] };
    expect(r.error).toBeUndefined();
    const hostile = r.items!.filter((i) => EVENTS.some((id) => i.title === event(id).title));
    expect(hostile.length).toBeGreaterThan(0);
    for (const i of r.items!) expect(findInjections(i.html, { fragment: true, markers: MARKERS }), i.title).toEqual([]);
  });

  const ics = () => files.filter((f) => f.endsWith('.ics'));
  it('every .ics passes the three-way check and has no injected lines', () => {
    expect(ics()).toEqual(expect.arrayContaining(['calendar.ics', ...EVENTS.map((id) => `events/${id}.ics`)]));
    assertIcs(ics().map((f) => ({ label: f, bytes: readFileSync(join(OUT, f)) })));
    const titles = new Map(EVENTS.map((id) => [id, event(id).title as string]));
    for (const f of ics()) {
      const text = read(f);
      // Unfolded content lines: none may start with a name the contributor wrote in a body or title.
      const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
      expect(lines.filter((l) => /^(ATTENDEE|X-INJECT|RDATE|GEO:0|CATEGORIES:伪造|UID:injected|SUMMARY:伪造)/.test(l)), f).toEqual([]);
      // Alarms only where the site puts them: none in the plain feeds, and in the reminder feeds
      // (src/lib/ical/reminders.ts) exactly one per observance day and two per call or deadline not cancelled.
      const alarms = lines.filter((l) => /^(BEGIN:VALARM|ACTION:DISPLAY)$/.test(l)).length / 2;
      const expected = !f.endsWith('-alarm.ics') ? 0 : readIcsEvents(text).reduce((n, e) => n + (f.startsWith('observances') ? 1 : e.status === 'CANCELLED' ? 0 : 2), 0);
      expect(alarms, f).toBe(expected);
      expect(lines.filter((l) => /^(BEGIN:VALARM|ACTION:DISPLAY)/.test(l) && !/^(BEGIN:VALARM|ACTION:DISPLAY)$/.test(l)), f).toEqual([]);
      expect(lines.filter((l) => l === 'END:VCALENDAR'), f).toHaveLength(1);
      for (const e of readIcsEvents(text)) {
        const id = EVENTS.find((x) => e.uid.startsWith(x));
        if (id) expect(e.summary.replace(/^(已取消|取消)[：:]\s*/, ''), f).toContain(titles.get(id)!.replace(/^(已取消|取消)[：:]\s*/, ''));
      }
    }
  });
});

/**
 * One browser page for every visit (a new context costs seconds on a busy machine). The dialog trap
 * is set before the first navigation, so an alert() during parsing is caught too.
 */
let shared: { page: Page; dialogs: string[] } | undefined;
async function visit(url: string, act?: (page: Page) => Promise<void>): Promise<{ dialogs: string[]; injected: string[]; page: Page }> {
  if (!shared) {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    shared = { page, dialogs };
  }
  const { page, dialogs } = shared;
  dialogs.length = 0;
  // 'load': the page's own scripts have run (the site has no deferred ones but its two islands).
  await page.goto(url, { waitUntil: 'load' });
  if (act) await act(page);
  else await page.waitForFunction(ISLANDS_HYDRATED);
  const injected = (await page.evaluate(LIVE_DOM_CHECK)) as string[];
  return { dialogs: [...dialogs], injected, page };
}

/** Astro removes `ssr` from an island once it has rendered on the client. */
const ISLANDS_HYDRATED = `![...document.querySelectorAll('astro-island')].some((i) => i.hasAttribute('ssr'))`;

const LIVE_DOM_CHECK = `(() => {
  const out = [];
  const all = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  for (const root of all) for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on')) out.push(tag + ' ' + n + '=' + a.value.slice(0, 60));
      if (n === 'srcdoc') out.push(tag + ' srcdoc');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(n) && /^(javascript|vbscript):/.test(a.value.replace(/[\\u0000-\\u0020\\u007f]/g, '').toLowerCase()))
        out.push(tag + ' ' + n + '=' + a.value.slice(0, 60));
    }
    if (['iframe', 'frame', 'object', 'embed', 'math'].includes(tag) || tag.includes('xss') || (tag === 'base' && el.hasAttribute('href'))) out.push('<' + tag + '>');
    if (tag === 'script' && !el.src && !/json/.test(el.type) && /alert\\(|XSS-/.test(el.textContent)) out.push('inline script: ' + el.textContent.slice(0, 60));
  }
  return out;
})()`;

describe('in Chromium', () => {
  /** One page per kind (first path segment and depth) among those that show hostile text; parse5 has read them all. */
  const pagesWithPayloads = () => {
    const byKind = new Map<string, string>();
    for (const f of files.filter((f) => f.endsWith('index.html') && read(f).includes('XSS-')).sort()) {
      const parts = f.split('/');
      const kind = `${parts.length}:${parts.slice(0, parts.length > 3 ? 2 : 1).join('/')}`;
      // Prefer the pages about the hostile entries themselves.
      if (!byKind.has(kind) || /xss/.test(f)) byKind.set(kind, '/' + f.replace(/index\.html$/, ''));
    }
    return [...byKind.values()];
  };

  it('no page with hostile text fires a dialog or grows an injected element', async () => {
    const urls = pagesWithPayloads();
    expect(urls.length).toBeGreaterThan(6);
    const bad: string[] = [];
    for (const u of urls) {
      const { dialogs, injected } = await visit(served.url.replace(/\/$/, '') + u);
      bad.push(...dialogs.map((d) => `${u}: dialog ${d}`), ...injected.map((i) => `${u}: ${i}`));
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it('names read back exactly as written on the event, organizer, venue and observance pages', async () => {
    const cases: [string, string][] = [
      ...EVENTS.map((id) => [`events/${id}/`, event(id).title] as [string, string]),
      ['organizers/xss-organizer/', org.name],
      ['venues/xss-venue/', venue.name],
      ['observances/xss-day/', obs.name],
    ];
    for (const [path, name] of cases) {
      expect(files, path).toContain(`${path}index.html`);
      const { page } = await visit(served.url + path);
      expect((await page.textContent('h1'))?.trim(), path).toContain(name);
    }
    const { page } = await visit(served.url + 'events/2026-09-21-xss-title/');
    const main = (await page.textContent('main'))!;
    for (const s of [event('2026-09-21-xss-title').summary, venue.name, venue.address, event('2026-09-21-xss-title').registration.note]) expect(main).toContain(s);
    expect(main).not.toContain('&lt;');
  });

  it('the calendar renders the hostile events as text in month, week and list views', async () => {
    expect(files).toContain('calendar/index.html');
    const bad: string[] = [];
    const title = event('2026-09-21-xss-title').title as string;
    const hostileQuery = `&topic=${encodeURIComponent('<img src=x onerror=alert(1)>')}&region=${encodeURIComponent('"><svg/onload=alert(2)>')}`;
    for (const q of ['view=month&date=2026-09', 'view=week&date=2026-09-21', 'view=list&date=2026-09', `view=list&date=2026-09${hostileQuery}`]) {
      const { dialogs, injected, page } = await visit(`${served.url}calendar/?${q}`, async (p) => {
        // Drawn: the month's data is in and every event is on the grid (aria-busy, KepuCalendar.tsx).
        await p.waitForFunction(`/项活动/.test(document.querySelector('.kp-status')?.textContent ?? '') && !!document.querySelector('.kp-calendar[aria-busy="false"] .kp-fc')`, undefined, { timeout: 30_000 });
      });
      bad.push(...dialogs.map((d) => `${q}: dialog ${d}`), ...injected.map((i) => `${q}: ${i}`));
      // The attacked content is shown — the hostile title, as text, on the grid or list (hostile filter
      // values in the URL are unknown ids, dropped: the month is shown unfiltered).
      await expect(page.textContent('.kp-fc'), q).resolves.toContain(title);
    }
    expect(bad).toEqual([]);
  }, 90_000);

  it('search results show hostile titles as text, also for a hostile query', async () => {
    expect(files).toContain('search/index.html');
    const names = [...EVENTS.map((id) => event(id).title as string), org.name, venue.name, obs.name];
    const bad: string[] = [];
    for (const query of ['XSS', 'alert', '学会', '<img src=x onerror=alert(1)>', '"><svg/onload=alert(2)>']) {
      const { dialogs, injected, page } = await visit(`${served.url}search/?q=${encodeURIComponent(query)}`, async (p) => {
        // The search page marks a finished search with the query it ran (search-page.ts).
        await p.waitForFunction(`document.querySelector('[data-search-page]')?.dataset.searched === ${JSON.stringify(query)}`, undefined, { timeout: 30_000 });
      });
      bad.push(...dialogs.map((d) => `${query}: dialog ${d}`), ...injected.map((i) => `${query}: ${i}`));
      // First the attacked content is shown: the query echoed as text, and a hostile entry among the hits.
      await expect(page.inputValue('#search-q'), query).resolves.toBe(query);
      await expect(page.textContent('[data-status]'), query).resolves.toContain(`“${query}”`);
      const hits = await page.$$eval('ol[data-hits] > li', (li) => li.map((l) => l.textContent ?? ''));
      expect(hits.some((h) => names.some((n) => h.includes(n))), `${query}: ${hits.slice(0, 3).join(' | ')}`).toBe(true);
    }
    expect(bad).toEqual([]);
  }, 90_000);
});
