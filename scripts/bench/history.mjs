// npm run bench:history: how long the whole `lineitem scan` takes on a repository of 100,000 commits
// (wall time; CPU time, user + system, of lineitem and every git it starts; peak RSS; commits per second)
// beside the floor of git itself walking the same history (`git log --no-merges --name-status`, output
// discarded) and beside lineitem on the same files copied without .git (the scan without history), so
// the difference is what history costs; and a re-run with nothing changed, which reads history from the
// cache kept by commit. Runs alternate (lineitem, git log, no .git, lineitem, …) so load
// from other work falls on all three; medians are printed.
//
// The repository is generated deterministically (fixed seed, dates and people) with `git fast-import`:
// 5 years, 300 authors (plus 3 bots; Co-authored-by trailers; a .mailmap for old emails), 3,000 files
// under 12 team folders owned through CODEOWNERS, 30 renames, and 10 retry helpers (TypeScript and
// Python) in the 10 team folders that are not Go, each edited every few hundred commits (values inside it, lines inserted into
// it, comments above it that move it), so history has line ranges to follow. It is built once, into
// .cache/bench-history/ (gitignored).
//
//   npm run bench:history                      build if needed, then measure, 3 runs each
//   npm run bench:history -- --runs 5          more runs
//   npm run bench:history -- --commits 5000    a smaller repository, to try the script quickly
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measure, probeMeter } from "./peers-measure.mjs";

