import { describe, expect, it } from "vitest";
import { percentAlike } from "./alike.js";

describe("percentAlike", () => {
  it("keeps 100% for copies that are the same, and never rounds a near-miss up to it", () => {
    expect(percentAlike(1)).toBe(100);
    expect(percentAlike(0.996)).toBe(99);
    expect(percentAlike(0.694)).toBe(69);
    expect(percentAlike(1, false)).toBe(99);
  });
});
