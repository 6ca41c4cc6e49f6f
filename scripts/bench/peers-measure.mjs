// One measured run of a command: wall time, CPU time (user + system) and peak RSS of the child and its
// descendants. Node cannot read a child's resource usage, so a few lines of python3 wait for the child
// and read getrusage(RUSAGE_CHILDREN), which is exact and adds nothing to the child's own figures.
import { execFileSync, spawnSync } from "node:child_process";
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

export function checkPython() {
  try {
    execFileSync("python3", ["-c", "import resource"], { stdio: "ignore" });
  } catch {
    throw new Failure("python3 (with its resource module) is needed to measure CPU time and peak memory");
  }
}

/** Runs `command` with stdout and stderr to files; resolves to { wall, cpu, rssMiB } or throws. */
export function measure(command, args, { stdoutFile, stderrFile, cwd, label }) {
  const run = spawnSync("python3", ["-c", WRAPPER, stdoutFile, stderrFile, command, ...args], {
    cwd,
    encoding: "utf8",
  });
  if (run.status !== 0)
    throw new Failure(`${label}: could not be measured: ${run.stderr.trim().split("\n").at(-1)}`);
  const result = JSON.parse(run.stdout);
  return { code: result.code, wall: result.wall, cpu: result.cpu, rssMiB: result.rssKiB / 1024 };
}
