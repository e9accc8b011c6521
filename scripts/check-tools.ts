#!/usr/bin/env node
/**
 * Runs first in `npm test`: the suite needs programs from outside npm — Debian's Chromium (browser
 * tests, driven by playwright-core), python3-icalendar at /usr/bin/python3 (a second, independent
 * iCal reader), poppler's pdfinfo/pdftotext (reading the printed year poster back) and a CJK font
 * (so Chinese is drawn, measured and printed as glyphs, not boxes). On Debian as root they are installed with apt; anywhere else the run stops with one
 * line naming exactly what to install, instead of a newcomer learning it from forty failing tests.
 * CHROME_PATH overrides the browser's path (as in tests/helpers/browser.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const PYTHON = '/usr/bin/python3';

interface Tool { name: string; aptPackage: string; present: () => boolean }

const TOOLS: Tool[] = [
  { name: CHROMIUM, aptPackage: 'chromium', present: () => existsSync(CHROMIUM) },
  {
    name: `${PYTHON} + icalendar`,
    aptPackage: 'python3-icalendar',
    present: () => spawnSync(PYTHON, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0,
  },
  { name: 'pdftotext (poppler-utils)', aptPackage: 'poppler-utils', present: () => existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo') },
  {
    name: 'a Chinese font',
    aptPackage: 'fonts-wqy-microhei',
    present: () => (spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '').trim().length > 0,
  },
];

/** `node scripts/check-tools.ts python3-icalendar` checks only the tools named by their apt package (npm run test:mutation needs no browser). */
const WANTED = process.argv.slice(2);

function missing(): Tool[] {
  return TOOLS.filter((t) => (WANTED.length === 0 || WANTED.includes(t.aptPackage)) && !t.present());
}

function canApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
}

function aptInstall(packages: string[]): boolean {
  console.log(`› apt-get install ${packages.join(' ')}（测试需要 / needed by the tests）`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  return install.status === 0;
}

function run(): number {
  let absent = missing();
  if (absent.length && canApt()) {
    aptInstall(absent.map((t) => t.aptPackage));
    absent = missing();
  }
  if (!absent.length) return 0;
  const pkgs = absent.map((t) => t.aptPackage).join(' ');
  console.error(
    `✗ 测试需要先安装：${absent.map((t) => t.name).join('、')}。请运行 sudo apt-get install ${pkgs}` +
      ` / the tests need ${absent.map((t) => t.name).join(' and ')}: install them with \`sudo apt-get install ${pkgs}\`` +
      ' (or set CHROME_PATH to a Chromium binary)',
  );
  return 1;
}

process.exitCode = run();
