import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import type { ScanResult } from "../src/result/index.js";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/repos.js";

describe("promoting unnamed work to a concern", () => {
  const dir = tempDir("lineitem-promote-");
  let orgDir: string;

  beforeAll(async () => {
    orgDir = (await buildExampleOrg(join(dir, "acme"))).dir;
    const run = await runCli(["scan", orgDir, "-q", "--json", join(dir, "scan.json")], dir);
    expect(run.code).toBe(0);
  }, 120_000);

  it("drafts a definition that loads, and the next scan reports the work by name", async () => {
    const scan = JSON.parse(readFileSync(join(dir, "scan.json"), "utf8")) as ScanResult;
    const money = scan.unnamed.find((u) => u.title.includes("allocate"));
    expect(money).toBeDefined();
    const promoted = await runCli(
      ["promote", "scan.json", money?.id ?? "", "--id", "money-helpers", "--title", "Money helpers"],
      dir,
    );
    expect(promoted.code).toBe(0);
    expect(promoted.stdout).toContain("concerns/money-helpers.yaml");
    const yaml = readFileSync(join(dir, "concerns", "money-helpers.yaml"), "utf8");
    expect(yaml).toMatch(/^# Drafted by `lineitem promote`/);
    expect(yaml).toContain("noun: money helpers");

    // The org's config, plus the new concern; the example org's config lives in its folder.
    const config = join(dir, "with-money.yaml");
    mkdirSync(join(dir, "concerns"), { recursive: true });
    const base = readFileSync(join(orgDir, "lineitem.config.yaml"), "utf8");
    writeFileSync(config, `${base}\nconcerns: [concerns]\n`);
    const rescan = await runCli(["scan", orgDir, "-c", config, "-q", "--json", "-"], dir);
    expect(rescan.code).toBe(0);
    const result = JSON.parse(rescan.stdout) as ScanResult;
    const cluster = result.concerns.find((c) => c.id === "money-helpers");
    expect(cluster?.crossTeam).toBe(true);
    expect(cluster?.implementations.map((i) => `${i.team} ${i.repo}/${i.path}`).sort()).toEqual([
      "checkout storefront/apps/web-checkout/src/lib/money.ts",
      "payments payments-api/src/lib/money.ts",
    ]);
  }, 120_000);

  it("names what is wrong: an unknown cluster, a file that is not a scan, a file that exists", async () => {
    const unknown = await runCli(["promote", "scan.json", "unnamed-99"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no unnamed work with the id "unnamed-99"[\s\S]*It has: unnamed-1/);
    writeFileSync(join(dir, "bad.json"), '{"kind": "something else"}');
    const bad = await runCli(["promote", "bad.json", "unnamed-1"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: not a lineitem scan result: kind/);
    const again = await runCli(["promote", "scan.json", "unnamed-1", "--id", "money-helpers"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists[\s\S]*--force/);
  });
});
