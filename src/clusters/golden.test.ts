import { describe, expect, it } from "vitest";
import { findAdoptions, importsFrom } from "./golden.js";
import type { ClusterFile } from "./model.js";

const file = (repo: string, path: string, team: string, module: string, names: string[]): ClusterFile => ({
  repo,
  path,
  team,
  language: "python",
  imports: [{ module, names, line: 1 }],
  units: [],
});

describe("golden-path imports", () => {
  it("takes a package, a path under it, a Go import path and a Python module under it", () => {
    expect(importsFrom("@acme/kit", "@acme/kit")).toBe(true);
    expect(importsFrom("@acme/kit/retry", "@acme/kit")).toBe(true);
    expect(importsFrom("github.com/acme/kit/retry", "github.com/acme/kit")).toBe(true);
    expect(importsFrom("acme_kit.retry", "acme_kit")).toBe(true);
    expect(importsFrom("acme_kitchen", "acme_kit")).toBe(false);
    expect(importsFrom("@acme/kit-legacy", "@acme/kit")).toBe(false);
  });

  it("counts a Python module of the golden package as adoption when it is the golden file's module", () => {
    const files = [
      file("recs", "app/client.py", "insights", "acme_kit.retry", ["with_backoff"]),
      file("recs", "app/other.py", "insights", "acme_kit.logging", ["setup"]),
    ];
    const adoptions = findAdoptions(
      { concern: "retry", package: "acme_kit", path: "acme_kit/retry.py" },
      undefined,
      files,
    );
    expect(adoptions.map((a) => [a.team, a.module])).toEqual([["insights", "acme_kit.retry"]]);
  });
});
