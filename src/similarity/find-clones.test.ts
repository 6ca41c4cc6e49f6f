import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinStreams, tokenStream } from "../../test/helpers/token-streams.js";
import { findClones } from "./find-clones.js";
import {
  dice,
  distinctCount,
  kgramHashes,
  sortedSet,
  winnow,
  winnowedPrints,
  winnowPositions,
} from "./fingerprint.js";
import { cohesiveGroups } from "./grouping.js";
import { candidatePairs, signature } from "./minhash.js";
import type { CloneInput } from "./model.js";
import { isRepetitive } from "./unit-clones.js";

function mutate(tokens: Uint32Array, every: number): Uint32Array {
  const out = Uint32Array.from(tokens);
  for (let i = every; i < out.length; i += every) out[i] = 999;
  return out;
}

/** A unit whose token i sits on line 10 + i / 4 (four tokens a line). */
function unit(id: number, tokens: Uint32Array, file = id, folder = `f${file}`): CloneInput {
  return { id, file, folder, tokens, tokenLines: Uint32Array.from(tokens, (_, i) => 10 + Math.floor(i / 4)) };
}

const base = tokenStream(11, 200);

describe("sortedSet and distinctCount", () => {
  it("give the distinct values in order, hashes above 2^31 included, and leave the input alone", () => {
    const values = Uint32Array.from([0xffffffff, 5, 0x80000000, 5, 0, 0xffffffff, 7]);
    const before = values.slice();
    expect([...sortedSet(values)]).toEqual([0, 5, 7, 0x80000000, 0xffffffff]);
    expect(distinctCount(values)).toBe(5);
    expect(values).toEqual(before);
    expect([...sortedSet([3, 1, 2])]).toEqual([1, 2, 3]);
    expect(sortedSet([]).length).toBe(0);
    expect(distinctCount(new Uint32Array(0))).toBe(0);
  });

  it("agree with a Set on random streams", () => {
    for (let seed = 1; seed < 20; seed++) {
      const hashes = kgramHashes(tokenStream(seed, 300), 5);
      const expected = [...new Set(hashes)].sort((a, b) => a - b);
      expect([...sortedSet(hashes)]).toEqual(expected);
      expect(distinctCount(hashes)).toBe(expected.length);
    }
  });
});

describe("fingerprints", () => {
  it("rolling k-gram hashes equal hashes computed from scratch", () => {
    const tokens = tokenStream(7, 60);
    const rolled = kgramHashes(tokens, 8);
    for (let i = 0; i < rolled.length; i++) expect(rolled[i]).toBe(kgramHashes(tokens.slice(i, i + 8), 8)[0]);
  });

  it("shares a fingerprint whenever a run of k + w - 1 tokens is shared", () => {
    const shared = tokenStream(3, 23);
    const a = joinStreams(tokenStream(1, 40), shared, tokenStream(2, 40));
    const b = joinStreams(tokenStream(5, 10), shared, tokenStream(6, 70));
    const pa = winnow(a, 16, 8);
    expect([...winnow(b, 16, 8)].some((print) => pa.has(print))).toBe(true);
  });

  it("winnowed positions pick the same values as the winnowed set", () => {
    const hashes = kgramHashes(base, 16);
    const values = new Set(Array.from(winnowPositions(hashes, 8), (p) => hashes[p]));
    expect(values).toEqual(winnow(base, 16, 8));
  });

  it("winnowed positions are the rightmost minimum of every window, each once (ties included)", () => {
    const naive = (hashes: Uint32Array, window: number): number[] => {
      const picked: number[] = [];
      const windows = Math.max(1, hashes.length - window + 1);
      for (let start = 0; start < windows && hashes.length > 0; start++) {
        let best = start;
        for (let i = start + 1; i < Math.min(hashes.length, start + window); i++)
          if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
        if (picked[picked.length - 1] !== best) picked.push(best);
      }
      return picked;
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (values, window) => {
          // Small values, so ties are common; and large ones, above 2^31, where V8 leaves small integers.
          for (const offset of [0, 0xfffffff0]) {
            const hashes = Uint32Array.from(values, (value) => value + offset);
            expect([...winnowPositions(hashes, window)]).toEqual(naive(hashes, window));
            // The fingerprint set: the hashes at those positions, each once, in order.
            const set = [...new Set(naive(hashes, window).map((p) => hashes[p] as number))].sort(
              (x, y) => x - y,
            );
            expect([...winnowedPrints(hashes, window)]).toEqual(set);
          }
        },
      ),
    );
  });

  it("Dice of sorted sets", () => {
    expect(dice(sortedSet([1, 2, 3, 4]), sortedSet([3, 4, 5, 6]))).toBe(0.5);
    expect(dice(sortedSet([]), sortedSet([]))).toBe(0);
  });
});

