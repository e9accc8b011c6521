/**
 * The island pages' modulepreloads (src/integrations/island-preloads.ts): a built chunk's static
 * imports are followed, its on-demand imports are not; a module already linked is not linked twice.
 */
import { describe, expect, it } from 'vitest';
import { moduleClosure, staticImports, withIslandPreloads } from '../../src/integrations/island-preloads.ts';

const chunks: Record<string, string> = {
  '/_astro/Island.js': 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/Engine.js"])))=>i.map(i=>d[i]);\nimport{j as e}from"./jsx.js";import{r as t,u as n}from"./compat.js";import"./side.js";export{q as x}from"./shared.js";const load=()=>import("./Engine.js");const s="import(\\"./not.js\\")";',
  '/_astro/client.js': 'import{c}from"./compat.js";export default c;',
  '/_astro/compat.js': 'import*as p from"./preact.js";export const r=1;',
  '/_astro/preact.js': 'export const h=1;',
  '/_astro/jsx.js': 'import{h}from"./preact.js";',
  '/_astro/side.js': 'window.x=1;',
  '/_astro/shared.js': 'export const q=1;',
  '/_astro/Engine.js': 'import{big}from"./fullcalendar.js";',
};
const read = (u: string) => chunks[u];

describe('island preloads', () => {
  it('reads static imports and re-exports, not import()', () => {
    expect(staticImports(chunks['/_astro/Island.js']!).sort()).toEqual(['./compat.js', './jsx.js', './shared.js', './side.js']);
  });

  it('follows the static imports to the end, each module once', () => {
    expect(moduleClosure('/_astro/Island.js', read).sort()).toEqual(['/_astro/Island.js', '/_astro/compat.js', '/_astro/jsx.js', '/_astro/preact.js', '/_astro/shared.js', '/_astro/side.js']);
  });

  it('links each module in the head once, and nothing already linked', () => {
    const html = '<html><head><link rel="modulepreload" href="/_astro/preact.js"></head><body><astro-island uid="a" component-url="/_astro/Island.js" renderer-url="/_astro/client.js"></astro-island></body></html>';
    const out = withIslandPreloads(html, read);
    const links = [...out.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(['/_astro/Island.js', '/_astro/client.js', '/_astro/compat.js', '/_astro/jsx.js', '/_astro/preact.js', '/_astro/shared.js', '/_astro/side.js']);
    expect(out.indexOf('modulepreload" href="/_astro/Island.js"')).toBeLessThan(out.indexOf('</head>'));
    expect(withIslandPreloads('<html><head></head><body><p>no island</p></body></html>', read)).toBe('<html><head></head><body><p>no island</p></body></html>');
  });
});
