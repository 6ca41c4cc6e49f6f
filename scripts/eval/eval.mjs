// npm run eval: how right lineitem's concern findings are, measured, not hoped.
//   (a) the example org against its answer key (examples/acme/expected.json): implementations found per
//       concern (precision and recall of members), cross-team clusters, traps reported, and the drift
//       table's parameter values (every expected cell, "—" included; and precision and recall of the
//       cells that hold a value);
//   (b) a labelled dev set of real code (scripts/eval/devset.json: pinned npm packages, one "team" each,
//       each labelled with the concern its main code implements), fetched by fetch-devset.mjs into .cache/
//       and never committed: per package, whether the labelled concern is found (recall), and how many of
//       the implementations found carry the package's label (label precision), with every disagreement
//       listed for a person to judge; and per unit (scripts/eval/unit-figures.mjs), against labels made
//       by hand (scripts/eval/devset-labels.json, and holdout-labels.json for the held-out splits): of
//       the concerns lineitem puts on units, the share the labels agree with (precision), and of the
//       concerns the labels give a seeded random sample of units, the share lineitem finds (recall),
//       overall and per concern, with every disagreement; and
//       the same per split: "dev" (the packages the engine is tuned on), "holdout" (devset.json's
//       `"split": "holdout"`: labelled blind and never tuned on, the honest measure) and every other split
//       devset.json names ("holdout-2": a second held-out set, labelled blind after the engine rules of
//       November 2026); and the drift table on real code (scripts/eval/parameter-figures.mjs): the policy
//       values lineitem reads from each package's implementations against values read by hand from the
//       package's code (devset-parameters.json, holdout-parameters.json), precision and recall per split.
//
//   npm run eval                 both
//   npm run eval -- --only acme  one of acme, devset
//   npm run eval -- --json FILE  also write the figures as JSON
//   npm run eval -- --splits dev,dev-2
//                                report only these splits of the dev set (tuning sessions keep the
//                                held-out splits out of sight this way; the scan still reads every package)
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConcernDefinitions } from "../../dist/concerns/index.js";
import { buildExampleOrg } from "../../dist/demo/index.js";
import { scan } from "../../dist/scan/index.js";
import { DiagnosticLog } from "../../dist/shared/index.js";
import { repoName } from "../bench/peers-setup.mjs";
import { devsetUnits } from "./devset-units.mjs";
import { Failure, parseOptions, prepareDevset } from "./fetch-devset.mjs";
import { parameterFigures, printParameterFigures, readParameterKey } from "./parameter-figures.mjs";
import { builtInConcernIds, printUnitFigures, readAllLabels, repoOf, unitFigures } from "./unit-figures.mjs";

const root = new URL("../..", import.meta.url).pathname;
const ratio = (a, b) => (b === 0 ? "—" : (a / b).toFixed(3));
const place = (m) => `${m.repo}/${m.path}`;

