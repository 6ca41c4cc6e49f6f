// npm run bench: what `lineitem scan` costs at scale and what its index (.lineitem/index.sqlite) saves,
// on real code: the pinned npm corpus (scripts/bench/corpus.json, about 2.4 million lines) as an org of
// git repositories, one per package, at 25%, 50% and 100% of its lines. Per size and run: a cold scan
// (no index), a warm re-scan with nothing changed, and a re-scan after one commit that changes one file;
// wall time, CPU time and peak RSS of each, and the index's size on disk. Prints medians, the ratios
// against the cold scan of the same run, how time, memory and index grow against the code, and the
// issue's goals (warm under 1/20 of cold; peak RSS under 1 GiB at a million lines, growing no faster
// than the code). Also checks that the index changes nothing: the warm result equals the cold one, and
// the one-change result equals a cold scan of the same state (moments like generatedAt aside).
// A benchmark, not a test: it prints figures and fails only when something could not be measured.
//
//   npm run bench                         all sizes, 3 runs each (medians)
//   npm run bench -- --sizes 25 --runs 1  one quick pass on the smallest org
//   npm run bench -- --json out.json      also write every figure as JSON
//
// Needs the corpus (fetched for you by scripts/bench/fetch-corpus.mjs), git, and python3 or GNU time to
// read the scans' resource usage. The orgs are built once into .cache/bench-index/v<LAYOUT>/; each size
// scans from its own folder in .cache/bench-index/work/, which holds its index (.lineitem/).
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { applyChange, prepareOrgs, restore, SIZES } from "./index-org.mjs";
import { firstDifference, report } from "./index-report.mjs";
import { measure, probeMeter } from "./peers-measure.mjs";
import { Failure } from "./peers-setup.mjs";

const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin", "lineitem.js");
const workBase = join(root, ".cache", "bench-index", "work");

// Progress goes to stderr, one line per step; a step's figures end its line when it is done.
let lineOpen = false;
const say = (text) => {
  process.stderr.write(`${lineOpen ? "\n" : ""}bench: ${text}\n`);
  lineOpen = false;
};
const begin = (text) => {
  process.stderr.write(`${lineOpen ? "\n" : ""}bench: ${text} … `);
  lineOpen = true;
};
const end = (text) => {
  process.stderr.write(`${text}\n`);
  lineOpen = false;
};

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string", default: "3" },
        sizes: { type: "string", default: SIZES.join(",") },
        json: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new Failure(`${error.message} (see --help)`);
  }
  if (values.help) {
    // The header comment is the help.
    process.stdout.write(
      `${readFileSync(new URL(import.meta.url), "utf8")
        .split("\nimport")[0]
        .replace(/^\/\/ ?/gm, "")}\n`,
    );
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Failure("--runs takes a whole number of 1 or more");
  const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/%$/, "")));
  const unknown = sizes.filter((size) => !SIZES.includes(size));
  if (unknown.length || !sizes.length)
    throw new Failure(`--sizes: choose from ${SIZES.join(", ")} (comma-separated), got ${values.sizes}`);
  return { runs, sizes: SIZES.filter((size) => sizes.includes(size)), json: values.json };
}

/** lineitem's own idea of which files it reads, from the build (npm run bench builds first). */
async function lineitemLanguages() {
  let registry;
  try {
    const { createLanguageRegistry } = await import("../../dist/lang/index.js");
    registry = await createLanguageRegistry();
  } catch (error) {
    throw new Failure(`lineitem's build cannot be loaded (run npm run build): ${error.message}`);
  }
  return (path) => registry.languageOf(path);
}

/** Bytes of every file under dir: the index is a SQLite file, plus -wal and -shm while it is open. */
function bytesUnder(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Failure(`${file}: not a readable scan result (${error.message})`);
  }
};

/** A fresh start for a work folder: no index, no earlier results. */
function clearWork(work) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
}

/**
 * One measured scan of org, run from work (so its index is work/.lineitem/, there being no config);
 * the result goes to work/<name>.json. A scan that fails ends the bench with its last stderr line.
 */
function scan(meter, org, work, name) {
  const json = join(work, `${name}.json`);
  const stderrFile = join(work, `${name}.stderr`);
  const run = measure(meter, process.execPath, [bin, "scan", org, "--json", json, "--quiet"], {
    stdoutFile: join(work, `${name}.stdout`),
    stderrFile,
    cwd: work,
    label: `the ${name} scan`,
  });
  if (run.code !== 0) {
    // lineitem's own failures end with one message line; a crashed Node ends with native stack frames
    // under a "-----" banner, after the line that says what happened.
    const lines = readFileSync(stderrFile, "utf8")
      .split("\n")
      .filter((line) => line.trim() && !/^\s*\d+: 0x[0-9a-f]+ |^-{3,}.*-{3,}$/.test(line));
    const last = lines.at(-1) ?? "no output";
    // python3's subprocess gives a child killed by a signal as minus the signal's number.
    const how = run.code < 0 ? `was killed by signal ${-run.code}` : `exited with ${run.code}`;
    throw new Failure(`the ${name} scan of ${org} ${how}: ${last.trim()}`);
  }
  if (!existsSync(json)) throw new Failure(`the ${name} scan of ${org} wrote no ${json}`);
  return { wall: run.wall, cpu: run.cpu, rssMiB: run.rssMiB, json };
}

