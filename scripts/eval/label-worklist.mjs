// Labelling aid: prints every sampled dev-set unit that neither scripts/eval/devset-labels.json nor
// holdout-labels.json (a held-out package's labels) labels yet, with its source, and never what lineitem
// predicts for it (labels are made blind). Units come in key order, so the units lineitem flags are not
// set apart from the random sample.
//   npm run build && node scripts/eval/label-worklist.mjs [--repo NAME] [--max-lines N] > worklist.txt
// Fetches the dev set into .cache/devset and builds its org when something is missing.
import { join } from "node:path";
import { scan } from "../../dist/scan/index.js";
import { predictedLabels, randomSample } from "./devset-sample.mjs";
import { devsetUnits } from "./devset-units.mjs";
import { Failure, parseOptions, prepareDevset } from "./fetch-devset.mjs";
import { readAllLabels } from "./unit-figures.mjs";
import { unitSource } from "./unit-source.mjs";

const root = new URL("../..", import.meta.url).pathname;
const USAGE = "usage: node scripts/eval/label-worklist.mjs [--repo NAME] [--max-lines N]";
let values;
try {
  values = parseOptions({ repo: { type: "string" }, "max-lines": { type: "string", default: "400" } }, USAGE);
} catch (error) {
  process.stderr.write(`label-worklist: ${error.message}\n`);
  process.exit(2);
}
if (!values) process.exit(0);
// Fetches what devset.json names and builds the org first, so a new package can be labelled before any
// eval has run on it.
let prepared;
try {
  prepared = await prepareDevset(root);
} catch (error) {
  process.stderr.write(`label-worklist: ${error instanceof Failure ? error.message : error.stack}\n`);
  process.exit(2);
}
const { orgDir, config } = prepared;
// Labels of the dev splits and of the held-out ones (a held-out package's labels go to holdout-labels.json).
const labelled = readAllLabels(join(root, "scripts", "eval"), Failure);
const units = await devsetUnits(orgDir, config, root);
const result = await scan({ paths: [orgDir], cwd: root, configFile: config, workers: 1 });
const wanted = new Set([...randomSample(units), ...predictedLabels(result).keys()]);
const maxLines = Number(values["max-lines"]);
const sources = new Map();
const out = [];
for (const unit of [...units].sort((a, b) => a.key.localeCompare(b.key))) {
  if (!wanted.has(unit.key) || unit.key in labelled) continue;
  if (values.repo && unit.repo !== values.repo) continue;
  out.push(...unitSource(unit, units, orgDir, maxLines, sources));
}
process.stdout.write(`${out.join("\n")}\n`);
process.stderr.write(
  `label-worklist: ${wanted.size} units sampled, ${out.length ? "some" : "none"} to label\n`,
);
