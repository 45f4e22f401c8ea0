import { editDistance } from '../validate/helpers/extension-names.ts';

/**
 * The candidate nearest to `name` (case-insensitive, at most 2 edits or a third of its length),
 * for "did you mean" hints; undefined when nothing is close.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
