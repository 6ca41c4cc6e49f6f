import { describe, expect, it } from "vitest";
import type { CloneGroupJson } from "../result/index.js";
import { groupLine } from "./clones-view.js";

describe("groupLine", () => {
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
