// npm run eval:unnamed -- --org DIR: how much of the unnamed work lineitem reports on real orgs is work
// written twice, and how many of the copies it keeps. scripts/eval/unnamed-labels.json holds 180 clusters
// of five orgs (Bitwarden server, Elastic Agent, Gitpod, Istio, Novu), each labelled by hand "copy" or
// "idiom" (its `about` says how). Each repository is scanned on its own, as the labels were made, at the
// commit the labels name; DIR holds the checkouts, the same as for npm run eval:realorg. A cluster is known
// by its members' paths and unit names; a cluster reported now that the labels do not know is counted as
// unlabelled and listed, so a change that makes new clusters shows them. The repositories the labels'
// `heldOut` names were never read while the rules were made; they are totalled apart.
//
//   npm run eval:unnamed -- --org DIR              the figures, per repository
//   npm run eval:unnamed -- --org DIR --only NAME  one repository
//   npm run eval:unnamed -- --org DIR --list       also name the copies missed and the idioms reported
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { scan } from "../../dist/scan/index.js";
import { Failure, parseOptions } from "./fetch-devset.mjs";

const LABELS = new URL("unnamed-labels.json", import.meta.url);
const USAGE = "usage: npm run eval:unnamed -- --org DIR [--only NAME] [--list]";

/** A cluster's identity: its members' paths and unit names, in a fixed order. */
const signature = (members) =>
  members
    .map((m) => `${m.path}#${m.units.join(",")}`)
    .sort()
    .join(" | ");

function readLabels() {
  let key;
  try {
    key = JSON.parse(readFileSync(LABELS, "utf8"));
  } catch (error) {
    throw new Failure(`${LABELS.pathname}: ${error.message}`);
  }
  if (!Array.isArray(key.clusters) || typeof key.commits !== "object")
    throw new Failure(`${LABELS.pathname}: "clusters" (a list) and "commits" (an object) are required`);
  return key;
}

function headOf(repoDir) {
  if (!existsSync(join(repoDir, ".git"))) return null;
  return execFileSync("git", ["-C", repoDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
}

const ratio = (part, whole) => (whole === 0 ? "—" : (part / whole).toFixed(3));

async function main() {
  const values = parseOptions(
    { org: { type: "string" }, only: { type: "string" }, list: { type: "boolean" } },
    USAGE,
  );
  if (!values) return;
  if (!values.org) throw new Failure(`--org is required\n${USAGE}`);
  const orgDir = resolve(values.org);
  const key = readLabels();
  const repos = Object.keys(key.commits).filter((repo) => !values.only || repo === values.only);
  if (repos.length === 0)
    throw new Failure(
      `--only: no labels for ${values.only} (labelled: ${Object.keys(key.commits).join(", ")})`,
    );

  const rows = [];
  const unlabelled = [];
  const wrong = [];
  for (const repo of repos) {
    const repoDir = join(orgDir, repo);
    const head = headOf(repoDir);
    if (head === null) {
      process.stderr.write(`eval:unnamed: ${repo} is not in ${orgDir}, skipped\n`);
      continue;
    }
    if (head !== key.commits[repo])
      throw new Failure(`${repoDir} is at ${head.slice(0, 10)}, the labels are for ${key.commits[repo]}`);
    process.stderr.write(`eval:unnamed: scanning ${repo}…\n`);
    const result = await scan({ paths: [repoDir], cwd: orgDir, workers: 1 });
    const clusters = key.clusters.filter((c) => c.repo === repo);
    const labelled = new Map(clusters.map((c) => [signature(c.members), c.label]));
    const reported = result.unnamed.map((cluster) =>
      signature(cluster.members.map((m) => ({ path: m.path, units: m.units.map((u) => u.name) }))),
    );
    const known = reported.filter((sig) => labelled.has(sig));
    for (const cluster of result.unnamed.filter((_, i) => !labelled.has(reported[i] ?? "")))
      unlabelled.push(`${repo}: ${cluster.title} (${cluster.members.map((m) => m.path).join(", ")})`);
    const copies = [...labelled.values()].filter((label) => label === "copy").length;
    const copiesKept = known.filter((sig) => labelled.get(sig) === "copy").length;
    const shown = new Set(reported);
    for (const cluster of clusters) {
      const sig = signature(cluster.members);
      if (cluster.label === "copy" && !shown.has(sig)) wrong.push(`${repo}: copy missed: ${cluster.why}`);
      if (cluster.label === "idiom" && shown.has(sig)) wrong.push(`${repo}: idiom reported: ${cluster.why}`);
    }
    rows.push({
      repo,
      labelled: labelled.size,
      copies,
      reported: reported.length,
      known: known.length,
      copiesKept,
    });
  }
  if (rows.length === 0) throw new Failure(`no labelled repository in ${orgDir}`);
  const heldOut = new Set(key.heldOut?.repos ?? []);
  const totalOf = (repo, some) =>
    some.reduce(
      (sum, r) => ({
        repo,
        labelled: sum.labelled + r.labelled,
        copies: sum.copies + r.copies,
        reported: sum.reported + r.reported,
        known: sum.known + r.known,
        copiesKept: sum.copiesKept + r.copiesKept,
      }),
      { labelled: 0, copies: 0, reported: 0, known: 0, copiesKept: 0 },
    );
  const tuned = rows.filter((r) => !heldOut.has(r.repo));
  const held = rows.filter((r) => heldOut.has(r.repo));
  const totals = [
    ...(tuned.length > 1 ? [totalOf("all tuned on", tuned)] : []),
    ...(held.length > 1 ? [totalOf("all held out", held)] : []),
  ];
  const out = [
    "# Unnamed work on real orgs",
    "",
    "Precision: the labelled clusters reported now that are copies. Recall: the copies the labels know that are reported.",
    "",
    "| repository | labelled clusters | copies | reported now | of them labelled | copies reported | precision | recall |",
    "|---|---|---|---|---|---|---|---|",
    ...[...rows, ...totals].map(
      (r) =>
        `| ${heldOut.has(r.repo) ? `${r.repo} (held out)` : r.repo} | ${r.labelled} | ${r.copies} | ${r.reported} | ${r.known} | ${r.copiesKept} | ${ratio(r.copiesKept, r.known)} | ${ratio(r.copiesKept, r.copies)} |`,
    ),
    "",
    unlabelled.length
      ? `Reported and not labelled (${unlabelled.length}):\n${unlabelled.map((line) => `- ${line}`).join("\n")}`
      : "Every reported cluster is labelled.",
    "",
    ...(values.list
      ? [`Copies missed and idioms reported (${wrong.length}):`, ...wrong.map((line) => `- ${line}`), ""]
      : []),
  ];
  process.stdout.write(out.join("\n"));
}

main().catch((error) => {
  process.stderr.write(`eval:unnamed: ${error instanceof Failure ? error.message : error.stack}\n`);
  process.exit(2);
});
