import { kgramHashes, winnowPositions } from "./fingerprint.js";

/**
 * A file's stream (its units' tokens in order) with its k-gram hashes and winnowed positions, computed
 * where the file was read: on a worker thread, beside the lexer, so the copy search's own thread only
 * buckets fingerprints and extends the matches they seed. Valid for the `k` and `window` it names.
 */
export interface StreamPrints {
  k: number;
  window: number;
  /** Rolling hash of every k-gram of the stream (kgramHashes). */
  hashes: Uint32Array;
  /** Winnowed positions into `hashes` (winnowPositions). */
  positions: Uint32Array;
}

export function streamPrints(tokens: Uint32Array, k: number, window: number): StreamPrints {
  const hashes = kgramHashes(tokens, k);
  return { k, window, hashes, positions: winnowPositions(hashes, window) };
}

/** The prints when they fit this stream and these options, else undefined (they are computed again). */
export function usablePrints(
  prints: StreamPrints | undefined,
  streamLength: number,
  k: number,
  window: number,
): StreamPrints | undefined {
  if (prints === undefined || prints.k !== k || prints.window !== window) return undefined;
  return prints.hashes.length === Math.max(0, streamLength - k + 1) ? prints : undefined;
}

/**
 * Token arrays as one: a view of the buffer they share when they lie in it end to end in order (the lexer
 * writes a file's units so), else a copy. The stream a reader fingerprints and the one the search reads.
 */
export function joinedTokens(parts: readonly Uint32Array[]): Uint32Array {
  const first = parts[0];
  if (first === undefined) return new Uint32Array(0);
  let end = first.byteOffset;
  let length = 0;
  let contiguous = true;
  for (const part of parts) {
    contiguous &&= part.buffer === first.buffer && part.byteOffset === end;
    end += part.byteLength;
    length += part.length;
  }
  if (contiguous) return new Uint32Array(first.buffer, first.byteOffset, length);
  const out = new Uint32Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