describe("MinHash and LSH", () => {
  it("equal sets get equal signatures; disjoint sets share few bins", () => {
    const a = sortedSet(kgramHashes(tokenStream(1, 300), 16));
    const b = sortedSet(kgramHashes(tokenStream(2, 300), 16));
    expect(signature(a, 32)).toEqual(signature(Uint32Array.from(a).reverse(), 32));
    const sa = signature(a, 32);
    const sb = signature(b, 32);
    expect(sa.filter((v, i) => v === sb[i]).length).toBeLessThan(4);
  });

  it("estimates Jaccard overlap within a few bins", () => {
    const shared = [...kgramHashes(tokenStream(3, 400), 16)];
    const a = sortedSet([...shared, ...kgramHashes(tokenStream(4, 400), 16)]);
    const b = sortedSet([...shared, ...kgramHashes(tokenStream(5, 400), 16)]);
    const [sa, sb] = [signature(a, 64), signature(b, 64)];
    const estimate = sa.filter((v, i) => v === sb[i]).length / 64;
    expect(estimate).toBeGreaterThan(0.15); // true Jaccard ≈ 1/3
    expect(estimate).toBeLessThan(0.55);
  });

  it("pairs sets that agree on a band, and passes over crowded buckets", () => {
    const same = signature(sortedSet([1, 2, 3]), 4);
    const other = signature(sortedSet([7, 8, 9]), 4);
    const { pairs } = candidatePairs([same, other, same], 2, 2, 10);
    expect([...pairs]).toEqual([0 * 3 + 2]);
    const crowded = candidatePairs([same, same, same], 2, 2, 2);
    expect(crowded.pairs.size).toBe(0);
    expect(crowded.crowdedBuckets).toBe(2);
  });
});

describe("cohesive grouping", () => {
  it("does not let one bridge pair merge two families", () => {
    // 0-1-2 all linked, 3-4-5 all linked, and one weak bridge 2-3.
    const edges = [
      { a: 0, b: 1, similarity: 0.9 },
      { a: 0, b: 2, similarity: 0.9 },
      { a: 1, b: 2, similarity: 0.9 },
      { a: 3, b: 4, similarity: 0.9 },
      { a: 3, b: 5, similarity: 0.9 },
      { a: 4, b: 5, similarity: 0.9 },
      { a: 2, b: 3, similarity: 0.7 },
    ];
    expect(cohesiveGroups(6, edges, 0.5).map((g) => g.nodes)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(cohesiveGroups(6, edges, 0).map((g) => g.nodes)).toEqual([[0, 1, 2, 3, 4, 5]]);
  });
});

describe("findClones: whole units", () => {
  it("groups N copies into one group, not N-1 pairs", () => {
    const inputs = [0, 1, 2, 3].map((id) => unit(id, base));
    inputs.push(unit(4, tokenStream(99, 200)));
    const { groups } = findClones(inputs);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ level: "unit", kind: "identical", similarity: 1, tokens: 200 });
    expect(groups[0]?.members.map((m) => [m.id, m.startLine, m.endLine])).toEqual([
      [0, 10, 59],
      [1, 10, 59],
      [2, 10, 59],
      [3, 10, 59],
    ]);
  });

  it("finds near-miss copies (type 3) and says so", () => {
    const { groups } = findClones([unit(1, base), unit(2, mutate(base, 60))]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.kind).toBe("near-miss");
    expect(groups[0]?.similarity).toBeGreaterThan(0.6);
    expect(groups[0]?.similarity).toBeLessThan(1);
  });

  it("puts exact copies and their near-misses in one group", () => {
    const { groups } = findClones([unit(1, base), unit(2, base), unit(3, mutate(base, 70))]);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([[1, 2, 3]]);
  });

  it("leaves unrelated and too-small units alone, and counts the small ones", () => {
    const found = findClones([
      unit(1, tokenStream(1, 200)),
      unit(2, tokenStream(2, 200)),
      unit(3, tokenStream(3, 20)),
      unit(4, tokenStream(3, 20)),
    ]);
    expect(found.groups).toEqual([]);
    expect(found.setAside.small).toBe(2);
  });

  it("sets aside one shape repeated (a table of constants), which looks like every other table", () => {
    const shape = [3, 7, 7, 9, 2];
    const table = (rows: number) => new Uint32Array(Array.from({ length: rows }, () => shape).flat());
    expect(isRepetitive(table(40), 16, 0.35)).toBe(true);
    expect(isRepetitive(base, 16, 0.35)).toBe(false);
    const found = findClones([unit(1, table(40)), unit(2, table(60))]);
    expect(found.groups).toEqual([]);
    expect(found.setAside.repetitive).toBe(2);
  });

  it("does not depend on input order", () => {
    const inputs = [0, 1, 2, 3].map((id) =>
      unit(
        id,
        id === 2 ? mutate(base, 50) : id === 3 ? joinStreams(tokenStream(5, 60), base.slice(0, 80)) : base,
      ),
    );
    expect(findClones([...inputs].reverse())).toEqual(findClones(inputs));
  });
});

