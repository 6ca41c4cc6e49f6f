// npm run eval:realorg -- --org DIR: per-unit precision and recall on a real company monorepo, the way
// npm run eval measures the dev set, and how many of the implementations lineitem reports do the work.
//
// The dev set is libraries, each of which implements a concern; an organisation's own code mostly does
// not, so lineitem's precision there is the figure a user meets first. The org is Gitpod's monorepo at
// commit 4a95517df3 (May 2023: four engineering teams and the staff engineers own its folders in
// .github/CODEOWNERS; TypeScript, Go, Java, Kotlin). It is not on npm, so this machine cannot fetch it:
//   git clone https://github.com/gitpod-io/gitpod DIR/gitpod && git -C DIR/gitpod checkout 4a95517df3
// Labels: scripts/eval/realorg-labels.json (its `about` says how they were made).
//
//   npm run eval:realorg -- --org DIR               the figures
//   npm run eval:realorg -- --org DIR --json FILE   also as JSON
//   npm run eval:realorg -- --org DIR --worklist    print the sampled or predicted units not labelled
//                                                   yet, with their code and without predictions
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { builtinConcernsDir } from "../../dist/concerns/index.js";
import { scan } from "../../dist/scan/index.js";
import { predictedLabels } from "./devset-sample.mjs";
import { devsetUnits } from "./devset-units.mjs";
import { Failure } from "./fetch-devset.mjs";
import { figuresOf, printUnitFigures, readKeyFile } from "./unit-figures.mjs";
import { unitSource } from "./unit-source.mjs";

const root = new URL("../..", import.meta.url).pathname;
const LABELS = join(root, "scripts", "eval", "realorg-labels.json");
const USAGE = "usage: npm run eval:realorg -- --org DIR [--json FILE] [--worklist]";

function options() {
  try {
    return parseArgs({
      options: {
        org: { type: "string" },
        json: { type: "string" },
        worklist: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    throw new Failure(`${error.message}\n${USAGE}`);
  }
}

/** The labels file: `repo`, `commit`, `sample` (unit keys) and `units` (key → { concerns, why }). */
function readLabels() {
  const units = readKeyFile(LABELS, "units", Failure);
  const key = JSON.parse(readFileSync(LABELS, "utf8"));
  if (typeof key.repo !== "string" || typeof key.commit !== "string" || !Array.isArray(key.sample))
    throw new Failure(`${LABELS}: "repo", "commit" and "sample" are required`);
  return { ...key, units };
}

/** The org folder, checked: it holds the labelled repository at the labelled commit. */
function checkedOrg(dir, key) {
  if (!dir) throw new Failure(`--org is required\n${USAGE}`);
  const orgDir = resolve(dir);
  const repoDir = join(orgDir, key.repo);
  const how = `clone it: git clone https://github.com/gitpod-io/gitpod ${repoDir} && git -C ${repoDir} checkout ${key.commit}`;
  if (!existsSync(join(repoDir, ".git"))) throw new Failure(`${repoDir} is not a git repository; ${how}`);
  const head = execFileSync("git", ["-C", repoDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  if (!head.startsWith(key.commit))
    throw new Failure(`${repoDir} is at ${head.slice(0, 10)}, the labels are for ${key.commit}; ${how}`);
  const others = readdirSync(orgDir).filter((name) => name !== key.repo && !name.startsWith("."));
  if (others.length) throw new Failure(`${orgDir} holds more than ${key.repo}: ${others.join(", ")}`);
  return orgDir;
}

/** Of the implementations reported, those with a unit doing the work that the labels agree does it. */
function implementationFigures(result, labels) {
  let reported = 0;
  let right = 0;
  let long = 0;
  for (const cluster of result.concerns)
    for (const impl of cluster.implementations) {
      reported++;
      if (impl.endLine - impl.startLine + 1 > 300) long++;
      const agreed = impl.units.some(
        (unit) =>
          unit.role !== "support" &&
          labels[`${impl.repo}/${impl.path}#${unit.name}@${unit.startLine}`]?.concerns.includes(cluster.id),
      );
      if (agreed) right++;
    }
  return { reported, right, precision: reported ? (right / reported).toFixed(3) : "—", long };
}

async function main() {
  const values = options();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const key = readLabels();
  const orgDir = checkedOrg(values.org, key);
  const units = await devsetUnits(orgDir, undefined, orgDir);
  const result = await scan({ paths: [orgDir], cwd: orgDir, workers: 1 });
  const sample = new Set(key.sample);
  if (values.worklist) {
    const wanted = new Set([...sample, ...predictedLabels(result).keys()]);
    const sources = new Map();
    const out = [];
    for (const unit of [...units].sort((a, b) => a.key.localeCompare(b.key)))
      if (wanted.has(unit.key) && !(unit.key in key.units))
        out.push(...unitSource(unit, units, orgDir, 250, sources));
    process.stdout.write(out.length ? `${out.join("\n")}\n` : "");
    process.stderr.write(`eval:realorg: ${out.length ? "units" : "no unit"} to label\n`);
    return;
  }
  const builtIn = new Set(
    readdirSync(builtinConcernsDir)
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => file.replace(/\.yaml$/, "")),
  );
  const figures = figuresOf(units, result, key.units, builtIn, sample);
  const implementations = implementationFigures(result, key.units);
  const out = [
    `# A real org: ${key.repo} at ${key.commit}`,
    "",
    `Implementations reported: ${implementations.reported}; with a unit doing the work that the labels agree does it: ${implementations.right} (${implementations.precision}); spanning more than 300 lines: ${implementations.long}.`,
    ...printUnitFigures(figures, "scripts/eval/realorg-labels.json"),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  if (values.json)
    writeFileSync(values.json, `${JSON.stringify({ implementations, units: figures }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`eval:realorg: ${error instanceof Failure ? error.message : error.stack}\n`);
  process.exit(2);
});
