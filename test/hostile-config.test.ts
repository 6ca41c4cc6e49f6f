import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BOUND, plainRepo, RETRY } from "./helpers/hostile.js";
import { figures, reliabilityLog, runMeasured } from "./helpers/measured.js";
import { tempDir } from "./helpers/repos.js";

/**
 * Config and concern files built to break a loader, each given to the built executable, measured: every
 * one is refused with exit 2 and one message that names the file (and the line and key where there is
 * one), no stack trace, within generous bounds of time and memory.
 *
 * Covered elsewhere, not repeated here: a config with an unknown key or a wrong type through the CLI
 * (cli.test.ts), parseConfig's unknown, wrong, nested and duplicate keys and a small alias bomb
 * (src/config/load.test.ts), a concern's unknown key, a signal of two kinds, a backtracking regex in a
 * signal and in a parameter (src/concerns/load.test.ts), every built-in regex checked with recheck
 * (concern-fixtures.test.ts).
 */
const record = reliabilityLog(import.meta.filename);
const dir = tempDir("lineitem-hostile-config-");
let repo: string;

const VALID_CONCERN = `id: feature-flag
title: Feature-flag wrapper
noun: feature-flag wrappers
description: Reads flags for the org.
signals:
  - id: flag-word
    subword: [flag, toggle]
    weight: 3
requires:
  - [flag-word]
threshold: 3
`;

beforeAll(async () => {
  repo = await plainRepo(join(dir, "shop"), { "src/retry.ts": RETRY() });
});

/** Writes `name` with `text`, scans the repository with it as the config, and checks it is refused. */
async function refused(name: string, config: string, concern?: { file: string; text: string }) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  if (concern) writeFileSync(join(folder, concern.file), concern.text);
  const file = join(folder, "lineitem.config.yaml");
  writeFileSync(file, config);
  const run = await runMeasured(["scan", repo, "--config", file, "--no-index", "--quiet"], dir);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code, run.stderr).toBe(2);
  expect(run.seconds).toBeLessThan(BOUND.seconds);
  expect(run.peakMiB).toBeLessThan(BOUND.peakMiB);
  expect(run.stdout).toBe("");
  return { run, message: run.stderr.trim().split("\n")[0] ?? "", folder };
}

const billionLaughs = (key: string) =>
  [
    `${key}: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`,
    ...["b", "c", "d", "e", "f", "g", "h", "i"].map(
      (name, i) =>
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
    ),
  ].join("\n");

describe("hostile config and concern files", () => {
  it("a config whose top level is a list, not a map", async () => {
    const { run, message } = await refused("list", "- teams\n- paths\n");
    expect(message).toMatch(/lineitem\.config\.yaml(:\d+)?: \(top level\): /);
    record({
      test: "hostile config and concern files > a config whose top level is a list, not a map",
      inputs: "a YAML list as the whole config",
      outcome: "exit 2: file and (top level) named",
      ...figures(run),
    });
  });

  it("a concern definition with wrong types", async () => {
    const text = VALID_CONCERN.replace("threshold: 3", "threshold: high").replace("weight: 3", "weight: [3]");
    const { run, message } = await refused("concern-types", "concerns: [flag.yaml]\n", {
      file: "flag.yaml",
      text,
    });
    expect(message).toMatch(/flag\.yaml:8: signals\.0\.weight: .*number/);
    record({
      test: "hostile config and concern files > a concern definition with wrong types",
      inputs: "a list where a weight's number belongs, a word for the threshold",
      outcome: "exit 2: flag.yaml:8: signals.0.weight named",
      ...figures(run),
    });
  });

  it("a concern definition whose regex backtracks catastrophically", async () => {
    const exponential = VALID_CONCERN.replace("subword: [flag, toggle]", 'call: ["/^(\\\\w+\\\\s?)+$/"]');
    const { run, message } = await refused("redos", "concerns: [redos.yaml]\n", {
      file: "redos.yaml",
      text: exponential,
    });
    expect(message).toMatch(/redos\.yaml: signals\.0\.call\.0: regex .* could backtrack catastrophically/);
    const polynomial = VALID_CONCERN.replace("subword: [flag, toggle]", 'call: ["/\\\\s*a\\\\s*\\\\s*$/"]');
    const second = await refused("redos-poly", "concerns: [poly.yaml]\n", {
      file: "poly.yaml",
      text: polynomial,
    });
    expect(second.message).toMatch(
      /poly\.yaml: signals\.0\.call\.0: regex .* could backtrack catastrophically/,
    );
    record({
      test: "hostile config and concern files > a concern definition whose regex backtracks catastrophically",
      inputs: "/^(\\w+\\s?)+$/ (exponential) and /\\s*a\\s*\\s*$/ (polynomial) as call patterns",
      outcome: "exit 2 before any regex runs: file and signals.0.call.0 named",
      ...figures(run),
    });
  });

  it("a YAML bomb (a billion laughs through aliases) as config and as concern", async () => {
    const config = await refused("bomb", `${billionLaughs("teams")}\n`);
    expect(config.message).toMatch(/lineitem\.config\.yaml: .*[Aa]lias/);
    const concern = await refused("bomb-concern", "concerns: [bomb.yaml]\n", {
      file: "bomb.yaml",
      text: `${VALID_CONCERN}${billionLaughs("x")}\n`,
    });
    expect(concern.message).toMatch(/bomb\.yaml: .*[Aa]lias/);
    record({
      test: "hostile config and concern files > a YAML bomb (a billion laughs through aliases) as config and as concern",
      inputs: "9 levels of 9 aliases (9^9 ≈ 387 million strings once expanded), in each kind of file",
      outcome: "exit 2 without expanding: the file named, the alias count said",
      ...figures(config.run),
    });
  });

  it("a 50 MB config, and a 50 MB concern definition", async () => {
    const big = (file: string, head: string) => {
      const fd = openSync(file, "w");
      writeSync(fd, head);
      const chunk = Buffer.alloc(1024 * 1024, "# padding padding padding padding padding padding padding\n");
      for (let i = 0; i < 50; i++) writeSync(fd, chunk);
      closeSync(fd);
    };
    const folder = join(dir, "big");
    mkdirSync(folder);
    const configFile = join(folder, "lineitem.config.yaml");
    big(configFile, "includeTests: false\n");
    const run = await runMeasured(["scan", repo, "--config", configFile, "--no-index", "--quiet"], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/lineitem\.config\.yaml: \d+ bytes is too large for a config file/);
    expect(run.seconds).toBeLessThan(BOUND.seconds);
    expect(run.peakMiB).toBeLessThan(BOUND.peakMiB);
    const concernFolder = join(dir, "big-concern");
    mkdirSync(concernFolder);
    big(join(concernFolder, "big.yaml"), VALID_CONCERN);
    const concern = await refused("big-concern", "concerns: [big.yaml]\n");
    expect(concern.message).toMatch(/big\.yaml: \d+ bytes is too large for a concern definition/);
    record({
      test: "hostile config and concern files > a 50 MB config, and a 50 MB concern definition",
      inputs: "52,428,820-byte config; 50 MB concern definition",
      outcome: "exit 2 before reading: file and size named (limits 1 MiB and 256 KiB)",
      ...figures(run),
    });
  });
});