describe("findClones: fragments inside units", () => {
  const copied = tokenStream(21, 60);

  it("finds a run copied into two otherwise different units, with its lines", () => {
    const a = joinStreams(tokenStream(1, 100), copied, tokenStream(2, 40));
    const b = joinStreams(tokenStream(3, 20), copied, tokenStream(4, 120));
    const { groups } = findClones([unit(1, a), unit(2, b)]);
    expect(groups).toHaveLength(1);
    const group = groups[0];
    expect(group).toMatchObject({ level: "fragment", kind: "identical", similarity: 1 });
    expect(group?.tokens).toBeGreaterThanOrEqual(60);
    expect(group?.tokens).toBeLessThan(64); // a token or two may match by chance at the edges
    // a's copy starts at token ~100 → line 35; b's at token ~20 → line 15.
    expect(group?.members.map((m) => m.id)).toEqual([1, 2]);
    expect(group?.members[0]?.startLine).toBeGreaterThanOrEqual(34);
    expect(group?.members[0]?.startLine).toBeLessThanOrEqual(35);
    expect(group?.members[1]?.startLine).toBeGreaterThanOrEqual(14);
  });

  it("joins three places of one run into one group", () => {
    const inputs = [1, 2, 3].map((id) =>
      unit(id, joinStreams(tokenStream(id * 10, 50), copied, tokenStream(id * 10 + 5, 50))),
    );
    const { groups } = findClones(inputs);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([[1, 2, 3]]);
  });

  it("bridges a small edit into one near-miss fragment (type 3)", () => {
    const edited = Uint32Array.from(copied);
    edited[30] = 999;
    const a = joinStreams(tokenStream(1, 80), copied, tokenStream(2, 80));
    const b = joinStreams(tokenStream(3, 80), edited, tokenStream(4, 80));
    const { groups } = findClones([unit(1, a), unit(2, b)], { minFragmentTokens: 50 });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.kind).toBe("near-miss");
    expect(groups[0]?.similarity).toBeGreaterThan(0.9);
  });

  it("ignores runs shorter than minFragmentTokens", () => {
    const short = tokenStream(31, 26);
    const a = joinStreams(tokenStream(1, 80), short, tokenStream(2, 80));
    const b = joinStreams(tokenStream(3, 80), short, tokenStream(4, 80));
    expect(findClones([unit(1, a), unit(2, b)]).groups).toEqual([]);
  });

  it("finds a run repeated within one file, as two places", () => {
    const a = joinStreams(tokenStream(1, 80), copied, tokenStream(5, 10), copied, tokenStream(2, 30));
    const { groups } = findClones([unit(1, a)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.members.map((m) => [m.id, m.startLine])).toEqual([
      [1, 30],
      [1, 47],
    ]);
  });

  it("finds a run that crosses from one unit into the next, as a lexer-based tool does", () => {
    // The end of unit 1 and the start of unit 2 were copied together into unit 3.
    const tail = copied.slice(0, 30);
    const head = copied.slice(30);
    const inputs = [
      unit(1, joinStreams(tokenStream(1, 80), tail), 7),
      unit(2, joinStreams(head, tokenStream(2, 80)), 7),
      unit(3, joinStreams(tokenStream(3, 60), copied, tokenStream(4, 60)), 8),
    ];
    const { groups } = findClones(inputs);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.level).toBe("fragment");
    expect(groups[0]?.members.map((m) => m.id)).toEqual([1, 3]);
    expect(groups[0]?.tokens).toBeGreaterThanOrEqual(60);
  });

  it("does not repeat a whole-unit copy as a fragment", () => {
    const { groups } = findClones([unit(1, base), unit(2, mutate(base, 60))]);
    expect(groups.map((g) => g.level)).toEqual(["unit"]);
  });
});

describe("findClones: boilerplate and same-job candidates", () => {
  it("marks a shape found in most files of a folder as scaffolding, and counts it", () => {
    const inputs = [0, 1, 2, 3].map((id) => unit(id, base, id, "routes"));
    const found = findClones(inputs, { folderFiles: new Map([["routes", 5]]) });
    expect(found.groups[0]?.boilerplate).toBe("scaffolding");
    expect(found.setAside.scaffolding).toBe(1);
    const sparse = findClones(inputs, { folderFiles: new Map([["routes", 40]]) });
    expect(sparse.groups[0]?.boilerplate).toBeUndefined();
  });

  it("proposes units with the same words and calls but different code as same-job candidates", () => {
    const words = [
      "w:retry",
      "w:attempt",
      "w:delay",
      "w:backoff",
      "c:setTimeout",
      "c:fetch",
      "k:status",
      "w:max",
      "w:jitter",
    ];
    const found = findClones([
      { ...unit(1, tokenStream(1, 120)), features: words },
      { ...unit(2, tokenStream(2, 120)), features: [...words, "w:extra"] },
      {
        ...unit(3, tokenStream(3, 120)),
        features: ["w:render", "w:button", "w:click", "c:useState", "k:label", "w:icon", "w:size", "w:theme"],
      },
    ]);
    expect(found.groups).toEqual([]);
    expect(found.candidates).toEqual([{ members: [1, 2], similarity: 0.9 }]);
  });
});
