import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  renderCheckAnnotations,
  renderCheckMarkdown,
  renderCheckSarif,
  renderCheckView,
} from "../src/report/index.js";
import type { CheckResult } from "../src/result/index.js";
import { gitAt } from "./helpers/branches.js";
import { checkOrg } from "./helpers/check-org.js";
import { runCli } from "./helpers/cli.js";

// `lineitem check` on the Acme example org: real repositories, a real scan kept in a real index, and
// branches made with git in the storefront monorepo, each checked against main.

describe("lineitem check on the example org", async () => {
  const { dir, config, index, storefront, checkArgs, check } = await checkOrg();

  it("flags a new retry helper in a team that has none, with every existing implementation and the golden path", async () => {
    const { code, result } = await check("search-retry");
    expect(code).toBe(0);
    expect(result.head.workingTree).toBe(false);
    expect(result.findings).toHaveLength(1);
    const finding = result.findings[0] as CheckResult["findings"][number];
    expect(finding).toMatchObject({
      kind: "concern",
      level: "warning",
      concern: "retry",
      team: "search",
      location: {
        repo: "storefront",
        path: "services/search/src/retry.ts",
        startLine: 1,
        endLine: 17,
        line: 1,
      },
      goldenPath: {
        package: "@acme/platform-kit",
        repo: "storefront",
        path: "packages/platform-kit/src/retry.ts",
        owner: "platform",
        found: true,
      },
    });
    expect(
      finding.existing.map((copy) => `${copy.team} ${copy.repo}/${copy.path}:${copy.startLine}`),
    ).toEqual([
      // The golden path, then what TypeScript code could call (TypeScript and JavaScript), the most used
      // first (payments' copy has the most callers), then the rest.
      "platform storefront/packages/platform-kit/src/retry.ts:30",
      "payments payments-api/src/lib/with-retry.ts:27",
      "checkout storefront/apps/web-checkout/src/lib/retry.ts:13",
      "catalog storefront/services/catalog-bff/src/util/retry.ts:11",
      "identity notifications-worker/lib/retry.js:12",
      "fulfilment fulfilment-svc/internal/retry/retry.go:37",
      "insights recs-service/recs/util/retry.py:10",
    ]);
    expect(finding.parameters.filter((p) => !p.same).map((p) => [p.id, p.yours, p.golden])).toEqual([
      ["attempts", "5", "3"],
      ["baseDelay", "200 ms", "100 ms"],
      ["maxDelay", null, "2 s"],
      ["jitter", null, "yes (Math.random)"],
      ["retryOn", null, "408, 429, 500, 502, 503, 504"],
    ]);
    expect(finding.action).toContain("Use @acme/platform-kit");
    expect(finding.action).toContain("ask platform");
  });

  it("points first at the most used copy, the team's own among them", async () => {
    const args = checkArgs("payments-retry").map((arg) =>
      arg === storefront ? join(dir, "acme", "payments-api") : arg,
    );
    const run = await runCli([...args, "--format", "json"], dir);
    const finding = (JSON.parse(run.stdout) as CheckResult).findings.find((f) => f.concern === "retry");
    // The golden path, then by callers: payments' own with-retry (9) above checkout's (7) and catalog's (2).
    expect(finding?.existing.slice(0, 4).map((copy) => copy.team)).toEqual([
      "platform",
      "payments",
      "checkout",
      "catalog",
    ]);
  });

  it("with no golden path, tells the team to reuse its own copy first when that is the most used", async () => {
    const args = checkArgs("payments-audit").map((arg) =>
      arg === storefront ? join(dir, "acme", "payments-api") : arg,
    );
    const run = await runCli([...args, "--format", "json"], dir);
    const finding = (JSON.parse(run.stdout) as CheckResult).findings.find((f) => f.concern === "audit-log");
    // payments' audit log (9 callers) above identity's (4); then Go and Python.
    expect(finding?.existing.map((copy) => copy.team)).toEqual([
      "payments",
      "identity",
      "fulfilment",
      "insights",
    ]);
    expect(finding?.action).toMatch(
      /^Reuse your team's own payments-api\/src\/audit\/audit-log\.ts, called from 9 places, or another team's \(identity, fulfilment and insights\), or agree on one shared implementation with those teams\./,
    );
  });

  it("reads a new copy's defaults from the module it imports, unchanged on the branch", async () => {
    const args = checkArgs("search-retry-policy").map((arg) => (arg === "main" ? "search-policy" : arg));
    const run = await runCli([...args, "--format", "json"], dir);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.findings.map((f) => [f.concern, f.location.path])).toEqual([
      ["retry", "services/search/src/retry.ts"],
    ]);
    const finding = result.findings[0] as CheckResult["findings"][number];
    expect(finding.parameters.filter((p) => !p.same).map((p) => [p.id, p.yours, p.golden])).toEqual([
      ["attempts", "4", "3"],
      ["baseDelay", "250 ms", "100 ms"],
      ["maxDelay", null, "2 s"],
      ["jitter", null, "yes (Math.random)"],
      ["retryOn", null, "408, 429, 500, 502, 503, 504"],
    ]);
  });

  it("renders the same finding for a terminal, a pull-request comment, code scanning and the workflow log", async () => {
    const { result } = await check("search-retry");
    // Moments and the temporary folder aside, a check of the same branch says the same bytes every time.
    const fixed: CheckResult = {
      ...result,
      generatedAt: "2026-11-02T10:00:00.000Z",
      index: { ...result.index, where: "/org/index.sqlite", scannedAt: "2026-11-02T09:00:00.000Z" },
    };
    expect(renderCheckView(fixed, { color: false })).toMatchSnapshot("terminal");
    expect(renderCheckMarkdown(fixed)).toMatchSnapshot("markdown");
    expect(renderCheckSarif(fixed)).toMatchSnapshot("sarif");
    expect(renderCheckAnnotations(fixed)).toMatchSnapshot("annotations");
  });

  it("points at an existing implementation's first place of work, and says how many more there are", async () => {
    const { result } = await check("search-retry");
    const finding = result.findings[0] as CheckResult["findings"][number];
    const payments = finding.existing.find((copy) => copy.team === "payments");
    expect(payments?.units.some((unit) => unit.role === "work")).toBe(true);
    // As a service file would hold it: the work at the top and a helper far below, other code between.
    const spread: CheckResult = {
      ...result,
      findings: [
        {
          ...finding,
          existing: [
            {
              ...(payments as (typeof finding.existing)[number]),
              startLine: 27,
              endLine: 420,
              units: [
                { name: "withRetry", kind: "function", startLine: 27, endLine: 60, role: "work" },
                { name: "sleep", kind: "function", startLine: 62, endLine: 64, role: "support" },
                { name: "backoffDelay", kind: "function", startLine: 400, endLine: 420, role: "work" },
              ],
            },
          ],
        },
      ],
    };
    const where = "payments-api/src/lib/with-retry.ts:27-60 +1 more";
    expect(renderCheckView(spread, { color: false })).toContain(where);
    expect(renderCheckMarkdown(spread)).toContain(where);
    const sarif = JSON.parse(renderCheckSarif(spread));
    const related = sarif.runs[0].results[0].relatedLocations[0];
    expect(related.physicalLocation.region).toEqual({ startLine: 27, endLine: 60 });
    expect(related.message.text).toContain(where);
  });

  it("reads the working tree when the branch is checked out, and says the same", async () => {
    gitAt(storefront, ["checkout", "--quiet", "search-retry"]);
    try {
      const run = await runCli(["check", "--base", "main", "-c", config, "--index", index], storefront);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        "warning services/search/src/retry.ts:1 Retry with backoff already exists in the org [retry]",
      );
      expect(run.stdout).toContain(
        "your retry: attempts 5, base delay 200 ms; @acme/platform-kit: attempts 3, base delay 100 ms, max delay 2 s",
      );
      expect(run.stdout).toContain(
        "platform: storefront/packages/platform-kit/src/retry.ts:30-63 (golden path)",
      );
      expect(run.stdout).toContain("and the working tree");
    } finally {
      gitAt(storefront, ["checkout", "--quiet", "main"]);
    }
  });

  it("does not flag a branch that adopts the golden path", async () => {
    const { result } = await check("search-golden");
    expect(result.changed.checked).toBe(1);
    expect(result.changed.units).toBeGreaterThan(0);
    expect(result.findings).toEqual([]);
  });

  it("does not flag a change to feature code only", async () => {
    const { result } = await check("stepper-label");
    expect(result.changed).toMatchObject({ files: 1, checked: 1, units: 1 });
    expect(result.findings).toEqual([]);
  });

  it("does not flag a renamed file again", async () => {
    const { result } = await check("rename-retry");
    expect(result.changed).toMatchObject({ files: 1, units: 0 });
    expect(result.findings).toEqual([]);
  });

  it("flags a copy of another team's code as a note, pointing at the original", async () => {
    const { result, code } = await check("catalog-split", "--fail-on", "warning");
    expect(code).toBe(0);
    expect(
      result.findings.map((f) => [f.kind, f.level, f.team, f.location.path, f.location.units[0]?.name]),
    ).toEqual([["copy", "note", "catalog", "services/catalog-bff/src/util/split.ts", "splitAmount"]]);
    // checkout's allocate, and the copy payments already made of it.
    expect(
      result.findings[0]?.existing.map((copy) => [
        copy.team,
        `${copy.repo}/${copy.path}`,
        copy.units[0]?.name,
      ]),
    ).toEqual([
      ["payments", "payments-api/src/lib/money.ts", "allocate"],
      ["checkout", "storefront/apps/web-checkout/src/lib/money.ts", "allocate"],
    ]);
    expect(result.findings[0]?.existing.every((copy) => (copy.similarity ?? 0) >= 0.6)).toBe(true);
    expect((await check("catalog-split", "--fail-on", "note")).code).toBe(1);
  });

  it("keeps an allowed copy on record with its reason, and does not fail on it", async () => {
    const { result, code } = await check("search-retry-allowed", "--fail-on", "note");
    expect(code).toBe(0);
    expect(result.findings).toEqual([]);
    expect(result.allowed.map((f) => [f.concern, f.allowed])).toEqual([
      [
        "retry",
        {
          source: "comment",
          reason:
            "the search cluster's client needs its own backoff until platform-kit takes a policy per call",
          where: "services/search/src/retry.ts:1",
        },
      ],
    ]);
  });

  it("takes allowances from the config too", async () => {
    const allowing = join(dir, "allowing.yaml");
    writeFileSync(
      allowing,
      `${readFileSync(config, "utf8")}\ncheck:\n  allow:\n    - concern: retry\n      path: "services/search/**"\n      reason: "search talks to a vendor cluster with its own rate limits"\n`,
    );
    const run = await runCli([...checkArgs("search-retry", allowing), "--format", "json"], dir);
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.findings).toEqual([]);
    expect(result.allowed[0]?.allowed).toEqual({
      source: "config",
      reason: "search talks to a vendor cluster with its own rate limits",
      where: `${allowing}: check.allow[0]`,
    });
  });

  it("says when an index from an earlier lineitem keeps no list of the org's files, and still checks concerns", async () => {
    const earlier = join(dir, "earlier.sqlite");
    copyFileSync(index, earlier);
    const db = new Database(earlier);
    db.exec("DELETE FROM scan_file");
    db.close();
    const run = await runCli(
      [
        "check",
        storefront,
        "--base",
        "main",
        "--head",
        "catalog-split",
        "-c",
        config,
        "--index",
        earlier,
        "--json",
        "-",
      ],
      dir,
    );
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.index.copies).toBe(false);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["check-no-copies"]);
  });
});
