/** Putting the build's parts together (scripts/lib/build-output.ts moveTree): folders move whole where they can. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveTree } from '../../scripts/lib/build-output.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
}

function list(root: string, at = ''): string[] {
  return readdirSync(join(root, at), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? list(root, join(at, d.name)) : [join(at, d.name)])).sort();
}

describe('moveTree', () => {
  it('moves a folder the target lacks in one rename, merges shared folders file by file, replaces a file present in both', () => {
    dir = mkdtempSync(join(tmpdir(), 'kepu-move-'));
    const site = join(dir, 'site');
    const data = join(dir, 'data-files');
    tree(site, { 'index.html': 'home', 'events/a/index.html': 'page a', 'events/b/index.html': 'page b', 'feed.xml': 'old' });
    tree(data, { 'data/events/2026-09.json': '{}', 'data/events/2026-10.json': '{}', 'api/events.json': '[]', 'events/a.ics': 'A', 'events/b.ics': 'B', 'feed.xml': 'new' });
    // data/ and api/ whole (2), events/a.ics and events/b.ics (2), feed.xml (1).
    expect(moveTree(data, site)).toBe(5);
    expect(list(site)).toEqual(['api/events.json', 'data/events/2026-09.json', 'data/events/2026-10.json', 'events/a.ics', 'events/a/index.html', 'events/b.ics', 'events/b/index.html', 'feed.xml', 'index.html']);
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toBe('new');
    expect(readFileSync(join(site, 'events/a/index.html'), 'utf8')).toBe('page a');
    expect(existsSync(data)).toBe(false);
  });

  it('a part that made nothing moves nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'kepu-move-'));
    expect(moveTree(join(dir, 'search'), join(dir, 'site'))).toBe(0);
  });
});
