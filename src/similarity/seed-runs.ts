import type { FileStream } from "./file-streams.js";
import { winnowPositions } from "./fingerprint.js";
import type { SimilarityOptions } from "./options.js";
import type { Match } from "./run.js";

/** Buckets up to this size pair every two places; larger ones pair each place with the first. */
const CLIQUE_BUCKET = 8;

/**
 * Order of `keys` ascending, by two 16-bit LSD radix passes: linear, and no comparator calls. The first
 * pass carries the keys along with their indices, so the second reads them in order instead of jumping
 * through the whole array once per key (a cache miss each, on a million fingerprints). The keys in that
 * order are written to `sortedKeys` when given, for a caller that scans them next.
 */
export function radixOrder(keys: Uint32Array, sortedKeys?: Uint32Array): Uint32Array {
  const length = keys.length;
  const counts = new Uint32Array(65537);
  for (let i = 0; i < length; i++) (counts[((keys[i] as number) & 0xffff) + 1] as number)++;
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  const lowIndex = new Uint32Array(length);
  const lowKeys = new Uint32Array(length);
  for (let i = 0; i < length; i++) {
    const key = keys[i] as number;
    const bucket = key & 0xffff;
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    lowIndex[at] = i;
    lowKeys[at] = key;
  }
  counts.fill(0);
  for (let i = 0; i < length; i++) (counts[((lowKeys[i] as number) >>> 16) + 1] as number)++;
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) {
    const key = lowKeys[i] as number;
    const bucket = key >>> 16;
    const at = counts[bucket] as number;
    counts[bucket] = at + 1;
    order[at] = lowIndex[i] as number;
    if (sortedKeys) sortedKeys[at] = key;
  }
  return order;
}

/** Every winnowed fingerprint of the eligible streams: its hash, its stream and its position there. */
function collectPrints(
  streams: FileStream[],
  eligible: number[],
  window: number,
): { keys: Uint32Array; streamOf: Int32Array; positionOf: Uint32Array } {
  const positions = eligible.map((u) => {
    const stream = streams[u] as FileStream;
    return stream.positions ?? winnowPositions(stream.hashes, window);
  });
  const total = positions.reduce((sum, list) => sum + list.length, 0);
  const keys = new Uint32Array(total);
  const streamOf = new Int32Array(total);
  const positionOf = new Uint32Array(total);
  let at = 0;
  eligible.forEach((u, index) => {
    const { hashes } = streams[u] as FileStream;
    const list = positions[index] as Uint32Array;
    streamOf.fill(u, at, at + list.length);
    positionOf.set(list, at);
    for (let i = 0; i < list.length; i++) keys[at++] = hashes[list[i] as number] as number;
  });
  return { keys, streamOf, positionOf };
}

/**
 * Places that share a fingerprint, as pairs of (stream, position) with a ≤ b (and pa < pb within one
 * stream), in typed arrays: `order` lists them by stream pair, each pair's places together.
 */
interface SharedPrints {
  a: Int32Array;
  b: Int32Array;
  pa: Uint32Array;
  pb: Uint32Array;
  order: Uint32Array;
  crowdedBuckets: number;
}

function sharedPrints(
  streams: FileStream[],
  eligible: number[],
  options: SimilarityOptions,
  skipPair: (a: number, b: number) => boolean,
): SharedPrints {
  const { keys, streamOf, positionOf } = collectPrints(streams, eligible, options.window);
  const sortedKeys = new Uint32Array(keys.length);
  const sorted = radixOrder(keys, sortedKeys);
  // Buckets as [start, end) into `sorted`, and an upper bound on the pairs they give, so the pairs are
  // written once into arrays of that size (pairs that turn out to be skipped leave the tail unused).
  const buckets: number[] = [];
  let bound = 0;
  let crowdedBuckets = 0;
  for (let start = 0, i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sortedKeys[i] === sortedKeys[start]) continue;
    const size = i - start;
    if (size > options.maxBucket) crowdedBuckets++;
    else if (size >= 2) {
      buckets.push(start, i);
      bound += size <= CLIQUE_BUCKET ? (size * (size - 1)) / 2 : size - 1;
    }
    start = i;
  }
  const a = new Int32Array(bound);
  const b = new Int32Array(bound);
  const pa = new Uint32Array(bound);
  const pb = new Uint32Array(bound);
  let count = 0;
  for (let k = 0; k < buckets.length; k += 2) {
    const start = buckets[k] as number;
    const end = buckets[k + 1] as number;
    // Small buckets pair every two places. In a large one (an idiom shared by many) each place is
    // extended against the first only: linear, and places linked to one anchor are joined anyway.
    const anchors = end - start <= CLIQUE_BUCKET ? end - 1 : start + 1;
    for (let x = start; x < anchors; x++)
      for (let y = x + 1; y < end; y++) {
        // The place of the lower stream first (no destructuring swap: it allocates until the JIT is warm).
        const ex = sorted[x] as number;
        const ey = sorted[y] as number;
        const first = (streamOf[ex] as number) > (streamOf[ey] as number) ? ey : ex;
        const second = first === ex ? ey : ex;
        const sa = streamOf[first] as number;
        const sb = streamOf[second] as number;
        let xa = positionOf[first] as number;
        let xb = positionOf[second] as number;
        if (sa === sb) {
          // Two places in one file: a copy within the file, kept when the two runs do not overlap.
          if (xa === xb) continue;
          if (xa > xb) {
            const lower = xb;
            xb = xa;
            xa = lower;
          }
        } else if (skipPair(sa, sb)) continue;
        a[count] = sa;
        b[count] = sb;
        pa[count] = xa;
        pb[count] = xb;
        count++;
      }
  }
  const places = {
    a: a.subarray(0, count),
    b: b.subarray(0, count),
    pa: pa.subarray(0, count),
    pb: pb.subarray(0, count),
  };
  return { ...places, order: placeOrder(places, streams.length), crowdedBuckets };
}

