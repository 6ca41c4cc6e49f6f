import { describe, expect, it } from "vitest";
import { makeUnit } from "../../test/helpers/units.js";
import { fanIn } from "./fan-in.js";
import type { ClusterFile, FoundImplementation } from "./model.js";

function file(path: string, parts: Partial<ClusterFile>): ClusterFile {
  return { repo: "shop", path, team: "t", language: "typescript", imports: [], units: [], ...parts };
}

const impl = (fileIndex: number, units: number[]): FoundImplementation => ({
  file: fileIndex,
  concern: "retry",
  units,
  matched: units,
  work: units,
  score: 9,
  evidence: [],
  startLine: 1,
  endLine: 9,
});

describe("fan-in", () => {
  const files = [
    file("src/lib/retry.ts", { units: [makeUnit("withRetry"), makeUnit("sleep")] }),
    file("src/orders/submit.ts", {
      imports: [{ module: "../lib/retry.js", names: ["withRetry"], line: 1 }],
      units: [
        makeUnit("submit", { calls: ["withRetry", "fetch"] }),
        makeUnit("cancel", { calls: ["withRetry"] }),
      ],
    }),
    // Calls a function of the same name without importing the module: not a use of it.
    file("src/other/local.ts", { units: [makeUnit("go", { calls: ["withRetry"] })] }),
    file("src/kit.ts", {
      imports: [{ module: "@acme/kit/retry", names: ["retry"], line: 1 }],
      units: [makeUnit("load", { calls: ["retry"] })],
    }),
    file("packages/kit/src/retry.ts", { units: [makeUnit("retry")] }),
    file("recs/util/retry.py", { language: "python", units: [makeUnit("retry_call")] }),
    file("recs/clients/http.py", {
      language: "python",
      imports: [{ module: "recs.util.retry", names: ["retry_call"], line: 1 }],
      units: [makeUnit("HttpClient.get", { calls: ["retry_call"] })],
    }),
  ];

  it("counts the units in other files that call an implementation through an import of its file", () => {
    expect(fanIn(files, [impl(0, [0, 1]), impl(5, [0])])).toEqual([2, 1]);
  });

  it("counts importers of a golden path's package anywhere in the org", () => {
    const golden = impl(4, [0]);
    expect(fanIn(files, [golden], (i) => (i === golden ? "@acme/kit" : undefined))).toEqual([1]);
    expect(fanIn(files, [golden])).toEqual([0]);
  });
});
