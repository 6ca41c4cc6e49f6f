// npm run bench:peers: lineitem beside the copy-paste detectors people use today, jscpd and fallow, on the
// same real org (about 646,000 lines of TypeScript/JavaScript from 11 npm packages, one repository and one
// team each; scripts/bench/peers.json). Prints wall time, CPU time and peak memory (medians of alternating
// runs, so machine noise hits every tool alike), the ratios, and lineitem's recall of jscpd's
// cross-directory clone groups of 50+ tokens, with a sample of what only one of the two found. lineitem is
// timed cold (--no-cache: nothing from its index) and again right after with nothing changed (the re-scan),
// and `lineitem copies`, the copy search on its own (the job jscpd and fallow do), is timed beside them.
// A benchmark, not a test: npm test never runs it.
//
//   npm run bench:peers                       3 runs each, then recall
//   npm run bench:peers -- --runs 5           more runs (medians are printed)
//   npm run bench:peers -- --only lineitem    just some tools (comma list: lineitem,jscpd,fallow)
//   npm run bench:peers -- --skip-recall      timings only
//   npm run bench:peers -- --sample 10        more cases of what only one tool found (default 5)
//
// Needs the corpus (node scripts/bench/fetch-corpus.mjs, run for you), git, and python3 or GNU time (to
// read the children's resource usage). The peers come from the npm registry into .cache/peers/tools.
// Writes .cache/peers/report.json; prints Markdown tables on stdout, progress on stderr.
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measure, probeMeter } from "./peers-measure.mjs";
import { buildOrg, Failure, installPeers } from "./peers-setup.mjs";
import { COPIES, count, fixed, PEERS, RESCAN, readJson, recallReport, timingTable } from "./peers-tables.mjs";

const root = new URL("../..", import.meta.url).pathname;
const cache = join(root, ".cache", "peers");
const outDir = join(cache, "out");
const TOOLS = ["lineitem", "jscpd", "fallow"];

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string", default: "3" },
        only: { type: "string", default: TOOLS.join(",") },
        "skip-recall": { type: "boolean", default: false },
        sample: { type: "string", default: "5" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new Failure(`${error.message} (see --help)`);
  }
  if (values.help) {
    process.stdout.write(
      readFileSync(new URL(import.meta.url), "utf8")
        .split("\nimport")[0]
        .replace(/^\/\/ ?/gm, "")
        .concat("\n"),
    );
    process.exit(0);
  }
  const whole = (flag, text, least) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < least)
      throw new Failure(`${flag} takes a whole number of ${least} or more`);
    return n;
  };
  const only = values.only.split(",").map((t) => t.trim());
  const unknown = only.filter((t) => !TOOLS.includes(t));
  if (unknown.length)
    throw new Failure(`--only: unknown tool ${unknown.join(", ")} (choose from ${TOOLS.join(", ")})`);
  return {
    runs: whole("--runs", values.runs, 1),
    only,
    recall: !values["skip-recall"],
    sample: whole("--sample", values.sample, 0),
  };
}

