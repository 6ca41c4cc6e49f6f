import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isolatedGitEnv } from "../src/demo/index.js";
import { git } from "../src/git/index.js";
import type { ScanResult } from "../src/result/index.js";
import { packageRoot } from "../src/shared/index.js";
import { type BinRun as Run, runBin } from "./helpers/bin.js";
import { ann, bo, commit, cy, makeRepo, tempDir } from "./helpers/repos.js";

/**
 * Repositories whose git state is damaged or unusual, each scanned beside a healthy one through the built
 * executable (`npm test` builds dist first): the scan completes, the damaged repository is named in one
 * clear line, and the healthy repository's findings are exactly those it has when scanned alone.
 */

async function scanJson(dir: string, env?: NodeJS.ProcessEnv): Promise<{ run: Run; result: ScanResult }> {
  const run = await runBin(["scan", dir, "--json", "-", "--quiet"], env);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code).toBe(0);
  return { run, result: JSON.parse(run.stdout) as ScanResult };
}

const fixture = (path: string) => readFileSync(join(packageRoot, path), "utf8");
const AUDIT = fixture("examples/acme/repos/payments-api/src/audit/audit-log.ts");
const FETCH_RETRY = fixture("test/fixtures/concerns/retry/fetch-with-retry.js");

const RETRY = (attempts: number) => `export async function retry(fn, attempts = ${attempts}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
`;

/** The healthy neighbour: three concerns, three people, so its findings carry a real history. */
function healthy(dir: string): Promise<string> {
  return makeRepo(dir, "healthy", [
    commit("2024-01-05T10:00:00Z", ann, "Audit trail", { "src/audit/audit-log.ts": AUDIT }),
    commit("2024-02-06T10:00:00Z", bo, "Retry inventory fetches", {
      "src/sync/fetch-with-retry.js": FETCH_RETRY,
    }),
    commit(
      "2024-03-07T10:00:00Z",
      cy,
      "Longer retry delay",
      { "src/sync/fetch-with-retry.js": FETCH_RETRY.replace("retryDelay: 300", "retryDelay: 500") },
      { coauthors: [ann] },
    ),
  ]);
}

/** The faulty repository's own history: a retry helper changed twice, and a file only older commits had. */
const FAULTY_HISTORY = [
  commit("2024-04-01T09:00:00Z", ann, "Add retry", {
    "src/retry.ts": RETRY(3),
    "src/old.ts": "export const a = 1;\n",
  }),
  commit("2024-05-01T09:00:00Z", bo, "Tune retry", {
    "src/retry.ts": RETRY(5),
    "src/old.ts": "export const a = 2;\n",
  }),
  commit("2024-06-01T09:00:00Z", cy, "Add a flag", { "src/flag.ts": "export const on = true;\n" }),
];

type Impl = ScanResult["concerns"][number]["implementations"][number];

