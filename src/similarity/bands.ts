import { kgramHashes, streamHash, winnowedPrints } from "./fingerprint.js";
import { bandKey, signature } from "./minhash.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "./options.js";
import { isRepetitiveHashes } from "./unit-clones.js";

/** What an index stores of a unit for candidate generation elsewhere (a database join on band keys). */
export interface UnitBands {
  /** The whole stream's hash: identical (type 1–2) copies share it. */
  stream: string;
  /** One LSH key per band of the MinHash signature of the unit's winnowed fingerprints. */
  keys: number[];
}

/**
 * The LSH band keys of one unit, exactly as the in-memory unit pass computes them, so that units sharing a
 * key anywhere in an org are its near-miss candidates; null for a unit too small to be a copy (under
 * `minFragmentTokens`) or one shape repeated.
 */
export function unitBands(tokens: Uint32Array, given: Partial<SimilarityOptions> = {}): UnitBands | null {
  const options = { ...DEFAULT_SIMILARITY, ...given };
  if (tokens.length < Math.min(options.minTokens, options.minFragmentTokens)) return null;
  const hashes = kgramHashes(tokens, options.k);
  if (isRepetitiveHashes(hashes, options.minDistinctShare)) return null;
  const prints = winnowedPrints(hashes, options.window);
  const sig = signature(prints, options.bands * options.rows);
  const keys: number[] = [];
  for (let band = 0; band < options.bands; band++) keys.push(bandKey(sig, band, options.rows));
  return { stream: streamHash(tokens), keys };
}

/**
 * A file's winnowed fingerprints, each once, sorted: the k-gram hashes the fragment pass seeds its matches with, over the
 * file's units' tokens in order. Two files sharing one (in fewer than `maxBucket` files) may share a
 * copied run, so an index can find fragment candidates with a join.
 */
export function fileFingerprints(
  unitTokens: Uint32Array[],
  given: Partial<SimilarityOptions> = {},
): number[] {
  const options = { ...DEFAULT_SIMILARITY, ...given };
  const length = unitTokens.reduce((sum, tokens) => sum + tokens.length, 0);
  if (length < options.minFragmentTokens) return [];
  const stream = new Uint32Array(length);
  let offset = 0;
  for (const tokens of unitTokens) {
    stream.set(tokens, offset);
    offset += tokens.length;
  }
  const hashes = kgramHashes(stream, options.k);
  return [...winnowedPrints(hashes, options.window)];
}
