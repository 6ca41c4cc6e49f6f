import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { git } from "../src/git/index.js";
import type { ScanResult } from "../src/result/index.js";
import { scan } from "../src/scan/index.js";
import { packageRoot } from "../src/shared/index.js";
import { ann, commit, makeRepo, tempDir } from "./helpers/repos.js";

const RETRY = (name: string) => `export async function ${name}(fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
`;

describe("a repository full of files that break naive readers", () => {
  const dir = tempDir();
  let root: string;
  let result: ScanResult;
  const skipped = (path: string) => result.skipped.filter((s) => s.path === path);

  beforeAll(async () => {
    root = await makeRepo(dir, "broken-org", [
      commit("2024-03-01T10:00:00Z", ann, "Add the usual suspects", {
        "src/ok.ts": RETRY("retry"),
        "src/broken.ts": `${RETRY("retryBefore")}\nexport function broken( {\n  return ;\n}\n\n${RETRY("retryAfter")}`,
        "src/garbage.ts": "}}}} )))) {{{{ ((((\n",
        "src/nul.ts": "export const a = 1;\u0000\n",
        "src/crlf.ts":
          RETRY("retryFirst").replaceAll("\n", "\r\n") +
          "\r\n" +
          RETRY("retrySecond").replaceAll("\n", "\r\n"),
        "src/gone.ts": RETRY("gone"),
        "README.md": "# docs are not code\n",
      }),
    ]);
    const put = (path: string, bytes: Buffer) => writeFileSync(join(root, path), bytes);
    put(
      "src/latin1.py",
      Buffer.from([
        0x64, 0x65, 0x66, 0x20, 0x66, 0x28, 0x29, 0x3a, 0x20, 0x72, 0x65, 0x74, 0x75, 0x72, 0x6e, 0x20, 0x22,
        0xe9, 0x22, 0x0a,
      ]),
    );
    put(
      "src/utf16.ts",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RETRY("retryWide"), "utf16le")]),
    );
    put("src/huge.ts", Buffer.alloc(50 * 1024 * 1024, "/* padding */\n"));
    rmSync(join(root, "src/gone.ts"));
    symlinkSync("loop.ts", join(root, "src/loop.ts"));
    const head = (await git(["rev-parse", "HEAD"], { cwd: root })).stdout.trim();
    await git(["update-index", "--add", "--cacheinfo", `160000,${head},libs/shared`], { cwd: root });
    result = await scan({ paths: [root], cwd: dir, workers: 1 });
  }, 120_000);

  it("reports each bad file once, with its reason, and reads the rest", () => {
    expect(skipped("src/nul.ts").map((s) => s.reason)).toEqual(["binary"]);
    expect(skipped("src/latin1.py").map((s) => s.reason)).toEqual(["unreadable"]);
    expect(skipped("src/huge.ts").map((s) => s.reason)).toEqual(["too-large"]);
    expect(skipped("src/gone.ts").map((s) => s.reason)).toEqual(["vanished"]);
    expect(skipped("src/loop.ts").map((s) => s.reason)).toEqual(["symlink"]);
    expect(skipped("libs/shared").map((s) => s.reason)).toEqual(["submodule"]);
    expect(skipped("src/garbage.ts").map((s) => s.reason)).toEqual(["parse-error"]);
    expect(skipped("README.md").map((s) => s.reason)).toEqual(["unsupported"]);
  });

  it("accounts for every file git lists", async () => {
    const tracked = (await git(["ls-files", "-z"], { cwd: root })).stdout.split("\0").filter(Boolean);
    const untracked = (await git(["ls-files", "-z", "--others", "--exclude-standard"], { cwd: root })).stdout
      .split("\0")
      .filter(Boolean);
    const listed = new Set([...tracked, ...untracked]);
    const seen = [
      ...result.skipped.map((s) => s.path),
      ...result.concerns.flatMap((c) => c.implementations.map((i) => i.path)),
    ];
    expect(result.summary.filesRead + result.summary.filesSkipped).toBe(listed.size);
    for (const path of seen) expect(listed.has(path)).toBe(true);
  });

  it("still finds the units around a syntax error, and says the file had one", () => {
    const retry = result.concerns.find((c) => c.id === "retry");
    const broken = retry?.implementations.find((i) => i.path === "src/broken.ts");
    expect(broken?.units.map((u) => u.name)).toEqual(expect.arrayContaining(["retryBefore", "retryAfter"]));
    const problem = result.diagnostics.find((d) => d.code === "parse-problems" && d.file === "src/broken.ts");
    // Counted in the right number: "1 syntax error, first at line …", not "1 syntax error(s)".
    expect(problem?.message).toMatch(/: 1 syntax error, first at line \d+; \d+ units? recovered\.$/);
  });

  it("reads UTF-16 with a byte-order mark and CRLF line endings, with the right lines", () => {
    const retry = result.concerns.find((c) => c.id === "retry");
    expect(retry?.implementations.find((i) => i.path === "src/utf16.ts")).toBeDefined();
    const crlf = retry?.implementations.find((i) => i.path === "src/crlf.ts");
    expect(crlf?.units.map((u) => [u.name, u.startLine, u.endLine])).toEqual([
      ["retryFirst", 1, 10],
      ["retrySecond", 12, 21],
    ]);
  });
});

describe("plain folders that fight back", () => {
  const dir = tempDir();

  it("reports a symlink loop once and does not follow it", async () => {
    const plain = join(dir, "loops");
    mkdirSync(join(plain, "src"), { recursive: true });
    writeFileSync(join(plain, "src", "a.ts"), RETRY("retry"));
    symlinkSync("..", join(plain, "src", "up"));
    symlinkSync("self", join(plain, "src", "self"));
    const result = await scan({ paths: [plain], cwd: dir, workers: 1 });
    expect(result.summary.filesRead).toBe(1);
    expect(result.skipped.map((s) => [s.path, s.reason]).sort()).toEqual([
      ["src/self", "symlink"],
      ["src/up", "symlink"],
    ]);
  });

  it("reports a folder it may not read, and scans the rest (run as an unprivileged user)", () => {
    const plain = join(dir, "locked");
    mkdirSync(join(plain, "secret"), { recursive: true });
    writeFileSync(join(plain, "open.ts"), RETRY("retry"));
    writeFileSync(join(plain, "secret", "hidden.ts"), RETRY("hidden"));
    chmodSync(dir, 0o755);
    chmodSync(plain, 0o755);
    chmodSync(join(plain, "secret"), 0o000);
    // Root reads anything, so the scan runs as `nobody`, as a real user without access would.
    const run = spawnSync(
      "setpriv",
      [
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        process.execPath,
        join(packageRoot, "bin", "lineitem.js"),
        "scan",
        plain,
        "--json",
        "-",
        "--quiet",
      ],
      { encoding: "utf8", env: { PATH: process.env.PATH, HOME: "/tmp" } },
    );
    chmodSync(join(plain, "secret"), 0o755);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.summary.filesRead).toBe(1);
    expect(result.skipped).toEqual([
      { repo: "locked", path: "secret", reason: "unreadable", detail: "folder: EACCES" },
    ]);
  });
});
