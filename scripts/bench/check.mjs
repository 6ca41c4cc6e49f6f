// npm run bench:check: what `lineitem check` costs on a typical pull request (16 changed files: 14 edited,
// a new retry helper, a file copied from another repository) against a warm index of a big org — the
// pinned npm corpus as git repositories (scripts/bench/index-org.mjs; 100% is about 2.4 million lines).
// The index is this bench's own (.cache/bench-check/<size>/index.sqlite), filled by one `lineitem scan`
// (cold the first time, then a re-run that takes the last result). The pull request is a branch in a
// shared clone of one repository (.cache/bench-check/<size>/pr/), rebuilt each run with fixed dates.
// Per run: wall time, CPU time and peak RSS of a check reading head from git's objects (--head) and of a
// check of the checked-out branch (working tree). Prints medians and the goal (under 2 s of wall time).
// A benchmark, not a test: it fails only when something could not be measured.
//
//   npm run bench:check                         the 100% org, 5 runs each (medians)
//   npm run bench:check -- --size 25 --runs 3
//   npm run bench:check -- --json out.json      also write every figure as JSON
//
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { prepareOrgs } from "./index-org.mjs";
import { measure, probeMeter } from "./peers-measure.mjs";
import { Failure } from "./peers-setup.mjs";

const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin", "lineitem.js");
const GOAL_SECONDS = 2;
const EDITED = 14;
const PR_DATE = "2026-03-02T10:00:00Z";

const say = (text) => process.stderr.write(`bench: ${text}\n`);

function git(cwd, args) {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "bench",
      GIT_AUTHOR_EMAIL: "bench@lineitem.invalid",
      GIT_COMMITTER_NAME: "bench",
      GIT_COMMITTER_EMAIL: "bench@lineitem.invalid",
      GIT_AUTHOR_DATE: PR_DATE,
      GIT_COMMITTER_DATE: PR_DATE,
    },
  }).trim();
}

/** TypeScript files of a repository (tracked, not declarations or tests), by path. */
const tsFiles = (repo) =>
  git(repo, ["ls-files", "*.ts"])
    .split("\n")
    .filter((path) => path && !path.endsWith(".d.ts") && !/\.(test|spec)\.ts$/.test(path))
    .sort();

const RETRY = `const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries an operation with exponential backoff: five attempts from 200 ms. */
export async function retryWithBackoff<T>(operation: () => Promise<T>, attempts = 5, baseMs = 200): Promise<T> {
  let failure: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await operation();
    } catch (error) {
      failure = error;
      if (attempt === attempts) break;
      await pause(baseMs * 2 ** (attempt - 1));
    }
  }
  throw failure;
}
`;

const added = (n) => `
export function lineitemBenchPr${n}(values: readonly number[], scale: number): number {
  let total = 0;
  for (const value of values) total += Math.round(value * scale) + ${n};
  return total;
}
`;

/**
 * The pull request: branch bench-pr from main in a shared clone of `name`, with a function appended to
 * EDITED of its TypeScript files, a new retry helper, and a mid-sized file copied from another repository.
 */
