import { dice, distinctCount, kgramHashes, streamKey, winnowedPrints } from "./fingerprint.js";
import { cohesiveGroups } from "./grouping.js";
import { similarPairs } from "./minhash.js";
import type { CloneInput } from "./model.js";
import type { SimilarityOptions } from "./options.js";

/** A unit with its k-gram hashes computed once, shared by the unit and fragment passes. */
export interface PreparedUnit {
  input: CloneInput;
  hashes: Uint32Array;
}

/** Whether a stream is one shape repeated (constant tables, long lists of similar calls). */
export function isRepetitiveHashes(hashes: Uint32Array, minDistinctShare: number): boolean {
  if (hashes.length === 0) return false;
  return distinctCount(hashes) / hashes.length < minDistinctShare;
}

/** Whether a token stream is one shape repeated. */
export function isRepetitive(tokens: Uint32Array, k: number, minDistinctShare: number): boolean {
  return isRepetitiveHashes(kgramHashes(tokens, k), minDistinctShare);
}

/** Two token streams are the same stream. */
function sameTokens(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The units of at least `minTokens` tokens in classes of identical streams (type 1–2 copies of each
 * other), each class in ascending order, the classes in order of their first unit. Keyed by a number (a
 * string key per unit cost a string and its hashing for each of the peer corpus's units), so units
 * whose keys collide are told apart token by token: a class is never two different streams.
 */
export function identicalClasses(
  units: readonly PreparedUnit[],
  minTokens: number,
  keyOf: (tokens: Uint32Array) => number = streamKey,
): number[][] {
  const classes: number[][] = [];
  const byKey = new Map<number, number[]>();
  units.forEach((unit, index) => {
    const tokens = unit.input.tokens;
    if (tokens.length < minTokens) return;
    const key = keyOf(tokens);
    const candidates = byKey.get(key);
    const same = candidates?.find((c) =>
      sameTokens((units[(classes[c] as number[])[0] as number] as PreparedUnit).input.tokens, tokens),
    );
    if (same !== undefined) {
      (classes[same] as number[]).push(index);
      return;
    }
    if (candidates) candidates.push(classes.length);
    else byKey.set(key, [classes.length]);
    classes.push([index]);
  });
  return classes;
}

export interface UnitGroupDraft {
  /** Indices into the prepared units. */
  members: number[];
  similarity: number;
  identical: boolean;
}

/**
 * Whole units that are copies: identical streams grouped by hash (type 1–2), near-misses (type 3) from
 * MinHash/LSH candidates over winnowed fingerprints, each candidate verified by its exact Dice overlap,
 * then grouped cohesively. Identical classes enter the near-miss pass as one node, so 17 copies cost one
 * signature and add no pairs.
 */
export function findUnitClones(
  units: PreparedUnit[],
  options: SimilarityOptions,
): { groups: UnitGroupDraft[]; crowdedBuckets: number } {
  const nodes = identicalClasses(units, options.minTokens);
  const prints = nodes.map((members) =>
    winnowedPrints((units[members[0] as number] as PreparedUnit).hashes, options.window),
  );
  const { edges, crowdedBuckets } = similarPairs(prints, options, dice, options.minSimilarity);
  const grouped = new Set<number>();
  const groups: UnitGroupDraft[] = [];
  for (const group of cohesiveGroups(nodes.length, edges, options.cohesion)) {
    for (const node of group.nodes) grouped.add(node);
    groups.push({
      members: group.nodes.flatMap((node) => nodes[node] as number[]).sort((x, y) => x - y),
      similarity: Math.round(group.similarity * 1000) / 1000,
      identical: false,
    });
  }
  nodes.forEach((members, node) => {
    if (!grouped.has(node) && members.length >= 2) groups.push({ members, similarity: 1, identical: true });
  });
  return { groups, crowdedBuckets };
}