/** What must not change for a repository whatever its neighbour's state: what was found, where, and its history. */
function findingsOf(result: ScanResult, repo: string, withHistory = true) {
  return result.concerns
    .flatMap((concern) => concern.implementations)
    .filter((impl: Impl) => impl.repo === repo)
    .map((impl: Impl) => ({
      id: impl.id,
      concern: impl.concern,
      team: impl.team,
      path: impl.path,
      startLine: impl.startLine,
      endLine: impl.endLine,
      units: impl.units,
      ...(withHistory ? { history: impl.history } : {}),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** One warning (or note) about `repo`: a single line naming it, with no control characters. */
function messageAbout(result: ScanResult, repo: string, code: string) {
  const found = result.diagnostics.filter((d) => d.code === code && d.message.includes(repo));
  expect(found, JSON.stringify(result.diagnostics)).toHaveLength(1);
  const [diagnostic] = found;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none reach the user.
  expect(diagnostic?.message).not.toMatch(/[\u0000-\u001f]/);
  return diagnostic as ScanResult["diagnostics"][number];
}

function repoRow(result: ScanResult, name: string) {
  const row = result.repos.find((repo) => repo.name === name);
  expect(row, `repository ${name} in the result`).toBeDefined();
  return row as ScanResult["repos"][number];
}

/** Rewrites a repository's pack as loose objects, so single objects can be deleted or damaged. */
async function unpackObjects(root: string): Promise<void> {
  const packs = join(root, ".git", "objects", "pack");
  for (const name of readdirSync(packs).filter((n) => n.endsWith(".pack"))) {
    const pack = readFileSync(join(packs, name));
    for (const file of readdirSync(packs)) rmSync(join(packs, file));
    await git(["unpack-objects", "-q"], { cwd: root, input: pack });
  }
}

async function looseObject(root: string, spec: string): Promise<string> {
  const sha = (await git(["rev-parse", spec], { cwd: root })).stdout.trim();
  return join(root, ".git", "objects", sha.slice(0, 2), sha.slice(2));
}

describe("a damaged or unusual repository beside a healthy one", () => {
  const dir = tempDir("lineitem-faults-");
  let alone: ScanResult;

  /** A folder holding the healthy repository and the one built by `faulty`. */
  async function org(name: string, faulty: (folder: string) => Promise<void>): Promise<string> {
    const folder = join(dir, name);
    mkdirSync(folder);
    await healthy(folder);
    await faulty(folder);
    return folder;
  }

  beforeAll(async () => {
    const folder = join(dir, "alone");
    mkdirSync(folder);
    await healthy(folder);
    ({ result: alone } = await scanJson(folder));
    // The baseline itself: its concerns found (the audit helper also scrubs card data), with history.
    const found = findingsOf(alone, "healthy");
    expect(found.map((f) => f.concern).sort()).toEqual(["audit-log", "retry", "secret-masking"]);
    expect(found.find((f) => f.concern === "retry")?.history).toMatchObject({ authors: 3, commits: 2 });
  });

  it("a shallow clone: warned as a lower bound, its files read, the healthy findings intact", async () => {
    const folder = await org("shallow", async (at) => {
      const full = await makeRepo(dir, "shallow-origin", FAULTY_HISTORY);
      await git(["clone", "--quiet", "--depth", "1", `file://${full}`, "bad-shallow"], {
        cwd: at,
        env: isolatedGitEnv,
      });
    });
    const { result } = await scanJson(folder);
    expect(messageAbout(result, "bad-shallow", "history-shallow").message).toMatch(/shallow clone/);
    expect(repoRow(result, "bad-shallow")).toMatchObject({ history: "shallow", commits: 1, filesRead: 3 });
    expect(findingsOf(result, "bad-shallow").map((f) => f.path)).toEqual(["src/retry.ts"]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  it("a repository with no commits: its files are read, it is said to have no history", async () => {
    const folder = await org("empty", async (at) => {
      const root = join(at, "bad-empty");
      mkdirSync(join(root, "src"), { recursive: true });
      await git(["init", "--quiet", "--initial-branch=main", "."], { cwd: root, env: isolatedGitEnv });
      writeFileSync(join(root, "src", "retry.ts"), RETRY(4));
    });
    const { result } = await scanJson(folder);
    expect(messageAbout(result, "bad-empty", "history-empty").message).toMatch(/no commits/);
    expect(repoRow(result, "bad-empty")).toMatchObject({ kind: "git", history: "empty", filesRead: 1 });
    expect(findingsOf(result, "bad-empty")).toMatchObject([{ path: "src/retry.ts", history: null }]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  it("a detached HEAD: read as of the checked-out commit, with a note that says so", async () => {
    let sha = "";
    const folder = await org("detached", async (at) => {
      const root = await makeRepo(at, "bad-detached", FAULTY_HISTORY);
      await git(["checkout", "--quiet", "--detach", "HEAD~1"], { cwd: root, env: isolatedGitEnv });
      sha = (await git(["rev-parse", "--short", "HEAD"], { cwd: root })).stdout.trim();
    });
    const { result } = await scanJson(folder);
    const note = messageAbout(result, "bad-detached", "detached-head");
    expect(note.message).toContain(`HEAD is detached at ${sha}`);
    // src/flag.ts came after the checked-out commit: neither its file nor its commit is counted.
    expect(repoRow(result, "bad-detached")).toMatchObject({ history: "ok", commits: 2, filesRead: 2 });
    expect(findingsOf(result, "bad-detached")).toMatchObject([
      { path: "src/retry.ts", history: { commits: 2, lastChanged: "2024-05-01T09:00:00+00:00" } },
    ]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  it("a missing object only history needs (an old commit's tree): what is newer is kept, as a lower bound", async () => {
    const folder = await org("corrupt-old", async (at) => {
      const root = await makeRepo(at, "bad-old-tree", FAULTY_HISTORY);
      await unpackObjects(root);
      rmSync(await looseObject(root, "HEAD~2:src"));
    });
    const { result } = await scanJson(folder);
    const warning = messageAbout(result, "bad-old-tree", "history-partial");
    expect(warning.level).toBe("warning");
    expect(warning.message).toMatch(
      /history stops at a damaged object \(.*unable to read tree.*\).*lower bound/,
    );
    // Listing and reading need only the index and the working tree: every file is still read. git died
    // diffing the commit whose parent's tree is gone, after the newest commit (which left retry.ts alone).
    expect(repoRow(result, "bad-old-tree")).toMatchObject({ history: "partial", commits: 1, filesRead: 3 });
    expect(findingsOf(result, "bad-old-tree")).toMatchObject([{ path: "src/retry.ts", history: null }]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  it("a missing old blob costs the line-level history: who changed which file when is still read, and said so", async () => {
    const folder = await org("old-blob", async (at) => {
      const root = await makeRepo(at, "bad-old-blob", FAULTY_HISTORY);
      await unpackObjects(root);
      rmSync(await looseObject(root, "HEAD~2:src/retry.ts"));
    });
    const { result } = await scanJson(folder);
    // The diffs that follow lines need every old blob: without one, history falls back to the file's commits.
    const warnings = result.diagnostics.filter((d) => d.repo === "bad-old-blob");
    expect(warnings.map((d) => d.code)).toEqual(["history-lines"]);
    expect(warnings[0]?.message).toMatch(
      /^bad-old-blob: could not follow changed lines \(.*\); history is counted per file\.$/,
    );
    expect(repoRow(result, "bad-old-blob")).toMatchObject({ history: "ok", commits: 3, filesRead: 3 });
    expect(findingsOf(result, "bad-old-blob")).toMatchObject([
      {
        path: "src/retry.ts",
        history: { authors: 2, commits: 2, firstSeen: "2024-04-01T09:00:00+00:00", attribution: "file" },
      },
    ]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  // When `git log` dies on a missing or corrupt object partway, the commits it streamed before (newest
  // first, so every commit after the damage, each complete) are kept, with a `history-partial` warning
  // that the repository's counts are a lower bound, as for a shallow clone.
  let partialRoot = "";
  it("a missing old tree keeps the history newer than the damage, as a lower bound", async () => {
    const folder = await org("corrupt-old-partial", async (at) => {
      const start = commit("2024-03-01T09:00:00Z", ann, "Start", { "src/old.ts": "export const a = 0;\n" });
      const root = await makeRepo(at, "bad-partial", [start, ...FAULTY_HISTORY]);
      await unpackObjects(root);
      // The first commit's tree: git log stops at the commit that adds retry.ts, whose diff needs it, after
      // printing the two newer ones (one of which changes retry.ts).
      rmSync(await looseObject(root, "HEAD~3:src"));
      partialRoot = root;
    });
    // What git itself gives before it dies: the newer commits, complete.
    const log = await git(["log", "--format=%aI", "--name-only"], { cwd: partialRoot, okCodes: [128] });
    expect(log.code).toBe(128);
    expect(log.stdout.trim().split(/\n+/)).toEqual([
      "2024-06-01T09:00:00+00:00",
      "src/flag.ts",
      "2024-05-01T09:00:00+00:00",
      "src/old.ts",
      "src/retry.ts",
    ]);
    const { result } = await scanJson(folder);
    expect(messageAbout(result, "bad-partial", "history-partial").message).toMatch(/lower bound/);
    expect(findingsOf(result, "bad-partial")).toMatchObject([
      { path: "src/retry.ts", history: { authors: 1, commits: 1, lastChanged: "2024-05-01T09:00:00+00:00" } },
    ]);
  });

  it("a corrupt object the current tree needs (HEAD's tree, truncated): history skipped, files still read", async () => {
    const folder = await org("corrupt-head", async (at) => {
      const root = await makeRepo(at, "bad-head-tree", FAULTY_HISTORY);
      await unpackObjects(root);
      const file = await looseObject(root, "HEAD:src");
      chmodSync(file, 0o644); // loose objects are read-only
      writeFileSync(file, readFileSync(file).subarray(0, 10));
    });
    const { result } = await scanJson(folder);
    const warning = messageAbout(result, "bad-head-tree", "history-failed");
    expect(warning.message).toMatch(/could not read history.*is corrupt.*missing or corrupt objects/);
    expect(repoRow(result, "bad-head-tree")).toMatchObject({ history: "none", filesRead: 3 });
    expect(findingsOf(result, "bad-head-tree").map((f) => f.path)).toEqual(["src/retry.ts"]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  it("a corrupt index: git cannot list the files, so the folder is walked instead, and said so", async () => {
    const folder = await org("corrupt-index", async (at) => {
      const root = await makeRepo(at, "bad-index", FAULTY_HISTORY);
      writeFileSync(join(root, ".git", "index"), "not an index at all");
    });
    const { result } = await scanJson(folder);
    const warning = messageAbout(result, "bad-index", "git-listing-failed");
    // git's own words vary by version ("index file corrupt", "index file smaller than expected").
    expect(warning.message).toMatch(
      /git could not list its files \(git ls-files failed.*index.*\); read as a plain folder/,
    );
    // History does not need the index.
    expect(repoRow(result, "bad-index")).toMatchObject({ history: "ok", filesRead: 3 });
    expect(findingsOf(result, "bad-index")).toMatchObject([
      { path: "src/retry.ts", history: { commits: 2 } },
    ]);
    expect(findingsOf(result, "healthy")).toEqual(findingsOf(alone, "healthy"));
  });

  describe("no git binary on PATH", () => {
    let folder: string;
    let noGit: NodeJS.ProcessEnv;

    beforeAll(async () => {
      folder = await org("no-git", async (at) => {
        await makeRepo(at, "other", FAULTY_HISTORY);
      });
      const bin = join(dir, "path-without-git");
      mkdirSync(bin);
      symlinkSync(process.execPath, join(bin, "node"));
      noGit = { ...process.env, PATH: bin };
    });

    it("reads every repository as a plain folder, warns once, and skips history", async () => {
      const { result } = await scanJson(folder, noGit);
      const warning = messageAbout(result, "git", "git-missing");
      expect(warning.message).toMatch(/git was not found on PATH.*plain folder.*history is skipped/);
      expect(result.diagnostics.filter((d) => d.level === "warning")).toHaveLength(1);
      expect(result.repos.map((r) => [r.name, r.kind, r.history, r.filesRead])).toEqual([
        ["healthy", "plain", "none", 2],
        ["other", "plain", "none", 3],
      ]);
      expect(findingsOf(result, "healthy", false)).toEqual(findingsOf(alone, "healthy", false));
      expect(findingsOf(result, "healthy").every((f) => f.history === null)).toBe(true);
    });

    it("a repository given directly is not called 'not a git repository'; the view shows one warning", async () => {
      const run = await runBin(["scan", join(folder, "healthy"), join(folder, "other"), "--quiet"], noGit);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      const warnings = run.stdout.split("\n").filter((line) => line.startsWith("warning "));
      expect(warnings).toEqual([
        "warning git was not found on PATH: every repository is read as a plain folder (.gitignore not applied) and history is skipped.",
      ]);
      expect(run.stdout).toMatch(/Retry with backoff/);
    });
  });
});
