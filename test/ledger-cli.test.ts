import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { ann, bo, commit, cy, makeRepo, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

const retry = (attempts: number) => retrySource(attempts, "retryRequest");

describe("lineitem ledger", async () => {
  const dir = tempDir();
  const org = join(dir, "org");
  await makeRepo(org, "checkout", [
    commit("2025-01-06T10:00:00+00:00", ann, "Retry helper", { "src/retry.ts": retry(3) }),
    commit("2025-04-07T10:00:00+00:00", ann, "Five attempts", { "src/retry.ts": retry(5) }),
  ]);
  await makeRepo(org, "payments", [
    commit(
      "2025-02-03T10:00:00+00:00",
      bo,
      "Our own retry",
      { "lib/retry.ts": retry(4) },
      { coauthors: [cy] },
    ),
  ]);
  await makeRepo(org, "catalog", [
    commit("2025-03-03T10:00:00+00:00", cy, "Retry for the BFF", { "util/retry.ts": retry(2) }),
  ]);

  it("prints the line items, the platform team beside them and the advice, with assumptions", async () => {
    const run = await runCli(["ledger", org, "--quiet", "--no-color"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/The line items: what the repeats cost/);
    expect(run.stdout).toMatch(/Retry with backoff +3 +3 +/);
    expect(run.stdout).toMatch(/MVP platform team \(2–3 engineers\)/);
    expect(run.stdout).toMatch(/Assumptions: 0\.25–1 engineer-days per active author-day/);
    expect(run.stdout).toMatch(/Advice: approach A — Stay federated/);
    expect(run.stdout).toMatch(/3 active engineers \(< 20/);
    // People are counted, never named, unless asked.
    expect(run.stdout).not.toMatch(/Ann Lee|example\.test/);
  });

  it("writes a CSV for a spreadsheet, every row with its assumptions", async () => {
    const run = await runCli(["ledger", org, "--quiet", "--csv", join(dir, "ledger.csv")]);
    expect(run.code).toBe(0);
    const rows = readFileSync(join(dir, "ledger.csv"), "utf8").trimEnd().split("\r\n");
    expect(rows[0]).toMatch(/^item,title,kind,quarter,engineer_days_low,engineer_days_high,/);
    const retryRows = rows.filter((row) => row.startsWith("retry,"));
    // The first writing (checkout, 2025-Q1) is not a repeat; payments (Q1) and catalog (Q1) are.
    expect(retryRows.map((row) => row.split(",")[3])).toEqual(["2025-Q1", "2025-Q2"]);
    expect(rows.some((row) => row.startsWith("platform-team,"))).toBe(true);
    for (const row of rows.slice(1)) expect(row).toMatch(/engineer-days per active author-day/);
  });

  it("reads a stored scan with --from, and names people only with --people (emails with --emails)", async () => {
    const stored = join(dir, "scan.json");
    expect((await runCli(["scan", org, "--quiet", "--emails", "--json", stored])).code).toBe(0);
    const run = await runCli(["ledger", "--from", stored, "--no-color"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Bo Diaz <bo@example\.test>/);
    const json = JSON.parse(readFileSync(stored, "utf8"));
    expect(json.ledger.people.map((p: { email: string }) => p.email).sort()).toEqual([
      "ann@example.test",
      "bo@example.test",
      "cy@example.test",
    ]);
    const named = await runCli(["ledger", org, "--quiet", "--people", "--json", "-"]);
    expect(JSON.parse(named.stdout).ledger.people.every((p: { email: null }) => p.email === null)).toBe(true);
  });

  it("refuses a file that is not a scan, naming it, with exit 2 and no stack trace", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{"kind": "something else"}');
    const run = await runCli(["ledger", "--from", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: not a lineitem scan result/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const both = await runCli(["ledger", org, "--from", bad]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either PATHs to scan or --from/);
  });

  it("has complete help", async () => {
    const run = await runCli(["ledger", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:/);
    expect(run.stdout).toMatch(/--csv <file>/);
    expect(run.stdout).toMatch(/docs\/ledger\.md/);
  });
});
