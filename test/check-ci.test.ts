import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { packageRoot } from "../src/shared/index.js";
import { BIN } from "./helpers/bin.js";
import { gitAt, makeBranch } from "./helpers/branches.js";
import { checkOrg } from "./helpers/check-org.js";
import { SEARCH_RETRY, SPLIT } from "./helpers/check-sources.js";
import { runCli } from "./helpers/cli.js";

// lineitem check where pull requests are: exit codes, SARIF, annotations, Markdown, the GitHub Action's
// entry point with the environment GitHub sets, a change over the limit, and the errors that stop a check.

describe("lineitem check in CI", async () => {
  const { dir, org, config, index, storefront, checkArgs, check } = await checkOrg();

  it("exits 1 when a finding reaches --fail-on, and writes SARIF GitHub accepts", async () => {
    const sarifFile = join(dir, "check.sarif");
    const run = await runCli(
      [...checkArgs("search-retry"), "--fail-on", "warning", "--sarif", sarifFile, "-q"],
      dir,
    );
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe("lineitem/concern/retry");
    expect(result.level).toBe("warning");
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "services/search/src/retry.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1, endLine: 17 },
    });
    expect(result.relatedLocations).toHaveLength(7);
    expect(result.relatedLocations[0].physicalLocation.artifactLocation).toEqual({
      uri: "packages/platform-kit/src/retry.ts",
      uriBaseId: "%SRCROOT%",
    });
    // Another repository's implementation (the second: the golden path, then the most used TypeScript one).
    expect(result.relatedLocations[1].physicalLocation.artifactLocation).toEqual({
      uri: "payments-api/src/lib/with-retry.ts",
      uriBaseId: "ORGROOT",
    });
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe("lineitem/concern/retry");
  });

  it("prints GitHub annotations and Markdown for a pull request", async () => {
    const base = checkArgs("search-retry");
    const annotations = await runCli(
      [...base, "--format", "annotations", "--path-prefix", "storefront"],
      dir,
    );
    expect(annotations.stdout).toMatch(
      /^::warning file=storefront\/services\/search\/src\/retry\.ts,line=1,endLine=17,title=lineitem%3A Retry with backoff already exists in the org::services\/search\/src\/retry\.ts:1-17 adds retry logic for team search\.%0A/,
    );
    const markdown = await runCli([...base, "--format", "markdown"], dir);
    expect(markdown.stdout).toContain("## lineitem check: 1 finding (1 warning)");
    expect(markdown.stdout).toContain("| attempts ≠ | 5 | 3 |");
  });

  it("checks part of a huge change, and says so", async () => {
    makeBranch(storefront, "two-files", {
      write: {
        "services/search/src/retry.ts": SEARCH_RETRY,
        "services/catalog-bff/src/util/split.ts": SPLIT,
      },
    });
    const { result } = await check("two-files", "--max-files", "1");
    expect(result.changed).toMatchObject({ files: 2, checked: 1, limit: 1, truncated: true });
    expect(result.findings.map((f) => f.location.path)).toEqual(["services/catalog-bff/src/util/split.ts"]);
    expect(result.diagnostics.map((d) => d.code)).toContain("check-truncated");
  });

  it("runs as the GitHub Action does on a pull request, with the environment GitHub sets", () => {
    const main = gitAt(storefront, ["rev-parse", "main"]).trim();
    const head = gitAt(storefront, ["rev-parse", "search-retry"]).trim();
    const eventPath = join(dir, "event.json");
    writeFileSync(
      eventPath,
      JSON.stringify({
        action: "synchronize",
        number: 42,
        pull_request: {
          number: 42,
          base: { ref: "main", sha: main },
          head: { ref: "search-retry", sha: head },
        },
      }),
    );
    const summary = join(dir, "summary.md");
    const output = join(dir, "output.txt");
    writeFileSync(summary, "");
    writeFileSync(output, "");
    // The action hands every input to the script as INPUT_<NAME>, as GitHub does for JavaScript actions.
    const action = parseYaml(readFileSync(join(packageRoot, "action.yml"), "utf8"));
    const step = action.runs.steps[0];
    expect(step.run).toBe('node "$GITHUB_ACTION_PATH/scripts/action/check.mjs"');
    expect(Object.keys(step.env).sort()).toEqual(
      Object.keys(action.inputs)
        .filter((name) => name !== "upload-sarif")
        .map((name) => `INPUT_${name.toUpperCase().replace(/-/g, "_")}`)
        .sort(),
    );
    gitAt(storefront, ["checkout", "--quiet", "search-retry"]);
    try {
      const run = spawnSync(process.execPath, [join(packageRoot, "scripts", "action", "check.mjs")], {
        cwd: storefront,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          CI: "true",
          GITHUB_ACTIONS: "true",
          GITHUB_EVENT_NAME: "pull_request",
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_BASE_REF: "main",
          GITHUB_HEAD_REF: "search-retry",
          GITHUB_REF: "refs/pull/42/merge",
          GITHUB_SHA: head,
          GITHUB_REPOSITORY: "acme/storefront",
          GITHUB_WORKSPACE: org.dir,
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_OUTPUT: output,
          RUNNER_TEMP: dir,
          INPUT_WORKING_DIRECTORY: "storefront",
          INPUT_CONFIG: "lineitem.config.yaml",
          INPUT_INDEX: index,
          INPUT_FAIL_ON: "warning",
          INPUT_SARIF: "out/lineitem.sarif",
          LINEITEM_COMMAND: `${process.execPath} ${BIN}`,
          NO_COLOR: "1",
        },
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        /^::warning file=storefront\/services\/search\/src\/retry\.ts,line=1,endLine=17,/,
      );
      expect(readFileSync(summary, "utf8")).toContain("## lineitem check: 1 finding (1 warning)");
      expect(readFileSync(output, "utf8")).toBe(
        `findings=1\nallowed=0\nsarif=${join(org.dir, "out", "lineitem.sarif")}\nexit-code=1\n`,
      );
      const sarif = JSON.parse(readFileSync(join(org.dir, "out", "lineitem.sarif"), "utf8"));
      expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
        "storefront/services/search/src/retry.ts",
      );
    } finally {
      gitAt(storefront, ["checkout", "--quiet", "main"]);
    }
  });

  describe("errors say what to do, with exit 2", () => {
    const fails = async (args: string[], cwd = dir) => {
      const run = await runCli(["check", ...args], cwd);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain("    at ");
      return run.stderr;
    };

    it("a base that does not exist", async () => {
      const said = await fails([storefront, "--base", "no-such-branch", "-c", config, "--index", index]);
      expect(said).toContain("the base no-such-branch is not a branch, tag or commit of this repository");
    });

    it("a shallow clone without the base", async () => {
      const shallow = join(dir, "shallow");
      gitAt(dir, [
        "clone",
        "--quiet",
        "--depth",
        "1",
        "--branch",
        "search-retry",
        `file://${storefront}`,
        shallow,
      ]);
      const said = await fails([shallow, "--base", "origin/main", "-c", config, "--index", index]);
      expect(said).toContain("the base origin/main is not in this clone, which is shallow");
      expect(said).toContain("git fetch --deepen=200 origin main");
      expect(said).toContain("fetch-depth: 0");
    });

    it("an index that does not exist yet", async () => {
      const said = await fails([
        storefront,
        "--base",
        "main",
        "-c",
        config,
        "--index",
        join(dir, "none.sqlite"),
      ]);
      expect(said).toContain("no index here yet");
      expect(said).toContain("lineitem scan <org folder>");
      expect(said).toContain("lineitem index REPO --db URL");
    });

    it("no base given outside a pull request", async () => {
      const said = await fails([storefront, "-c", config, "--index", index]);
      expect(said).toContain("lineitem check needs --base");
    });
  });
});
