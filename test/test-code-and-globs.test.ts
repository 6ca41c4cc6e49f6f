import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../src/result/index.js";
import { scan } from "../src/scan/index.js";
import { ann, commit, makeRepo, tempDir } from "./helpers/repos.js";

const RETRY = (name: string, attempts: number) => `export async function ${name}(fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= ${attempts}) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
`;

const paths = (result: ScanResult, concern: string) =>
  result.concerns
    .find((c) => c.id === concern)
    ?.implementations.map((i) => i.path)
    .sort() ?? [];

describe("test code, and the org's own include and exclude globs", () => {
  const dir = tempDir();
  let root: string;

  beforeAll(async () => {
    root = await makeRepo(dir, "shop", [
      commit("2024-05-01T10:00:00Z", ann, "Teams and their code", {
        ".github/CODEOWNERS": "/alpha/ @acme/alpha\n/beta/ @acme/beta\n",
        "alpha/src/retry.ts": RETRY("retryCall", 3),
        // Test code by path, and by framework: this one lives in src/ but imports vitest.
        "beta/src/retry.test.ts": RETRY("retryInTest", 4),
        "beta/src/harness.ts": `import { vi } from "vitest";\n${RETRY("retryHarness", 5)}`,
        // A vendored copy the org knows is theirs, and a generated one they want kept out.
        "beta/vendor/retry.ts": RETRY("retryVendored", 6),
        "beta/src/legacy/retry.ts": RETRY("retryLegacy", 7),
      }),
    ]);
  }, 60_000);

  it("keeps test code out of clusters by default, recognised by path and by framework", async () => {
    const result = await scan({ paths: [root], cwd: dir, workers: 1 });
    expect(paths(result, "retry")).toEqual(["alpha/src/retry.ts", "beta/src/legacy/retry.ts"]);
    expect(result.summary.testFiles).toBe(2);
  });

  it("counts test code when asked", async () => {
    const result = await scan({ paths: [root], cwd: dir, workers: 1, includeTests: true });
    expect(paths(result, "retry")).toEqual([
      "alpha/src/retry.ts",
      "beta/src/harness.ts",
      "beta/src/legacy/retry.ts",
      "beta/src/retry.test.ts",
    ]);
  });

  it("reads what the config includes and sets aside what it excludes", async () => {
    writeFileSync(join(dir, "globs.yaml"), 'include: ["beta/vendor/**"]\nexclude: ["**/legacy/**"]\n');
    const result = await scan({ paths: [root], cwd: dir, workers: 1, configFile: "globs.yaml" });
    expect(paths(result, "retry")).toEqual(["alpha/src/retry.ts", "beta/vendor/retry.ts"]);
    expect(result.skipped.find((s) => s.path === "beta/src/legacy/retry.ts")?.reason).toBe("excluded");
    expect(result.skipped.find((s) => s.path === "beta/vendor/retry.ts")).toBeUndefined();
  });

  it("sets vendored code aside by default", async () => {
    const result = await scan({ paths: [root], cwd: dir, workers: 1 });
    expect(result.skipped.find((s) => s.path === "beta/vendor/retry.ts")?.reason).toBe("vendored");
  });
});
