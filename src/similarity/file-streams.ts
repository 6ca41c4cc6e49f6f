import { kgramHashes } from "./fingerprint.js";
import type { Match } from "./fragment-clones.js";
import type { CloneInput } from "./model.js";
import type { PreparedUnit } from "./unit-clones.js";

/** A file's units' tokens in order, as one stream, with the unit each token came from. */
export interface FileStream extends PreparedUnit {
  /** Index into the (id-sorted) inputs of the unit each token belongs to. */
  unitAt: Int32Array;
}

/**
 * One stream per file, so a copied run is found even where it crosses from one function into the next
 * (the end of one helper and the start of another, copied together), as a lexer-based tool sees it.
 */
export function fileStreams(sorted: CloneInput[], k: number): FileStream[] {
  const byFile = new Map<number, number[]>();
  sorted.forEach((input, index) => {
    (byFile.get(input.file) ?? byFile.set(input.file, []).get(input.file))?.push(index);
  });
  const streams: FileStream[] = [];
  for (const indices of byFile.values()) {
    const length = indices.reduce((sum, i) => sum + (sorted[i] as CloneInput).tokens.length, 0);
    const tokens = new Uint32Array(length);
    const tokenLines = new Uint32Array(length);
    const unitAt = new Int32Array(length);
    let offset = 0;
    for (const index of indices) {
      const input = sorted[index] as CloneInput;
      tokens.set(input.tokens, offset);
      tokenLines.set(input.tokenLines, offset);
      unitAt.fill(index, offset, offset + input.tokens.length);
      offset += input.tokens.length;
    }
    const first = sorted[indices[0] as number] as CloneInput;
    streams.push({
      input: { id: first.id, file: first.file, folder: first.folder, tokens, tokenLines },
      hashes: kgramHashes(tokens, k),
      unitAt,
    });
  }
  return streams;
}

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
  const a = (streams[match.a] as FileStream).unitAt;
  const b = (streams[match.b] as FileStream).unitAt;
  const groupsIn = (unitAt: Int32Array, start: number, end: number) => {
    const groups = new Set<number>();
    for (let t = start; t < end; t++) {
      const group = groupOf(unitAt[t] as number);
      if (group !== -1) groups.add(group);
    }
    return groups;
  };
  const groupsA = groupsIn(a, match.startA, match.endA);
  if (groupsA.size === 0) return match;
  const groupsB = groupsIn(b, match.startB, match.endB);
  const reported = (group: number, other: Set<number>) => group !== -1 && other.has(group);
  const out = { ...match };
  // The two sides move together while the run is an exact copy; a bridged run is trimmed per side.
  while (out.startA < out.endA && reported(groupOf(a[out.startA] as number), groupsB)) out.startA++;
  while (out.endA > out.startA && reported(groupOf(a[out.endA - 1] as number), groupsB)) out.endA--;
  while (out.startB < out.endB && reported(groupOf(b[out.startB] as number), groupsA)) out.startB++;
  while (out.endB > out.startB && reported(groupOf(b[out.endB - 1] as number), groupsA)) out.endB--;
  const span = Math.min(out.endA - out.startA, out.endB - out.startB);
  if (span < minTokens) return null;
  out.matched = Math.min(out.matched, Math.max(out.endA - out.startA, out.endB - out.startB));
  return out;
}
