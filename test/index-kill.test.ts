import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import type { ScanResult } from "../src/result/index.js";
import { BIN, runBin } from "./helpers/bin.js";
import { tempDir } from "./helpers/repos.js";

// Kills real scans (SIGKILL: the process has no say, as in a power cut; SIGINT: Ctrl-C) at every stage
// and at fixed moments, and holds the index to its promise: the last complete result stays readable, the
// file stays sound, and the next scan completes with the right result.

const withoutTime = (result: ScanResult) => ({ ...result, generatedAt: "" });

/** Starts a scan; resolves when stderr shows `marker` (or at `afterMs`), kills it, waits for it to end. */
function killScan(
  args: string[],
  when: { marker?: RegExp; afterMs?: number },
  signal: NodeJS.Signals = "SIGKILL",
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill(signal);
    };
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (when.marker?.test(stderr)) kill();
    });
    child.stdout?.resume();
    if (when.afterMs !== undefined) setTimeout(kill, when.afterMs);
    child.on("close", (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

function integrity(file: string): string {
  const db = new Database(file);
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe("a scan killed at any point", async () => {
  const dir = tempDir();
  const org = await buildExampleOrg(join(dir, "acme"));
  const index = join(dir, "index.sqlite");
  const scanArgs = ["scan", org.dir, "--index", index, "--json", "-", "--jobs", "1"];
  const report = async () => {
    const run = await runBin(["report", "--index", index, "--json", "-"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return withoutTime(JSON.parse(run.stdout));
  };

  const before = await runBin(scanArgs);
  const previous = withoutTime(JSON.parse(before.stdout));
  // Change one file, so every later scan has work to do and a new result to save.
  appendFileSync(
    join(org.dir, "payments-api", "src", "charges", "charges.repo.ts"),
    "\nexport function addedLater(cents: number) {\n  return Math.round(cents * 1.2);\n}\n",
  );
  const expected = withoutTime(JSON.parse((await runBin([...scanArgs, "--no-index"])).stdout));

  const stages = [
    /listing the files/,
    /reading and parsing/,
    /looking for copies/,
    /reading history/,
    /saving the result/,
  ];
  it.each(stages.map((marker) => [marker.source, marker]))(
    "SIGKILL at '%s' leaves the last complete result readable and the index sound",
    async (_name, marker) => {
      const killed = await killScan(scanArgs, { marker });
      expect(killed.signal === "SIGKILL" || killed.code === 0).toBe(true);
      expect(integrity(index)).toBe("ok");
      // Killed before the result was saved: the previous one; after: the new one. Never anything else.
      expect([previous, expected]).toContainEqual(await report());
    },
  );

  it.each([[50], [150], [300], [600]])(
    "SIGKILL after %i ms, and SIGINT, leave it sound too",
    async (afterMs) => {
      for (const signal of ["SIGKILL", "SIGINT"] as const) {
        await killScan(scanArgs, { afterMs }, signal);
        expect(integrity(index)).toBe("ok");
        expect([previous, expected]).toContainEqual(await report());
      }
    },
  );

  it("the next scan completes normally, with the result a scan without the index gives", async () => {
    const next = await runBin(scanArgs);
    expect(next.code).toBe(0);
    expect(withoutTime(JSON.parse(next.stdout))).toEqual(expected);
    expect(await report()).toEqual(expected);
  });

  it("SIGKILL at 10 random moments, each after a new change: always a sound index with a complete scan", async () => {
    // A fixed seed: the same moments on every run, spread over a whole scan's length.
    let seed = 20261124;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // The moments span the scans being killed: a scan after one change, timed the same way. The fastest
    // of three, so a timing taken while other test files load the machine does not put most moments
    // after the scans have ended (a killed scan only runs slower than that, never faster).
    const file = join(org.dir, "payments-api", "src", "charges", "charges.repo.ts");
    let scanMs = Number.POSITIVE_INFINITY;
    for (let timing = 0; timing < 3; timing++) {
      appendFileSync(file, `\n// timed ${timing}\n`);
      const started = Date.now();
      await runBin(scanArgs);
      scanMs = Math.min(scanMs, Date.now() - started);
    }
    let lines = (await report()).summary.lines;
    let added = 0;
    const survived: string[] = [];
    for (let round = 0; round < 10; round++) {
      appendFileSync(
        file,
        `\nexport function round${round}(cents: number) {\n  return cents + ${round};\n}\n`,
      );
      added += 4;
      const afterMs = Math.round(20 + random() * scanMs);
      const killed = await killScan(scanArgs, { afterMs });
      expect(integrity(index)).toBe("ok");
      const shown = (await report()).summary.lines;
      // The last complete scan before the kill, or the one the killed run finished: nothing in between.
      expect([lines, lines + added]).toContain(shown);
      if (shown !== lines) [lines, added] = [shown, 0];
      survived.push(`${afterMs} ms: ${killed.signal ?? `exit ${killed.code}`}`);
    }
    expect(survived.filter((s) => s.endsWith("SIGKILL")).length, survived.join("; ")).toBeGreaterThan(3);
    const next = await runBin(scanArgs);
    expect(next.code).toBe(0);
    const fresh = await runBin([...scanArgs, "--no-index"]);
    expect(withoutTime(JSON.parse(next.stdout))).toEqual(withoutTime(JSON.parse(fresh.stdout)));
  }, 180_000);

  it("two scans started at once on one index: the second waits for the first, both complete", async () => {
    appendFileSync(join(org.dir, "payments-api", "src", "charges", "charges.repo.ts"), "\n// touched\n");
    const [a, b] = await Promise.all([runBin(scanArgs), runBin(scanArgs)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(`${a.stderr}${b.stderr}`).toMatch(/waiting for the scan writing this index \(process \d+ on /);
    expect(withoutTime(JSON.parse(a.stdout))).toEqual(withoutTime(JSON.parse(b.stdout)));
    expect(integrity(index)).toBe("ok");
  });
});
