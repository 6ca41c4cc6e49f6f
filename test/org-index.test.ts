import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import type { CheckResult, ScanResult } from "../src/result/index.js";
import { BIN, runBin } from "./helpers/bin.js";
import { makeBranch } from "./helpers/branches.js";
import { SEARCH_RETRY, SPLIT } from "./helpers/check-sources.js";
import { startPostgres, type TestPostgres } from "./helpers/postgres.js";
import { ann, commit, makeRepo, tempDir } from "./helpers/repos.js";

// The org-wide index on a real PostgreSQL server (started here; .ci/run installs Debian's package):
// each repository of the example org is indexed on its own, as its CI would, and the report across the
// database must say what a scan of the whole org on one machine says.

const withoutTime = (result: ScanResult) => ({ ...result, generatedAt: "" });
/** Everything but the clone groups, whose exact-or-renamed needs the files on disk (docs/index.md). */
/** What a database report must share with a local scan: all but copies, the time, and where each repository was. */
const comparable = (result: ScanResult) => {
  const { clones: _clones, generatedAt: _at, ...rest } = result;
  // The database never had the checkout: no folder to read excerpts from.
  return { ...rest, repos: rest.repos.map((repo) => ({ ...repo, root: null })) };
};
const groupsOf = (result: ScanResult) =>
  result.clones.groups.map(
    (g) => `${g.level} ${g.members.map((m) => `${m.repo}/${m.path}:${m.startLine}`).join(" ")}`,
  );

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

