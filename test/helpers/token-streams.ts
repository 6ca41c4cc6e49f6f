/** Token streams for the similarity tests: deterministic, so a failing case is the same on every run. */

/** A pseudo-random token stream over 40 token kinds (a linear congruential generator from `seed`). */
export function tokenStream(seed: number, length: number): Uint32Array {
  const out = new Uint32Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = (x >>> 8) % 40;
  }
  return out;
}

/** The streams one after another, as one. */
export function joinStreams(...parts: Uint32Array[]): Uint32Array {
  return new Uint32Array(parts.flatMap((part) => [...part]));
}
