import { describe, expect, it } from "vitest";
import { firstChangedLine, parseHunks, parseNameStatus } from "./change-diff.js";

describe("a change's files and lines, from git diff", () => {
  it("reads added, modified, renamed and copied files, and leaves deletions out", () => {
    const output = [
      "A",
      "new.ts",
      "M",
      "old.ts",
      "R100",
      "a.ts",
      "b.ts",
      "C75",
      "c.ts",
      "d.ts",
      "D",
      "gone.ts",
      "",
    ].join("\0");
    expect(parseNameStatus(output)).toEqual([
      { path: "new.ts", oldPath: null, status: "added" },
      { path: "old.ts", oldPath: null, status: "modified" },
      { path: "b.ts", oldPath: "a.ts", status: "renamed" },
      { path: "d.ts", oldPath: "c.ts", status: "copied" },
    ]);
  });

  it("takes the new side of each hunk; a hunk that adds nothing marks where lines were removed", () => {
    const diff = [
      "diff --git a/src/retry.ts b/src/retry.ts",
      "index 1111111..2222222 100644",
      "--- a/src/retry.ts",
      "+++ b/src/retry.ts",
      "@@ -3 +3 @@ export function retry() {",
      "@@ -10,2 +10,4 @@",
      "@@ -20,3 +21,0 @@",
      "diff --git a/gone.ts b/gone.ts",
      "deleted file mode 100644",
      "--- a/gone.ts",
      "+++ /dev/null",
      "@@ -1,4 +0,0 @@",
      "diff --git a/old.ts b/moved.ts",
      "similarity index 100%",
      "rename from old.ts",
      "rename to moved.ts",
    ].join("\n");
    const changes = parseHunks(diff);
    expect([...changes.keys()]).toEqual(["src/retry.ts"]);
    expect(changes.get("src/retry.ts")).toEqual({
      ranges: [
        [3, 3],
        [10, 13],
      ],
      removedAfter: [21],
    });
  });

  it("finds the first changed line inside a unit, and removals only strictly inside it", () => {
    const changes = { ranges: [[10, 13]] as [number, number][], removedAfter: [21] };
    expect(firstChangedLine(changes, 1, 9)).toBeNull();
    expect(firstChangedLine(changes, 12, 30)).toBe(12);
    expect(firstChangedLine(changes, 15, 21)).toBeNull();
    expect(firstChangedLine(changes, 15, 22)).toBe(21);
    expect(firstChangedLine(undefined, 1, 100)).toBeNull();
  });
});
