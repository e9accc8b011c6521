/**
 * The benchmark's content generator (scripts/lib/fixtures/): its trees pass the real validator, the same
 * seed gives the same bytes, and the mix of statuses, online events, campaigns and recurring events is
 * what the benchmark promises. No timings here — those belong to `npm run bench`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, readContentFiles } from '../../src/lib/content/content-fs.ts';
import { generateFixtures } from '../../scripts/lib/fixtures/generate.ts';
import type { ContentSet } from '../../src/lib/content/model.ts';
import { validateContent, type SourceFile } from '../../src/lib/content/validate.ts';
import { ROOT } from '../helpers/build-site.ts';

let shipped: ContentSet;
let shippedFiles: SourceFile[];

beforeAll(() => {
  const root = join(ROOT, 'content');
  const r = loadContent(root, ROOT);
  expect(r.errors).toEqual([]);
  shipped = r.content;
  // Only what the fixture tree copies: vocabularies and observances.
  shippedFiles = readContentFiles(root, ROOT).filter((f) => /^content\/(vocab|observances)\//.test(f.path));
});

const generate = (events: number, seed = 1) => generateFixtures({ events, seed, vocab: shipped.vocab, observances: shipped.observances });

function validateTree(files: { path: string; text: string }[]) {
  return validateContent([...shippedFiles, ...files.map((f) => ({ path: `content/${f.path}`, text: f.text }))], 'content');
}

describe('generateFixtures', () => {
  it('writes 200 events that pass the validator, with their organizers and venues', () => {
    const { files, summary } = generate(200);
    const result = validateTree(files);
    expect(result.errors).toEqual([]);
    expect(result.content.events).toHaveLength(200);
    expect(result.content.organizers).toHaveLength(summary.organizers);
    expect(result.content.venues).toHaveLength(summary.venues);
    expect(summary.organizers).toBe(4);
    expect(summary.venues).toBe(10);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generate(120, 7).files;
    const b = generate(120, 7).files;
    const c = generate(120, 8).files;
    expect(b).toEqual(a);
    expect(c.map((f) => f.text)).not.toEqual(a.map((f) => f.text));
  });

  it('mixes years, statuses, online, recurring, observance days and both campaigns', { timeout: 30_000 }, () => {
    const { files } = generate(2000, 3);
    const { content, errors } = validateTree(files);
    expect(errors).toEqual([]);
    const ev = content.events;
    const share = (pred: (e: (typeof ev)[number]) => boolean) => ev.filter(pred).length / ev.length;
    expect(new Set(ev.map((e) => e.startDate.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026', '2027']));
    expect(share((e) => e.status === 'cancelled')).toBeGreaterThan(0.02);
    expect(share((e) => e.status === 'cancelled')).toBeLessThan(0.045);
    expect(share((e) => e.status === 'postponed')).toBeGreaterThan(0.005);
    expect(ev.filter((e) => e.status === 'postponed').every((e) => e.previousStart && e.updated)).toBe(true);
    expect(share((e) => !!e.online && e.status !== 'moved-online')).toBeGreaterThan(0.12);
    expect(share((e) => !!e.online && e.status !== 'moved-online')).toBeLessThan(0.19);
    expect(share((e) => !!e.rrule)).toBeGreaterThan(0.02);
    expect(share((e) => !!e.observance)).toBeGreaterThan(0.05);
    // Campaign editions sit in their month: the science month in September (from 2025), the week in May.
    const month = ev.filter((e) => e.campaign === 'national-science-month');
    const week = ev.filter((e) => e.campaign === 'national-science-week');
    expect(month.length).toBeGreaterThan(100);
    expect(week.length).toBeGreaterThan(50);
    expect(month.every((e) => e.startDate.slice(5, 7) === '09' && e.startDate >= '2025')).toBe(true);
    expect(week.every((e) => e.startDate.slice(5, 7) === '05')).toBe(true);
    // Every event has a place: a venue, or an online URL on the reserved example.org domain.
    expect(ev.every((e) => e.venue || e.online)).toBe(true);
    expect(ev.filter((e) => e.online).every((e) => e.online!.startsWith('https://live.example.org/'))).toBe(true);
    expect(ev.every((e) => e.regionId)).toBe(true);
  });

  it('carries what issue 18 filters on: ages, accessibility, coordinates with a datum, open and closed registration, replays', { timeout: 30_000 }, () => {
    const { files } = generate(600, 5);
    const { content, errors } = validateTree(files);
    expect(errors).toEqual([]);
    const ev = content.events;
    const count = (pred: (e: (typeof ev)[number]) => boolean) => ev.filter(pred).length;
    expect(count((e) => e.ageMin !== undefined || e.ageMax !== undefined)).toBeGreaterThan(60);
    // Young audiences mostly have ages; seniors' events say 60+.
    const young = ev.filter((e) => e.audiences.includes('families') || e.audiences.includes('youth'));
    expect(young.filter((e) => e.ageMin !== undefined || e.ageMax !== undefined).length / young.length).toBeGreaterThan(0.6);
    expect(ev.filter((e) => e.audiences.includes('seniors') && e.ageMin !== undefined).every((e) => e.ageMin === 60)).toBe(true);
    expect(count((e) => e.access.length > 0)).toBeGreaterThan(60);
    expect(count((e) => !!e.replay)).toBeGreaterThan(5);
    const geo = content.venues.filter((v) => v.geo);
    expect(geo.length / content.venues.length).toBeGreaterThan(0.5);
    expect(new Set(geo.map((v) => v.geo!.datum))).toEqual(new Set(['GCJ-02', 'WGS-84']));
    // Beijing's venues sit near Beijing.
    for (const v of geo.filter((x) => x.region.startsWith('11'))) expect(Math.abs(v.geo!.lat - 39.9)).toBeLessThan(0.3);
    // Registration: deadlines before the day (so open or closed depending on today), full, link-only, walk-in.
    const reg = ev.filter((e) => e.registration);
    expect(reg.filter((e) => e.registration!.deadline && e.registration!.deadline < e.startDate).length).toBeGreaterThan(40);
    expect(reg.some((e) => e.registration!.full)).toBe(true);
    expect(reg.some((e) => e.registration!.url && e.registration!.required === undefined)).toBe(true);
    expect(reg.some((e) => e.registration!.required === false && !e.registration!.url)).toBe(true);
  });

  it('writes long Chinese descriptions in six or more paragraphs, not lorem ipsum', () => {
    const { files } = generate(50, 5);
    const bodies = files.filter((f) => f.path.startsWith('events/')).map((f) => f.text.split(/\n---\n/)[1]!);
    for (const body of bodies) {
      expect(body.split(/\n\n+/).length).toBeGreaterThanOrEqual(6);
      expect([...body.replace(/\s/g, '')].length).toBeGreaterThan(500);
      expect(body).not.toMatch(/lorem|ipsum/i);
      expect(body).toMatch(/[\u4e00-\u9fff]{20}/);
    }
    // No sentence repeats inside one description.
    for (const body of bodies) {
      const sentences = body.split(/(?<=。)/).map((s) => s.trim()).filter((s) => s.length > 8);
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });

  it('files events under their start year with unique ids, and marks every file as generated', () => {
    const { files } = generate(300, 9);
    const events = files.filter((f) => f.path.startsWith('events/'));
    for (const f of events) expect(f.path).toMatch(/^events\/(\d{4})\/\1-\d{2}-\d{2}-e\d{6}-[a-z-]+\.md$/);
    const ids = events.map((f) => f.path.split('/').pop());
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of files) expect(f.text).toContain('generated fixture');
  });
});

describe('generateFixtures at campaign density (--month, issue 21)', () => {
  it('puts every event in the month, in every province, as 全国科普月, 5 % online, some cancelled and postponed', { timeout: 30_000 }, () => {
    const { files } = generateFixtures({ events: 1500, seed: 4, vocab: shipped.vocab, observances: shipped.observances, month: '2026-09' });
    const { content, errors } = validateTree(files);
    expect(errors).toEqual([]);
    const ev = content.events;
    expect(ev).toHaveLength(1500);
    expect(ev.every((e) => e.startDate.startsWith('2026-09-'))).toBe(true);
    // Multi-day events stay inside the month.
    expect(ev.every((e) => e.endDate <= '2026-09-30')).toBe(true);
    expect(ev.every((e) => e.campaign === 'national-science-month')).toBe(true);
    const share = (pred: (e: (typeof ev)[number]) => boolean) => ev.filter(pred).length / ev.length;
    expect(share((e) => !!e.online && e.status !== 'moved-online')).toBeGreaterThan(0.03);
    expect(share((e) => !!e.online && e.status !== 'moved-online')).toBeLessThan(0.075);
    expect(share((e) => e.status === 'cancelled')).toBeGreaterThan(0.015);
    expect(share((e) => e.status === 'postponed')).toBeGreaterThan(0.005);
    // Every province (the 34 top-level regions) has activities; Beijing's districts do not take a quarter.
    const province = (id: string) => {
      let cur = shipped.vocab.regions.find((r) => r.id === id);
      while (cur?.parent) cur = shipped.vocab.regions.find((r) => r.id === cur!.parent);
      return cur?.id;
    };
    const provinces = new Set(ev.map((e) => province(e.regionId!)));
    expect([...provinces].filter((p) => p !== 'national')).toHaveLength(34);
    expect(share((e) => province(e.regionId!) === '110000')).toBeLessThan(0.1);
    expect(new Set(ev.map((e) => e.startDate)).size).toBe(30);
  });

  it('leaves the spread-out trees as they were (same draws without --month)', () => {
    const a = generate(80, 2).files;
    const b = generateFixtures({ events: 80, seed: 2, vocab: shipped.vocab, observances: shipped.observances, month: undefined }).files;
    expect(b).toEqual(a);
  });
});

describe('npm run fixtures reruns (issue 21)', () => {
  const run = (out: string, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/fixtures.ts', '--events', '30', '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });
  it('keeps a tree that already holds the same fixtures, and rewrites it when they differ', { timeout: 60_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'kepu-fixtures-'));
    try {
      expect(run(out).status).toBe(0);
      const file = readdirSync(join(out, 'events'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.md'))!;
      const before = statSync(join(out, 'events', file)).ino;
      const again = run(out);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/already holds these fixtures, kept/);
      expect(statSync(join(out, 'events', file)).ino).toBe(before);
      // Another seed is another tree: rewritten, and its marker says which.
      const other = run(out, '--seed', '7');
      expect(other.stdout).not.toMatch(/kept/);
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(/--seed 7/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
