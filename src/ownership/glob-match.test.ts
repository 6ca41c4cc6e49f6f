import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Piece, pieceMatcher, pieceRegex } from "./glob-match.js";

const piece = fc.oneof(
  fc.constantFrom("a", "b", "/", ".").map((char): Piece => ({ kind: "char", char })),
  fc.constantFrom<Piece>(
    { kind: "one" },
    { kind: "segment-star" },
    { kind: "any-star" },
    { kind: "folders" },
  ),
);
const tail = fc.constantFrom<Piece[]>(
  [],
  [{ kind: "segment-plus" }],
  [{ kind: "below" }],
  [{ kind: "maybe-below" }],
);
const path = fc.array(fc.constantFrom("a", "b", "/", "."), { maxLength: 12 }).map((chars) => chars.join(""));

describe("pieceMatcher", () => {
  it("the automaton (many wildcards) agrees with the regex it stands in for", () => {
    // Three wildcards in front push any pattern onto the automaton; the regex of the same pieces is the oracle.
    const pad: Piece[] = [{ kind: "folders" }, { kind: "folders" }, { kind: "folders" }];
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), tail, path, (pieces, end, p) => {
        const all = [...pad, ...pieces, ...end];
        const regex = pieceRegex(all);
        expect(pieceMatcher(all).test(p), `${regex} on ${p}`).toBe(regex.test(p));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes linear time on a pattern built to backtrack", () => {
    const pieces: Piece[] = [
      ...Array(40).fill({ kind: "folders" }),
      ...[..."x.ts"].map((char) => ({ kind: "char", char }) as Piece),
    ];
    const started = performance.now();
    expect(pieceMatcher(pieces).test(`${"a/".repeat(200)}y.ts`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
