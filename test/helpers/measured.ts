import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll } from "vitest";
import { packageRoot } from "../../src/shared/index.js";
import { BIN } from "./bin.js";

/**
 * Runs the built `lineitem` as a child process and measures it: wall time and the peak resident memory of
 * it and everything it starts (git, workers). Node cannot read a child's resource usage, so a few lines of
 * python3 wait for it and read getrusage(RUSAGE_CHILDREN), as scripts/bench/peers-measure.mjs does.
 */
const WRAPPER = `
import json, resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[3:], stdout=open(sys.argv[1], "wb"), stderr=open(sys.argv[2], "wb"))
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "rssKiB": usage.ru_maxrss}))
`;

export interface MeasuredRun {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMiB: number;
}

export function runMeasured(args: string[], dir: string, cwd: string = dir): Promise<MeasuredRun> {
  const out = join(dir, `.run-${process.pid}.out`);
  const err = join(dir, `.run-${process.pid}.err`);
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", WRAPPER, out, err, process.execPath, BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let figures = "";
    child.stdout.on("data", (chunk: Buffer) => {
      figures += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      const parsed = JSON.parse(figures) as { code: number; wall: number; rssKiB: number };
      resolve({
        code: parsed.code,
        stdout: readFileSync(out, "utf8"),
        stderr: readFileSync(err, "utf8"),
        seconds: Math.round(parsed.wall * 100) / 100,
        peakMiB: Math.round(parsed.rssKiB / 1024),
      });
    });
  });
}

/** One line of docs/reliability.md: a hostile case, what was tried, and what it cost. */
export interface ReliabilityRecord {
  /** The test's name, as vitest prints it. */
  test: string;
  /** What the input holds, in a few words ("100,000 files of one line each"). */
  inputs: string;
  /** What lineitem did with it ("skipped: too-large", "exit 2, names file:line:key"). */
  outcome: string;
  exitCode?: number;
  seconds?: number;
  peakMiB?: number;
}

/**
 * Collects a test file's records and writes them, when the file finishes, to
 * test-results/reliability/<test file name>.json (gitignored) for docs/reliability.md to be built from.
 */
export function reliabilityLog(testFile: string): (record: ReliabilityRecord) => void {
  const records: ReliabilityRecord[] = [];
  afterAll(() => {
    const folder = join(packageRoot, "test-results", "reliability");
    mkdirSync(folder, { recursive: true });
    const name = basename(testFile).replace(/\.test\.ts$/, "");
    const sorted = [...records].sort((a, b) => (a.test < b.test ? -1 : 1));
    writeFileSync(
      join(folder, `${name}.json`),
      `${JSON.stringify({ file: `test/${basename(testFile)}`, records: sorted }, null, 2)}\n`,
    );
  });
  return (record) => records.push(record);
}

/** The figures of a measured run, for its record. */
export function figures(run: MeasuredRun): Pick<ReliabilityRecord, "exitCode" | "seconds" | "peakMiB"> {
  return { exitCode: run.code, seconds: run.seconds, peakMiB: run.peakMiB };
}
