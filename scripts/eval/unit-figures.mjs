// Per-unit figures for the dev set: how often the concern lineitem puts on a unit is the one a person put
// there (precision), and how many of the concerns a person found in the random sample lineitem finds too
// (recall). The labels are scripts/eval/devset-labels.json (see its `about` for how they were made) and, for
// the held-out splits, scripts/eval/holdout-labels.json, kept apart so that tuning never reads them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinConcernsDir } from "../../dist/concerns/index.js";
import { isTestPath } from "../../dist/sources/index.js";
import { predictedLabels, randomSample } from "./devset-sample.mjs";

const ratio = (a, b) => (b === 0 ? "—" : (a / b).toFixed(3));

/** Every label: the dev splits' file and the held-out splits' file, merged (a key may be in one only). */
export function readAllLabels(dir, Failure) {
  const dev = readLabels(join(dir, "devset-labels.json"), Failure);
  const held = readLabels(join(dir, "holdout-labels.json"), Failure);
  const twice = Object.keys(held).filter((key) => key in dev);
  if (twice.length)
    throw new Failure(`labelled in both devset-labels.json and holdout-labels.json: ${twice[0]}`);
  return { ...dev, ...held };
}

/** A JSON answer-key file's whole object; a missing or broken file is a Failure naming it. */
export function readKeyObject(file, Failure) {
  if (!existsSync(file)) throw new Failure(`${file} is missing`);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Failure(`${file}: ${error.message}`);
  }
}

/** The object under `field` of a JSON answer-key file; a missing or broken file is a Failure naming it. */
export function readKeyFile(file, field, Failure) {
  const parsed = readKeyObject(file, Failure);
  if (typeof parsed?.[field] !== "object" || parsed[field] === null)
    throw new Failure(`${file}: no "${field}" object`);
  return parsed[field];
}

/** The concerns lineitem ships (a label it has no definition for cannot be found). */
export function builtInConcernIds() {
  return new Set(
    readdirSync(builtinConcernsDir)
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => file.replace(/\.yaml$/, "")),
  );
}

export function readLabels(file, Failure) {
  const units = readKeyFile(file, "units", Failure);
  for (const [key, label] of Object.entries(units)) {
    if (!Array.isArray(label?.concerns)) throw new Failure(`${file}: ${key}: "concerns" is not a list`);
  }
  return units;
}

// The repository a unit key (`repo/path#name@startLine`) belongs to; repository names have no slash.
export const repoOf = (key) => key.slice(0, key.indexOf("/"));

/**
 * `units`: devsetUnits(); `result`: the scan result; `labels`: readLabels(); `builtIn`: concern ids;
 * `splitOf` (optional): repository → split ("dev", "holdout", "holdout-2", any name devset.json uses).
 * Precision counts (unit, concern) pairs lineitem predicts on labelled units; recall counts the pairs the
 * labels give the random sample. Units lineitem labels that nobody labelled yet are listed, not counted.
 * With `splitOf`, `splits` holds the same figures (without the lists) for each split's packages alone, in
 * the order devset.json first names them: the random sample is drawn per package, so a split's sample is
 * the overall sample's part in it.
 */
export function unitFigures(units, result, labels, builtIn, splitOf) {
  const figures = figuresOf(units, result, labels, builtIn);
  if (!splitOf) return figures;
  const splits = {};
  for (const split of new Set(splitOf.values())) {
    const inSplit = (repo) => splitOf.get(repo) === split;
    const part = figuresOf(
      units.filter((unit) => inSplit(unit.repo)),
      result,
      Object.fromEntries(Object.entries(labels).filter(([key]) => inSplit(repoOf(key)))),
      builtIn,
    );
    const { extra, missed, missedOutsideSample, unlabelled, problems, ...counts } = part;
    splits[split] = {
      packages: [...splitOf.values()].filter((s) => s === split).length,
      ...counts,
      predictedUnits: [...predictedLabels(result).keys()].filter((key) => inSplit(repoOf(key))).length,
    };
  }
  return { ...figures, splits };
}

/**
 * The per-unit figures of `units` against `labels`. `sample`: the unit keys recall is measured on (by
 * default the dev set's seeded draw per package); an org with a sample of its own passes it.
 */
