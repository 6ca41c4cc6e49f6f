import { kgramHashes } from "./fingerprint.js";
import type { CloneInput } from "./model.js";
import type { Match } from "./run.js";
import { joinedTokens, type StreamPrints, usablePrints } from "./stream-prints.js";
import type { PreparedUnit } from "./unit-clones.js";

/** A file's units' tokens in order, as one stream, with where each unit starts in it. */
export interface FileStream extends PreparedUnit {
  /** Indices into the (id-sorted) inputs of the stream's units, in stream order. */
  units: Int32Array;
  /** Offset of each unit's first token in the stream. */
  starts: Int32Array;
  /** Winnowed positions into `hashes`, when they came with the file (StreamPrints); else computed where needed. */
  positions?: Uint32Array;
}

/** Which of the stream's units holds token `position` (an index into `units` and `starts`). */
function slotAt(stream: FileStream, position: number): number {
  let low = 0;
  let high = stream.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((stream.starts[middle] as number) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Index (into the sorted inputs) of the unit the stream's token `position` belongs to. */
export function unitAt(stream: FileStream, position: number): number {
  return stream.units[slotAt(stream, position)] as number;
}

/** Source line of the stream's token `position`, read from the unit it came from. */
export function lineAt(stream: FileStream, position: number, sorted: CloneInput[]): number {
  const slot = slotAt(stream, position);
  const input = sorted[stream.units[slot] as number] as CloneInput;
  return input.tokenLines[position - (stream.starts[slot] as number)] as number;
}

/**
 * One stream per file, so a copied run is found even where it crosses from one function into the next
 * (the end of one helper and the start of another, copied together), as a lexer-based tool sees it. Only
 * the tokens are copied (not even they, when the reader packed them); lines and units are looked up
 * through the unit offsets (memory is the peer benchmark's other measure). `printsOf` gives a file's
 * stream prints when its reader computed them.
 */
export function fileStreams(
  sorted: CloneInput[],
  k: number,
  window: number,
  printsOf: (file: number) => StreamPrints | undefined = () => undefined,
): { streams: FileStream[]; unitHashes: (index: number) => Uint32Array } {
  const byFile = new Map<number, number[]>();
  sorted.forEach((input, index) => {
    (byFile.get(input.file) ?? byFile.set(input.file, []).get(input.file))?.push(index);
  });
  const streams: FileStream[] = [];
  // Where each input's tokens sit: its stream and offset, so its own k-grams are a view of the stream's.
  const streamOf = new Int32Array(sorted.length);
  const offsetOf = new Int32Array(sorted.length);
  for (const indices of byFile.values()) {
    const tokens = joinedTokens(indices.map((index) => (sorted[index] as CloneInput).tokens));
    const starts = new Int32Array(indices.length);
    let offset = 0;
    indices.forEach((index, slot) => {
      starts[slot] = offset;
      streamOf[index] = streams.length;
      offsetOf[index] = offset;
      offset += (sorted[index] as CloneInput).tokens.length;
    });
    const first = sorted[indices[0] as number] as CloneInput;
    const given = usablePrints(printsOf(first.file), tokens.length, k, window);
    streams.push({
      input: { id: first.id, file: first.file, folder: first.folder, tokens, tokenLines: NO_LINES },
      hashes: given?.hashes ?? kgramHashes(tokens, k),
      units: Int32Array.from(indices),
      starts,
      ...(given ? { positions: given.positions } : {}),
    });
  }
  // A unit's k-grams are the stream's k-grams that start and end inside it: the same rolling hashes.
  const unitHashes = (index: number) => {
    const at = offsetOf[index] as number;
    const count = Math.max(0, (sorted[index] as CloneInput).tokens.length - k + 1);
    return (streams[streamOf[index] as number] as FileStream).hashes.subarray(at, at + count);
  };
  return { streams, unitHashes };
}

const NO_LINES = new Uint32Array(0);
const NO_GROUPS: ReadonlySet<number> = new Set();

/**
 * Trims from a run the units at its ends that are already reported as whole-unit copies of a unit on the
 * other side (so a copied file is not reported again as one long fragment), and drops it when what is left
 * is too short. `groupOf` gives a unit's whole-unit group, or -1.
 */
export function trimReported(
  match: Match,
  streams: FileStream[],
  groupOf: (unit: number) => number,
  minTokens: number,
): Match | null {
  const a = streams[match.a] as FileStream;
  const b = streams[match.b] as FileStream;
  // The whole-unit groups of the units the run touches: one look per unit, not per token; none (the
  // common case) allocates nothing.
  const groupsIn = (stream: FileStream, start: number, end: number) => {
    let groups: Set<number> | undefined;
    for (let slot = slotAt(stream, start); slot < stream.units.length; slot++) {
      if ((stream.starts[slot] as number) >= end) break;
      const group = groupOf(stream.units[slot] as number);
      if (group === -1) continue;
      groups ??= new Set();
      groups.add(group);
    }
    return groups ?? NO_GROUPS;
  };
  const groupsA = groupsIn(a, match.startA, match.endA);
  if (groupsA.size === 0) return match;
  const groupsB = groupsIn(b, match.startB, match.endB);
  const reported = (group: number, other: ReadonlySet<number>) => group !== -1 && other.has(group);
  const out = { ...match };
  // The two sides move together while the run is an exact copy; a bridged run is trimmed per side.
  while (out.startA < out.endA && reported(groupOf(unitAt(a, out.startA)), groupsB)) out.startA++;
  while (out.endA > out.startA && reported(groupOf(unitAt(a, out.endA - 1)), groupsB)) out.endA--;
  while (out.startB < out.endB && reported(groupOf(unitAt(b, out.startB)), groupsA)) out.startB++;
  while (out.endB > out.startB && reported(groupOf(unitAt(b, out.endB - 1)), groupsA)) out.endB--;
  const span = Math.min(out.endA - out.startA, out.endB - out.startB);
  if (span < minTokens) return null;
  out.matched = Math.min(out.matched, Math.max(out.endA - out.startA, out.endB - out.startB));
  return out;
}