const root = new URL("../..", import.meta.url).pathname;
const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, commits: { type: "string", default: "100000" } },
});
const RUNS = Math.max(1, Number(values.runs));
const N = Math.max(1000, Number(values.commits));
const LAYOUT = 2; // bump when the generator changes, so a repository built the old way is rebuilt
const cache = join(root, ".cache", "bench-history", `v${LAYOUT}-${N}`);
const repo = join(cache, "monorepo");
// Neither the user's nor the system's git config may change what git does, or how fast.
Object.assign(process.env, { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C" });

// ---- the repository ------------------------------------------------------------------------------------
let seed = 20240917; // mulberry32
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];
const TEAMS =
  "payments checkout search catalog identity notifications platform data growth fulfilment support mobile-api";
const teams = TEAMS.split(" ");
const LANG = { data: "py", growth: "py", platform: "go", fulfilment: "go" };
const MODULES = "api core db http jobs model util events config views".split(" ");
const START = Date.UTC(2020, 0, 6, 9) / 1000;
const SPAN = 5 * 365 * 86400;
const BOTS = ["49699333+dependabot", "29139614+renovate", "41898282+github-actions"].map(
  (id) => `${id.split("+")[1]}[bot] <${id}[bot]@users.noreply.github.com>`,
);
const authors = Array.from({ length: 300 }, (_, a) => {
  const from = a < 20 ? START : START + rand() * SPAN * 0.9; // a core team from the first day
  const to = Math.min(START + SPAN, from + SPAN * (0.15 + rand()));
  const offset = pick(["+0000", "+0100", "+0200", "-0500", "-0800", "+0530"]);
  return { a, team: teams[a % 12], weight: 1 / (1 + a) ** 0.6, from, to, offset, oldEmail: a % 10 === 0 };
});
// Every tenth author committed under an old email for the first half of their time; .mailmap joins them.
const ident = (p, t) =>
  `Dev${p.a} Person <dev${p.a}@${p.oldEmail && t < (p.from + p.to) / 2 ? "old-corp" : "corp"}.example>`;
const LINES = {
  ts: (n, v) => [`export const k${n} = ${v};`, `export function f${n}(x: number) { return x + ${v}; }`],
  py: (n, v) => [`K${n} = ${v}`, `def f${n}(x):\n    return x + ${v}`],
  go: (n, v) => [`var K${n} = ${v}`, `func F${n}(x int) int { return x + ${v} }`],
};
const line = (lang, n) => pick(LINES[lang](n, int(1e6)));
const RETRY = {
  ts: (r) => `export async function retry<T>(fn: () => Promise<T>, attempts = ${r.attempts}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
${r.logs.map((l) => `      console.warn("retry ${l}", attempt);\n`).join("")}      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, ${r.delay} * 2 ** attempt));
    }
  }
}`,
  py: (r) => `import time

def retry(fn, attempts=${r.attempts}, retry_on=(ConnectionError, TimeoutError)):
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except retry_on:
${r.logs.map((l) => `            print("retry ${l}", attempt)\n`).join("")}            if attempt == attempts:
                raise
            time.sleep(${r.delay / 1000} * 2 ** (attempt - 1))`,
};
const render = (f) =>
  `${[...f.head, ...f.above, ...(f.retry ? [RETRY[f.lang](f.retry)] : []), ...f.lines].join("\n")}\n`;
const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

/** The fast-import stream, one commit at a time, so 100,000 commits never sit in memory. */
function* stream() {
  const live = [];
  const newFile = (team, module, name, retry) => {
    const lang = LANG[team] ?? "ts";
    const head = lang === "go" ? [`package ${module}`, ""] : [`${lang === "py" ? "#" : "//"} ${name}`];
    const path = `teams/${team}/src/${module}/${name}.${lang}`;
    const f = { team, lang, path, head, above: [], lines: [], retry };
    for (let i = 8 + int(30); i > 0; i--) f.lines.push(line(lang, f.lines.length));
    live.push(f);
    return f;
  };
  const retries = teams
    .filter((t) => LANG[t] !== "go")
    .map((t, i) =>
      newFile(t, MODULES[i], "retry", { attempts: 3 + (i % 3), delay: 100 * (1 + i), logs: [] }),
    );
  for (let i = 10; i < 300; i++) newFile(teams[i % 12], MODULES[i % 10], `file${i}`);
  const mailmap = authors
    .filter((p) => p.oldEmail)
    .map((p) => `${ident(p, Number.POSITIVE_INFINITY)} <dev${p.a}@old-corp.example>\n`);
  const fixed = [
    [".github/CODEOWNERS", `* @acme/platform\n${teams.map((t) => `/teams/${t}/ @acme/${t}\n`).join("")}`],
    [".mailmap", mailmap.join("")],
    ...teams.map((t) => [`teams/${t}/package.json`, '{ "version": "1.0.0" }\n']),
  ];
  const renames = new Set(Array.from({ length: 30 }, (_, k) => Math.floor(((k + 1) * N) / 32)));
  let born = 300;
  let renamed = 0;
  let active = []; // who works here now, once per weight unit, so `pick` favours the busiest
  for (let i = 0; i < N; i++) {
    const t = Math.floor(START + (i * SPAN) / N);
    if (i % 1000 === 0)
      active = authors
        .filter((p) => p.from <= t && t <= p.to)
        .flatMap((p) => Array(Math.ceil(p.weight * 20)).fill(p));
    let out = ""; // renames and bumps first, then every file this commit wrote
    const touched = new Set(i === 0 ? live : []);
    const who = i === 0 ? authors[0] : rand() < 0.03 ? { bot: pick(BOTS) } : pick(active);
    if (i === 0) for (const [path, text] of fixed) out += `M 100644 inline ${path}\n${data(text)}`;
    else if (who.bot)
      out += `M 100644 inline teams/${pick(teams)}/package.json\n${data(`{ "version": "1.${i}.0" }\n`)}`;
    else {
      if (renames.has(i)) {
        // A file moves to a renamed module folder; every sixth time, a retry helper does.
        const f = renamed++ % 6 === 0 ? pick(retries) : pick(live);
        const from = f.path;
        f.path = from.replace(/\/src\/([^/]+)\//, "/src/$1-v2/");
        out += `R ${from} ${f.path}\n`;
      }
      const mine = live.filter((f) => f.team === who.team && !f.retry);
      for (let k = 1 + int(3); k > 0; k--) {
        const f = rand() < 0.8 && mine.length ? pick(mine) : pick(live);
        const op = rand();
        const at = int(f.lines.length);
        if (op < 0.6 || f.lines.length > 120) f.lines[at] = line(f.lang, at);
        else if (op < 0.85 || f.lines.length < 8) f.lines.splice(at, 0, line(f.lang, f.lines.length));
        else f.lines.splice(at, 1);
        touched.add(f);
      }
      // New files arrive until all 3,000 exist, at 80% of the history.
      for (; born < 300 + Math.floor(2700 * Math.min(1, i / (0.8 * N))); born++)
        touched.add(newFile(who.team, pick(MODULES), `file${born}`));
      if (rand() < 1 / 30) {
        const f = retries.find((r) => r.team === who.team) ?? pick(retries); // its team's, mostly
        const kind = rand();
        const note = `${f.lang === "py" ? "#" : "//"} note ${i}`;
        if (kind < 0.4) f.retry.attempts = 2 + int(6);
        else if (kind < 0.55) f.retry.delay = 50 * (1 + int(10));
        else if (kind < 0.7 && f.above.length > 4)
          f.above.shift(); // lines above it come and go
        else if (kind < 0.7) f.above.push(note);
        else if (kind < 0.85) f.retry.logs = f.retry.logs.length < 2 ? [...f.retry.logs, `#${i}`] : [];
        else f.lines.push(line(f.lang, f.lines.length));
        touched.add(f);
      }
    }
    const co =
      who.bot || rand() > 0.04 ? [] : [...new Set(active)].filter((p) => p.team === who.team && p !== who);
    const trailers = co.slice(0, 2).map((p) => `Co-authored-by: ${ident(p, t)}\n`);
    const person = `${who.bot ?? ident(who, t)} ${t} ${who.offset ?? "+0000"}`;
    const message = `${who.team ?? "deps"}: change ${i}\n${trailers.length ? `\n${trailers.join("")}` : ""}`;
    for (const f of touched) out += `M 100644 inline ${f.path}\n${data(render(f))}`;
    yield `commit refs/heads/main\nauthor ${person}\ncommitter ${person}\n${data(message)}${out}\n`;
  }
  yield "done\n";
}

if (!existsSync(join(cache, "built.json"))) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const began = Date.now();
  process.stderr.write(`bench:history: generating ${N} commits in ${repo} (once)…\n`);
  execFileSync("git", ["init", "--quiet", "--initial-branch=main", "."], { cwd: repo });
  const child = spawn("git", ["fast-import", "--quiet", "--done"], {
    cwd: repo,
    stdio: ["pipe", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.on("close", resolve));
  for (const chunk of stream())
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once("drain", resolve));
  child.stdin.end();
  if ((await exited) !== 0) throw new Error("git fast-import failed");
  execFileSync("git", ["reset", "--quiet", "--hard", "main"], { cwd: repo });
  writeFileSync(join(cache, "built.json"), JSON.stringify({ seconds: (Date.now() - began) / 1000 }));
}
const { seconds } = JSON.parse(readFileSync(join(cache, "built.json"), "utf8"));
process.stderr.write(`bench:history: ${repo} ready (${N} commits, generated in ${seconds.toFixed(0)} s)\n`);

// ---- measuring ------------------------------------------------------------------------------------------
const meter = probeMeter();
const work = mkdtempSync(join(tmpdir(), "lineitem-bench-history-"));
// The same files without .git, outside any repository (inside this one, git would scope a scan to it).
const plain = join(work, "monorepo");
cpSync(repo, plain, { recursive: true, filter: (src) => !src.endsWith("/.git") });
const bin = join(root, "bin", "lineitem.js");
// The cold scan reads all history (--no-cache); the re-run reads it from the history cache kept by
// commit, in a cache folder of its own that the first re-run fills.
const cached = join(work, "cached");
mkdirSync(cached);
const commands = {
  lineitem: [
    process.execPath,
    [bin, "scan", repo, "--json", join(work, "scan.json"), "--quiet", "--no-cache"],
  ],
  "git log": ["git", ["-C", repo, "log", "--no-merges", "--name-status"]],
  "lineitem, no .git": [process.execPath, [bin, "scan", plain, "--json", join(work, "plain.json"), "-q"]],
  "lineitem, re-run": [process.execPath, [bin, "scan", repo, "--json", join(work, "again.json"), "-q"]],
};
const cwdOf = (name) => (name === "lineitem, re-run" ? cached : root);
const runs = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, [command, args]] of Object.entries(commands)) {
    // Output goes to a file deleted after each run (GNU time writes its figures beside it: not /dev/null).
    const files = {
      stdoutFile: join(work, "out"),
      stderrFile: join(work, "err"),
      cwd: cwdOf(name),
      label: name,
    };
    const run = measure(meter, command, args, files);
    rmSync(files.stdoutFile, { force: true });
    if (run.code !== 0) {
      process.stderr.write(`${name} exited ${run.code}:\n${readFileSync(files.stderrFile, "utf8")}`);
      process.exit(1);
    }
    runs[name].push(run);
    process.stderr.write(`  run ${r + 1}, ${name}: ${run.wall.toFixed(1)} s\n`);
  }
}

