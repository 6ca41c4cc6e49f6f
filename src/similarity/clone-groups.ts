import { kgramHashes, streamHash, winnow } from "./fingerprint.js";

export interface CloneInput {
  /** Caller's id for the unit; returned in groups. */
  id: number;
  tokens: Uint32Array;
}

export interface SimilarityOptions {
  /** Units shorter than this (in tokens) are too small to call a copy. */
  minTokens: number;
  /** k-gram length in tokens. */
  k: number;
  /** Winnowing window. */
  window: number;
  /** Dice overlap of fingerprint sets at which two units are clones. */
  minSimilarity: number;
  /** A fingerprint in more units than this is boilerplate (framework shapes, imports) and is ignored. */
  maxBucket: number;
  /**
   * Share of a unit's k-grams that must be distinct. A table of `export const X = "x";` lines repeats one
   * shape, so it looks like every other table without being a copy of any.
   */
  minDistinctShare: number;
}

// Chosen on the example org and small real samples; later measured on a larger corpus (similarity issue).
export const DEFAULT_SIMILARITY: SimilarityOptions = {
  minTokens: 50,
  k: 16,
  window: 8,
  minSimilarity: 0.6,
  maxBucket: 64,
  minDistinctShare: 0.35,
};

/** Whether a token stream is one shape repeated (constant tables, long lists of similar calls). */
export function isRepetitive(tokens: Uint32Array, k: number, minDistinctShare: number): boolean {
  const hashes = kgramHashes(tokens, k);
  if (hashes.length === 0) return false;
  return new Set(hashes).size / hashes.length < minDistinctShare;
}

export interface CloneGroup {
  /** Ids of the units, ascending. */
  members: number[];
  /** The weakest accepted link inside the group (1 = same code up to names and values). */
  similarity: number;
  /** Every member has the same normalised token stream. */
  identical: boolean;
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as number;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) as number;
      this.parent.set(node, root);
      node = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

/**
 * Groups units whose normalised code is the same or nearly the same. Candidates come from an inverted
 * index of fingerprints (linear in the input, not all pairs); every candidate pair is then verified by its
 * Dice overlap, and accepted pairs are joined into groups of N members.
 */
export function findCloneGroups(
  inputs: CloneInput[],
  options: SimilarityOptions = DEFAULT_SIMILARITY,
): CloneGroup[] {
  const eligible = inputs.filter(
    (input) =>
      input.tokens.length >= options.minTokens &&
      !isRepetitive(input.tokens, options.k, options.minDistinctShare),
  );
  const prints = new Map<number, Set<number>>();
  const hashes = new Map<number, string>();
  const index = new Map<number, number[]>();
  for (const input of eligible) {
    const set = winnow(input.tokens, options.k, options.window);
    prints.set(input.id, set);
    hashes.set(input.id, streamHash(input.tokens));
    for (const print of set) {
      const bucket = index.get(print);
      if (bucket) bucket.push(input.id);
      else index.set(print, [input.id]);
    }
  }

  const shared = new Map<number, Map<number, number>>();
  for (const bucket of index.values()) {
    if (bucket.length < 2 || bucket.length > options.maxBucket) continue;
    for (let i = 0; i < bucket.length; i++) {
      const a = bucket[i] as number;
      const row = shared.get(a) ?? new Map<number, number>();
      shared.set(a, row);
      for (let j = i + 1; j < bucket.length; j++) {
        const b = bucket[j] as number;
        if (a === b) continue;
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }

  const groups = new UnionFind();
  const edges: { a: number; b: number; similarity: number }[] = [];
  for (const [a, row] of shared) {
    const sizeA = prints.get(a)?.size ?? 0;
    for (const [b, count] of row) {
      const sizeB = prints.get(b)?.size ?? 0;
      const similarity = hashes.get(a) === hashes.get(b) ? 1 : (2 * count) / (sizeA + sizeB);
      if (similarity >= options.minSimilarity) {
        groups.union(a, b);
        edges.push({ a, b, similarity });
      }
    }
  }

  const byRoot = new Map<number, { members: Set<number>; similarity: number }>();
  for (const edge of edges) {
    const root = groups.find(edge.a);
    const group = byRoot.get(root) ?? { members: new Set<number>(), similarity: 1 };
    byRoot.set(root, group);
    group.members.add(edge.a).add(edge.b);
    group.similarity = Math.min(group.similarity, edge.similarity);
  }
  return [...byRoot.values()]
    .map(({ members, similarity }) => {
      const list = [...members].sort((x, y) => x - y);
      const first = hashes.get(list[0] as number);
      return {
        members: list,
        similarity: Math.round(similarity * 1000) / 1000,
        identical: list.every((id) => hashes.get(id) === first),
      };
    })
    .sort((x, y) => (x.members[0] as number) - (y.members[0] as number));
}
