import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildExampleOrg } from "../src/demo/index.js";
import { type CheckResult, checkResultSchema } from "../src/result/index.js";
import { scan } from "../src/scan/index.js";
import { packageRoot } from "../src/shared/index.js";
import { BIN } from "./helpers/bin.js";
import { gitAt, makeBranch } from "./helpers/branches.js";
import { SEARCH_RETRY, SPLIT } from "./helpers/check-sources.js";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/repos.js";

// `lineitem check` on the Acme example org: real repositories, a real scan kept in a real index, and
// branches made with git in the storefront monorepo, each checked against main.

const SEARCH_CLIENT = `import { createHttpClient, retry } from "@acme/platform-kit";

const backend = createHttpClient({ baseUrl: "http://search.internal:9200", timeoutMs: 2000 });

export interface Hit {
  sku: string;
  score: number;
}

/** Product search through the platform kit: its client, its retry policy. */
export async function searchProducts(query: string, limit = 20): Promise<Hit[]> {
  const body = await retry(() => backend.get<{ hits: Hit[] }>(\`/products/_search?q=\${encodeURIComponent(query)}&size=\${limit}\`));
  return body.hits.filter((hit) => hit.score > 0.1);
}
`;

const SEARCH_OWNERS = "/services/search/       @acme/search\n";

describe("lineitem check on the example org", async () => {
  const dir = tempDir();
  const org = await buildExampleOrg(join(dir, "acme"));
  const config = join(org.dir, "lineitem.config.yaml");
  const index = join(dir, "index.sqlite");
  await scan({ paths: [org.dir], cwd: dir, configFile: config, index: { file: index }, workers: 1 });
  const storefront = join(org.dir, "storefront");

  makeBranch(storefront, "search-retry", {
    write: { "services/search/src/retry.ts": SEARCH_RETRY },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });
  makeBranch(storefront, "search-golden", {
    write: { "services/search/src/search.ts": SEARCH_CLIENT },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });
  const stepper = readFileSync(
    join(storefront, "apps/web-checkout/src/components/QuantityStepper.tsx"),
    "utf8",
  );
  makeBranch(storefront, "stepper-label", {
    write: {
      "apps/web-checkout/src/components/QuantityStepper.tsx": stepper.replace(
        'aria-label="Decrease quantity"',
        'aria-label="Remove one"',
      ),
    },
  });
  makeBranch(storefront, "rename-retry", {
    move: { "apps/web-checkout/src/lib/retry.ts": "apps/web-checkout/src/lib/backoff.ts" },
  });
  makeBranch(storefront, "catalog-split", { write: { "services/catalog-bff/src/util/split.ts": SPLIT } });
  makeBranch(storefront, "search-retry-allowed", {
    write: {
      "services/search/src/retry.ts": `// lineitem-ignore retry -- the search cluster's client needs its own backoff until platform-kit takes a policy per call\n${SEARCH_RETRY}`,
    },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });

  /** `lineitem check` of a branch of storefront against main, with the org's config and index. */
  const checkArgs = (head: string, configFile = config) => [
    "check",
    storefront,
    "--base",
    "main",
    "--head",
    head,
    "-c",
    configFile,
    "--index",
    index,
  ];
  const check = async (head: string, ...more: string[]) => {
    const run = await runCli([...checkArgs(head), "--format", "json", ...more], dir);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(checkResultSchema.safeParse(result).success).toBe(true);
    return { ...run, result };
  };

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
      "platform storefront/packages/platform-kit/src/retry.ts:18",
      "catalog storefront/services/catalog-bff/src/util/retry.ts:11",
      "checkout storefront/apps/web-checkout/src/lib/retry.ts:13",
      "fulfilment fulfilment-svc/internal/retry/retry.go:12",
      "identity notifications-worker/lib/retry.js:1",
      "insights recs-service/recs/util/retry.py:7",
      "payments payments-api/src/lib/with-retry.ts:14",
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
        "platform: storefront/packages/platform-kit/src/retry.ts:18-63 (golden path)",
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
    expect(result.relatedLocations[3].physicalLocation.artifactLocation).toEqual({
      uri: "fulfilment-svc/internal/retry/retry.go",
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
