/** The did-you-mean of every message: the nearest candidate within a sensible edit distance. Pure. */
import { closest, distance } from 'fastest-levenshtein';

export function suggest(value: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const c = closest(value, candidates);
  const limit = Math.max(1, Math.floor(Math.max(value.length, c.length) / 2));
  return distance(value, c) <= limit ? c : undefined;
}
