import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinStreams, tokenStream } from "../../test/helpers/token-streams.js";
import { fileStreams } from "./file-streams.js";
import { findClones } from "./find-clones.js";
import type { CloneInput } from "./model.js";
import { DEFAULT_SIMILARITY, type SimilarityOptions } from "./options.js";
import { copiedRuns, radixOrder } from "./seed-runs.js";
import { streamPrints } from "./stream-prints.js";

const lines = (tokens: Uint32Array) => Uint32Array.from(tokens, (_, i) => 1 + Math.floor(i / 5));
const input = (id: number, file: number, tokens: Uint32Array): CloneInput => ({
  id,
  file,
  folder: `f${file}`,
  tokens,
  tokenLines: lines(tokens),
});

describe("radix order", () => {
  it("orders keys as a stable sort does, ties and keys above 2^31 included, and gives the keys so ordered", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 200 }),
        fc.boolean(),
        (values, narrow) => {
          // Narrow keys tie often, and share their high or low half with each other.
          const keys = Uint32Array.from(values, (value) =>
            narrow ? (value % 7) | ((value % 3) << 16) : value,
          );
          const stable = [...keys.keys()].sort((x, y) => (keys[x] as number) - (keys[y] as number) || x - y);
          expect([...radixOrder(keys)]).toEqual(stable);
          // The keys in that order, when asked for.
          const sortedKeys = new Uint32Array(keys.length);
          radixOrder(keys, sortedKeys);
          expect([...sortedKeys]).toEqual(stable.map((index) => keys[index]));
        },
      ),
    );
  });
});

describe("copied runs", () => {
  it("finds every run on a diagonal, the one before a run already found included", () => {
    // The same two runs at the same offset in both files, split by one changed token: one diagonal, two
    // runs. Seeds come in hash order, so the later run is often met first; the earlier must still be
    // found, whichever comes first (several streams, so both orders occur).
    const options: SimilarityOptions = { ...DEFAULT_SIMILARITY, k: 8, window: 4, maxGapTokens: 0 };
    for (let seed = 1; seed <= 12; seed++) {
      const first = tokenStream(seed, 60);
      const second = tokenStream(seed + 100, 60);
      const a = joinStreams(first, Uint32Array.of(901), second);
      const b = joinStreams(first, Uint32Array.of(902), second);
      const { streams } = fileStreams([input(0, 0, a), input(1, 1, b)], options.k, options.window);
      const { runs } = copiedRuns(streams, [0, 1], options, () => false);
      expect(runs.map((run) => [run.startA, run.endA, run.startB, run.endB])).toEqual([
        [0, 60, 0, 60],
        [61, 121, 61, 121],
      ]);
    }
  });

  it("bridges a changed token into one near-miss run", () => {
    const first = tokenStream(3, 60);
    const second = tokenStream(4, 60);
    const a = joinStreams(first, Uint32Array.of(901), second);
    const b = joinStreams(first, Uint32Array.of(902), second);
    const options: SimilarityOptions = { ...DEFAULT_SIMILARITY, k: 8, window: 4 };
    const { streams } = fileStreams([input(0, 0, a), input(1, 1, b)], options.k, options.window);
    const { runs } = copiedRuns(streams, [0, 1], options, () => false);
    expect(runs).toEqual([{ a: 0, b: 1, startA: 0, endA: 121, startB: 0, endB: 121, matched: 120 }]);
  });
});

describe("stream prints computed by the reader", () => {
  // Three files of two units each; the middle of every file is copied from one shape, with edits.
  const shared = tokenStream(9, 120);
  const files = [0, 1, 2].map((file) => {
    const own = tokenStream(20 + file, 80);
    const copy = Uint32Array.from(shared, (token, i) => (i === 30 + file ? 500 + file : token));
    return [own, copy];
  });
  /** Each file's units as views into one buffer, as the lexer writes them, with their stream prints. */
  const packed = (options: SimilarityOptions) => {
    const inputs: CloneInput[] = [];
    const prints = files.map((units, file) => {
      const whole = joinStreams(...units);
      const tokenLines = lines(whole);
      let offset = 0;
      for (const unit of units) {
        inputs.push({
          id: inputs.length,
          file,
          folder: "src",
          tokens: whole.subarray(offset, offset + unit.length),
          tokenLines: tokenLines.subarray(offset, offset + unit.length),
        });
        offset += unit.length;
      }
      return streamPrints(whole, options.k, options.window);
    });
    return { inputs, prints };
  };

  it("give the same groups as prints computed in the search", () => {
    const options: SimilarityOptions = { ...DEFAULT_SIMILARITY, minTokens: 60, minFragmentTokens: 40 };
    const { inputs, prints } = packed(options);
    const copiesOf = (units: CloneInput[]) => units.map((unit) => ({ ...unit, tokens: unit.tokens.slice() }));
    const searched = findClones(copiesOf(inputs), options);
    const given = findClones(inputs, { ...options, printsOf: (file) => prints[file] });
    expect(searched.groups.length).toBeGreaterThan(0);
    expect(given).toEqual(searched);
  });

  it("are passed over when they were made with other settings", () => {
    const options: SimilarityOptions = { ...DEFAULT_SIMILARITY, minTokens: 60, minFragmentTokens: 40 };
    const { inputs, prints } = packed({ ...options, k: options.k + 2 });
    const given = findClones(inputs, { ...options, printsOf: (file) => prints[file] });
    expect(given).toEqual(findClones(inputs, options));
  });

  it("read a file's stream in place when its units lie end to end in one buffer", () => {
    const options = DEFAULT_SIMILARITY;
    const { inputs } = packed(options);
    const { streams } = fileStreams(inputs, options.k, options.window);
    expect(streams[0]?.input.tokens.buffer).toBe(inputs[0]?.tokens.buffer);
    const apart = inputs.map((unit) => ({ ...unit, tokens: unit.tokens.slice() }));
    const copied = fileStreams(apart, options.k, options.window).streams;
    expect(copied[0]?.input.tokens.buffer).not.toBe(apart[0]?.tokens.buffer);
    expect([...(copied[0]?.input.tokens ?? [])]).toEqual([...(streams[0]?.input.tokens ?? [])]);
  });
});
