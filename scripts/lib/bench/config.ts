/** The benchmark's settings and budgets (issue 9), and its small number formats. */
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const OUT = join(ROOT, 'bench/out');
export const TODAY = '2026-09-10';
export const SEARCH_QUERY = '食品安全';
export const LIGHTHOUSE_VERSION = '13.5.0';
/** Lighthouse runs per page; the median run is reported (browser.ts). */
export const LIGHTHOUSE_RUNS = 5;
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Issue 9 budgets. */
export const BUDGET = {
  total10kSeconds: 40,
  total50kSeconds: 180,
  peakRssMB: 4096,
  ratio: 11,
  eventHtmlCssGz: 15 * 1024,
  eventJsGz: 5 * 1024,
  calendarJsGz: 120 * 1024,
  firstSearch10k: 300 * 1024,
};

export const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
export const gz = (b: Buffer | string) => gzipSync(b, { level: 6 }).length;
export const kb = (n: number) => `${round(n / 1024, 1)} KB`;
export const mb = (n: number) => `${round(n / 1024 / 1024, 1)} MB`;

/** Issue 21 budgets, at 100,000 events in one month (a national 科普月). */
export const DENSE_BUDGET = {
  total100kSeconds: 300,
  peakRssMB: 4096,
  ratio: 11,
  calendarFirstView: 300 * 1024,
  interactionMs: 100,
  firstSearch: 300 * 1024,
  hubGz: 100 * 1024,
  largestFile: 20 * 1024 * 1024,
};
