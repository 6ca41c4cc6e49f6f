// Drift parameters on real code: the values lineitem reads from each implementation of a package's
// labelled concern, against the values read by hand from the package's code. The answer key is
// scripts/eval/devset-parameters.json for the dev splits and holdout-parameters.json for the held-out ones
// (kept apart, as the unit labels are, so that tuning never reads them); its `about` is the labelling guide.
//
// - precision: of the values lineitem reads for a labelled parameter (each element of a list, in each
//   implementation: every row of the drift table), the share the key holds for that package;
// - recall: of the values the key holds, the share lineitem reads in at least one implementation of the
//   package.
// A parameter the key leaves out is not counted either way; one it gives an empty list counts every value
// read as wrong (the package sets none).
import { join } from "node:path";
import { readKeyFile } from "./unit-figures.mjs";

const ratio = (a, b) => (b === 0 ? "—" : (a / b).toFixed(3));
const KEY_FILES = ["devset-parameters.json", "holdout-parameters.json"];

/** Both key files merged: repository name → { package, concerns: { concern → { parameter → entry } } }. */
export function readParameterKey(dir, Failure) {
  const merged = {};
  for (const name of KEY_FILES) {
    const file = join(dir, name);
    const packages = readKeyFile(file, "packages", Failure);
    for (const [repo, entry] of Object.entries(packages)) {
      if (repo in merged) throw new Failure(`${file}: ${repo} is keyed in more than one file`);
      for (const [concern, parameters] of Object.entries(entry?.concerns ?? {}))
        for (const [parameter, value] of Object.entries(parameters))
          if (!Array.isArray(value?.values))
            throw new Failure(`${file}: ${repo}.${concern}.${parameter}: "values" is not a list`);
      merged[repo] = entry;
    }
  }
  return merged;
}

// Values compare as the drift table shows them: numbers by value ("Infinity" is the number), strings and
// keys without case, calls by their last dotted part (`Math.random` = `random`).
function sameValue(read, wanted, kind) {
  const number = (v) => (v === "Infinity" ? Number.POSITIVE_INFINITY : v);
  if (typeof number(read) === "number" || typeof number(wanted) === "number")
    return number(read) === number(wanted) || Math.abs(number(read) - number(wanted)) < 1e-9;
  const text = (v) => String(v).toLowerCase();
  if (kind === "calls") return text(read).split(".").pop() === text(wanted).split(".").pop();
  return text(read) === text(wanted);
}

const elements = (value) =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/**
 * `result`: the scan result of the dev set; `key`: readParameterKey(); `kinds`: concern id → parameter id →
 * kind (from the definitions); `splitOf`: repository → split; `shown`: the repositories to report.
 */
export function parameterFigures(result, key, kinds, splitOf, shown) {
  const rows = [];
  for (const [repo, entry] of Object.entries(key)) {
    if (!shown.has(repo)) continue;
    for (const [concern, parameters] of Object.entries(entry.concerns ?? {})) {
      const implementations = (result.concerns.find((c) => c.id === concern)?.implementations ?? []).filter(
        (impl) => impl.repo === repo,
      );
      for (const [parameter, labelled] of Object.entries(parameters)) {
        const kind = kinds[concern]?.[parameter];
        if (!kind) continue; // a parameter the definition no longer has
        const reads = implementations.flatMap((impl) => {
          const read = impl.parameters?.[parameter];
          return elements(read?.value).map((value) => ({
            value,
            at: `${read.path ?? impl.path}:${read.line}`,
          }));
        });
        rows.push({ repo, split: splitOf.get(repo) ?? "dev", concern, parameter, kind, labelled, reads });
      }
    }
  }
  const figuresOf = (part) => {
    let read = 0;
    let right = 0;
    let labelled = 0;
    let found = 0;
    const wrong = [];
    const missed = [];
    for (const row of part) {
      const wanted = row.labelled.values;
      for (const r of row.reads) {
        read++;
        if (wanted.some((w) => sameValue(r.value, w, row.kind))) right++;
        else
          wrong.push(
            `${row.repo} ${row.concern}.${row.parameter}: read ${JSON.stringify(r.value)} at ${r.at}; the key says ${JSON.stringify(wanted)}`,
          );
      }
      wanted.forEach((w, i) => {
        labelled++;
        if (row.reads.some((r) => sameValue(r.value, w, row.kind))) found++;
        else
          missed.push(
            `${row.repo} ${row.concern}.${row.parameter}: ${JSON.stringify(w)}${row.labelled.where?.[i] ? ` (${row.labelled.where[i]})` : ""}${row.reads.length ? `; read ${JSON.stringify(row.reads.map((r) => r.value))}` : ""}`,
          );
      });
    }
    return {
      read,
      right,
      precision: ratio(right, read),
      labelled,
      found,
      recall: ratio(found, labelled),
      wrong,
      missed,
    };
  };
  const splits = {};
  // In the order devset.json first names the splits, as the per-unit figures are.
  for (const split of [...new Set(splitOf.values())].filter((s) => rows.some((row) => row.split === s)))
    splits[split] = figuresOf(rows.filter((row) => row.split === split));
  return { ...figuresOf(rows), packages: new Set(rows.map((row) => row.repo)).size, splits };
}

export function printParameterFigures(figures) {
  const line = (name, f) =>
    `| ${name} | ${f.precision} | ${f.right} of ${f.read} | ${f.recall} | ${f.found} of ${f.labelled} |`;
  return [
    "",
    "### Drift parameters",
    "",
    `The values lineitem reads from the implementations of ${figures.packages} packages, against the values read by hand from their code (scripts/eval/devset-parameters.json and holdout-parameters.json). Precision: the values read (each element, each implementation) that the key holds; recall: the key's values read in at least one implementation.`,
    "",
    "| split | precision | right of read | recall | found of labelled |",
    "|---|---|---|---|---|",
    line("all", figures),
    ...Object.entries(figures.splits).map(([split, part]) => line(split, part)),
    ...(figures.wrong.length
      ? ["", "Read, and not the key's value:", ...figures.wrong.map((w) => `- ${w}`)]
      : []),
    ...(figures.missed.length ? ["", "In the key, not read:", ...figures.missed.map((m) => `- ${m}`)] : []),
  ];
}
