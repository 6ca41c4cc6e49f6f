// npm run bench:parse: how fast lineitem reads and parses real code, per language, on one core and on all of
// them, beside the floor of merely reading the same bytes from disk. Runs on the compiled code (dist/).
//
//   npm run bench:parse                    fetch the pinned corpus if needed, then measure
//   npm run bench:parse -- --runs 5        more repetitions (the median is printed)
//   npm run bench:parse -- --json out.json also write the figures as JSON
//   npm run bench:parse -- --dir PATH      measure a folder of your own instead of the corpus
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { createLanguageRegistry } from "../../dist/lang/index.js";
import { createParsePool, defaultWorkers } from "../../dist/scan/index.js";

const root = new URL("../..", import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    json: { type: "string" },
    dir: { type: "string" },
  },
});
const runs = Math.max(1, Number(values.runs));
const corpus = values.dir ?? join(root, ".cache", "corpus");
if (!values.dir) {
  try {
    execFileSync(process.execPath, [join(root, "scripts", "bench", "fetch-corpus.mjs")], {
      stdio: "inherit",
    });
  } catch {
    // The fetch script has already said what went wrong.
    process.exit(2);
  }
}

// Every source file of the corpus by language, as the scanner would choose them (declarations aside).
const registry = await createLanguageRegistry();
const byLanguage = new Map();
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) {
      const language = registry.languageOf(full);
      if (!language) continue;
      const list = byLanguage.get(language) ?? [];
      list.push({ path: relative(corpus, full), absPath: full, maxBytes: 64 * 1024 * 1024 });
      byLanguage.set(language, list);
    }
  }
};
walk(corpus);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = async (work) => {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
};

const cores = defaultWorkers();
const rows = [];
for (const [language, tasks] of [...byLanguage].sort((a, b) => a[0].localeCompare(b[0]))) {
  const single = createParsePool({ workers: 1 });
  const all = createParsePool({ workers: cores, inProcessBelow: 0 });
  const floor = [];
  const one = [];
  const many = [];
  let parsed;
  // Warm up first: threads started, grammars compiled, code optimised; then time steady work.
  const warm = tasks.slice(0, Math.min(tasks.length, 50));
  await single.parse(warm);
  await all.parse(warm);
  // Alternate the three measurements in every round, so a noisy moment hurts all of them alike.
  for (let run = 0; run < runs; run++) {
    floor.push(
      (
        await seconds(async () => {
          for (const task of tasks) new TextDecoder().decode(readFileSync(task.absPath));
        })
      ).seconds,
    );
    const first = await seconds(() => single.parse(tasks));
    one.push(first.seconds);
    parsed = first.result;
    many.push((await seconds(() => all.parse(tasks))).seconds);
  }
  await single.close();
  await all.close();
  const read = parsed.filter((outcome) => outcome.ok);
  const bytes = read.reduce((sum, outcome) => sum + outcome.bytes, 0);
  const lines = read.reduce((sum, outcome) => sum + outcome.parsed.lines, 0);
  const allBytes = tasks.reduce((sum, task) => sum + statSync(task.absPath).size, 0);
  const mb = bytes / 1e6;
  rows.push({
    language,
    files: tasks.length,
    parsedFiles: read.length,
    setAside: tasks.length - read.length,
    mb: Number(mb.toFixed(2)),
    lines,
    floorMBps: Number((allBytes / 1e6 / median(floor)).toFixed(1)),
    oneWorker: {
      seconds: Number(median(one).toFixed(3)),
      MBps: Number((mb / median(one)).toFixed(2)),
      linesPerSecond: Math.round(lines / median(one)),
    },
    allCores: {
      workers: cores,
      seconds: Number(median(many).toFixed(3)),
      MBps: Number((mb / median(many)).toFixed(2)),
      linesPerSecond: Math.round(lines / median(many)),
    },
    speedup: Number((median(one) / median(many)).toFixed(2)),
  });
}

const pad = (text, width, right = false) =>
  right ? String(text).padStart(width) : String(text).padEnd(width);
console.log(
  `\nread + parse, median of ${runs} runs; ${cores} workers on ${cores} cores (node ${process.version})`,
);
console.log(
  [
    pad("language", 11),
    pad("files", 7, true),
    pad("MB", 8, true),
    pad("lines", 10, true),
    pad("floor MB/s", 11, true),
    pad("1 worker MB/s", 14, true),
    pad("lines/s", 10, true),
    pad(`${cores} workers MB/s`, 16, true),
    pad("lines/s", 10, true),
    pad("speed-up", 9, true),
  ].join(" "),
);
for (const row of rows) {
  console.log(
    [
      pad(row.language, 11),
      pad(row.parsedFiles, 7, true),
      pad(row.mb, 8, true),
      pad(row.lines, 10, true),
      pad(row.floorMBps, 11, true),
      pad(row.oneWorker.MBps, 14, true),
      pad(row.oneWorker.linesPerSecond, 10, true),
      pad(row.allCores.MBps, 16, true),
      pad(row.allCores.linesPerSecond, 10, true),
      pad(`${row.speedup}×`, 9, true),
    ].join(" "),
  );
}
const setAside = rows.filter((row) => row.setAside > 0).map((row) => `${row.language} ${row.setAside}`);
if (setAside.length)
  console.log(
    `set aside by content (binary, generated, minified, unreadable, parse errors): ${setAside.join(", ")}`,
  );
if (values.json)
  writeFileSync(values.json, `${JSON.stringify({ runs, cores, node: process.version, rows }, null, 2)}\n`);