function preparePr(org, name, work) {
  const clone = join(work, "pr", name);
  // A shared clone borrows the org repository's objects by path: one made from another checkout of this
  // project (another path to .cache) borrows from a folder that may be gone, so it is made again.
  const alternates = join(clone, ".git", "objects", "info", "alternates");
  const borrowed = existsSync(alternates) ? readFileSync(alternates, "utf8").trim() : null;
  if (borrowed !== null && borrowed !== join(org, name, ".git", "objects"))
    rmSync(clone, { recursive: true, force: true });
  if (!existsSync(join(clone, ".git"))) {
    mkdirSync(join(work, "pr"), { recursive: true });
    git(work, ["clone", "-q", "--shared", join(org, name), clone]);
  }
  const main = git(join(org, name), ["rev-parse", "HEAD"]);
  git(clone, ["checkout", "-q", "-f", "-B", "main", main]);
  git(clone, ["clean", "-q", "-fdx"]);
  git(clone, ["checkout", "-q", "-B", "bench-pr", "main"]);
  const files = tsFiles(clone);
  const step = Math.max(1, Math.floor(files.length / EDITED));
  const edited = files.filter((_, i) => i % step === 0).slice(0, EDITED);
  edited.forEach((path, n) => {
    writeFileSync(join(clone, path), readFileSync(join(clone, path), "utf8") + added(n));
  });
  mkdirSync(join(clone, "src", "bench-pr"), { recursive: true });
  writeFileSync(join(clone, "src", "bench-pr", "retry.ts"), RETRY);
  const other = readdirSync(org)
    .filter((repo) => repo !== name && existsSync(join(org, repo, ".git")))
    .sort()[0];
  const source = tsFiles(join(org, other))
    .map((path) => ({ path, size: statSync(join(org, other, path)).size }))
    .filter((file) => file.size > 2000 && file.size < 8000)[0];
  if (source) {
    writeFileSync(join(clone, "src", "bench-pr", "copied.ts"), readFileSync(join(org, other, source.path)));
  }
  git(clone, ["add", "-A"]);
  git(clone, ["commit", "-q", "--no-gpg-sign", "-m", "A typical pull request"]);
  git(clone, ["checkout", "-q", "main"]);
  return {
    clone,
    changed: edited.length + 1 + (source ? 1 : 0),
    copiedFrom: source ? `${other}/${source.path}` : null,
  };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function run(meter, work, label, args, cwd) {
  const stdoutFile = join(work, `${label}.stdout`);
  const stderrFile = join(work, `${label}.stderr`);
  const result = measure(meter, process.execPath, [bin, ...args], { stdoutFile, stderrFile, cwd, label });
  if (result.code !== 0) {
    const last = readFileSync(stderrFile, "utf8").trim().split("\n").at(-1) ?? "no output";
    throw new Failure(`${label} exited with ${result.code}: ${last}`);
  }
  return { ...result, stdoutFile };
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "100" },
      runs: { type: "string", default: "5" },
      repo: { type: "string" },
      json: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Failure("--runs takes a whole number of 1 or more");
  const meter = probeMeter();
  const { createLanguageRegistry } = await import("../../dist/lang/index.js");
  const registry = await createLanguageRegistry();
  const manifest = JSON.parse(readFileSync(join(root, "scripts", "bench", "corpus.json"), "utf8"));
  const orgs = prepareOrgs(root, manifest, (path) => registry.languageOf(path), say);
  const built = orgs.sizes[values.size];
  if (!built) throw new Failure(`--size takes one of ${Object.keys(orgs.sizes).join(", ")}`);
  const work = join(root, ".cache", "bench-check", values.size);
  mkdirSync(work, { recursive: true });
  const index = join(work, "index.sqlite");

  say(
    `scanning the ${values.size}% org (${built.repos.length} repositories, ${built.lines} lines) into ${relative(root, index)}`,
  );
  const warmup = run(
    meter,
    work,
    "scan",
    ["scan", built.org, "--index", index, "--quiet", "--json", join(work, "scan.json")],
    work,
  );
  say(`scan: ${warmup.wall.toFixed(1)} s wall (a re-run takes the last result)`);

  // The repository the pull request is in: the one with the most TypeScript files, unless given.
  const name =
    values.repo ??
    built.repos
      .map((repo) => ({ repo, files: tsFiles(join(built.org, repo)).length }))
      .sort((a, b) => b.files - a.files || a.repo.localeCompare(b.repo))[0].repo;
  const pr = preparePr(built.org, name, work);
  say(
    `pull request: ${pr.changed} changed files in ${name}${pr.copiedFrom ? ` (one copied from ${pr.copiedFrom})` : ""}`,
  );

  const common = [
    "check",
    pr.clone,
    "--base",
    "main",
    "--index",
    index,
    "--repo",
    name,
    "--format",
    "json",
    "--quiet",
  ];
  const modes = {
    "head from git objects": { args: [...common, "--head", "bench-pr"], checkout: "main" },
    "checked-out working tree": { args: common, checkout: "bench-pr" },
  };
  const figures = {};
  for (const [mode, { args, checkout }] of Object.entries(modes)) {
    git(pr.clone, ["checkout", "-q", checkout]);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(run(meter, work, `check-${i}`, args, pr.clone));
    const result = JSON.parse(readFileSync(samples[0].stdoutFile, "utf8"));
    figures[mode] = {
      wall: median(samples.map((s) => s.wall)),
      cpu: median(samples.map((s) => s.cpu)),
      rssMiB: median(samples.map((s) => s.rssMiB)),
      changed: result.changed,
      findings: result.findings.map(
        (f) => `${f.kind}:${f.concern ?? "copy"} ${f.location.path}:${f.location.line}`,
      ),
    };
  }
  git(pr.clone, ["checkout", "-q", "main"]);

  const cores = cpus().length;
  console.log(
    `lineitem check on a typical pull request · ${values.size}% org: ${built.repos.length} repositories, ${built.lines.toLocaleString("en")} lines · ${cores} cores · medians of ${runs} runs`,
  );
  console.log(`pull request: ${pr.changed} changed files in ${name}`);
  for (const [mode, f] of Object.entries(figures)) {
    console.log(
      `  ${mode.padEnd(26)} ${f.wall.toFixed(2)} s wall · ${f.cpu.toFixed(2)} s CPU · ${f.rssMiB.toFixed(0)} MiB peak · ${f.changed.checked} files, ${f.changed.units} units read · ${f.findings.length} findings`,
    );
  }
  for (const finding of Object.values(figures)[0].findings) console.log(`    ${finding}`);
  const worst = Math.max(...Object.values(figures).map((f) => f.wall));
  console.log(
    `goal: under ${GOAL_SECONDS} s of wall time on two cores: ${worst < GOAL_SECONDS ? "met" : "NOT met"} (slowest ${worst.toFixed(2)} s)`,
  );
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ size: values.size, cores, runs, repo: name, pr, scan: warmup, figures }, null, 2)}\n`,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`bench:check: ${error instanceof Failure ? error.message : (error.stack ?? error)}\n`);
  process.exit(2);
});
