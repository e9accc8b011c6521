#!/usr/bin/env node
/**
 * Screenshots for a person to look at (design review, the README): the main page types at 390 px
 * (an iPhone), light and dark, as full-page PNGs in tests/screenshots/ (git-ignored). Not a test:
 * a picture asserts nothing — the layout rules it illustrates are tested in tests/site/design.test.ts.
 *
 *   npm run screenshots                 builds the test content (today 2026-09-10) and shoots it
 *   npm run screenshots -- --dist DIR   shoots an existing build (e.g. tests/.tmp/site-dist)
 *
 * Steps: build (unless --dist), serve, open each page in Chromium with the clock pinned, wait until
 * the calendar has drawn, shoot.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { serveStatic } from './lib/serve-static.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildSite, ROOT, testContentTree, TMP } from '../tests/helpers/build-site.ts';
import { PAGES } from '../tests/helpers/pages.ts';

const TODAY = '2026-09-10';
const SHOTS = join(ROOT, 'tests/screenshots');

/** 1. The build to shoot: the one given, or the test content built now. */
function distDir(given: string | undefined): string {
  if (given) return resolve(given);
  const outDir = join(TMP, 'screenshots-dist');
  console.log(`building the test content into ${outDir} …`);
  const r = buildSite({ contentDir: testContentTree(join(TMP, 'screenshots-content')), outDir, today: TODAY });
  if (r.status !== 0) throw new Error(`build failed:\n${r.output.slice(-4000)}`);
  return outDir;
}

/** 2. Every page in both colour schemes. */
async function shoot(browser: Browser, base: string): Promise<string[]> {
  const written: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path] of PAGES) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: scheme });
      const page = await context.newPage();
      await page.clock.setFixedTime(`${TODAY}T10:00:00+08:00`);
      await page.goto(base + path.replace(/^\//, ''), { waitUntil: 'load' });
      if (path === '/calendar/') await page.waitForSelector('.kp-calendar[aria-busy="false"] .kp-fc');
      const file = join(SHOTS, `${name}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      await context.close();
    }
  }
  return written;
}

export async function run(args = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({ args, options: { dist: { type: 'string' } } });
  const dist = distDir(values.dist);
  mkdirSync(SHOTS, { recursive: true });
  const served = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const written = await shoot(browser, served.url);
    console.log(`${written.length} screenshots in ${SHOTS}`);
  } finally {
    await browser.close();
    await served.close();
  }
}

if (import.meta.main) await run();
