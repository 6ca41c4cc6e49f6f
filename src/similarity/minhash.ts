/**
 * MinHash signatures by one-permutation hashing (Li, Owen, Zhang 2012) with optimal densification
 * (Shrivastava 2017): one pass over a set fills `bins` minima, so a signature costs O(set size) instead of
 * O(set size × bins). Locality-sensitive hashing then bands the signatures: two sets that agree on every
 * row of one band become a candidate pair, in time linear in the number of sets.
 */

import { mix } from "./fingerprint.js";
import type { Edge } from "./grouping.js";

const EMPTY = 0xffffffff;

/** A signature of `bins` values for a set of 32-bit hashes (already well mixed). */
export function signature(set: ArrayLike<number>, bins: number): Uint32Array {
  const out = new Uint32Array(bins).fill(EMPTY);
  for (let i = 0; i < set.length; i++) {
    const h = mix(set[i] as number);
    const bin = h % bins;
    const value = mix(h ^ 0x9e3779b9);
    if (value < (out[bin] as number)) out[bin] = value;
  }
  // Optimal densification: an empty bin borrows the value of a bin chosen by a hash of (bin, attempt),
  // the same choice for every set, so two sets with the same content still agree bin by bin.
  const filled = out.slice();
  for (let bin = 0; bin < bins; bin++) {
    if (filled[bin] !== EMPTY) continue;
    for (let attempt = 1; attempt < 64 * bins; attempt++) {
      const donor = mix(Math.imul(bin + 1, 0x01000193) ^ attempt) % bins;
      if (filled[donor] !== EMPTY) {
        out[bin] = filled[donor] as number;
        break;
      }
    }
  }
  return out;
}

/** One hash per band of `rows` consecutive signature values. */
export function bandKey(sig: Uint32Array, band: number, rows: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < rows; r++) h = mix(h ^ (sig[band * rows + r] as number));
  return h;
}

export interface BandingResult {
  /** Candidate pairs as `a * count + b` with a < b (indices into the signatures). */
  pairs: Set<number>;
  /** Band buckets passed over for holding more than `maxBucket` sets (shapes found everywhere). */
  crowdedBuckets: number;
}

/**
 * Candidate pairs from LSH banding. Each band is sorted by key (a typed-array sort, no hash map), and sets
 * sharing a key in any band are paired; a bucket with more than `maxBucket` sets is boilerplate.
 */
export function candidatePairs(
  signatures: Uint32Array[],
  bands: number,
  rows: number,
  maxBucket: number,
): BandingResult {
  const count = signatures.length;
  const pairs = new Set<number>();
  let crowdedBuckets = 0;
  // key * 2^22 + index stays an exact double while index < 2^22; beyond that, index by a map.
  const packed = count < 2 ** 22;
  const keys = new Float64Array(packed ? count : 0);
  for (let band = 0; band < bands; band++) {
    const runs: number[][] = [];
    if (packed) {
      for (let i = 0; i < count; i++)
        keys[i] = bandKey(signatures[i] as Uint32Array, band, rows) * 2 ** 22 + i;
      keys.sort();
      let start = 0;
      for (let i = 1; i <= count; i++) {
        if (
          i < count &&
          Math.floor((keys[i] as number) / 2 ** 22) === Math.floor((keys[start] as number) / 2 ** 22)
        )
          continue;
        if (i - start >= 2) {
          const run: number[] = [];
          for (let j = start; j < i; j++) run.push((keys[j] as number) % 2 ** 22);
          runs.push(run);
        }
        start = i;
      }
    } else {
      const buckets = new Map<number, number[]>();
      for (let i = 0; i < count; i++) {
        const key = bandKey(signatures[i] as Uint32Array, band, rows);
        const bucket = buckets.get(key);
        if (bucket) bucket.push(i);
        else buckets.set(key, [i]);
      }
      for (const bucket of buckets.values()) if (bucket.length >= 2) runs.push(bucket);
    }
    for (const run of runs) {
      if (run.length > maxBucket) {
        crowdedBuckets++;
        continue;
      }
      run.sort((x, y) => x - y);
      for (let x = 0; x < run.length; x++) {
        for (let y = x + 1; y < run.length; y++) pairs.add((run[x] as number) * count + (run[y] as number));
      }
    }
  }
  return { pairs, crowdedBuckets };
}

/**
 * Verified similar pairs of a list of sets: MinHash/LSH candidates, each kept when `accept` allows the pair
 * and its exact `measure` reaches `minimum`. Edges index into `sets`.
 */
export function similarPairs(
  sets: Uint32Array[],
  options: { bands: number; rows: number; maxBucket: number },
  measure: (a: Uint32Array, b: Uint32Array) => number,
  minimum: number,
  accept: (a: number, b: number) => boolean = () => true,
): { edges: Edge[]; crowdedBuckets: number } {
  const bins = options.bands * options.rows;
  const { pairs, crowdedBuckets } = candidatePairs(
    sets.map((set) => signature(set, bins)),
    options.bands,
    options.rows,
    options.maxBucket,
  );
  const edges: Edge[] = [];
  for (const pair of pairs) {
    const a = Math.floor(pair / sets.length);
    const b = pair % sets.length;
    if (!accept(a, b)) continue;
    const similarity = measure(sets[a] as Uint32Array, sets[b] as Uint32Array);
    if (similarity >= minimum) edges.push({ a, b, similarity });
  }
  return { edges, crowdedBuckets };
}
