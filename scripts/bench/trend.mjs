// npm run bench:trend: what `lineitem trend` (8 quarter ends and now) costs against a single cold
// `lineitem scan` of the same repository, both from an empty index: the issue asks for a trend within 3×
// a cold scan. Also a trend on the index a scan has just filled (the usual order: scan, then trend), and
// a second trend with nothing changed. Runs alternate (scan, trend, scan, trend, …) so machine load falls
// on both; medians and the ratios against the cold scan of the same run are printed, with CPU time and
// peak RSS. A benchmark, not a test: it fails only when something could not be measured.
//
// The repository, by default, is built once (deterministically) into .cache/bench-trend/v<LAYOUT>/: the
// 25% org of `npm run bench` (real code from the pinned npm corpus, about 0.6 million lines) as one
// monorepo, packages/<repository>/…, with two years of weekly commits: 60% of the files at the start,
// the rest added evenly over the two years, and every week 1.5% of the files present edited (a line
// added: a new blob to parse), so about a fifth of the files change each quarter. Or any git repository
// with --repo (a real one: its own history).
//
//   npm run bench:trend                              build if needed, then 3 runs
//   npm run bench:trend -- --runs 1                  one quick pass
//   npm run bench:trend -- --repo /tmp/sentry-js     a repository of your own
//   npm run bench:trend -- --json out.json           also write every figure as JSON
//
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { prepareOrgs } from "./index-org.mjs";
import { measure, probeMeter } from "./peers-measure.mjs";
import { Failure } from "./peers-setup.mjs";