export function figuresOf(units, result, labels, builtIn, sample = randomSample(units)) {
  const byKey = new Map(units.map((unit) => [unit.key, unit]));
  const predicted = predictedLabels(result);
  const problems = [];
  for (const [key, label] of Object.entries(labels)) {
    // Units of benchmarks, examples and demos keep their labels (the code is the same) but are no longer
    // read: the scan sets them aside with test code.
    // Keys are repo/path#name@line, and a repository's name has no slash (`@hapi/boom` is `hapi-boom`).
    const path = key.slice(key.indexOf("/") + 1, key.indexOf("#"));
    if (!byKey.has(key) && !isTestPath(path))
      problems.push(`labelled unit not in the scan (stale key): ${key}`);
    for (const concern of label.concerns)
      if (!builtIn.has(concern)) problems.push(`${key}: unknown concern ${concern}`);
  }
  const unlabelledSample = [...sample].filter((key) => !(key in labels));
  const unlabelledPredicted = [...predicted.keys()].filter((key) => byKey.has(key) && !(key in labels));
  // A unit a concern's definition matches by itself, or one whose own code does part of the work in a
  // file that implements the concern: shown with each disagreement.
  const how = (key, concern) => (byKey.get(key)?.matched.includes(concern) ? "matched" : "part of the work");
  const describe = (key) => {
    const unit = byKey.get(key);
    return unit ? `${key} (${unit.kind}, lines ${unit.startLine}-${unit.endLine})` : key;
  };

  const perConcern = new Map();
  const row = (concern) => {
    if (!perConcern.has(concern)) perConcern.set(concern, { predicted: 0, agreed: 0, labelled: 0, found: 0 });
    return perConcern.get(concern);
  };
  const extra = [];
  const missed = [];
  const missedOutsideSample = [];
  let predictedPairs = 0;
  let agreedPairs = 0;
  for (const [key, concerns] of predicted) {
    if (!(key in labels)) continue;
    const truth = new Set(labels[key].concerns);
    for (const concern of concerns) {
      predictedPairs++;
      row(concern).predicted++;
      if (truth.has(concern)) {
        agreedPairs++;
        row(concern).agreed++;
      } else extra.push({ concern, unit: describe(key), how: how(key, concern), labels: [...truth] });
    }
    // Positives lineitem misses on units it flags for something else: informative, not part of recall.
    if (!sample.has(key))
      for (const concern of truth)
        if (!concerns.has(concern)) missedOutsideSample.push({ concern, unit: describe(key) });
  }
  let labelledPairs = 0;
  let foundPairs = 0;
  for (const key of sample) {
    const truth = labels[key]?.concerns ?? [];
    const got = predicted.get(key) ?? new Set();
    for (const concern of truth) {
      labelledPairs++;
      row(concern).labelled++;
      if (got.has(concern)) {
        foundPairs++;
        row(concern).found++;
      } else missed.push({ concern, unit: describe(key), predicted: [...got] });
    }
  }
  // The same figures for the units the definitions match by themselves, before an implementation adds
  // the helpers they call, the blocks they use and the methods of a matched class: how much of the
  // difference is the definitions', how much the grouping's.
  let matchedPairs = 0;
  let matchedAgreed = 0;
  let matchedFound = 0;
  for (const unit of units) {
    const truth = labels[unit.key]?.concerns;
    if (!truth) continue;
    for (const concern of unit.matched) {
      matchedPairs++;
      if (truth.includes(concern)) matchedAgreed++;
    }
    if (sample.has(unit.key)) for (const concern of truth) if (unit.matched.includes(concern)) matchedFound++;
  }
  const byConcern = [...perConcern]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([concern, r]) => ({
      concern,
      precision: ratio(r.agreed, r.predicted),
      predicted: r.predicted,
      recall: ratio(r.found, r.labelled),
      labelled: r.labelled,
    }));
  const order = (a, b) => a.concern.localeCompare(b.concern) || a.unit.localeCompare(b.unit);
  return {
    units: units.length,
    labelledUnits: Object.keys(labels).length,
    sampleUnits: sample.size,
    predictedUnits: predicted.size,
    precision: ratio(agreedPairs, predictedPairs),
    predictedPairs,
    recall: ratio(foundPairs, labelledPairs),
    labelledPairs,
    matchedOnly: {
      precision: ratio(matchedAgreed, matchedPairs),
      predictedPairs: matchedPairs,
      recall: ratio(matchedFound, labelledPairs),
    },
    byConcern,
    extra: extra.sort(order),
    missed: missed.sort(order),
    missedOutsideSample: missedOutsideSample.sort(order),
    unlabelled: [...unlabelledSample, ...unlabelledPredicted.filter((key) => !sample.has(key))].sort(),
    problems,
  };
}

