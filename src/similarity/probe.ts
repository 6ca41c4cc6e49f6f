import { kgramHashes, streamHash, winnowedPrints } from "./fingerprint.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "./options.js";
import { isRepetitiveHashes } from "./unit-clones.js";

/**
 * What a unit's copies are found by: its whole stream's hash (identical copies) and its winnowed
 * fingerprints (near misses, by Dice overlap), as the scan's unit pass computes them. An index keeps these
 * per unit, so a check compares a change with a whole org without reading the org's units.
 */
export interface UnitPrints {
  stream: string;
  /** Sorted, distinct. */
  prints: Uint32Array;
  tokens: number;
}

/** How prints are made (k-gram length and window): an index keeps prints under this, and drops others. */
export function printScheme(given: Partial<SimilarityOptions> = {}): string {
  const options = { ...DEFAULT_SIMILARITY, ...given };
  return `k${options.k}w${options.window}d${options.minDistinctShare}`;
}

/** Units shorter than this are never worth keeping prints of: no configuration calls them copies. */
export const MIN_PRINTED_TOKENS = 10;

/** A unit's prints; null for a unit too short to be a copy or one shape repeated. */
export function unitPrints(tokens: Uint32Array, given: Partial<SimilarityOptions> = {}): UnitPrints | null {
  const options = { ...DEFAULT_SIMILARITY, ...given };
  if (tokens.length < MIN_PRINTED_TOKENS || tokens.length < options.k) return null;
  const hashes = kgramHashes(tokens, options.k);
  if (isRepetitiveHashes(hashes, options.minDistinctShare)) return null;
  return {
    stream: streamHash(tokens),
    prints: winnowedPrints(hashes, options.window),
    tokens: tokens.length,
  };
}

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
 * `findClones` pairs them: identical streams, or winnowed fingerprints whose Dice overlap reaches
 * `minSimilarity`. Only the few are indexed; each of the many costs one lookup per fingerprint.
 */
export interface CloneProbe {
  /** The probed units that can be copies at all (long enough, not one shape repeated). */
  readonly probed: number;
  match(other: UnitPrints): ProbeHit[];
}

export function createCloneProbe(
  units: readonly Uint32Array[],
  given: Partial<SimilarityOptions> = {},
): CloneProbe {
  const options = { ...DEFAULT_SIMILARITY, ...given };
  const mine = units.map((tokens) =>
    tokens.length >= options.minTokens ? unitPrints(tokens, options) : null,
  );
  const byStream = new Map<string, number[]>();
  const byPrint = new Map<number, number[]>();
  mine.forEach((unit, index) => {
    if (!unit) return;
    byStream.set(unit.stream, [...(byStream.get(unit.stream) ?? []), index]);
    for (const print of unit.prints) {
      const list = byPrint.get(print);
      if (list) list.push(index);
      else byPrint.set(print, [index]);
    }
  });
  return {
    probed: mine.filter(Boolean).length,
    match(other) {
      if (other.tokens < options.minTokens) return [];
      const shared = new Map<number, number>();
      for (const print of other.prints) {
        for (const owner of byPrint.get(print) ?? []) shared.set(owner, (shared.get(owner) ?? 0) + 1);
      }
      if (shared.size === 0) return [];
      const identical = new Set(byStream.get(other.stream) ?? []);
      const hits: ProbeHit[] = [];
      for (const [unit, count] of shared) {
        if (identical.has(unit)) {
          hits.push({ unit, similarity: 1, identical: true });
          continue;
        }
        const prints = (mine[unit] as UnitPrints).prints;
        // Equal to dice(prints, other.prints): both are sets, and `count` is their intersection.
        const similarity = (2 * count) / (prints.length + other.prints.length);
        if (similarity >= options.minSimilarity) hits.push({ unit, similarity, identical: false });
      }
      return hits.sort((a, b) => a.unit - b.unit);
    },
  };
}
