// npm run bench:peers: lineitem beside the copy-paste detectors people use today, jscpd and fallow, on the
// same real org (about 646,000 lines of TypeScript/JavaScript from 11 npm packages, one repository and one
// team each; scripts/bench/peers.json). Prints wall time, CPU time and peak memory (medians of alternating
// runs, so machine noise hits every tool alike), the ratios, and lineitem's recall of jscpd's
// cross-directory clone groups of 50+ tokens, with a sample of what only one of the two found.
//
//   npm run bench:peers                       3 runs each, then recall
//   npm run bench:peers -- --runs 5           more runs (medians are printed)
//   npm run bench:peers -- --only lineitem    just some tools (comma list: lineitem,jscpd,fallow)
//   npm run bench:peers -- --skip-recall      timings only
//   npm run bench:peers -- --sample 10        more cases of what only one tool found
//
// Needs the corpus (node scripts/bench/fetch-corpus.mjs, run for you), python3 (to read the children's
// resource usage) and git. Writes .cache/peers/report.json. Exit codes: 0 done, 2 something failed.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkPython, measure } from "./peers-measure.mjs";
import { jscpdGroups, recallAgainst, sample } from "./peers-recall.mjs";
import { buildOrg, Failure, installPeers } from "./peers-setup.mjs";

const root = new URL("../..", import.meta.url).pathname;
const cache = join(root, ".cache", "peers");
const TOOLS = ["lineitem", "jscpd", "fallow"];

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      only: { type: "string", default: TOOLS.join(",") },
      "skip-recall": { type: "boolean", default: false },
      sample: { type: "string", default: "5" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      readFileSync(new URL(import.meta.url), "utf8")
        .split("\nimport")[0]
        .replace(/^\/\/ ?/gm, ""),
    );
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Failure("--runs takes a whole number of 1 or more");
  const only = values.only.split(",").map((t) => t.trim());
  const unknown = only.filter((t) => !TOOLS.includes(t));
  if (unknown.length)
    throw new Failure(`--only: unknown tool ${unknown.join(", ")} (choose from ${TOOLS.join(", ")})`);
  return { runs, only, recall: !values["skip-recall"], sample: Number(values.sample) || 5 };
}

