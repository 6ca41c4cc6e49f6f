import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { ann, bo, commit, makeRepo, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

const RETRY = retrySource();

describe("lineitem --help", () => {
  it("describes every command", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: lineitem/);
    expect(run.stdout).toMatch(/scan \[options\] <path\.\.\.>/);
    expect(run.stdout).toMatch(/demo \[options\]/);
  });

  it.each(["scan", "demo"])("has complete help for %s, with examples", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:/);
    expect(run.stdout).toMatch(/--json <file>/);
    expect(run.stdout).toMatch(/--quiet/);
  });

  it("prints the version", async () => {
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("bad input", () => {
  const dir = tempDir();

  it("a --jobs that is not a whole number is bad usage (exit 2), and says what to give", async () => {
    const run = await runCli(["scan", ".", "--jobs", "many"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs <n>.*give a whole number from 1 to 64/);
  });

  it("an unknown option is bad usage (exit 2)", async () => {
    const run = await runCli(["scan", "--frobnicate", "."]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--frobnicate'/);
  });

  it("a path that does not exist: exit 2, the path named, no stack trace", async () => {
    const run = await runCli(["scan", "no/such/place"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no\/such\/place: no such file or folder/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a folder that is not a git repository is still scanned, without history, and says so", async () => {
    const plain = join(dir, "plain");
    mkdirSync(join(plain, "src"), { recursive: true });
    writeFileSync(join(plain, "src", "retry.ts"), RETRY);
    const run = await runCli(["scan", "plain", "--quiet"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^lineitem · 1 repository · 1 team \(1 named after its repository\) · 1 file read/,
    );
    expect(run.stdout).toMatch(/plain is not a git repository: scanned as plain files, without history/);
  });

  it("a config with an unknown key: exit 2 and the key named with its line", async () => {
    const repo = await makeRepo(dir, "cfg-unknown", [
      commit("2024-01-01T10:00:00Z", ann, "init", { "a.ts": "export const a = 1;\n" }),
    ]);
    writeFileSync(join(repo, "lineitem.config.yaml"), "teams:\n  - team: a\n    repoz: [x]\n");
    const run = await runCli(["scan", repo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/lineitem\.config\.yaml:3: teams\.0: unknown key "repoz"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a config with a wrong type: exit 2 and the key named", async () => {
    const file = join(dir, "wrong-type.yaml");
    writeFileSync(file, "includeTests: 3\n");
    const run = await runCli(["scan", dir, "--config", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/wrong-type\.yaml:1: includeTests: .*boolean/);
  });

  it("a CODEOWNERS line that cannot be parsed is named by line, and the rest is still used", async () => {
    const repo = await makeRepo(dir, "owners", [
      commit("2024-01-01T10:00:00Z", ann, "init", {
        ".github/CODEOWNERS": "/a/ @acme/alpha\n!/b/ @acme/beta\n/b/ @acme/beta\n",
        "a/retry.ts": RETRY,
        "b/retry.ts": RETRY.replace("baseDelayMs = 100", "baseDelayMs = 250"),
      }),
      commit("2024-02-01T10:00:00Z", bo, "tune", {
        "b/retry.ts": RETRY.replace("attempts = 3", "attempts = 5"),
      }),
    ]);
    const run = await runCli(["scan", repo, "--json", "-", "--quiet"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const codeowners = result.diagnostics.find((d: { code: string }) => d.code === "codeowners-line");
    expect(codeowners).toMatchObject({ file: ".github/CODEOWNERS", line: 2 });
    expect(codeowners.message).toMatch(/negation/);
    const retry = result.concerns.find((c: { id: string }) => c.id === "retry");
    expect(retry.teams).toEqual(["alpha", "beta"]);
    expect(retry.statement).toBe("retry logic: written twice by 2 teams since 2024-Q1");
  });

  it("reads teams from the CODEOWNERS file the config names (an org's soft team map)", async () => {
    const repo = await makeRepo(dir, "soft-owners", [
      commit("2024-01-01T10:00:00Z", ann, "init", {
        // The required file names one reviewer group for everything; the teams are in the soft one.
        ".github/CODEOWNERS": "* @acme/reviewers\n",
        ".github/CODEOWNERS-soft": "/a/ @acme/alpha\n/b/ @acme/beta\n",
        "a/retry.ts": RETRY,
        "b/retry.ts": RETRY.replace("baseDelayMs = 100", "baseDelayMs = 250"),
      }),
    ]);
    const config = join(dir, "soft-owners.yaml");
    // A folder named first is passed over: only a file is read.
    writeFileSync(config, "codeowners: [.github, .github/CODEOWNERS-soft]\n");
    const teamsOf = async (...extra: string[]) => {
      const run = await runCli(["scan", repo, "--no-index", "--json", "-", "--quiet", ...extra]);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout).concerns.find((c: { id: string }) => c.id === "retry")?.teams;
    };
    expect(await teamsOf()).toEqual(["reviewers"]);
    expect(await teamsOf("--config", config)).toEqual(["alpha", "beta"]);
  });

  it("a --json path that cannot be written: exit 2", async () => {
    const repo = join(dir, "plain");
    writeFileSync(join(dir, "not-a-folder"), "x");
    const run = await runCli(["scan", repo, "--quiet", "--json", join(dir, "not-a-folder", "out.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write/);
  });
});
