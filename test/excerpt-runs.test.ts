import { describe, expect, it } from "vitest";
import { GAP_LINE } from "../src/result/index.js";
import { excerptOf, fairShares, MAX_EXCERPT_LINES } from "../src/scan/excerpts.js";

const file = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe("fairShares", () => {
  it("gives each item what it has when the budget allows, and shares the rest evenly", () => {
    expect(fairShares([10, 20], 100)).toEqual([10, 20]);
    expect(fairShares([300, 80, 20], 300)).toEqual([200, 80, 20]);
    expect(fairShares([500, 500], 301)).toEqual([150, 151]);
  });
});

describe("excerptOf", () => {
  it("shows each run with the file's own line numbers and a gap line between them", () => {
    const excerpt = excerptOf(
      file(100),
      [
        { startLine: 3, endLine: 4 },
        { startLine: 50, endLine: 51 },
      ],
      "go",
    );
    expect(excerpt.lines).toEqual(["line 3", "line 4", GAP_LINE, "line 50", "line 51"]);
    expect(excerpt.lineNumbers).toEqual([3, 4, null, 50, 51]);
    expect(excerpt.truncated).toBe(false);
  });

  it("cuts long runs to a fair share, so every place of the work is seen", () => {
    // A 324-line service function first, then four short places: all five are shown.
    const runs = [
      { startLine: 155, endLine: 478 },
      { startLine: 763, endLine: 844 },
      { startLine: 1160, endLine: 1305 },
      { startLine: 1519, endLine: 1538 },
      { startLine: 1718, endLine: 1757 },
    ];
    const excerpt = excerptOf(file(2000), runs, "go");
    expect(excerpt.lines.length).toBeLessThanOrEqual(MAX_EXCERPT_LINES);
    expect(excerpt.truncated).toBe(true);
    for (const run of runs) expect(excerpt.lineNumbers).toContain(run.startLine);
    // The short places are whole.
    expect(excerpt.lineNumbers).toContain(1538);
    expect(excerpt.lineNumbers).toContain(1757);
    expect(excerpt.lineNumbers.filter((n) => n === null)).toHaveLength(4);
  });
});
