import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin } from "./helpers/bin.js";
import { ann, bo, commit, makeRepo, tempDir } from "./helpers/repos.js";
import { retrySource } from "./helpers/retry-source.js";

// A real full disk: a small tmpfs mounted for the test (the tests run as root in CI). Where the kernel
// refuses the mount, the test says so and is skipped.

const dir = tempDir("lineitem-disk-full-");
const disk = join(dir, "disk");
mkdirSync(disk);
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", disk], { stdio: "ignore" });
  mounted = true;
} catch {
  // Not root, or no mount in this container: nothing to test against.
}

/** Fills the disk to all but `leaveKiB` (the filler is removed to make room again). */
function fill(leaveKiB = 0): void {
  const chunk = Buffer.alloc(16 * 1024, 1);
  let n = 0;
  try {
    for (;;) writeFileSync(join(disk, `filler-${n++}`), chunk);
  } catch {
    // ENOSPC: full.
  }
  for (let freed = 0; freed < leaveKiB; freed += 16) rmSync(join(disk, `filler-${--n}`), { force: true });
}
const unfill = () => {
  for (const name of readdirSync(disk)) if (name.startsWith("filler-")) rmSync(join(disk, name));
};

describe.skipIf(!mounted)("a full disk", () => {
  const org = join(dir, "org");
  const index = join(disk, "index.sqlite");
  let first: { generatedAt: string };

  beforeAll(async () => {
    await makeRepo(org, "shop", [
      commit("2025-01-10T10:00:00+00:00", ann, "retry", { "src/retry.ts": retrySource(3) }),
    ]);
    await makeRepo(org, "billing", [
      commit("2025-02-10T10:00:00+00:00", bo, "retry", { "src/retry.ts": retrySource(5) }),
    ]);
    const run = await runBin(["scan", org, "--index", index, "--json", "-", "-q"]);
    expect(run.code).toBe(0);
    first = JSON.parse(run.stdout);
  }, 120_000);

  afterAll(() => {
    if (mounted) execFileSync("umount", [disk]);
  });

  it("whenever the disk fills during a scan, says so and keeps the index whole with the old or the new scan", async () => {
    // New code each round, so every scan must write units to the index.
    const outcomes: (number | null)[] = [];
    let previous = first.generatedAt;
    for (const [round, leaveKiB] of [0, 32, 96, 160, 320, 640].entries()) {
      const more = Array.from({ length: 40 }, (_, i) => retrySource(i + 2, `retry${round}_${i}`)).join("\n");
      writeFileSync(join(org, "shop", "src", `more-${round}.ts`), more);
      fill(leaveKiB);
      const run = await runBin(["scan", org, "--index", index, "--json", "-", "-q"]);
      unfill();
      outcomes.push(run.code);
      expect([0, 2]).toContain(run.code);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      if (run.code === 2)
        expect(run.stderr).toMatch(/index\.sqlite: the disk is full \((SQLITE_FULL|SQLITE_IOERR)/);
      const db = new Database(index, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      const report = await runBin(["report", "--index", index, "--format", "json"]);
      expect(report.code).toBe(0);
      const shown = JSON.parse(report.stdout).generatedAt;
      // The old scan after a failure, the new one after a success: never anything in between.
      expect(shown).toBe(run.code === 0 ? JSON.parse(run.stdout).generatedAt : previous);
      previous = shown;
    }
    expect(outcomes).toContain(2);
    // With room again, the next scan completes.
    const again = await runBin(["scan", org, "--index", index, "-q"]);
    expect(again.code).toBe(0);
  }, 180_000);

  it("keeps an earlier report whole when the new one cannot be written", async () => {
    const out = join(disk, "report.md");
    const made = await runBin(["report", "--index", index, "--format", "markdown", "-o", out, "-q"]);
    expect(made.code).toBe(0);
    const before = readFileSync(out);
    fill();
    const run = await runBin(["report", "--index", index, "--format", "html", "-o", out]);
    unfill();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the disk is full; any earlier report.md is as it was");
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(disk).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(index)).toBe(true);
  }, 60_000);
});

describe("writing to a device", () => {
  it("writes through it and leaves it a device (-o /dev/null must never become a file)", async () => {
    const device = join(dir, "null");
    try {
      execFileSync("mknod", ["-m", "666", device, "c", "1", "3"]);
    } catch {
      return; // Not root: no device of our own to try it on.
    }
    const org = join(dir, "device-org");
    await makeRepo(org, "shop", [
      commit("2025-01-10T10:00:00+00:00", ann, "retry", { "src/retry.ts": retrySource(3) }),
    ]);
    const run = await runBin(["scan", org, "--no-index", "--json", device, "-q"]);
    expect(run.code).toBe(0);
    expect(statSync(device).isCharacterDevice()).toBe(true);
  }, 60_000);
});
