import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/shared/index.js";

describe("docs/reliability.md", () => {
  it("names only tests that exist, and says what scripts/reliability.mjs says", () => {
    const run = spawnSync(process.execPath, [join(packageRoot, "scripts", "reliability.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