const figures = (run) =>
  `${run.wall.toFixed(1)} s, ${run.cpu.toFixed(1)} s CPU, ${run.rssMiB.toFixed(0)} MiB`;
const same = (a, b) => firstDifference(readJson(a), readJson(b)) ?? "identical";
const differs = (what) => (what === "identical" ? what : `differs at ${what}`);

/**
 * One run at one size: cold, warm, one change; on the first run also the checks. The org is put back as
 * built before and after, so every run starts from the same state.
 */
function runOnce(meter, built, size, label, first) {
  const { org, editBase } = built.sizes[size];
  const work = join(workBase, String(size));
  restore(org, built.edit, editBase);
  clearWork(work); // the cold scan: no index at all
  const measured = (name) => {
    begin(`${label}: ${name} scan`);
    const run = scan(meter, org, work, name);
    end(figures(run));
    return run;
  };
  const cold = measured("cold");
  const warm = measured("warm");
  // After the warm scan the index holds one org state; its size is what a steady state costs on disk.
  const indexBytes = bytesUnder(join(work, ".lineitem"));
  applyChange(org, built.edit);
  const change = measured("one-change");
  const sample = { cold: { ...cold }, warm: { ...warm }, change: { ...change }, indexBytes };
  for (const scanRun of [sample.cold, sample.warm, sample.change]) delete scanRun.json;
  let extra = null;
  if (first) {
    // The check: the same state as the one-change scan, scanned cold in a folder of its own.
    const checkWork = join(workBase, `${size}-check`);
    clearWork(checkWork);
    begin(`${label}: cold scan of the changed org, to check the one-change result`);
    const check = scan(meter, org, checkWork, "check");
    end(figures(check));
    const coldResult = readJson(cold.json);
    extra = {
      read: { filesRead: coldResult.summary?.filesRead, lines: coldResult.summary?.lines },
      checks: { warm: differs(same(cold.json, warm.json)), change: differs(same(change.json, check.json)) },
    };
    rmSync(checkWork, { recursive: true, force: true });
  }
  restore(org, built.edit, editBase);
  return { sample, extra };
}

async function main() {
  const opts = options();
  // Neither the user's nor the system's git config may change what git does here, for us or for lineitem.
  Object.assign(process.env, { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C" });
  const meter = probeMeter();
  try {
    // Fetches only what is missing; its table of the corpus goes to stderr with the other progress.
    execFileSync(process.execPath, [join(root, "scripts", "bench", "fetch-corpus.mjs")], {
      stdio: ["ignore", 2, 2],
    });
  } catch {
    throw new Failure("fetching the corpus failed (see above); try node scripts/bench/fetch-corpus.mjs");
  }
  const manifest = JSON.parse(readFileSync(join(root, "scripts", "bench", "corpus.json"), "utf8"));
  const built = prepareOrgs(root, manifest, await lineitemLanguages(), say);
  for (const size of opts.sizes) {
    const org = built.sizes[size];
    say(`${size}% org: ${org.repos.length} repositories, ${org.files} source files, ${org.lines} lines`);
  }
  say(
    `the one change: a function appended to ${built.edit.repo}/${built.edit.path} (${built.edit.lines} lines)`,
  );

  const samples = Object.fromEntries(opts.sizes.map((size) => [size, []]));
  const read = {};
  const checks = {};
  // Size by size within each run (25 50 100 25 50 100 …), so a busy spell on the machine hits every size.
  for (let run = 1; run <= opts.runs; run++) {
    for (const size of opts.sizes) {
      const { sample, extra } = runOnce(meter, built, size, `${size}%, run ${run}/${opts.runs}`, run === 1);
      samples[size].push(sample);
      if (extra) {
        read[size] = extra.read;
        checks[size] = extra.checks;
      }
    }
  }

  const gitVersion = execFileSync("git", ["--version"], { encoding: "utf8" }).trim().split(" ").at(-1);
  const header =
    `lineitem scan on the pinned npm corpus as an org (one git repository per package); medians of ${opts.runs} run(s),` +
    ` ratios run by run against that run's cold scan; ${cpus().length} cores, node ${process.version}, git ${gitVersion}, measured with ${meter}.`;
  const orgs = Object.fromEntries(opts.sizes.map((size) => [size, built.sizes[size]]));
  const { text, json } = report({
    header,
    sizes: opts.sizes,
    orgs,
    samples,
    read,
    checks,
    edit: built.edit,
    runs: opts.runs,
  });
  process.stdout.write(`${text}\n`);
  if (opts.json) {
    const machine = { cores: cpus().length, node: process.version, git: gitVersion, meter };
    const all = { generatedAt: new Date().toISOString(), machine, ...json };
    try {
      writeFileSync(opts.json, `${JSON.stringify(all, null, 2)}\n`);
    } catch (error) {
      throw new Failure(`--json: could not write ${opts.json}: ${error.message}`);
    }
  }
}

main().catch((error) => {
  // One line, never a stack: a Failure says what went wrong; anything else is at least named.
  const message = error instanceof Failure ? error.message : `unexpected error: ${error?.message ?? error}`;
  say(message);
  process.exit(2);
});
