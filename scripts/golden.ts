#!/usr/bin/env node
/**
 * Rewrites the iCal golden files (tests/fixtures/ical/<scenario>.ics) from the current code — the only
 * way they are rewritten: the golden test only reads them, so it cannot pass by construction.
 * Run it after an intended change to the feeds, then read `git diff tests/fixtures/ical/` line by line
 * before committing: every changed byte is a change every subscriber's calendar will see.
 *
 *   npm run golden
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/build-site.ts';
import { renderAll } from '../tests/fixtures/ical/render.ts';

const DIR = join(ROOT, 'tests/fixtures/ical');

export function run(): number {
  if (process.env.CI) {
    console.error('npm run golden rewrites the expected bytes: run it on your machine and commit the reviewed diff, never in CI.');
    return 1;
  }
  const rendered = renderAll();
  const changed: string[] = [];
  for (const [name, text] of Object.entries(rendered)) {
    const file = join(DIR, `${name}.ics`);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    writeFileSync(file, text, 'utf8');
    changed.push(`${name}.ics`);
  }
  // A scenario that is gone leaves no stale file behind.
  const removed = readdirSync(DIR).filter((f) => f.endsWith('.ics') && !(f.slice(0, -4) in rendered));
  for (const f of removed) rmSync(join(DIR, f));
  console.log(changed.length || removed.length
    ? `rewritten: ${changed.join(', ') || '—'}; removed: ${removed.join(', ') || '—'}. Review: git diff tests/fixtures/ical/`
    : `all ${Object.keys(rendered).length} golden files already match`);
  return 0;
}

if (import.meta.main) process.exitCode = run();