const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin", "lineitem.js");
const LAYOUT = 1;
const cache = join(root, ".cache", "bench-trend", `v${LAYOUT}`);
Object.assign(process.env, { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C" });

const say = (text) => process.stderr.write(`bench: ${text}\n`);

// ---- the repository ------------------------------------------------------------------------------------
let seed = 20241001; // mulberry32: the same repository on every machine
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const START = Date.parse("2024-10-01T09:00:00Z");
const WEEK = 7 * 86_400_000;
const WEEKS = 104;
const EDIT_SHARE = 0.015;

function filesUnder(dir, prefix = "", out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".git") continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) filesUnder(join(dir, entry.name), rel, out);
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** A line that changes a file's bytes in its own comment syntax, so the file still parses. */
const editLine = (path, week) =>
  /\.(py|rb)$/.test(path) ? `\n# revised in week ${week}\n` : `\n// revised in week ${week}\n`;

async function buildRepo() {
  const repo = join(cache, "monorepo");
  const marker = join(cache, "built.json");
  if (existsSync(marker)) return { repo, ...JSON.parse(readFileSync(marker, "utf8")) };
  const { createLanguageRegistry } = await import("../../dist/lang/index.js");
  const registry = await createLanguageRegistry();
  const manifest = JSON.parse(readFileSync(join(root, "scripts", "bench", "corpus.json"), "utf8"));
  const orgs = prepareOrgs(root, manifest, (path) => registry.languageOf(path), say);
  const org = orgs.sizes[25].org;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  say(`building a two-year monorepo from ${org} into ${repo} (once)`);
  const files = [];
  for (const name of readdirSync(org).sort()) {
    for (const rel of filesUnder(join(org, name)).sort()) {
      files.push({ path: `packages/${name}/${rel}`, source: join(org, name, rel) });
    }
  }
  // Which week each file first appears in: 60% at the start, the rest spread evenly.
  const order = files.map((file, i) => ({ file, key: rand(), i })).sort((a, b) => a.key - b.key);
  const firstWeek = new Map(
    order.map(({ file }, n) => [
      file.path,
      n < files.length * 0.6 ? 0 : 1 + Math.floor(rand() * (WEEKS - 1)),
    ]),
  );
  const content = new Map();
  const chunks = [];
  const push = (text) => chunks.push(Buffer.isBuffer(text) ? text : Buffer.from(text));
  const data = (bytes) => {
    push(`data ${bytes.length}\n`);
    push(bytes);
    push("\n");
  };
  let edits = 0;
  for (let week = 0; week < WEEKS; week++) {
    const when = Math.floor((START + week * WEEK) / 1000);
    push(`commit refs/heads/main\nmark :${week + 1}\n`);
    push(
      `author bench <bench@lineitem.invalid> ${when} +0000\ncommitter bench <bench@lineitem.invalid> ${when} +0000\n`,
    );
    data(Buffer.from(`Week ${week}\n`));
    if (week > 0) push(`from :${week}\n`);
    for (const file of files) {
      if (firstWeek.get(file.path) !== week) continue;
      const bytes = readFileSync(file.source);
      content.set(file.path, bytes);
      push(`M 100644 inline ${file.path}\n`);
      data(bytes);
    }
    if (week > 0) {
      const present = [...content.keys()];
      const count = Math.round(present.length * EDIT_SHARE);
      for (let k = 0; k < count; k++) {
        const path = present[Math.floor(rand() * present.length)];
        const bytes = Buffer.concat([content.get(path), Buffer.from(editLine(path, week))]);
        content.set(path, bytes);
        push(`M 100644 inline ${path}\n`);
        data(bytes);
        edits++;
      }
    }
    push("\n");
  }
  execFileSync("git", ["init", "-q", "--initial-branch=main", repo]);
  execFileSync("git", ["fast-import", "--quiet"], {
    cwd: repo,
    input: Buffer.concat(chunks),
    maxBuffer: 1 << 30,
  });
  execFileSync("git", ["checkout", "-q", "-f", "main"], { cwd: repo });
  const built = { files: files.length, weeks: WEEKS, edits };
  writeFileSync(marker, JSON.stringify(built));
  return { repo, ...built };
}

// ---- measuring -------------------------------------------------------------------------------------------
function run(meter, work, name, args) {
  const stderrFile = join(work, `${name}.stderr`);
  const result = measure(meter, process.execPath, [bin, ...args, "--quiet"], {
    stdoutFile: join(work, `${name}.stdout`),
    stderrFile,
    cwd: work,
    label: name,
  });
  if (result.code !== 0) {
    const last = readFileSync(stderrFile, "utf8").trim().split("\n").at(-1) ?? "no output";
    throw new Failure(`${name} exited with ${result.code}: ${last}`);
  }
  return result;
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      repo: { type: "string" },
      json: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Failure("--runs takes a whole number of 1 or more");
  const meter = probeMeter();
  const target = values.repo
    ? { repo: values.repo, files: null, weeks: null, edits: null }
    : await buildRepo();
  if (!existsSync(join(target.repo, ".git"))) throw new Failure(`${target.repo} is not a git repository`);
  const commits = execFileSync("git", ["rev-list", "--count", "HEAD"], {
    cwd: target.repo,
    encoding: "utf8",
  }).trim();
  say(`${target.repo}: ${commits} commits; ${cpus().length} cores; ${runs} run(s)`);
  const work = join(root, ".cache", "bench-trend", "work");
  const figures = { cold: [], trendCold: [], trendAfterScan: [], trendWarm: [] };
  for (let r = 0; r < runs; r++) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const index = (name) => ["--index", join(work, `${name}.sqlite`)];
    const cold = run(meter, work, "cold scan", ["scan", target.repo, ...index("scan")]);
    const trendCold = run(meter, work, "trend, empty index", ["trend", target.repo, ...index("trend")]);
    const afterScan = run(meter, work, "trend after the scan", ["trend", target.repo, ...index("scan")]);
    const warm = run(meter, work, "trend again", ["trend", target.repo, ...index("scan")]);
    figures.cold.push(cold);
    figures.trendCold.push(trendCold);
    figures.trendAfterScan.push(afterScan);
    figures.trendWarm.push(warm);
    say(
      `run ${r + 1}: cold scan ${cold.wall.toFixed(2)} s; trend ${trendCold.wall.toFixed(2)} s (empty index), ` +
        `${afterScan.wall.toFixed(2)} s (after the scan), ${warm.wall.toFixed(2)} s (again)`,
    );
  }
  const row = (label, list) => {
    const wall = median(list.map((f) => f.wall));
    const ratio = median(list.map((f, i) => f.wall / figures.cold[i].wall));
    return `${label.padEnd(28)} ${wall.toFixed(2).padStart(7)} s  ${ratio.toFixed(2).padStart(5)}× cold  cpu ${median(
      list.map((f) => f.cpu),
    )
      .toFixed(2)
      .padStart(6)} s  peak ${Math.round(median(list.map((f) => f.rssMiB)))} MiB`;
  };
  const lines = [
    `lineitem trend (8 quarter ends and now) against a cold scan, medians of ${runs} run(s)`,
    row("cold scan (empty index)", figures.cold),
    row("trend, empty index", figures.trendCold),
    row("trend after the scan", figures.trendAfterScan),
    row("trend again (nothing new)", figures.trendWarm),
  ];
  const worst = Math.max(...figures.trendCold.map((f, i) => f.wall / figures.cold[i].wall));
  lines.push(
    `goal: a trend within 3× a cold scan — worst run ${worst.toFixed(2)}× (${worst <= 3 ? "met" : "NOT met"})`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  if (values.json)
    writeFileSync(values.json, JSON.stringify({ target, commits: Number(commits), figures }, null, 2));
}

main().catch((error) => {
  if (error instanceof Failure) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
});
