import { describe, expect, it } from "vitest";
import { parseHunkHeader, stepBack } from "./line-ranges.js";

const hunk = (header: string) => {
  const parsed = parseHunkHeader(header);
  if (!parsed) throw new Error(`bad header ${header}`);
  return parsed;
};

describe("stepBack", () => {
  it("reads git's -U0 headers, with a missing count meaning one line", () => {
    expect(hunk("@@ -6 +6 @@ l4")).toEqual({ oldStart: 6, oldCount: 1, newStart: 6, newCount: 1 });
    expect(hunk("@@ -0,0 +1,6 @@")).toEqual({ oldStart: 0, oldCount: 0, newStart: 1, newCount: 6 });
    expect(parseHunkHeader("+@@ not a header")).toBeNull();
  });

  it("shifts a range that lines inserted above it pushed down, without touching it", () => {
    // Two lines inserted after old line 2 push lines 10-20 to 12-22.
    expect(stepBack({ start: 12, end: 22 }, [hunk("@@ -2,0 +3,2 @@")])).toMatchObject({
      touched: false,
      added: 0,
      deleted: 0,
      older: { start: 10, end: 20 },
    });
  });

  it("ignores changes below the range", () => {
    expect(stepBack({ start: 1, end: 5 }, [hunk("@@ -8,2 +8 @@")]).touched).toBe(false);
  });

  it("counts an edit inside the range and keeps the range's old extent", () => {
    // Line 15 replaced by three lines: the range 10-22 was 10-20.
    expect(stepBack({ start: 10, end: 22 }, [hunk("@@ -15 +15,3 @@")])).toMatchObject({
      touched: true,
      added: 3,
      deleted: 1,
      older: { start: 10, end: 20 },
    });
  });

  it("counts lines deleted from the middle of the range", () => {
    expect(stepBack({ start: 10, end: 20 }, [hunk("@@ -15,4 +14,0 @@")])).toMatchObject({
      touched: true,
      added: 0,
      deleted: 4,
      older: { start: 10, end: 24 },
    });
  });

  it("says the range was created when the diff wrote all of it", () => {
    expect(stepBack({ start: 1, end: 6 }, [hunk("@@ -0,0 +1,6 @@")])).toMatchObject({
      touched: true,
      added: 6,
      deleted: 0,
      older: null,
    });
    // A function appended to an existing file.
    expect(stepBack({ start: 30, end: 40 }, [hunk("@@ -29,0 +30,11 @@")]).older).toBeNull();
  });

  it("follows a range whose first lines were written by the diff to where the rest was", () => {
    // Lines 5-7 new (inserted after old line 4); the range 5-12 grew from old 5-9.
    expect(stepBack({ start: 5, end: 12 }, [hunk("@@ -4,0 +5,3 @@")]).older).toEqual({ start: 5, end: 9 });
    // The range's last lines replaced old 20-21.
    expect(stepBack({ start: 10, end: 20 }, [hunk("@@ -20,2 +19,2 @@")]).older).toEqual({
      start: 10,
      end: 21,
    });
  });

  it("keeps the text the diff wrote inside the range, and what it removed", () => {
    const edit = { ...hunk("@@ -15 +15,3 @@"), addedText: ["x", "y", "z"], removedText: ["old"] };
    // Only lines 15-16 of the three written fall inside the range 10-16.
    expect(stepBack({ start: 10, end: 16 }, [edit])).toMatchObject({
      addedText: ["x", "y"],
      removedText: ["old"],
    });
  });

  it("applies several hunks in order", () => {
    const hunks = [hunk("@@ -1,0 +2,2 @@"), hunk("@@ -10 +12 @@"), hunk("@@ -30,3 +32,0 @@")];
    expect(stepBack({ start: 11, end: 20 }, hunks)).toMatchObject({
      touched: true,
      added: 1,
      deleted: 1,
      older: { start: 9, end: 18 },
    });
  });
});
