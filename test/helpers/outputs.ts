import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { startServer } from "../../src/web/index.js";
import { runCli } from "./cli.js";

/** Every output lineitem writes, by name: what a test that greps all of them goes through. */
export const OUTPUT_NAMES = [
  "scan",
  "scan --json",
  "scan --people",
  "scan --people people.json",
  "report markdown",
  "report csv",
  "report html",
  "report json",
  "ledger",
  "ledger ledger.csv",
  "ledger --people",
  "trend",
  "trend trend.json",
  "trend trend.csv",
  "trend --people",
  "check",
  "check sarif",
  "check annotations",
  "check markdown",
  "check json",
  "dashboard /api/data",
  "dashboard page",
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface OutputsOf {
  org: string;
  /** The index the scans keep, read by report, check and the dashboard. */
  index: string;
  config?: string;
  /** A branch a check reads: its repository and head, against main. */
  check: { repo: string; head: string };
}

/**
 * Runs every command on an org, in `dir`, with everything it prints (stdout and stderr) and every file it
 * writes kept by name: scan (view, JSON, per person), report (Markdown, CSV, HTML, JSON), ledger (view,
 * CSV, per person), trend (view, JSON, CSV, per person), check (view, SARIF, annotations, Markdown,
 * JSON) and the dashboard (its data and its page).
 */
export async function everyOutput(dir: string, of: OutputsOf): Promise<Map<OutputName, string>> {
  const outputs = new Map<string, string>();
  const run = async (name: string, args: string[], files: string[] = []) => {
    const done = await runCli(args, dir);
    expect(done.code, `${name}: ${done.stderr}`).toBeLessThanOrEqual(1);
    outputs.set(name, `${done.stdout}\n${done.stderr}`);
    for (const file of files) outputs.set(`${name} ${file}`, readFileSync(join(dir, file), "utf8"));
  };
  const common = [...(of.config ? ["-c", of.config] : []), "--index", of.index, "-q"];
  await run("scan", ["scan", of.org, ...common]);
  await run("scan --json", ["scan", of.org, ...common, "--json", "-"]);
  await run(
    "scan --people",
    ["scan", of.org, ...common, "--people", "--json", "people.json"],
    ["people.json"],
  );
  for (const format of ["markdown", "csv", "html", "json"]) {
    await run(`report ${format}`, ["report", "--index", of.index, "--format", format, "-q"]);
  }
  await run("ledger", ["ledger", of.org, ...common, "--csv", "ledger.csv"], ["ledger.csv"]);
  await run("ledger --people", ["ledger", of.org, ...common, "--people"]);
  await run(
    "trend",
    ["trend", of.org, ...common, "--json", "trend.json", "--csv", "trend.csv"],
    ["trend.json", "trend.csv"],
  );
  await run("trend --people", ["trend", of.org, ...common, "--people", "--json", "-"]);
  const check = ["check", of.check.repo, "--base", "main", "--head", of.check.head, ...common];
  await run("check", check);
  for (const format of ["sarif", "annotations", "markdown", "json"]) {
    await run(`check ${format}`, [...check, "--format", format]);
  }
  const server = await startServer({
    indexFile: of.index,
    trendFile: join(dir, "trend.json"),
    concernsDir: join(dir, "concerns"),
    host: "127.0.0.1",
    port: 0,
  });
  try {
    outputs.set("dashboard /api/data", await (await fetch(`${server.url}api/data`)).text());
    outputs.set("dashboard page", await (await fetch(server.url)).text());
  } finally {
    await server.close();
  }
  for (const name of OUTPUT_NAMES) expect(outputs.has(name), `${name} was not run`).toBe(true);
  return outputs as Map<OutputName, string>;
}
