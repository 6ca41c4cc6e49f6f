import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../src/result/index.js";
import { runCli } from "./helpers/cli.js";
import { buildCloneOrg } from "./helpers/clone-org.js";
import { tempDir } from "./helpers/repos.js";

describe("clone groups across teams", () => {
  const dir = tempDir("lineitem-clones-");
  let org: string;

  beforeAll(async () => {
    org = await buildCloneOrg(dir);
  }, 60_000);

  async function scanJson(...flags: string[]): Promise<ScanResult> {
    const run = await runCli([
      "scan",
      org,
      "-c",
      join(org, "lineitem.config.yaml"),
      "-q",
      "--json",
      "-",
      ...flags,
    ]);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as ScanResult;
  }

  it("reports the copies of one function as one group, the canonical member marked", async () => {
    const result = await scanJson();
    const group = result.clones.groups.find((g) => g.members.some((m) => m.unit === "fetchAllPages"));
    expect(group).toMatchObject({
      level: "unit",
      kind: "renamed",
      crossTeam: true,
      teams: ["platform", "shop"],
    });
    expect(group?.members.map((m) => [m.repo, m.path, m.canonical])).toEqual([
      ["platform", "packages/http/src/paginate.ts", true],
      ["shop", "src/orders/list.ts", false],
    ]);
    expect(group?.members[0]).toMatchObject({ startLine: 2, endLine: 14 });
  });

  it("finds a run of code copied inside two different functions, with its lines", async () => {
    const result = await scanJson();
    const group = result.clones.groups.find((g) => g.level === "fragment" && g.crossTeam);
    expect(group?.kind).toBe("exact");
    expect(group?.members.map((m) => [m.repo, m.unit])).toEqual([
      ["search", "invoiceLine"],
      ["shop", "cartTotal"],
    ]);
    const [invoice, cart] = group?.members ?? [];
    // The copied lines are 8-12 of cartTotal and 8-12 of invoiceLine; edges may take a line either way.
    expect(cart?.startLine).toBeGreaterThanOrEqual(7);
    expect(cart?.endLine).toBeLessThanOrEqual(13);
    expect(invoice?.startLine).toBeGreaterThanOrEqual(7);
    expect(invoice?.endLine).toBeLessThanOrEqual(13);
  });

  it("sets scaffolding aside and counts it; --show-boilerplate lists it", async () => {
    const quiet = await scanJson();
    expect(quiet.clones.groups.filter((g) => g.boilerplate)).toEqual([]);
    expect(quiet.clones.setAside.scaffolding).toBe(1);
    const shown = await scanJson("--show-boilerplate");
    const scaffolding = shown.clones.groups.filter((g) => g.boilerplate === "scaffolding");
    expect(scaffolding).toHaveLength(1);
    expect(scaffolding[0]?.members.map((m) => m.path)).toEqual([
      "src/routes/a.ts",
      "src/routes/b.ts",
      "src/routes/c.ts",
      "src/routes/d.ts",
    ]);
    expect(shown.clones.settings.showBoilerplate).toBe(true);
  });

  it("prints one finding per group in the terminal view, canonical marked ◆", async () => {
    const run = await runCli(["scan", org, "-c", join(org, "lineitem.config.yaml"), "-q"]);
    expect(run.stdout).toContain("Copies across teams");
    expect(run.stdout).toMatch(
      /2 copies with other names or values \(\d+ lines, \d+ tokens\) across platform, shop/,
    );
    expect(run.stdout).toMatch(
      /◆ +platform +platform +packages\/http\/src\/paginate\.ts:2-14 +fetchAllPages/,
    );
    expect(run.stdout).toContain("--show-boilerplate lists them");
  });

  it("takes its thresholds from the config, and refuses a bad one naming the key", async () => {
    const strict = join(dir, "strict.yaml");
    writeFileSync(strict, "similarity:\n  minFragmentTokens: 200\n");
    const run = await runCli(["scan", org, "-c", strict, "-q", "--json", "-"]);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.clones.groups.filter((g) => g.level === "fragment")).toEqual([]);
    expect(result.clones.settings.minFragmentTokens).toBe(200);

    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "similarity:\n  minSimilarity: 2\n");
    const refused = await runCli(["scan", org, "-c", bad, "-q"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.yaml:2.*similarity\.minSimilarity/);
  });
});