/**
 * Streams are under 2^26 tokens, so a position fits 26 bits and a diagonal (pb − pa) shifted by this is
 * non-negative and under 2^27: both are 32-bit radix keys.
 */
const POSITION_SPAN = 2 ** 26;

/** `order` stably sorted by `key` of each entry (a radix pass pair on the keys taken in that order). */
function stablyBy(order: Uint32Array, key: (entry: number) => number): Uint32Array {
  const keys = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) keys[i] = key(order[i] as number);
  const by = radixOrder(keys);
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = order[by[i] as number] as number;
  return out;
}

/**
 * Places in order of stream pair (a, then b), and within a pair by diagonal (pb − pa), then position: the
 * order exactRuns walks them in. Least significant key first, by radix passes, when a · n + b fits 32
 * bits: one integer sort of all places instead of a sort per pair of a double key per place (measured as
 * fast as that, and simpler for exactRuns).
 */
function placeOrder(
  places: { a: Int32Array; b: Int32Array; pa: Uint32Array; pb: Uint32Array },
  n: number,
): Uint32Array {
  const { a, b, pa, pb } = places;
  const diagonal = (place: number) => (pb[place] as number) - (pa[place] as number) + POSITION_SPAN;
  if (n <= 0xffff) {
    let order = radixOrder(pa);
    order = stablyBy(order, diagonal);
    return stablyBy(order, (place) => (a[place] as number) * n + (b[place] as number));
  }
  const order = Uint32Array.from(a.keys());
  return order.sort(
    (x, y) =>
      (a[x] as number) - (a[y] as number) ||
      (b[x] as number) - (b[y] as number) ||
      diagonal(x) - diagonal(y) ||
      (pa[x] as number) - (pa[y] as number),
  );
}

/**
 * One pair of streams' exact runs, in typed arrays reused from pair to pair: on the peer corpus 204,220
 * runs in 59,781 pairs, of which 14,816 bridged runs are kept, so only those become objects.
 */
class PairRuns {
  count = 0;
  startA = new Int32Array(64);
  endA = new Int32Array(64);
  startB = new Int32Array(64);
  endB = new Int32Array(64);
  /** Run indices, put in order of (startA, startB) for bridging. */
  order = new Int32Array(64);

  push(startA: number, endA: number, startB: number, endB: number): void {
    if (this.count === this.startA.length) this.grow();
    const at = this.count++;
    this.startA[at] = startA;
    this.endA[at] = endA;
    this.startB[at] = startB;
    this.endB[at] = endB;
  }

  private grow(): void {
    const size = this.startA.length * 2;
    const grown = (old: Int32Array) => {
      const array = new Int32Array(size);
      array.set(old);
      return array;
    };
    this.startA = grown(this.startA);
    this.endA = grown(this.endA);
    this.startB = grown(this.startB);
    this.endB = grown(this.endB);
    this.order = new Int32Array(size);
  }

  /** Fills `order` with the runs by startA, then startB (no two runs share both: each is maximal on its diagonal). */
  sort(): void {
    const { order, startA, startB, count } = this;
    for (let i = 0; i < count; i++) order[i] = i;
    if (count > 32) {
      order
        .subarray(0, count)
        .sort(
          (x, y) =>
            (startA[x] as number) - (startA[y] as number) || (startB[x] as number) - (startB[y] as number),
        );
      return;
    }
    // Most pairs have a handful of runs (3.4 on average on the peer corpus): an insertion sort in place,
    // with no comparator to make per pair.
    for (let i = 1; i < count; i++) {
      const run = order[i] as number;
      const runA = startA[run] as number;
      const runB = startB[run] as number;
      let j = i - 1;
      for (; j >= 0; j--) {
        const other = order[j] as number;
        const otherA = startA[other] as number;
        if (otherA < runA || (otherA === runA && (startB[other] as number) <= runB)) break;
        order[j + 1] = other;
      }
      order[j + 1] = run;
    }
  }
}

