import { describe, expect, it } from "vitest";
import { scanResultSchema } from "../src/result/index.js";
import { SKIP_REASONS } from "../src/sources/index.js";

describe("contracts between stages", () => {
  it("the result schema knows every reason the sources stage sets a file aside for", () => {
    const skipped = scanResultSchema.shape.skipped.element.shape.reason;
    expect([...skipped.options].sort()).toEqual([...SKIP_REASONS].sort());
  });
});
