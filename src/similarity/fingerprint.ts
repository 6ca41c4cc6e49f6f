/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003) over normalised token streams: hash every k-gram with a
 * rolling hash, then keep the minimum of each window of w hashes. Any shared run of at least k + w - 1
 * tokens is guaranteed to share a fingerprint, and the fingerprint set is a small sample of the stream.
 */

const BASE = 0x01000193;

/** B^(k-1) mod 2^32, to take the leaving token out of the rolling hash. */
function power(k: number): number {
  let p = 1;
  for (let i = 1; i < k; i++) p = Math.imul(p, BASE);
  return p;
}

/** A final avalanche (murmur-style) so that nearby values spread over the whole 32-bit range. */
export function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Rolling hashes of every k-gram of `tokens`. */
export function kgramHashes(tokens: Uint32Array, k: number): Uint32Array {
  const count = tokens.length - k + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  const top = power(k);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + (tokens[i] as number)) | 0;
  out[0] = mix(h);
  for (let i = 1; i < count; i++) {
    h = (h - Math.imul(tokens[i - 1] as number, top)) | 0;
    h = (Math.imul(h, BASE) + (tokens[i + k - 1] as number)) | 0;
    out[i] = mix(h);
  }
  return out;
}

/** The winnowed fingerprints of a token stream, as a set of distinct hashes. */
export function winnow(tokens: Uint32Array, k: number, window: number): Set<number> {
  const hashes = kgramHashes(tokens, k);
  const picked = new Set<number>();
  if (hashes.length === 0) return picked;
  if (hashes.length <= window) {
    let min = hashes[0] as number;
    for (const h of hashes) if (h < min) min = h;
    picked.add(min);
    return picked;
  }
  for (let start = 0; start + window <= hashes.length; start++) {
    let min = hashes[start] as number;
    for (let i = start + 1; i < start + window; i++) {
      // Rightmost minimum, as in the paper, so consecutive windows tend to pick the same position.
      if ((hashes[i] as number) <= min) min = hashes[i] as number;
    }
    picked.add(min);
  }
  return picked;
}

/** A hash of the whole stream: equal streams are type-1/2 clones (same code up to names and values). */
export function streamHash(tokens: Uint32Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const token of tokens) {
    a = Math.imul(a ^ token, 0x01000193);
    b = Math.imul(b + token, 0x5bd1e995) ^ (b >>> 13);
  }
  return `${tokens.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/**
 * A hash of the whole stream as one number (53 bits: two 32-bit hashes, the second folded with the
 * length), for a map of streams: equal streams have equal keys, and unequal ones almost never do.
 */
export function streamKey(tokens: Uint32Array): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as number;
    a = Math.imul(a ^ token, 0x01000193);
    b = Math.imul(b + token, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x200000 + ((b ^ tokens.length) & 0x1fffff);
}

/**
 * Positions of the winnowed k-grams of a stream (rightmost minimum of each window, each position once), so
 * a shared fingerprint can be extended into the longest shared run around it. The minimum is carried from
 * window to window and the window scanned again only when it has left: about two comparisons per k-gram
 * instead of `window`.
 */
export function winnowPositions(hashes: Uint32Array, window: number): Uint32Array {
  const length = hashes.length;
  if (length === 0) return new Uint32Array(0);
  if (length <= window) {
    let best = 0;
    for (let i = 1; i < length; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    return Uint32Array.of(best);
  }
  const picked = new Uint32Array(length - window + 1);
  let count = 0;
  let best = -1;
  for (let start = 0, end = window - 1; end < length; start++, end++) {
    if (best < start) {
      best = start;
      for (let i = start + 1; i <= end; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    } else if ((hashes[end] as number) <= (hashes[best] as number)) {
      best = end;
    }
    if (count === 0 || picked[count - 1] !== best) picked[count++] = best;
  }
  return picked.slice(0, count);
}

/**
 * Sorts `values` in place and moves its distinct values to the front; returns how many there are. A typed
 * sort instead of a Set: hashes above 2^31 are not small integers in V8, and a Set of them allocates a
 * number per member (a third of the copy search's garbage on a large org).
 */
function sortDistinct(values: Uint32Array): number {
  values.sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[distinct - 1]) values[distinct++] = values[i] as number;
  }
  return distinct;
}

/**
 * The distinct winnowed fingerprints of a stream's k-gram hashes, sorted: the set a unit is compared by.
 * Gathered straight into one typed array and sorted there (no mapped copy, no second copy to sort).
 */
export function winnowedPrints(hashes: Uint32Array, window: number): Uint32Array {
  const positions = winnowPositions(hashes, window);
  const values = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) values[i] = hashes[positions[i] as number] as number;
  const distinct = sortDistinct(values);
  return distinct === values.length ? values : values.slice(0, distinct);
}

/** The distinct values of a hash array, sorted, for set overlap by merging. */
export function sortedSet(values: Iterable<number> | ArrayLike<number>): Uint32Array {
  const sorted = Uint32Array.from(values as ArrayLike<number>);
  const distinct = sortDistinct(sorted);
  return distinct === sorted.length ? sorted : sorted.slice(0, distinct);
}

// An open-addressing set reused from call to call: a slot is taken when its stamp is the current call's,
// so nothing is cleared between calls and nothing is allocated once the table is large enough.
let seen = new Uint32Array(1024);
let stamps = new Uint32Array(1024);
let call = 0;

/**
 * How many distinct values `hashes` holds (it is left as it was). Counted in a reused hash table rather
 * than by sorting a copy: the copy search asks this of every unit and of every copied run.
 */
export function distinctCount(hashes: Uint32Array): number {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  if (seen.length < size) {
    seen = new Uint32Array(size);
    stamps = new Uint32Array(size);
    call = 0;
  }
  call = (call + 1) >>> 0;
  if (call === 0) {
    stamps.fill(0);
    call = 1;
  }
  const mask = size - 1;
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i] as number;
    // The hashes are mixed (see mix), so their low bits are as good an index as any.
    let slot = hash & mask;
    while (stamps[slot] === call && seen[slot] !== hash) slot = (slot + 1) & mask;
    if (stamps[slot] !== call) {
      stamps[slot] = call;
      seen[slot] = hash;
      distinct++;
    }
  }
  return distinct;
}

/** Dice coefficient of two sorted sets: 2·|A∩B| / (|A| + |B|). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
