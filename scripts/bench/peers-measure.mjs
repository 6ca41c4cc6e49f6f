// One measured run of a command: wall time, CPU time (user + system) and peak RSS of the child and its
// descendants. Node cannot read a child's resource usage, so a few lines of python3 wait for the child
// and read getrusage(RUSAGE_CHILDREN), which is exact and adds nothing to the child's own figures. Where
// python3 is missing, GNU time (/usr/bin/time -f) reads the same numbers from wait4().
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import { Failure } from "./peers-setup.mjs";

const WRAPPER = `
import json, resource, subprocess, sys, time
out = open(sys.argv[1], "wb")
err = open(sys.argv[2], "wb")
start = time.monotonic()
code = subprocess.call(sys.argv[3:], stdout=out, stderr=err)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rssKiB": usage.ru_maxrss}))
`;
const GNU_TIME = "/usr/bin/time";

/** Which way runs are measured: "python3" or "time"; fails with one line when neither works. */
export function probeMeter() {
  try {
    execFileSync("python3", ["-c", "import resource"], { stdio: "ignore" });
    return "python3";
  } catch {
    // No python3 (or one without the resource module): try GNU time.
  }
  if (existsSync(GNU_TIME)) {
    try {
      execFileSync(GNU_TIME, ["-f", "%M", "true"], { stdio: "ignore" });
      return "time";
    } catch {
      // A BSD time without -f: no use to us.
    }
  }
  throw new Failure(
    "measuring CPU time and peak memory needs python3 (with its resource module) or GNU time",
  );
}

function viaPython(command, args, { stdoutFile, stderrFile, cwd, label }) {
  const run = spawnSync("python3", ["-c", WRAPPER, stdoutFile, stderrFile, command, ...args], {
    cwd,
    encoding: "utf8",
  });
  if (run.status !== 0)
    throw new Failure(`${label}: could not be measured: ${run.stderr.trim().split("\n").at(-1)}`);
  const result = JSON.parse(run.stdout);
  return { code: result.code, wall: result.wall, cpu: result.cpu, rssKiB: result.rssKiB };
}

function viaGnuTime(command, args, { stdoutFile, stderrFile, cwd, label }) {
  const figures = `${stdoutFile}.time`;
  const out = openSync(stdoutFile, "w");
  const err = openSync(stderrFile, "w");
  try {
    // time's exit code is the child's; its figures go to their own file, away from the child's stderr.
    const run = spawnSync(GNU_TIME, ["-f", "%e %U %S %M", "-o", figures, command, ...args], {
      cwd,
      stdio: ["ignore", out, err],
    });
    const fields = existsSync(figures)
      ? readFileSync(figures, "utf8").trim().split("\n").at(-1).split(" ")
      : [];
    if (fields.length !== 4) throw new Failure(`${label}: could not be measured (GNU time wrote no figures)`);
    const [wall, user, sys, rss] = fields.map(Number);
    return { code: run.status ?? 128, wall, cpu: user + sys, rssKiB: rss };
  } finally {
    closeSync(out);
    closeSync(err);
    rmSync(figures, { force: true });
  }
}

/** Runs `command` with stdout and stderr to files; returns { code, wall, cpu, rssMiB } or throws. */
export function measure(meter, command, args, files) {
  const result = meter === "python3" ? viaPython(command, args, files) : viaGnuTime(command, args, files);
  return { code: result.code, wall: result.wall, cpu: result.cpu, rssMiB: result.rssKiB / 1024 };
}