/**
 * The maximal runs of equal tokens of one pair of streams around their shared fingerprints (the places
 * order[from..to), by diagonal, then position), into `out`. A fingerprint inside a run already found on
 * its diagonal is passed over, and no run is found twice.
 */
function exactRuns(
  a: FileStream,
  b: FileStream,
  same: boolean,
  shared: SharedPrints,
  from: number,
  to: number,
  out: PairRuns,
): void {
  const { pa, pb, order } = shared;
  out.count = 0;
  const ta = a.input.tokens;
  const tb = b.input.tokens;
  let lastDiagonal = Number.NaN;
  let coveredTo = -1;
  for (let i = from; i < to; i++) {
    const place = order[i] as number;
    const x = pa[place] as number;
    const y = pb[place] as number;
    const diagonal = y - x;
    if (diagonal === lastDiagonal && x < coveredTo) continue;
    let s = 0;
    while (x - s > 0 && y - s > 0 && ta[x - s - 1] === tb[y - s - 1]) s++;
    let e = 0;
    while (x + e < ta.length && y + e < tb.length && ta[x + e] === tb[y + e]) e++;
    lastDiagonal = diagonal;
    coveredTo = x + e;
    // Within one file, the two runs must not overlap.
    if (same && x + e > y - s) continue;
    out.push(x - s, x + e, y - s, y + e);
  }
}

/**
 * Joins runs of the same two streams that follow each other with at most `maxGap` changed tokens on
 * each side: one near-miss (type 3) copy with a statement added, removed or changed, not two findings.
 * Only joined runs of at least `minTokens` on both sides are kept: on the peer corpus that is one in
 * thirteen, and the rest would only be made, trimmed and dropped later.
 */
function bridged(
  a: number,
  b: number,
  runs: PairRuns,
  maxGap: number,
  minTokens: number,
  out: Match[],
): void {
  const { count, startA, endA, startB, endB, order } = runs;
  if (count === 0) return;
  runs.sort();
  const first = order[0] as number;
  let curStartA = startA[first] as number;
  let curEndA = endA[first] as number;
  let curStartB = startB[first] as number;
  let curEndB = endB[first] as number;
  let matched = curEndA - curStartA;
  for (let i = 1; i < count; i++) {
    const next = order[i] as number;
    const nextStartA = startA[next] as number;
    const nextEndA = endA[next] as number;
    const nextStartB = startB[next] as number;
    const nextEndB = endB[next] as number;
    if (
      nextStartB >= curStartB &&
      nextStartA - curEndA <= maxGap &&
      nextStartB - curEndB <= maxGap &&
      nextStartB - curEndB >= -maxGap
    ) {
      matched += Math.max(0, nextEndA - Math.max(nextStartA, curEndA));
      curEndA = Math.max(curEndA, nextEndA);
      curEndB = Math.max(curEndB, nextEndB);
      continue;
    }
    keepLong(out, minTokens, a, b, curStartA, curEndA, curStartB, curEndB, matched);
    curStartA = nextStartA;
    curEndA = nextEndA;
    curStartB = nextStartB;
    curEndB = nextEndB;
    matched = nextEndA - nextStartA;
  }
  keepLong(out, minTokens, a, b, curStartA, curEndA, curStartB, curEndB, matched);
}

/** A bridged run becomes a Match only when it is at least `minTokens` long on both sides. */
function keepLong(
  out: Match[],
  minTokens: number,
  a: number,
  b: number,
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  matched: number,
): void {
  if (Math.min(endA - startA, endB - startB) >= minTokens)
    out.push({ a, b, startA, endA, startB, endB, matched });
}

/**
 * Every copied run between streams (and inside one, where the two places do not overlap) seeded by a
 * shared winnowed fingerprint, extended to the longest exact run around it, and bridged over small gaps;
 * those of at least `options.minFragmentTokens` on both sides, in order of stream pair, then position.
 */
export function copiedRuns(
  streams: FileStream[],
  eligible: number[],
  options: SimilarityOptions,
  skipPair: (a: number, b: number) => boolean,
): { runs: Match[]; crowdedBuckets: number } {
  const shared = sharedPrints(streams, eligible, options, skipPair);
  const { a, b, order } = shared;
  const runs: Match[] = [];
  const pairRuns = new PairRuns();
  for (let from = 0; from < order.length; ) {
    const first = order[from] as number;
    const sa = a[first] as number;
    const sb = b[first] as number;
    let to = from + 1;
    while (to < order.length && a[order[to] as number] === sa && b[order[to] as number] === sb) to++;
    exactRuns(streams[sa] as FileStream, streams[sb] as FileStream, sa === sb, shared, from, to, pairRuns);
    bridged(sa, sb, pairRuns, options.maxGapTokens, options.minFragmentTokens, runs);
    from = to;
  }
  return { runs, crowdedBuckets: shared.crowdedBuckets };
}
