import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedGitEnv } from "../src/demo/index.js";
import { git } from "../src/git/index.js";
import { gitIn, implementationPaths, plainRepo, RETRY, reasonOf, scanMeasured } from "./helpers/hostile.js";
import { figures, reliabilityLog, runMeasured } from "./helpers/measured.js";
import { tempDir } from "./helpers/repos.js";

/**
 * Repositories built to break a scanner, each scanned through the built executable, measured (wall time,
 * peak memory of lineitem and every git it starts): the scan exits 0 within generous bounds, the hostile
 * thing is set aside with a reason or read correctly, and an ordinary retry helper beside it is still
 * found, so the rest of the scan is complete. Each case writes a record to test-results/reliability/.
 *
 * Covered elsewhere, not repeated here: a symlink loop in a git repository and in a plain folder, a gitlink
 * without .gitmodules, a 50 MB source file, NUL bytes, UTF-16, CRLF and a vanished file
 * (bad-input.test.ts); missing and corrupt objects, a corrupt index, a shallow clone, no commits, a
 * detached HEAD and no git at all (history-faults.test.ts).
 */
const record = reliabilityLog(import.meta.filename);
const dir = tempDir("lineitem-hostile-repos-");
const quote = (text: string) => JSON.stringify(text);

describe("hostile repositories", () => {
  it("a folder nested 200 levels deep", async () => {
    const deep = Array.from({ length: 200 }, (_, i) => `d${i}`).join("/");
    const root = await plainRepo(join(dir, "deep"), {
      "src/retry.ts": RETRY(),
      [`${deep}/deep.ts`]: RETRY("deepRetry"),
    });
    const { run, result } = await scanMeasured([root], dir);
    expect(implementationPaths(result, "deep")).toEqual([`${deep}/deep.ts`, "src/retry.ts"]);
    record({
      test: "hostile repositories > a folder nested 200 levels deep",
      inputs: "a TypeScript file 200 folders down (a 1,100-character path)",
      outcome: "read, its retry helper found",
      ...figures(run),
    });
  });

  it("100,000 tiny files", async () => {
    const root = join(dir, "many");
    mkdirSync(root);
    await gitIn(root, ["init", "--quiet", "--initial-branch=main", "."]);
    for (let folder = 0; folder < 100; folder++) {
      mkdirSync(join(root, "pkg", String(folder)), { recursive: true });
      for (let i = 0; i < 1000; i++) {
        writeFileSync(join(root, "pkg", String(folder), `f${i}.ts`), `export const v${i} = ${folder};\n`);
      }
    }
    writeFileSync(join(root, "retry.ts"), RETRY());
    await gitIn(root, ["add", "-A"]);
    await gitIn(root, ["commit", "--quiet", "-m", "Many files"]);
    const { run, result } = await scanMeasured([root], dir);
    expect(result.summary.filesRead).toBe(100_001);
    expect(implementationPaths(result, "many")).toEqual(["retry.ts"]);
    record({
      test: "hostile repositories > 100,000 tiny files",
      inputs: "100,001 one-line TypeScript files in 100 folders, committed",
      outcome: "all read, the retry helper found",
      ...figures(run),
    });
  }, 180_000);

  it("one 200 MB file", async () => {
    const root = await plainRepo(join(dir, "huge"), { "src/retry.ts": RETRY() }, () => {
      // A sparse file: 200 MB of zeros on disk in no time, as real a file to every reader.
      const fd = openSync(join(dir, "huge", "src", "dump.ts"), "w");
      closeSync(fd);
      spawnSync("truncate", ["-s", "200M", join(dir, "huge", "src", "dump.ts")]);
    });
    const { run, result } = await scanMeasured([root], dir);
    expect(result.skipped.filter((s) => s.path === "src/dump.ts")).toEqual([
      { repo: "huge", path: "src/dump.ts", reason: "too-large", detail: "209715200 bytes (limit 1048576)" },
    ]);
    expect(implementationPaths(result, "huge")).toEqual(["src/retry.ts"]);
    record({
      test: "hostile repositories > one 200 MB file",
      inputs: "a committed 200 MB .ts file (zeros) beside a retry helper",
      outcome: "skipped: too-large (never read into memory)",
      ...figures(run),
    });
  }, 120_000);

  it("symbolic links out of the repository and in loops", async () => {
    const outside = join(dir, "outside-secret.ts");
    writeFileSync(outside, RETRY("outsideRetry"));
    const root = await plainRepo(join(dir, "links"), { "src/retry.ts": RETRY() }, () => {
      const at = (name: string) => join(dir, "links", "src", name);
      symlinkSync(outside, at("absolute.ts"));
      symlinkSync("../../outside-secret.ts", at("relative.ts"));
      symlinkSync("/etc/passwd", at("passwd.ts"));
      symlinkSync("b.ts", at("a.ts"));
      symlinkSync("a.ts", at("b.ts"));
      symlinkSync("..", at("parent"));
      symlinkSync("/", at("root"));
    });
    const { run, result } = await scanMeasured([root], dir);
    for (const link of ["absolute.ts", "relative.ts", "passwd.ts", "a.ts", "b.ts", "parent", "root"]) {
      expect(reasonOf(result, `src/${link}`), link).toEqual(["symlink"]);
    }
    expect(implementationPaths(result, "links")).toEqual(["src/retry.ts"]);
    expect(run.stdout).not.toContain("outsideRetry");
    record({
      test: "hostile repositories > symbolic links out of the repository and in loops",
      inputs:
        "7 committed links: absolute and relative out of the repository, /etc/passwd, /, .., a 2-link loop",
      outcome: "each skipped: symlink; nothing outside the repository read",
      ...figures(run),
    });
  });

  it("file names with newlines, quotes, dots, HTML and bytes that are not UTF-8", async () => {
    const names = {
      "src/new\nline.ts": "newline",
      "src/\"double\" 'single'.ts": "quoted",
      "src/...ts": "dots",
      "src/a..b.ts": "dotdot",
      "src/<img src=x onerror=alert(1)>.ts": "html",
      "src/tab\there.ts": "tab",
    };
    const files: Record<string, string> = { "src/retry.ts": RETRY() };
    for (const [path, name] of Object.entries(names)) files[path] = RETRY(`${name}Retry`);
    const root = await plainRepo(join(dir, "names"), files, () => {
      // Latin-1 "é" in a file name: a byte git keeps as it is and UTF-8 cannot decode.
      const latin1 = Buffer.concat([
        Buffer.from(join(dir, "names", "src", "caf")),
        Buffer.from([0xe9, 0x2e, 0x74, 0x73]),
      ]);
      writeFileSync(latin1, RETRY("latinRetry"));
    });
    const { run, result } = await scanMeasured([root], dir);
    const found = implementationPaths(result, "names");
    for (const path of Object.keys(names)) expect(found, quote(path)).toContain(path);
    expect(found).toContain("src/retry.ts");
    // The name that is not UTF-8 cannot be named faithfully in JSON: it is accounted for, found or set aside.
    const latin = result.skipped.filter((s) => s.path.startsWith("src/caf"));
    expect(latin.map((s) => [s.reason, s.detail])).toEqual([["unreadable", "file name is not valid UTF-8"]]);
    // Every report escapes a name: no HTML from a file name reaches the page as markup.
    const scanFile = join(dir, "names.json");
    writeFileSync(scanFile, run.stdout);
    const html = await runMeasured(["report", "--from", scanFile, "--format", "html"], dir);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).not.toContain("<img src=x onerror");
    const view = await runMeasured(["report", "--from", scanFile], dir);
    expect(view.code, view.stderr).toBe(0);
    // In the terminal, a line break or an escape sequence in a name is shown escaped, never obeyed.
    expect(view.stdout).not.toContain("new\nline");
    expect(view.stdout).toContain("src/new\\nline.ts:1-10");
    record({
      test: "hostile repositories > file names with newlines, quotes, dots, HTML and bytes that are not UTF-8",
      inputs: "7 files named with \\n, \\t, quotes, ..., a..b, <img onerror>, a Latin-1 byte",
      outcome:
        "read; the Latin-1 name skipped: unreadable (name not UTF-8); HTML and terminal escape the names",
      ...figures(run),
    });
  });

  it("a .gitattributes that marks everything binary", async () => {
    const root = await plainRepo(join(dir, "attrs"), {
      ".gitattributes": "* binary\n* -text -diff merge=binary\n",
      "src/retry.ts": RETRY(),
    });
    await gitIn(root, ["commit", "--quiet", "--allow-empty", "-m", "Nothing"]);
    writeFileSync(join(root, "src", "retry.ts"), RETRY("retry", 5));
    await gitIn(root, ["commit", "--quiet", "-am", "Five attempts"]);
    const { run, result } = await scanMeasured([root], dir);
    const impl = result.concerns
      .find((c) => c.id === "retry")
      ?.implementations.find((i) => i.repo === "attrs");
    expect(impl?.path).toBe("src/retry.ts");
    // Line-level history needs the diffs git would otherwise withhold as "Binary files differ".
    expect(impl?.history).toMatchObject({ commits: 2, attribution: "lines" });
    record({
      test: "hostile repositories > a .gitattributes that marks everything binary",
      inputs: "* binary, -text -diff on every path; a retry helper changed twice",
      outcome: "read, with line-level history (2 commits)",
      ...figures(run),
    });
  });

  it("a submodule, and a linked worktree", async () => {
    const library = await plainRepo(join(dir, "library"), { "src/libRetry.ts": RETRY("libRetry") });
    const root = await plainRepo(join(dir, "with-sub"), { "src/retry.ts": RETRY() });
    await git(["-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library, "vendor-lib"], {
      cwd: root,
      env: {
        ...isolatedGitEnv,
        GIT_AUTHOR_NAME: "a",
        GIT_AUTHOR_EMAIL: "a@x",
        GIT_COMMITTER_NAME: "a",
        GIT_COMMITTER_EMAIL: "a@x",
      },
    });
    await gitIn(root, ["commit", "--quiet", "-m", "Add the library"]);
    const worktree = join(dir, "worktree-of-library");
    await gitIn(library, ["worktree", "add", "--quiet", "-b", "side", worktree]);
    const { run, result } = await scanMeasured([root, worktree], dir);
    expect(reasonOf(result, "vendor-lib")).toEqual(["submodule"]);
    expect(implementationPaths(result, "with-sub")).toEqual(["src/retry.ts"]);
    expect(implementationPaths(result, "worktree-of-library")).toEqual(["src/libRetry.ts"]);
    expect(result.repos.find((r) => r.name === "worktree-of-library")?.history).toBe("ok");
    record({
      test: "hostile repositories > a submodule, and a linked worktree",
      inputs: "a real submodule (.gitmodules, checked out) and a linked worktree (.git is a file)",
      outcome: "submodule skipped: submodule; the worktree read with its history",
      ...figures(run),
    });
  });

  it("a history of one commit", async () => {
    const root = await plainRepo(join(dir, "one-commit"), { "src/retry.ts": RETRY() });
    const { run, result } = await scanMeasured([root], dir);
    expect(result.repos[0]?.commits).toBe(1);
    expect(result.concerns.find((c) => c.id === "retry")?.implementations[0]?.history?.commits).toBe(1);
    record({
      test: "hostile repositories > a history of one commit",
      inputs: "one commit holding a retry helper",
      outcome: "history read: 1 commit",
      ...figures(run),
    });
  });

  it("a history of 200,000 commits", async () => {
    const root = join(dir, "long");
    mkdirSync(root);
    await gitIn(root, ["init", "--quiet", "--initial-branch=main", "."]);
    await git(["fast-import", "--quiet", "--depth=10"], {
      cwd: root,
      env: isolatedGitEnv,
      input: longHistory(200_000),
    });
    await gitIn(root, ["checkout", "--quiet", "main"]);
    const { run, result } = await scanMeasured([root], dir);
    expect(result.repos[0]?.commits).toBe(200_000);
    expect(result.repos[0]?.history).toBe("ok");
    // The helper was written in the first commit and changed every 50,000th: four commits.
    expect(result.concerns.find((c) => c.id === "retry")?.implementations[0]?.history?.commits).toBe(4);
    // `lineitem trend` over this history is left out: it completes, but in about a minute on its own
    // (≈64 s, 560 MiB measured), too long for the suite; that is work for the trend stage, not a test here.
    record({
      test: "hostile repositories > a history of 200,000 commits",
      inputs: `200,000 commits by fast-import (${Math.round(packSize(root) / 1048576)} MB of objects)`,
      outcome: "history read: 200,000 commits, the helper's 4 changes followed",
      ...figures(run),
    });
  }, 180_000);

  it("a CODEOWNERS of 10,000 rules", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `/services/s${i}/ @acme/team-${i % 50}`);
    const files: Record<string, string> = { ".github/CODEOWNERS": `${lines.join("\n")}\n` };
    for (let i = 0; i < 10_000; i += 100) files[`services/s${i}/index.ts`] = `export const s = ${i};\n`;
    files["services/s9999/retry.ts"] = RETRY();
    const root = await plainRepo(join(dir, "owners"), files);
    const { run, result } = await scanMeasured([root], dir);
    expect(result.concerns.find((c) => c.id === "retry")?.implementations[0]?.team).toBe("team-49");
    record({
      test: "hostile repositories > a CODEOWNERS of 10,000 rules",
      inputs: "10,000 CODEOWNERS lines, 101 files; the last line owns the helper",
      outcome: "every file owned by the right (last matching) rule",
      ...figures(run),
    });
  });

  it("a CODEOWNERS with patterns built to backtrack", async () => {
    const deep = `${Array.from({ length: 60 }, (_, i) => `a${i}`).join("/")}`;
    const codeowners = [
      "/src/ @acme/core",
      `${"**/".repeat(40)}nothing.ts @acme/never`,
      `${"*a".repeat(40)}b @acme/never`,
      `${"**/a/".repeat(20)}nothing.ts @acme/never`,
      `/${"?*".repeat(200)}x @acme/never`,
    ];
    const root = await plainRepo(join(dir, "owners-redos"), {
      ".github/CODEOWNERS": `${codeowners.join("\n")}\n`,
      "src/retry.ts": RETRY(),
      [`${deep}/${"a".repeat(120)}.ts`]: "export const a = 1;\n",
    });
    const { run, result } = await scanMeasured([root], dir);
    expect(result.concerns.find((c) => c.id === "retry")?.implementations[0]?.team).toBe("core");
    record({
      test: "hostile repositories > a CODEOWNERS with patterns built to backtrack",
      inputs: "40 × **/, (*a)×40 b, (**/a/)×20, (?*)×200 against a 60-folder path",
      outcome: "matched in linear time (no backtracking); owners right",
      ...figures(run),
    });
  });
});

function packSize(root: string): number {
  const out = spawnSync("git", ["count-objects", "-v"], { cwd: root, encoding: "utf8" }).stdout;
  const kib = [...out.matchAll(/^size(?:-pack)?: (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  return kib * 1024;
}

/**
 * A `git fast-import` stream of `count` commits, as small as a real history can be: each commit flips one
 * byte of one file (two blobs in all), and a retry helper changes in the first commit and every 50,000th.
 */
function longHistory(count: number): Buffer {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const seconds = 1577836800 + i * 600;
    const who = `Dev${i % 7} <dev${i % 7}@example.test> ${seconds} +0000`;
    parts.push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\n${data(`c${i}`)}`);
    if (i > 0) parts.push(`from :${i}\n`);
    if (i % 50_000 === 0) {
      parts.push(`M 100644 inline src/retry.ts\n${data(RETRY("retry", 3 + i / 50_000))}`);
    } else parts.push(`M 100644 inline n.txt\n${data(i % 2 ? "a\n" : "b\n")}`);
  }
  return Buffer.from(parts.join(""));
}
