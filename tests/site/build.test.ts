/** Builds of other content trees: the small fixture site builds; invalid content refuses to build. */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';

describe('building from a content root', () => {
  it('builds the fixture site from tests/fixtures/site', () => {
    const outDir = join(TMP, 'fixture-dist');
    const r = buildSite({ contentDir: join(ROOT, 'tests/fixtures/site'), outDir, today: '2026-09-10', noSearch: true });
    expect(r.status, r.output).toBe(0);
    const html = readFileSync(join(outDir, 'events/2026-09-20-science-fair/index.html'), 'utf8');
    expect(html).toContain('测试科学嘉年华');
    expect(html).toContain('2026年9月19日（星期六） 至 9月21日（星期一）');
    // Astro's own warnings are fixed, not tolerated (e.g. markdown.gfm / markdown.smartypants deprecated).
    expect(r.output).not.toMatch(/deprecated/i);
  });

  it('refuses invalid content with the validator message naming file, line and field', () => {
    const contentDir = join(TMP, 'invalid-content');
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(contentDir, { recursive: true });
    cpSync(join(ROOT, 'tests/fixtures/site'), contentDir, { recursive: true });
    const file = join(contentDir, 'events/2026/2026-09-20-science-fair.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('organizer: test-science-society', 'organizer: test-science-socity'));
    const outDir = join(TMP, 'invalid-dist');
    rmSync(outDir, { recursive: true, force: true });
    const r = buildSite({ contentDir, outDir, today: '2026-09-10', noSearch: true });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/2026-09-20-science-fair\.md:5 organizer: 找不到主办单位“test-science-socity”/);
    expect(r.output).toContain('您是不是要写“test-science-society”？');
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
