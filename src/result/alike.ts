/**
 * How alike two copies read, in whole percent: 0.996 → 99, not 100. "100%" is kept for copies that are
 * the same; a near-miss group is never the same, even when its fingerprints overlap wholly (similarity 1:
 * the same shingles, statements in another order or repeated). The scan's sentences and the renderers
 * both say it, so it lives with the result they share.
 */
export function percentAlike(similarity: number, same = similarity >= 1): number {
  return same ? 100 : Math.min(99, Math.round(similarity * 100));
}