/** How each tool is run: its default settings, reading the org, writing a report we can read. */
function commands(binaries, orgDir, tools) {
  const cli = join(root, "bin", "lineitem.js");
  // --show-boilerplate lists the groups lineitem sets aside as boilerplate, which the peers report like
  // any other clone; an older build without the flag is still measured, and the settings column says so.
  let boilerplate = true;
  if (tools.includes("lineitem")) {
    try {
      const help = execFileSync(process.execPath, [cli, "scan", "--help"], {
        encoding: "utf8",
        stdio: "pipe",
      });
      boilerplate = help.includes("--show-boilerplate");
    } catch {
      throw new Failure("lineitem's CLI does not start: build it first (npm run build)");
    }
  }
  const scan = (json) => [
    cli,
    "scan",
    orgDir,
    "--include-tests",
    ...(boilerplate ? ["--show-boilerplate"] : []),
    "-q",
    "--json",
    join(outDir, json),
    "--index",
    join(outDir, "lineitem-index.sqlite"),
  ];
  const settings = `scan --include-tests${boilerplate ? " --show-boilerplate" : " (this build has no --show-boilerplate)"}, parsers = cores (this thread and cores − 1 workers)`;
  return {
    // A cold scan: nothing taken from the index (--no-cache), which it still writes, as a first scan does.
    // Without it every run after the first would be a re-scan of unchanged code.
    lineitem: {
      command: process.execPath,
      args: [...scan("lineitem.json"), "--no-cache"],
      note: `${settings}, --no-cache (cold: nothing from the index)`,
    },
    // The same scan right after the cold one, with nothing changed: what a second run costs.
    [RESCAN]: {
      command: process.execPath,
      args: scan("lineitem-rescan.json"),
      note: "the same scan again, nothing changed (the index the cold scan wrote)",
    },
    [COPIES]: {
      command: process.execPath,
      args: [cli, "copies", orgDir, "--include-tests", "--show-boilerplate", "-q", "--format", "json"],
      stdout: join(outDir, "lineitem-copies.json"),
      note: "copies --include-tests --show-boilerplate --format json: the copy search alone (a lexer, no syntax tree; no concerns, history or index)",
    },
    jscpd: {
      command: binaries.jscpd,
      // --silent does not silence jscpd 5.3.3's summary line; it goes to a file with the rest of stdout.
      args: [orgDir, "--silent", "-r", "json", "-o", outDir, "-i", "**/.git/**"],
      note: "defaults (mild, 50 tokens, 5 lines, no cross-format), JSON reporter",
    },
    fallow: {
      command: binaries.fallow,
      // --no-cache: no run may profit from the one before; detection settings stay at their defaults.
      args: ["dupes", "--root", orgDir, "--format", "json", "--quiet", "--no-cache"],
      stdout: join(outDir, "fallow.json"),
      note: "dupes at defaults (mild, 50 tokens, 5 lines; skips *.test.* and *.spec.*), JSON, --no-cache",
    },
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
function timings(tools, spec, runs, meter) {
  const samples = Object.fromEntries(tools.map((tool) => [tool, []]));
  // Tool by tool within each run (A B C A B C …), so a busy spell on the machine hits all of them.
  for (let run = 1; run <= runs; run++) {
    for (const tool of tools) {
      const { command, args, stdout } = spec[tool];
      const stderrFile = join(outDir, `${tool}.stderr`);
      const result = measure(meter, command, args, {
        stdoutFile: stdout ?? join(outDir, `${tool}.stdout`),
        stderrFile,
        cwd: root,
        label: tool,
      });
      // All three exit 0 on findings at these settings; anything else is a failed run, not a figure.
      if (result.code !== 0) {
        const err = (readFileSync(stderrFile, "utf8").trim().split("\n").slice(-3).join(" ") || "no output")
          .replace(/\s+/g, " ")
          .slice(0, 400);
        throw new Failure(`${tool} exited with ${result.code}: ${err}`);
      }
      samples[tool].push(result);
      process.stderr.write(`bench:peers: run ${run}/${runs} ${tool} ${fixed(result.wall)} s\n`);
    }
  }
  return Object.fromEntries(
    tools.map((tool) => [
      tool,
      {
        wall: median(samples[tool].map((s) => s.wall)),
        cpu: median(samples[tool].map((s) => s.cpu)),
        rssMiB: median(samples[tool].map((s) => s.rssMiB)),
        runs: samples[tool],
      },
    ]),
  );
}

/** What each tool says it read, from its own report of the last run (they skip different files). */
function readFigures(tools) {
  const read = {};
  if (tools.includes("lineitem")) {
    const s = readJson(join(outDir, "lineitem.json"))?.summary;
    read.lineitem = { files: s?.filesRead, lines: s?.lines };
    const c = readJson(join(outDir, "lineitem-copies.json"))?.summary;
    read[COPIES] = { files: c?.filesRead, lines: c?.lines };
  }
  if (tools.includes("jscpd")) {
    const t = readJson(join(outDir, "jscpd-report.json"))?.statistics?.total;
    read.jscpd = { files: t?.sources, lines: t?.lines, tokens: t?.tokens };
  }
  if (tools.includes("fallow")) {
    const s = readJson(join(outDir, "fallow.json"))?.stats;
    read.fallow = { files: s?.total_files, lines: s?.total_lines, tokens: s?.total_tokens };
  }
  return read;
}

async function main() {
  const opts = options();
  const config = JSON.parse(readFileSync(join(root, "scripts", "bench", "peers.json"), "utf8"));
  const meter = probeMeter();
  try {
    // Fetches only what is missing (its own markers say what is there); its table is not wanted here.
    execFileSync(process.execPath, [join(root, "scripts", "bench", "fetch-corpus.mjs")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch {
    throw new Failure("fetching the corpus failed (see above); try node scripts/bench/fetch-corpus.mjs");
  }
  const orgDir = join(cache, "org");
  mkdirSync(outDir, { recursive: true });
  const org = buildOrg(join(root, ".cache", "corpus"), orgDir, config.packages);
  const binaries = installPeers(join(cache, "tools"), config.peers);
  const tools = TOOLS.filter((t) => opts.only.includes(t)).flatMap((t) =>
    t === "lineitem" ? [t, RESCAN, COPIES] : [t],
  );
  const spec = commands(binaries, orgDir, tools);
  const viaLauncher = PEERS.filter((p) => binaries[p].includes(join("node_modules", ".bin")));
  const launched = viaLauncher.length
    ? `${viaLauncher.join(", ")} through its Node launcher`
    : "native binaries";
  const header = [
    `Corpus: ${config.packages.length} packages (one repository and team each), ${count(org.files)} files, ${count(org.lines)} lines, ${fixed(org.megabytes, 1)} MB of TS/TSX/JS (no .d.ts).`,
    `Peers: jscpd ${config.peers.jscpd}, fallow ${config.peers.fallow} (${launched}). ${opts.runs} alternating run(s) each, medians; ${cpus().length} cores, Node ${process.version}, measured with ${meter}.`,
  ].join("\n");
  const figures = timings(tools, spec, opts.runs, meter);
  const read = readFigures(tools);
  const table = timingTable(figures, spec, read);
  const out = [header, "", table.text];
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cores: cpus().length, node: process.version, meter },
    corpus: { packages: config.packages, ...org },
    peers: config.peers,
    commands: Object.fromEntries(tools.map((t) => [t, [spec[t].command, ...spec[t].args]])),
    timings: figures,
    read,
    goals: table.verdict,
  };
  if (opts.recall) {
    const recall = recallReport(outDir, tools, opts.sample, "lineitem.json", "lineitem scan");
    out.push("", recall.text);
    report.recall = recall.figures;
    if (tools.includes(COPIES)) {
      const copies = recallReport(outDir, tools, opts.sample, "lineitem-copies.json", "lineitem copies");
      out.push("", copies.text);
      report.copiesRecall = copies.figures;
    }
  }
  writeFileSync(join(cache, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${out.join("\n")}\n\nFull figures: ${join(cache, "report.json")}\n`);
}

main().catch((error) => {
  // One line, never a stack: a Failure says what to do; anything else is at least named.
  const message = error instanceof Failure ? error.message : `unexpected error: ${error?.message ?? error}`;
  process.stderr.write(`bench:peers: ${message}\n`);
  process.exit(2);
});
