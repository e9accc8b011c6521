import { describe, expect, it } from 'vitest';
import { bundleWeight, FUSION_K, fuseRanked } from '../../src/lib/search/search-fusion.ts';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const list = (...names: string[]) => names.map((id) => ({ id }));

describe('fuseRanked: relevance over bundles whose scores do not compare', () => {
  it('a hub and the best event of the next bundle come first, in bundle order', () => {
    // 家庭: the observance 国际家庭日 first, then the family event, then other observances that mention the word.
    const out = fuseRanked([list('family-day', 'elderly-health-week', 'vaccination-day'), list('science-fair')]);
    expect(ids(out)).toEqual(['family-day', 'science-fair', 'elderly-health-week', 'vaccination-day']);
  });

  it('a past event (a later bundle) comes after the upcoming events with the same words', () => {
    const upcoming = list(...Array.from({ length: 25 }, (_, i) => `up-${i}`));
    const out = ids(fuseRanked([list('venue'), upcoming, list('past')]));
    expect(out.indexOf('past')).toBeGreaterThan(out.indexOf('up-24'));
  });

  it('far down a near bundle, a later bundle’s best match does come first', () => {
    const upcoming = list(...Array.from({ length: 80 }, (_, i) => `up-${i}`));
    const out = ids(fuseRanked([[], upcoming, list('past')]));
    const past = out.indexOf('past');
    expect(past).toBeGreaterThan(0);
    expect(past).toBeLessThan(79);
  });

  it('each id once, at its best place', () => {
    const out = ids(fuseRanked([list('a', 'b'), list('b', 'c')]));
    expect(out).toEqual(['a', 'b', 'c']);
  });

  it('keeps each bundle’s own order', () => {
    const out = ids(fuseRanked([list('a1', 'a2', 'a3'), list('b1', 'b2', 'b3')]));
    expect(out.filter((x) => x.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(out.filter((x) => x.startsWith('b'))).toEqual(['b1', 'b2', 'b3']);
    expect(out).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('weights: the first two bundles fully, later ones less and less', () => {
    expect([0, 1, 2, 3].map(bundleWeight)).toEqual([1, 1, 2 / 3, 0.5]);
    expect(FUSION_K).toBe(60);
  });

  it('nothing in, nothing out', () => {
    expect(fuseRanked([])).toEqual([]);
    expect(fuseRanked([[], []])).toEqual([]);
  });
});