// What lineitem found, so the figures are known to come from real work.
const result = JSON.parse(readFileSync(join(work, "scan.json"), "utf8"));
const impls = result.concerns.find((c) => c.id === "retry")?.implementations ?? [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stat = (name, key) => median(runs[name].map((run) => run[key]));
const gitVersion = execFileSync("git", ["--version"], { encoding: "utf8" }).trim().split(" ").at(-1);
console.log(
  `\n${N} commits, ${result.summary.filesRead} files read; ${cpus().length} cores, git ${gitVersion}, node ${process.versions.node}`,
);
console.log(
  `lineitem read ${result.repos[0]?.commits} commits; ${impls.length} retry helpers found, authors per helper:`,
  impls.map((impl) => impl.history?.authors ?? "-").join(" "),
);
console.log(`medians of ${RUNS} runs, measured with ${meter}:`);
const row = (name) => ({
  "wall s": Number(stat(name, "wall").toFixed(1)),
  "CPU s": Number(stat(name, "cpu").toFixed(1)),
  "peak RSS MiB": Math.round(stat(name, "rssMiB")),
  ...(name.includes("no .git") || name.includes("re-run")
    ? {}
    : { "commits/s": Math.round(N / stat(name, "wall")) }),
});
console.table(Object.fromEntries(Object.keys(commands).map((name) => [name, row(name)])));
const ratio = (key) => (stat("lineitem", key) / stat("git log", key)).toFixed(1);
const history = stat("lineitem", "wall") - stat("lineitem, no .git", "wall");
console.log(`lineitem / git log: wall ${ratio("wall")}×, CPU ${ratio("cpu")}×`);
console.log(
  `re-run with nothing changed / cold scan: wall ${(stat("lineitem, re-run", "wall") / stat("lineitem", "wall")).toFixed(2)}× (the first re-run fills the cache; the median is of the warm ones)`,
);
console.log(
  `history's share (lineitem minus lineitem without .git): ${history.toFixed(1)} s wall, ${
    history > 0 ? Math.round(N / history) : "-"
  } commits/s`,
);
rmSync(work, { recursive: true, force: true });
