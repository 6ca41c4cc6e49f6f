import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kgramHashes } from "./fingerprint.js";
import type { PreparedUnit } from "./unit-clones.js";
import { identicalClasses } from "./unit-clones.js";

function unit(id: number, tokens: number[]): PreparedUnit {
  const stream = Uint32Array.from(tokens);
  return {
    input: { id, file: id, folder: "f", tokens: stream, tokenLines: new Uint32Array(stream.length) },
    hashes: kgramHashes(stream, 2),
  };
}

/** The classes by the streams' text: what identicalClasses must give, whatever its keys do. */
function byText(units: PreparedUnit[], minTokens: number): number[][] {
  const classes = new Map<string, number[]>();
  units.forEach((u, index) => {
    if (u.input.tokens.length < minTokens) return;
    const key = u.input.tokens.join(",");
    (classes.get(key) ?? classes.set(key, []).get(key))?.push(index);
  });
  return [...classes.values()];
}

describe("identical classes of units", () => {
  // Few token values and short streams, so many streams are equal and some differ by one token.
  const streams = fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 5 }), {
    maxLength: 40,
  });

  it("are the units with the same tokens, in order of their first unit, short units left out", () => {
    fc.assert(
      fc.property(streams, fc.integer({ min: 0, max: 3 }), (tokenLists, minTokens) => {
        const units = tokenLists.map((tokens, id) => unit(id, tokens));
        expect(identicalClasses(units, minTokens)).toEqual(byText(units, minTokens));
      }),
    );
  });

  it("tell apart streams whose keys collide, token by token", () => {
    fc.assert(
      fc.property(streams, (tokenLists) => {
        const units = tokenLists.map((tokens, id) => unit(id, tokens));
        // Every stream gets one key: only the comparison of tokens can keep the classes apart.
        expect(identicalClasses(units, 0, () => 7)).toEqual(byText(units, 0));
      }),
    );
  });
});
