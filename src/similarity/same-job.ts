import { sortedSet } from "./fingerprint.js";
import { cohesiveGroups } from "./grouping.js";
import { similarPairs } from "./minhash.js";
import type { CloneInput, SameJobCandidate } from "./model.js";
import type { SimilarityOptions } from "./options.js";

/** FNV-1a of a string, avalanched: features become 32-bit set members. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if ((a[i] as number) < (b[j] as number)) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Same job, different code (type 4): units in different files whose features (what they name, call and
 * key) overlap strongly while their code does not. Only candidates: the concern engine confirms them.
 */
export function findSameJobCandidates(
  inputs: CloneInput[],
  options: SimilarityOptions,
  alreadyClones: (a: number, b: number) => boolean,
): SameJobCandidate[] {
  const eligible = inputs.filter(
    (input) =>
      input.tokens.length >= options.minTokens && (input.features?.length ?? 0) >= options.minFeatures,
  );
  const sets = eligible.map((input) => sortedSet((input.features ?? []).map(hashString)));
  const { edges } = similarPairs(sets, options, jaccard, options.minFeatureSimilarity, (a, b) => {
    const ia = eligible[a] as CloneInput;
    const ib = eligible[b] as CloneInput;
    return ia.file !== ib.file && !alreadyClones(ia.id, ib.id);
  });
  return cohesiveGroups(eligible.length, edges, options.cohesion).map((group) => ({
    members: group.nodes.map((node) => (eligible[node] as CloneInput).id).sort((x, y) => x - y),
    similarity: Math.round(group.similarity * 1000) / 1000,
  }));
}
