import { describe, expect, it } from "vitest";
import type { CloneGroupJson } from "../result/index.js";
import { groupLine, percentAlike } from "./clones-view.js";

describe("percentAlike", () => {
  it("keeps 100% for copies that are the same, and never rounds a near-miss up to it", () => {
    expect(percentAlike(1)).toBe(100);
    expect(percentAlike(0.996)).toBe(99);
    expect(percentAlike(0.694)).toBe(69);
    expect(percentAlike(1, false)).toBe(99);
  });

  it("says a near-miss group is 99% alike, not 100%", () => {
    const group = {
      level: "unit",
      kind: "near-miss",
      lines: 23,
      tokens: 133,
      similarity: 0.997,
      teams: ["matching", "server"],
      boilerplate: null,
      members: [{}, {}],
    } as unknown as CloneGroupJson;
    expect(groupLine(group)).toBe(
      "2 near-miss copies (23 lines, 133 tokens, 99% alike) across matching, server",
    );
    // Temporal's five metric clients: not the same code, yet every fingerprint shared (similarity 1).
    expect(groupLine({ ...group, similarity: 1 })).toBe(
      "2 near-miss copies (23 lines, 133 tokens, 99% alike) across matching, server",
    );
  });
});