/** How each tool is run: its default settings, reading the org, writing a report we can read. */
function commands(binaries, orgDir, outDir) {
  return {
    lineitem: {
      command: process.execPath,
      args: [
        join(root, "bin", "lineitem.js"),
        "scan",
        orgDir,
        "--include-tests",
        "--show-boilerplate",
        "-q",
        "--json",
        join(outDir, "lineitem.json"),
      ],
      note: "scan --include-tests --show-boilerplate (the peers read tests too; boilerplate listed so it can be compared)",
    },
    jscpd: {
      command: binaries.jscpd,
      args: [orgDir, "--silent", "-r", "json", "-o", outDir, "-i", "**/.git/**,**/package.json"],
      note: "defaults (min 50 tokens), JSON reporter; .git and the org's package.json ignored",
    },
    fallow: {
      command: binaries.fallow,
      args: ["dupes", "--root", orgDir, "--format", "json", "--quiet"],
      stdout: join(outDir, "fallow.json"),
      note: "dupes at defaults (mild mode, 50 tokens), JSON",
    },
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value, digits = 2) => value.toFixed(digits);

function timings(tools, spec, runs) {
  const samples = Object.fromEntries(tools.map((tool) => [tool, []]));
  for (let run = 1; run <= runs; run++) {
    for (const tool of tools) {
      const { command, args, stdout } = spec[tool];
      const result = measure(command, args, {
        stdoutFile: stdout ?? join(cache, "out", `${tool}.stdout`),
        stderrFile: join(cache, "out", `${tool}.stderr`),
        cwd: root,
        label: tool,
      });
      // jscpd exits 1 only with --exit-code; lineitem and fallow exit 0 on findings.
      if (result.code !== 0) {
        const err = readFileSync(join(cache, "out", `${tool}.stderr`), "utf8")
          .trim()
          .split("\n")
          .slice(-3)
          .join(" ");
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

function timingTable(figures, spec) {
  const rows = ["| tool | wall (s) | CPU (s) | peak RSS (MiB) | settings |", "|---|---|---|---|---|"];
  for (const [tool, f] of Object.entries(figures)) {
    rows.push(
      `| ${tool} | ${fixed(f.wall)} | ${fixed(f.cpu)} | ${fixed(f.rssMiB, 0)} | ${spec[tool].note} |`,
    );
  }
  const ours = figures.lineitem;
  const ratios = [];
  if (ours) {
    for (const peer of ["jscpd", "fallow"]) {
      const f = figures[peer];
      if (!f) continue;
      ratios.push(
        `| lineitem / ${peer} | ${fixed(ours.wall / f.wall)}× | ${fixed(ours.cpu / f.cpu)}× | ${fixed(ours.rssMiB / f.rssMiB)}× |`,
      );
    }
  }
  if (ratios.length) rows.push("", "| ratio | wall | CPU | peak RSS |", "|---|---|---|---|", ...ratios);
  return rows.join("\n");
}

const where = (m) => `${m.file ?? `${m.repo}/${m.path}`}:${m.start ?? m.startLine}-${m.end ?? m.endLine}`;

function recallReport(outDir, count) {
  const jscpd = jscpdGroups(JSON.parse(readFileSync(join(outDir, "jscpd-report.json"), "utf8")));
  const result = JSON.parse(readFileSync(join(outDir, "lineitem.json"), "utf8"));
  const groups = result.clones?.groups;
  if (!Array.isArray(groups))
    throw new Failure("lineitem's JSON has no clones.groups: build first (npm run build)");
  const recall = recallAgainst(jscpd, groups);
  let fallowGroups = null;
  try {
    fallowGroups = JSON.parse(readFileSync(join(outDir, "fallow.json"), "utf8")).clone_groups?.length ?? null;
  } catch {
    // fallow was not run this time.
  }
  const lines = [
    `| | groups |`,
    `|---|---|`,
    `| jscpd: clone groups (its pairs joined through shared places) | ${jscpd.length} |`,
    `| jscpd: cross-directory groups of 50+ tokens | ${recall.wanted} |`,
    `| lineitem: of those, also reported | ${recall.found.length} (recall ${fixed(recall.found.length / Math.max(1, recall.wanted), 3)}) |`,
    `| lineitem: clone groups (cross-team) | ${groups.length} (${groups.filter((g) => g.crossTeam).length}) |`,
    `| lineitem: groups no jscpd place touches | ${recall.onlyOurs.length} |`,
  ];
  if (fallowGroups !== null) lines.push(`| fallow: clone groups | ${fallowGroups} |`);
  lines.push("", `Only jscpd (a sample of ${count}):`);
  for (const group of sample(recall.missed, count))
    lines.push(`- ${group.members.slice(0, 3).map(where).join("  ~  ")}`);
  lines.push("", `Only lineitem (a sample of ${count}):`);
  for (const group of sample(recall.onlyOurs, count)) {
    lines.push(`- ${group.kind} ${group.level}: ${group.members.slice(0, 3).map(where).join("  ~  ")}`);
  }
  return {
    text: lines.join("\n"),
    figures: {
      jscpdGroups: jscpd.length,
      wanted: recall.wanted,
      found: recall.found.length,
      onlyLineitem: recall.onlyOurs.length,
      fallowGroups,
    },
  };
}

async function main() {
  const opts = options();
  const config = JSON.parse(readFileSync(join(root, "scripts", "bench", "peers.json"), "utf8"));
  checkPython();
  try {
    execFileSync(process.execPath, [join(root, "scripts", "bench", "fetch-corpus.mjs")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch {
    throw new Failure("fetching the corpus failed (see above)");
  }
  const orgDir = join(cache, "org");
  const outDir = join(cache, "out");
  mkdirSync(outDir, { recursive: true });
  const org = buildOrg(join(root, ".cache", "corpus"), orgDir, config.packages);
  const binaries = installPeers(join(cache, "tools"), config.peers);
  const spec = commands(binaries, orgDir, outDir);
  const tools = TOOLS.filter((t) => opts.only.includes(t));
  const header = `Corpus: ${config.packages.length} packages, ${org.files.toLocaleString("en-US")} files, ${org.lines.toLocaleString("en-US")} lines, ${fixed(org.megabytes, 1)} MB of TS/TSX/JS. Peers: jscpd ${config.peers.jscpd}, fallow ${config.peers.fallow}. ${opts.runs} alternating runs, medians.`;
  const figures = timings(tools, spec, opts.runs);
  const out = [header, "", timingTable(figures, spec)];
  const report = { corpus: { packages: config.packages, ...org }, peers: config.peers, timings: figures };
  if (opts.recall && tools.includes("lineitem") && tools.includes("jscpd")) {
    const recall = recallReport(outDir, opts.sample);
    out.push("", recall.text);
    report.recall = recall.figures;
  }
  writeFileSync(join(cache, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${out.join("\n")}\n\nFull figures: ${join(cache, "report.json")}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench:peers: ${error instanceof Failure ? error.message : error.stack}\n`);
  process.exit(2);
});
