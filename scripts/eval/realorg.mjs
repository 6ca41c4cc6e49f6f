// npm run eval:realorg -- --org DIR: per-unit precision and recall on real company repositories, the way
// npm run eval measures the dev set, and how many of the implementations lineitem reports do the work.
//
// The dev set is libraries, each of which implements a concern; an organisation's own code mostly does
// not, so lineitem's precision there is the figure a user meets first. Each labelled repository has a
// file scripts/eval/realorg-NAME-labels.json (its `about` says how it was made, `url` and `commit` where
// to get it). They are not on npm, so this machine cannot fetch them: clone each into DIR by hand, e.g.
//   git clone https://github.com/gitpod-io/gitpod DIR/gitpod && git -C DIR/gitpod checkout 4a95517df3
// The script checks each checkout's commit and measures the repositories DIR holds.
//
//   npm run eval:realorg -- --org DIR               the figures, per repository
//   npm run eval:realorg -- --org DIR --only NAME   one repository
//   npm run eval:realorg -- --org DIR --json FILE   also as JSON
//   npm run eval:realorg -- --org DIR --worklist    print the sampled or predicted units not labelled
//                                                   yet, with their code and without predictions
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { workRuns } from "../../dist/result/index.js";
import { scan } from "../../dist/scan/index.js";
import { predictedLabels } from "./devset-sample.mjs";
import { devsetUnits } from "./devset-units.mjs";
import { Failure, parseOptions } from "./fetch-devset.mjs";
import { builtInConcernIds, figuresOf, printUnitFigures, readKeyObject } from "./unit-figures.mjs";
import { unitSource } from "./unit-source.mjs";

const root = new URL("../..", import.meta.url).pathname;
const EVAL_DIR = join(root, "scripts", "eval");
const USAGE = "usage: npm run eval:realorg -- --org DIR [--only NAME] [--json FILE] [--worklist]";

/**
 * Every labels file: `repo`, `url`, `commit`, `sample` (unit keys) and `units` (key → { concerns, why }),
 * with `file`, its name.
 */
function readAllLabels() {
  return readdirSync(EVAL_DIR)
    .filter((name) => /^realorg-.+-labels\.json$/.test(name))
    .sort()
    .map((name) => {
      const file = join(EVAL_DIR, name);
      const key = readKeyObject(file, Failure);
      if (typeof key.units !== "object" || key.units === null)
        throw new Failure(`${file}: no "units" object`);
      for (const field of ["repo", "url", "commit"])
        if (typeof key[field] !== "string") throw new Failure(`${file}: "${field}" is required`);
      if (!Array.isArray(key.sample)) throw new Failure(`${file}: "sample" is not a list`);
      return { ...key, file: `scripts/eval/${name}` };
    });
}

