import { dice, kgramHashes, sortedSet, streamHash, winnowPositions } from "./fingerprint.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "./options.js";
import { isRepetitiveHashes } from "./unit-clones.js";

/** A unit of the org found to be a copy of one of the probed units. */
export interface ProbeHit {
  /** Index of the probed unit it copies. */
  unit: number;
  /** Dice overlap of winnowed fingerprints, as the unit pass measures it; 1 for an identical stream. */
  similarity: number;
  identical: boolean;
}

/**
 * Looks a few units (a change's new code) up among many (an org's), the way the unit pass of
 * `findClones` would pair them: identical normalised streams, or winnowed fingerprints whose Dice overlap
 * reaches `minSimilarity`. Only the few are indexed, so each of the many costs one pass over its tokens and
 * is winnowed only when it shares enough k-grams to be a candidate: a check compares a pull request with a
 * whole org without an index of the org's fingerprints.
 */
export interface CloneProbe {
  /** The probed units that can be copies at all (long enough, not one shape repeated). */
  readonly probed: number;
  match(tokens: Uint32Array): ProbeHit[];
}

export function createCloneProbe(
  units: readonly Uint32Array[],
  given: Partial<SimilarityOptions> = {},
): CloneProbe {
  const options = { ...DEFAULT_SIMILARITY, ...given };
  const prints: (Uint32Array | null)[] = [];
  const streams = new Map<string, number[]>();
  const byPrint = new Map<number, number[]>();
  units.forEach((tokens, index) => {
    const usable = tokens.length >= options.minTokens;
    const hashes = usable ? kgramHashes(tokens, options.k) : null;
    if (!hashes || isRepetitiveHashes(hashes, options.minDistinctShare)) {
      prints.push(null);
      return;
    }
    const set = sortedSet(winnowPositions(hashes, options.window).map((p) => hashes[p] as number));
    prints.push(set);
    const stream = streamHash(tokens);
    streams.set(stream, [...(streams.get(stream) ?? []), index]);
    for (const print of set) {
      const list = byPrint.get(print);
      if (list) list.push(index);
      else byPrint.set(print, [index]);
    }
  });
  const probed = prints.filter(Boolean).length;
  return {
    probed,
    match(tokens) {
      if (probed === 0 || tokens.length < options.minTokens) return [];
      const hashes = kgramHashes(tokens, options.k);
      // Shared k-grams per probed unit: an upper bound of the shared winnowed prints.
      const shared = new Map<number, number>();
      const seen = new Set<number>();
      for (const hash of hashes) {
        const owners = byPrint.get(hash);
        if (!owners || seen.has(hash)) continue;
        seen.add(hash);
        for (const owner of owners) shared.set(owner, (shared.get(owner) ?? 0) + 1);
      }
      if (shared.size === 0) return [];
      const identical = new Set(streams.get(streamHash(tokens)) ?? []);
      let winnowed: Uint32Array | null = null;
      const hits: ProbeHit[] = [];
      for (const [unit, count] of shared) {
        const mine = prints[unit] as Uint32Array;
        if (identical.has(unit)) {
          hits.push({ unit, similarity: 1, identical: true });
          continue;
        }
        // Dice can reach at most 2·count / (|mine| + |mine|·share): skip when even that is too low.
        if ((2 * count) / (mine.length + Math.min(mine.length, count)) < options.minSimilarity) continue;
        if (isRepetitiveHashes(hashes, options.minDistinctShare)) return [];
        winnowed ??= sortedSet(winnowPositions(hashes, options.window).map((p) => hashes[p] as number));
        const similarity = dice(mine, winnowed);
        if (similarity >= options.minSimilarity) hits.push({ unit, similarity, identical: false });
      }
      return hits.sort((a, b) => a.unit - b.unit);
    },
  };
}
