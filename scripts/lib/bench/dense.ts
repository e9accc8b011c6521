/**
 * What issue 21 budgets in a browser and on disk, at campaign density (all events in one month):
 * the data the calendar's first view of that month fetches and how fast it answers, the bytes a
 * first search on the real /search/ page fetches, the campaign hub's weight, the largest file.
 * Measured in Chromium against the built site (served with gzip, as any host), never computed.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHROME, CHROME_FLAGS, gz, SEARCH_QUERY } from './config.ts';
import { walk } from './weigh.ts';

export interface Interaction {
  name: string;
  ms: number;
}

export interface CalendarProbe {
  url: string;
  /** Bytes of /data/ received until the month's counts are drawn (response bodies as sent, gzipped). */
  firstViewBytes: number;
  requests: number;
  /** The status line after the first view (e.g. 2026年9月：100000 项活动). */
  status: string;
  interactions: Interaction[];
}

export interface SearchProbe {
  query: string;
  bytes: number;
  requests: number;
  byKind: Record<string, number>;
  status: string;
}

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS, headless: true });
}

/**
 * Open /calendar/?view=month&date=<month> on a desktop-sized page, sum the data it fetches until the
 * per-day counts are drawn, then time what a person does: open a day's list from its count, filter by
 * topic, filter by region (a province's rows), go to the next month. Each interaction is timed from
 * the action to the moment the page shows its answer (status line or rows), polled every frame.
 */
export async function calendarProbe(baseUrl: string, month: string): Promise<CalendarProbe | { error: string }> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen: number[] = [];
    page.on('requestfinished', async (req) => {
      if (!req.url().includes('/data/')) return;
      const sizes = await req.sizes().catch(() => undefined);
      seen.push(sizes ? sizes.responseBodySize : 0);
    });
    const url = `/calendar/?view=month&date=${month}`;
    await page.goto(baseUrl + url);
    await page.waitForSelector('.kp-count', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const firstViewBytes = seen.reduce((a, b) => a + b, 0);
    const requests = seen.length;
    const status = (await page.textContent('.kp-status')) ?? '';
    const interactions: Interaction[] = [];
    // Timed inside the page (no round trip to the test driver): from the action to the first frame
    // that shows its answer — the status line changed and done loading, or the day's rows drawn.
    const timed = async (name: string, act: string, until: 'status' | 'rows') => {
      const ms = await page.evaluate(`(async () => {
        const status = () => document.querySelector('.kp-status')?.textContent ?? '';
        const before = status();
        const done = ${until === 'rows' ? `() => document.querySelectorAll('.kp-calendar a[href^="/events/"]').length > 0 && status() !== before && !status().includes('加载')` : `() => status() !== before && !status().includes('加载')`};
        const t0 = performance.now();
        ${act};
        await new Promise((ok, fail) => { const end = t0 + 30000; const check = () => (done() ? ok() : performance.now() > end ? fail(new Error('timeout')) : requestAnimationFrame(check)); requestAnimationFrame(check); });
        return performance.now() - t0;
      })()`);
      interactions.push({ name, ms: Math.round(Number(ms)) });
      await page.waitForTimeout(500);
    };
    const select = (id: string, index: number) => `(() => { const s = document.querySelector('${id}'); s.selectedIndex = ${index}; s.dispatchEvent(new Event('change', { bubbles: true })); })()`;
    await timed('open a day from its count (the day’s shard)', `document.querySelectorAll('.kp-count')[11].click()`, 'rows');
    await timed('back to the month grid', `document.querySelector('.kp-calendar [role="tab"]').click()`, 'status');
    await timed('filter by a topic (counts)', select('#kp-f-topic', 1), 'status');
    await timed('filter by a region (a province’s shard)', select('#kp-f-region', 2), 'status');
    await timed('next month', `document.querySelectorAll('.kp-fc button[aria-label]')[2].click()`, 'status');
    return { url, firstViewBytes, requests, status, interactions };
  } catch (e) {
    return { error: String(e).slice(0, 300) };
  } finally {
    await browser.close();
  }
}

/** The real /search/ page searching SEARCH_QUERY: the bytes it fetches from the pagefind folders until its results are listed. */
export async function searchPageProbe(baseUrl: string): Promise<SearchProbe | { error: string }> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const seen: { url: string; bytes: number }[] = [];
    page.on('requestfinished', async (req) => {
      if (!/\/pagefind(-\d+)?\//.test(req.url())) return;
      const sizes = await req.sizes().catch(() => undefined);
      seen.push({ url: req.url(), bytes: sizes ? sizes.responseBodySize : 0 });
    });
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(SEARCH_QUERY)}`);
    await page.waitForSelector('[data-search-page][data-searched]', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const byKind: Record<string, number> = {};
    for (const s of seen) {
      const name = s.url.split(/\/pagefind(?:-\d+)?\//)[1]!;
      const kind = name.startsWith('index/') ? 'index chunks' : name.startsWith('fragment/') ? 'fragments' : name.startsWith('filter/') ? 'filters' : /pf_meta/.test(name) ? 'pf_meta' : /wasm/.test(name) ? 'wasm' : /entry/.test(name) ? 'entry' : name;
      byKind[kind] = (byKind[kind] ?? 0) + s.bytes;
    }
    return { query: SEARCH_QUERY, bytes: seen.reduce((a, s) => a + s.bytes, 0), requests: seen.length, byKind, status: (await page.textContent('[data-status]')) ?? '' };
  } catch (e) {
    return { error: String(e).slice(0, 300) };
  } finally {
    await browser.close();
  }
}

/** The campaign hub of the month's edition: its HTML and stylesheets, gzipped. */
export function hubWeight(dist: string, month: string): { page: string; htmlCssGz: number } | undefined {
  const page = `campaigns/national-science-month/${month.slice(0, 4)}/index.html`;
  try {
    const html = readFileSync(join(dist, page), 'utf8');
    let css = 0;
    for (const m of html.matchAll(/<link\b[^>]*rel="?stylesheet[^>]*href="([^"]+)"/g)) css += gz(readFileSync(join(dist, m[1]!)));
    return { page, htmlCssGz: gz(html) + css };
  } catch {
    return undefined;
  }
}

/** The largest file of the output, whatever its kind. */
export function largestFile(dist: string): { path: string; bytes: number } {
  let best = { path: '', bytes: 0 };
  for (const f of walk(dist)) {
    const bytes = statSync(f).size;
    if (bytes > best.bytes) best = { path: relative(dist, f), bytes };
  }
  return best;
}