/** Whether DIR/repo is the labelled repository at the labelled commit; a wrong commit is a Failure. */
function checkedOut(orgDir, key) {
  const repoDir = join(orgDir, key.repo);
  if (!existsSync(join(repoDir, ".git"))) return false;
  const head = execFileSync("git", ["-C", repoDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  if (!head.startsWith(key.commit))
    throw new Failure(
      `${repoDir} is at ${head.slice(0, 10)}, the labels are for ${key.commit}: git -C ${repoDir} checkout ${key.commit}`,
    );
  return true;
}

const cloneHint = (orgDir, key) =>
  `git clone ${key.url} ${join(orgDir, key.repo)} && git -C ${join(orgDir, key.repo)} checkout ${key.commit}`;

/** Of the implementations reported in `repo`, those with a unit doing the work that the labels agree does it. */
function implementationFigures(result, repo, labels) {
  let reported = 0;
  let right = 0;
  let long = 0;
  let longFirst = 0;
  let several = 0;
  for (const cluster of result.concerns)
    for (const impl of cluster.implementations) {
      if (impl.repo !== repo) continue;
      reported++;
      if (impl.endLine - impl.startLine + 1 > 300) long++;
      // The "where" a reader is pointed at: the first run of the work, and how many more there are.
      const runs = workRuns(impl);
      if (runs.length > 1) several++;
      if (runs[0].endLine - runs[0].startLine + 1 > 300) longFirst++;
      const agreed = impl.units.some(
        (unit) =>
          unit.role !== "support" &&
          labels[`${impl.repo}/${impl.path}#${unit.name}@${unit.startLine}`]?.concerns.includes(cluster.id),
      );
      if (agreed) right++;
    }
  return {
    reported,
    right,
    precision: reported ? (right / reported).toFixed(3) : "—",
    long,
    several,
    longFirst,
  };
}

async function main() {
  const values = parseOptions(
    {
      org: { type: "string" },
      only: { type: "string" },
      json: { type: "string" },
      worklist: { type: "boolean", default: false },
    },
    USAGE,
  );
  if (!values) return;
  if (!values.org) throw new Failure(`--org is required\n${USAGE}`);
  const orgDir = resolve(values.org);
  const all = readAllLabels();
  if (values.only && !all.some((key) => key.repo === values.only))
    throw new Failure(
      `--only: no labels for ${values.only} (labelled: ${all.map((k) => k.repo).join(", ")})`,
    );
  const wanted = all.filter((key) => !values.only || key.repo === values.only);
  const present = wanted.filter((key) => checkedOut(orgDir, key));
  for (const key of wanted.filter((k) => !present.includes(k)))
    process.stderr.write(
      `eval:realorg: ${key.repo} is not in ${orgDir}, skipped; ${cloneHint(orgDir, key)}\n`,
    );
  if (present.length === 0) throw new Failure(`no labelled repository in ${orgDir}`);

  // Only the measured checkouts are scanned, as one org: nothing else DIR holds.
  const paths = present.map((key) => join(orgDir, key.repo));
  const units = await devsetUnits(paths, undefined, orgDir);
  const result = await scan({ paths, cwd: orgDir, workers: 1 });
  if (values.worklist) {
    const predicted = predictedLabels(result);
    const sources = new Map();
    const out = [];
    for (const key of present) {
      const sample = new Set(key.sample);
      for (const unit of units.filter((u) => u.repo === key.repo).sort((a, b) => a.key.localeCompare(b.key)))
        if ((sample.has(unit.key) || predicted.has(unit.key)) && !(unit.key in key.units))
          out.push(...unitSource(unit, units, orgDir, 250, sources));
    }
    process.stdout.write(out.length ? `${out.join("\n")}\n` : "");
    process.stderr.write(`eval:realorg: ${out.length ? "units" : "no unit"} to label\n`);
    return;
  }
  const builtIn = builtInConcernIds();
  const out = [];
  const json = {};
  for (const key of present) {
    const mine = units.filter((unit) => unit.repo === key.repo);
    // This repository's implementations only, so that the counts of predicted units are its own.
    const own = {
      ...result,
      concerns: result.concerns.map((cluster) => ({
        ...cluster,
        implementations: cluster.implementations.filter((impl) => impl.repo === key.repo),
      })),
    };
    const figures = figuresOf(mine, own, key.units, builtIn, new Set(key.sample));
    const implementations = implementationFigures(result, key.repo, key.units);
    json[key.repo] = { commit: key.commit, implementations, units: figures };
    out.push(
      `# A real org: ${key.repo} at ${key.commit}`,
      "",
      `Implementations reported: ${implementations.reported}; with a unit doing the work that the labels agree does it: ${implementations.right} (${implementations.precision}); spanning more than 300 lines: ${implementations.long}; with work in several places of the file: ${implementations.several}; whose first place ("where") runs over 300 lines: ${implementations.longFirst}.`,
      ...printUnitFigures(figures, key.file),
      "",
    );
  }
  process.stdout.write(`${out.join("\n")}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`eval:realorg: ${error instanceof Failure ? error.message : error.stack}\n`);
  process.exit(2);
});
