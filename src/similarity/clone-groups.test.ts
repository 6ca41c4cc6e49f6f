import { describe, expect, it } from "vitest";
import { findCloneGroups, isRepetitive } from "./clone-groups.js";
import { kgramHashes, winnow } from "./fingerprint.js";

/** A deterministic pseudo-random token stream. */
function stream(seed: number, length: number): Uint32Array {
  const out = new Uint32Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x % 40;
  }
  return out;
}

function mutate(tokens: Uint32Array, every: number): Uint32Array {
  const out = Uint32Array.from(tokens);
  for (let i = every; i < out.length; i += every) out[i] = 999;
  return out;
}

describe("fingerprints", () => {
  it("rolling k-gram hashes equal hashes computed from scratch", () => {
    const tokens = stream(7, 60);
    const rolled = kgramHashes(tokens, 8);
    for (let i = 0; i < rolled.length; i++) {
      expect(rolled[i]).toBe(kgramHashes(tokens.slice(i, i + 8), 8)[0]);
    }
  });

  it("shares a fingerprint whenever a run of k + w - 1 tokens is shared", () => {
    const shared = stream(3, 23);
    const a = new Uint32Array([...stream(1, 40), ...shared, ...stream(2, 40)]);
    const b = new Uint32Array([...stream(5, 10), ...shared, ...stream(6, 70)]);
    const pa = winnow(a, 16, 8);
    expect([...winnow(b, 16, 8)].some((print) => pa.has(print))).toBe(true);
  });
});

describe("findCloneGroups", () => {
  const base = stream(11, 200);

  it("groups N copies into one group, not N-1 pairs", () => {
    const inputs = [0, 1, 2, 3].map((id) => ({ id, tokens: base }));
    inputs.push({ id: 4, tokens: stream(99, 200) });
    expect(findCloneGroups(inputs)).toEqual([{ members: [0, 1, 2, 3], similarity: 1, identical: true }]);
  });

  it("finds near-miss copies and says they are not identical", () => {
    const groups = findCloneGroups([
      { id: 1, tokens: base },
      { id: 2, tokens: mutate(base, 60) },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.identical).toBe(false);
    expect(groups[0]?.similarity).toBeGreaterThan(0.6);
    expect(groups[0]?.similarity).toBeLessThan(1);
  });

  it("leaves unrelated and too-small units alone", () => {
    expect(
      findCloneGroups([
        { id: 1, tokens: stream(1, 200) },
        { id: 2, tokens: stream(2, 200) },
        { id: 3, tokens: stream(3, 30) },
        { id: 4, tokens: stream(3, 30) },
      ]),
    ).toEqual([]);
  });

  it("sets aside one shape repeated (a table of constants), which looks like every other table", () => {
    const shape = [3, 7, 7, 9, 2];
    const table = (rows: number) => new Uint32Array(Array.from({ length: rows }, () => shape).flat());
    expect(isRepetitive(table(40), 16, 0.35)).toBe(true);
    expect(isRepetitive(base, 16, 0.35)).toBe(false);
    expect(
      findCloneGroups([
        { id: 1, tokens: table(40) },
        { id: 2, tokens: table(60) },
      ]),
    ).toEqual([]);
  });

  it("does not depend on input order", () => {
    const inputs = [0, 1, 2].map((id) => ({ id, tokens: id === 2 ? mutate(base, 50) : base }));
    expect(findCloneGroups([...inputs].reverse())).toEqual(findCloneGroups(inputs));
  });
});