describe("lineitem index and lineitem report --db", async () => {
  const dir = tempDir();
  const org = await buildExampleOrg(join(dir, "acme"));
  const config = join(org.dir, "lineitem.config.yaml");
  const repos = readdirSync(org.dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => join(org.dir, entry.name));
  let db = "";
  const index = (repo: string, ...extra: string[]) =>
    runBin(["index", repo, "--db", db, "--config", config, "-q", ...extra]);
  const report = async () => {
    const run = await runBin(["report", "--db", db, "--config", config, "--json", "-", "-q"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as ScanResult;
  };

  it("indexes each repository on its own; the report across them says what one scan of the org says", async () => {
    db = server.database("acme");
    for (const repo of repos) {
      const run = await index(repo);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/files \([1-9]\d* parsed, \d+ already in the index\)/);
      // The database starts empty: its first repository's files were all parsed, none were there before.
      if (repo === repos[0]) expect(run.stdout).toMatch(/\(\d+ parsed, 0 already in the index\)/);
    }
    const local = JSON.parse((await runBin(["scan", org.dir, "--no-index", "--json", "-", "-q"])).stdout);
    const fromDb = await report();
    expect(comparable(fromDb)).toEqual(comparable(local));
    // Copies: the cross-team groups a scan finds are found from the database too.
    const crossTeam = (result: ScanResult) =>
      groupsOf({
        ...result,
        clones: { ...result.clones, groups: result.clones.groups.filter((g) => g.crossTeam) },
      });
    expect(crossTeam(fromDb)).toEqual(crossTeam(local));
  }, 60_000);

  it("checks a branch against the database as against a local index", async () => {
    const storefront = repos.find((repo) => repo.endsWith("storefront")) as string;
    makeBranch(storefront, "db-search-retry", {
      write: {
        "services/search/src/retry.ts": SEARCH_RETRY,
        "services/search/src/split.ts": SPLIT,
      },
      append: { ".github/CODEOWNERS": "/services/search/ @acme/search\n" },
    });
    const run = await runBin([
      "check",
      storefront,
      "--base",
      "main",
      "--head",
      "db-search-retry",
      "--db",
      db,
      "--config",
      config,
      "--format",
      "json",
      "-q",
    ]);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.index).toMatchObject({ kind: "postgres", copies: true });
    expect(result.findings.map((f) => [f.kind, f.concern, f.location.path])).toEqual([
      ["concern", "retry", "services/search/src/retry.ts"],
      ["copy", null, "services/search/src/split.ts"],
    ]);
    expect(result.findings[0]?.goldenPath).toMatchObject({
      package: "@acme/platform-kit",
      owner: "platform",
    });
    expect(result.findings[0]?.existing).toHaveLength(7);
    expect(result.findings[1]?.existing.map((copy) => `${copy.team} ${copy.repo}/${copy.path}`)).toEqual([
      "payments payments-api/src/lib/money.ts",
      "checkout storefront/apps/web-checkout/src/lib/money.ts",
    ]);
  }, 30_000);

  it("parses nothing again for a repository whose files the database already has", async () => {
    const again = await index(repos[0] as string);
    // Counted by content, as the first run counted what it parsed: every file read is one the index had.
    const first = /: (\d+) files/.exec(again.stdout)?.[1];
    expect(again.stdout).toMatch(/ \(0 parsed, [1-9]\d* already in the index\)/);
    expect(Number(/(\d+) already in the index/.exec(again.stdout)?.[1])).toBeLessThanOrEqual(Number(first));
  });

  /** Runs `lineitem index` on a repository and does `then` once, when its progress shows `marker`. */
  const indexUntil = (repo: string, marker: RegExp, then: (child: ChildProcess) => void) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child: ChildProcess = spawn(process.execPath, [
        BIN,
        "index",
        repo,
        "--db",
        db,
        "--config",
        config,
      ]);
      let stderr = "";
      let done = false;
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk;
        if (!done && marker.test(stderr)) {
          done = true;
          then(child);
        }
      });
      child.stdout?.resume();
      child.on("close", (code) => resolve({ code, stderr }));
    });

  it("a killed index leaves the repository's previous snapshot; the next one completes", async () => {
    const before = withoutTime(await report());
    const storefront = repos.find((repo) => repo.endsWith("storefront")) as string;
    appendFileSync(
      join(storefront, "apps", "web-checkout", "src", "lib", "retry.ts"),
      "\nexport const added = 1;\n",
    );
    for (const marker of [/reading the history/, /writing storefront/]) {
      await indexUntil(storefront, marker, (child) => child.kill("SIGKILL"));
      const after = withoutTime(await report());
      // Killed before its transaction committed: the old snapshot; after: the new one. Never half.
      if (after.summary.lines === before.summary.lines) expect(after).toEqual(before);
      else expect(after.summary.lines).toBe(before.summary.lines + 2);
    }
    expect((await index(storefront)).code).toBe(0);
    expect((await report()).summary.lines).toBe(before.summary.lines + 2);
  }, 60_000);

  it("a server restarted mid-run: the run says the connection was lost, nothing is half-written, the next run completes", async () => {
    const storefront = repos.find((repo) => repo.endsWith("storefront")) as string;
    for (const [round, marker] of [/reading the history/, /writing storefront/].entries()) {
      const before = (await report()).summary.lines;
      appendFileSync(
        join(storefront, "apps", "web-checkout", "src", "lib", "retry.ts"),
        `\nexport const restarted${round} = 1;\n`,
      );
      const run = await indexUntil(storefront, marker, () => server.restart());
      expect([0, 2]).toContain(run.code);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      if (run.code === 2) expect(run.stderr).toContain("the connection to the database was lost");
      // The old snapshot or the new one, never half of one.
      expect([before, before + 2]).toContain((await report()).summary.lines);
      expect((await index(storefront)).code).toBe(0);
      expect((await report()).summary.lines).toBe(before + 2);
    }
  }, 90_000);

  it("two index runs of one repository at once queue on the database, and both complete", async () => {
    const [a, b] = await Promise.all([index(repos[1] as string), index(repos[1] as string)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect((await report()).repos).toHaveLength(repos.length);
  }, 60_000);

  it("reads the defaults an implementation imports from a module the database holds apart", async () => {
    // retry-defaults.ts holds no implementation and no copy: the report loads it only for the drift table.
    const root = await makeRepo(join(dir, "defaults-org"), "svc", [
      commit("2025-03-04T10:00:00Z", ann, "Retry with shared defaults", {
        "src/retry-defaults.ts": "export const RETRY_DEFAULTS = { maxAttempts: 4, baseDelayMs: 250 };\n",
        "src/retry.ts": `import { RETRY_DEFAULTS } from "./retry-defaults";

export async function retry(fn, options = RETRY_DEFAULTS) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.baseDelayMs * 2 ** attempt));
    }
  }
}
`,
      }),
    ]);
    const url = server.database("defaults");
    expect((await runBin(["index", root, "--db", url, "-q"])).code).toBe(0);
    const run = await runBin(["report", "--db", url, "--json", "-", "-q"]);
    expect(run.code).toBe(0);
    const fromDb = JSON.parse(run.stdout) as ScanResult;
    const local = JSON.parse(
      (await runBin(["scan", join(dir, "defaults-org"), "--no-index", "--json", "-", "-q"])).stdout,
    ) as ScanResult;
    const parametersOf = (result: ScanResult) =>
      result.concerns.flatMap((c) => c.implementations.map((impl) => [impl.path, impl.parameters]));
    expect(parametersOf(local)).toEqual([
      [
        "src/retry.ts",
        expect.objectContaining({
          attempts: { value: 4, display: "4", line: 1, path: "src/retry-defaults.ts" },
        }),
      ],
    ]);
    expect(parametersOf(fromDb)).toEqual(parametersOf(local));
  }, 60_000);

  it("says clearly what is wrong: no database, an unreachable one, an empty one, other definitions", async () => {
    const none = await runBin(["index", repos[0] as string, "-q"], {
      ...process.env,
      LINEITEM_DATABASE_URL: "",
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no database: give --db postgres://");
    const down = await runBin(["report", "--db", "postgres://someone:secret@127.0.0.1:1/nowhere", "-q"]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain("postgres://someone:***@127.0.0.1:1/nowhere: cannot use the database");
    expect(down.stderr).not.toContain("secret");
    expect(down.stderr).not.toMatch(/\n\s+at /);
    const empty = await runBin(["report", "--db", server.database("empty"), "-q"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("no repository has been indexed yet");
    const other = await runBin(["report", "--db", db, "-q"], { ...process.env });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("indexed with other concern definitions or golden paths");
  }, 60_000);
});