async function evalAcme() {
  const expected = JSON.parse(readFileSync(join(root, "examples", "acme", "expected.json"), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "lineitem-eval-"));
  try {
    const org = await buildExampleOrg(join(dir, "acme"));
    const result = await scan({ paths: [org.dir], cwd: dir, workers: 1 });
    let truePositives = 0;
    let found = 0;
    let wanted = 0;
    const misses = [];
    const extras = [];
    for (const [id, want] of Object.entries(expected.concerns)) {
      const cluster = result.concerns.find((c) => c.id === id);
      const got = new Set((cluster?.implementations ?? []).map(place));
      const exp = new Set(want.implementations.map(place));
      for (const p of got) {
        found++;
        if (exp.has(p)) truePositives++;
        else extras.push(`${id}: ${p}`);
      }
      for (const p of exp) if (!got.has(p)) misses.push(`${id}: ${p}`);
      wanted += exp.size;
    }
    // Concerns one team implements so far are in the answer key too; each counts like a cluster's member.
    for (const cluster of result.concerns.filter((c) => !(c.id in expected.concerns))) {
      const known = new Set(
        (Array.isArray(expected.singleTeam?.[cluster.id]) ? expected.singleTeam[cluster.id] : []).map(place),
      );
      wanted += known.size;
      for (const impl of cluster.implementations) {
        found++;
        if (known.has(place(impl))) truePositives++;
        else extras.push(`${cluster.id}: ${place(impl)}`);
      }
    }
    const crossTeam = result.concerns.filter((c) => c.crossTeam).map((c) => c.id);
    const clustersFound = crossTeam.filter((id) => id in expected.concerns).length;
    // A trap only has to stay out of the concern it looks like (a login lockout is no retry, and is a limiter).
    const reportedAs = (concern) =>
      new Set(
        [
          ...result.concerns.filter((c) => c.id === concern).flatMap((c) => c.implementations),
          ...result.unnamed.flatMap((u) => u.members),
        ].map(place),
      );
    const traps = expected.traps.filter((t) => reportedAs(t.looksLike).has(`${t.repo}/${t.path}`));
    let values = 0;
    let right = 0;
    // Precision and recall count the cells that hold a value: read (got not null) and keyed (want not null).
    let read = 0;
    let keyed = 0;
    let rightValues = 0;
    const wrong = [];
    for (const [id, parameters] of Object.entries(expected.drift)) {
      if (typeof parameters !== "object" || Array.isArray(parameters)) continue;
      const cluster = result.concerns.find((c) => c.id === id);
      for (const [parameter, byTeam] of Object.entries(parameters)) {
        for (const [team, want] of Object.entries(byTeam)) {
          const impl = cluster?.implementations.find((i) => i.team === team);
          const got = impl?.parameters[parameter]?.value ?? null;
          values++;
          if (got !== null) read++;
          if (want !== null) keyed++;
          if (JSON.stringify(got) === JSON.stringify(want)) {
            right++;
            if (want !== null) rightValues++;
          } else
            wrong.push(
              `${id}.${parameter} ${team}: read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
            );
        }
      }
    }
    return {
      members: {
        precision: ratio(truePositives, found),
        recall: ratio(truePositives, wanted),
        found,
        wanted,
      },
      clusters: {
        found: clustersFound,
        wanted: Object.keys(expected.concerns).length,
        extra: crossTeam.length - clustersFound,
      },
      traps: traps.map((t) => `${t.repo}/${t.path}`),
      parameters: {
        right,
        values,
        accuracy: ratio(right, values),
        precision: ratio(rightValues, read),
        recall: ratio(rightValues, keyed),
        read,
        keyed,
        wrong,
      },
      misses,
      extras,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `splits`: null for every split, or the names of the splits to report (the scan still reads them all). */
async function evalDevset(splits) {
  const { specs: allSpecs, orgDir, config } = await prepareDevset(root);
  const specs = splits ? allSpecs.filter((s) => splits.has(s.split)) : allSpecs;
  const shown = new Set(specs.map((s) => repoName(s.spec)));
  const result = await scan({ paths: [orgDir], cwd: root, configFile: config });
  const byRepo = new Map();
  for (const cluster of result.concerns) {
    for (const impl of cluster.implementations) {
      if (!byRepo.has(impl.repo)) byRepo.set(impl.repo, []);
      byRepo
        .get(impl.repo)
        .push({ concern: cluster.id, where: `${impl.path}:${impl.startLine}-${impl.endLine}` });
    }
  }
  const builtIn = builtInConcernIds();
  const rows = specs.map(({ spec, concern }) => {
    const found = byRepo.get(repoName(spec)) ?? [];
    return { spec, label: concern, found, hit: found.some((f) => f.concern === concern) };
  });
  const labelled = rows.flatMap((r) => r.found.map((f) => ({ ...f, spec: r.spec, label: r.label })));
  const agree = labelled.filter((f) => f.concern === f.label).length;
  const labels = Object.fromEntries(
    Object.entries(readAllLabels(join(root, "scripts", "eval"), Failure)).filter(([key]) =>
      shown.has(repoOf(key)),
    ),
  );
  // The per-unit figures per split too: "dev" (the packages the engine is tuned on), "holdout", "holdout-2".
  const splitOf = new Map(specs.map((s) => [repoName(s.spec), s.split]));
  const scanned = (await devsetUnits(orgDir, config, root)).filter((unit) => shown.has(unit.repo));
  const units = unitFigures(scanned, result, labels, builtIn, splitOf);
  const definitions = await loadConcernDefinitions([], root, new DiagnosticLog());
  const kinds = Object.fromEntries(
    definitions.map((d) => [d.id, Object.fromEntries(d.parameters.map((p) => [p.id, p.kind]))]),
  );
  const parameters = parameterFigures(
    result,
    readParameterKey(join(root, "scripts", "eval"), Failure),
    kinds,
    splitOf,
    shown,
  );
  return {
    packages: rows.length,
    recall: ratio(rows.filter((r) => r.hit).length, rows.length),
    recallOfBuiltIn: ratio(rows.filter((r) => r.hit).length, rows.filter((r) => builtIn.has(r.label)).length),
    labelPrecision: ratio(agree, labelled.length),
    implementations: labelled.length,
    rows,
    disagreements: labelled
      .filter((f) => f.concern !== f.label)
      .map((f) => `${f.spec} (${f.label}): ${f.concern} at ${f.where}`),
    units,
    parameters,
  };
}

function print(acme, devset) {
  const out = [];
  if (acme) {
    out.push(
      "## (a) Example org against its answer key",
      "",
      "| measure | value |",
      "|---|---|",
      `| implementations: precision | ${acme.members.precision} (${acme.members.found} found) |`,
      `| implementations: recall | ${acme.members.recall} (${acme.members.wanted} expected) |`,
      `| cross-team concern clusters found | ${acme.clusters.found} of ${acme.clusters.wanted} (${acme.clusters.extra} extra) |`,
      `| traps reported | ${acme.traps.length} |`,
      `| drift parameters read right | ${acme.parameters.accuracy} (${acme.parameters.right} of ${acme.parameters.values}, "—" included) |`,
      `| drift parameters: precision | ${acme.parameters.precision} (${acme.parameters.read} values read) |`,
      `| drift parameters: recall | ${acme.parameters.recall} (${acme.parameters.keyed} values expected) |`,
    );
    for (const line of [
      ...acme.misses.map((m) => `missed ${m}`),
      ...acme.extras.map((e) => `extra ${e}`),
      ...acme.traps.map((t) => `trap reported ${t}`),
      ...acme.parameters.wrong,
    ])
      out.push(`- ${line}`);
    out.push("");
  }
  if (devset) {
    out.push(
      "## (b) Labelled dev set of real code",
      "",
      "| package | label | found | concerns found |",
      "|---|---|---|---|",
      ...devset.rows.map(
        (r) =>
          `| ${r.spec} | ${r.label} | ${r.hit ? "yes" : "no"} | ${[...new Set(r.found.map((f) => f.concern))].join(", ") || "—"} |`,
      ),
      "",
      `Recall (package's label found): ${devset.recall} of ${devset.packages} packages; ${devset.recallOfBuiltIn} of those whose concern is built in.`,
      `Label precision (implementations found that carry their package's label): ${devset.labelPrecision} of ${devset.implementations}.`,
    );
    if (devset.disagreements.length)
      out.push(
        "",
        "Disagreements (for a person to judge; a retry inside an HTTP client can be right):",
        ...devset.disagreements.map((d) => `- ${d}`),
      );
    out.push(...printUnitFigures(devset.units), ...printParameterFigures(devset.parameters));
  }
  return out.join("\n");
}

const USAGE = "usage: npm run eval [-- --only acme|devset] [--splits dev,dev-2,...] [--json FILE]";

async function main() {
  const values = parseOptions(
    { only: { type: "string" }, json: { type: "string" }, splits: { type: "string" } },
    USAGE,
  );
  if (!values) return;
  if (values.only && !["acme", "devset"].includes(values.only))
    throw new Failure("--only takes acme or devset");
  const splits = values.splits ? new Set(values.splits.split(",").map((s) => s.trim())) : null;
  if (splits) {
    const known = new Set(
      JSON.parse(readFileSync(join(root, "scripts", "eval", "devset.json"), "utf8")).packages.map(
        (p) => p.split ?? "dev",
      ),
    );
    const unknown = [...splits].filter((s) => !known.has(s));
    if (unknown.length)
      throw new Failure(
        `--splits: no package is in ${unknown.join(", ")} (devset.json has ${[...known].join(", ")})`,
      );
  }
  const acme = values.only === "devset" ? null : await evalAcme();
  const devset = values.only === "acme" ? null : await evalDevset(splits);
  process.stdout.write(`${print(acme, devset)}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ acme, devset }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`eval: ${error instanceof Failure ? error.message : error.stack}\n`);
  process.exit(2);
});
