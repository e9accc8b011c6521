/**
 * Published SVGs cannot run script on the site's origin (issue 17): every .svg of the built site is
 * opened by itself in Chromium — as a visitor following a link to it would — and no script runs.
 * The control opens a hostile SVG from tests/fixtures/hostile2/images the same way, and its script
 * does run: the check would see one (the validator refuses such files, tests/unit/hostile2.test.ts).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve-static.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-site.ts';

const dist = inject('distDir');
const base = inject('baseUrl');
const svgs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? svgs(join(dir, d.name)) : d.name.endsWith('.svg') ? [relative(dist, join(dir, d.name)).split(sep).join('/')] : [],
  );

let browser: Browser;
let hostile: Served;
beforeAll(async () => {
  browser = await launchBrowser();
  hostile = await serveStatic(join(ROOT, 'tests/fixtures/hostile2/images'));
});
afterAll(async () => {
  await browser?.close();
  await hostile?.close();
});

/** Open an SVG as a document; what its scripts did (title change, dialogs, messages). */
async function open(url: string): Promise<string[]> {
  const page = await browser.newPage();
  const ran: string[] = [];
  page.on('dialog', (d) => (ran.push(`dialog ${d.message()}`), void d.dismiss()));
  await page.goto(url, { waitUntil: 'load' });
  const title = await page.evaluate('document.title');
  if (title) ran.push(`title ${String(title)}`);
  await page.close();
  return ran;
}

describe('published SVGs', () => {
  it('the site publishes SVGs (at least the favicon)', () => {
    expect(svgs(dist)).toContain('favicon.svg');
  });

  it('no published SVG runs script when opened by itself', async () => {
    const found: Record<string, string[]> = {};
    for (const svg of svgs(dist)) found[svg] = await open(new URL(svg, base).href);
    expect(Object.entries(found).filter(([, ran]) => ran.length)).toEqual([]);
  });

  it('control: a hostile SVG opened the same way does run its script', async () => {
    expect(await open(new URL("script.svg", hostile.url).href)).toEqual(['title XSS-SVG-RAN']);
    expect(await open(new URL("onload.svg", hostile.url).href)).toEqual(['title XSS-SVG-RAN']);
  });
});