const SPLIT_TITLES = {
  dev: "Dev split, the packages the engine is tuned on",
  holdout: "Holdout split, labelled blind and never tuned on",
  "holdout-2": "Second holdout split, labelled blind after the engine rules of November 2026, never tuned on",
  "dev-2":
    "Second dev split, added for the concerns the first one lacks, labelled blind before any rule was tuned on it",
  "dev-3":
    "Third dev split, added for the concerns with the fewest packages, labelled blind before any rule was tuned on it",
};

/** `labelFiles`: where the labels are, as the report names them. */
export function printUnitFigures(
  figures,
  labelFiles = "scripts/eval/devset-labels.json and holdout-labels.json",
) {
  const out = [
    "",
    "### Per unit",
    "",
    `${figures.labelledUnits} units labelled by hand (${labelFiles}) of ${figures.units} the scan reads: a random sample of ${figures.sampleUnits} and every unit lineitem labels (${figures.predictedUnits} now).`,
    "",
    `Precision (concerns lineitem puts on labelled units that the labels agree with): ${figures.precision} of ${figures.predictedPairs}.`,
    `Recall (concerns the labels give the random sample that lineitem finds): ${figures.recall} of ${figures.labelledPairs}.`,
    `The units the definitions match by themselves, before the units whose own code does part of the work are added: precision ${figures.matchedOnly.precision} of ${figures.matchedOnly.predictedPairs}, recall ${figures.matchedOnly.recall}.`,
    "",
    "| concern | precision | predicted | recall | labelled (random sample) |",
    "|---|---|---|---|---|",
    ...figures.byConcern.map(
      (r) => `| ${r.concern} | ${r.precision} | ${r.predicted} | ${r.recall} | ${r.labelled} |`,
    ),
  ];
  for (const [split, part] of Object.entries(figures.splits ?? {}))
    out.push(
      "",
      `${SPLIT_TITLES[split] ?? `Split ${split}`} (${part.packages} packages; ${part.labelledUnits} units labelled of ${part.units}, a random sample of ${part.sampleUnits}):`,
      `Precision ${part.precision} of ${part.predictedPairs}; recall ${part.recall} of ${part.labelledPairs}.`,
      "",
      "| concern | precision | predicted | recall | labelled (random sample) |",
      "|---|---|---|---|---|",
      ...part.byConcern.map(
        (r) => `| ${r.concern} | ${r.precision} | ${r.predicted} | ${r.recall} | ${r.labelled} |`,
      ),
    );
  if (figures.problems.length || figures.unlabelled.length)
    out.push(
      "",
      "Labels out of date (label these units, or fix the keys):",
      ...figures.problems.map((p) => `- ${p}`),
      ...figures.unlabelled.map((key) => `- not labelled yet: ${key}`),
    );
  if (figures.extra.length)
    out.push(
      "",
      "Extra (lineitem's concern, not the labels'; matched by the definition itself, or its own code part of the work in a file that implements the concern):",
      ...figures.extra.map(
        (e) =>
          `- ${e.concern}: ${e.unit} [${e.how}]${e.labels.length ? `; labelled ${e.labels.join(", ")}` : ""}`,
      ),
    );
  if (figures.missed.length)
    out.push(
      "",
      "Missed (the labels' concern, not found; random sample):",
      ...figures.missed.map(
        (m) =>
          `- ${m.concern}: ${m.unit}${m.predicted.length ? `; lineitem says ${m.predicted.join(", ")}` : ""}`,
      ),
    );
  if (figures.missedOutsideSample.length)
    out.push(
      "",
      "Also missed on units lineitem labels with another concern (outside the random sample, not in recall):",
      ...figures.missedOutsideSample.map((m) => `- ${m.concern}: ${m.unit}`),
    );
  return out;
}
