import { beforeAll, describe, expect, it } from "vitest";
import { workFocus } from "../src/concerns/focus.js";
import { cliMain, cliSteps } from "./helpers/cli-main.js";
import { builtinConcerns, retryDefinition } from "./helpers/concerns.js";
import { makeUnit } from "./helpers/units.js";

/**
 * Where in a long unit its concern's work is: a CLI's `main` of ninety lines sets its logger up on a few
 * of them, and a reader is pointed at those, not at the whole function.
 */
let kit: Awaited<ReturnType<typeof builtinConcerns>>;

beforeAll(async () => {
  kit = await builtinConcerns();
});

function implementationOf(path: string, source: string, concern: string) {
  const parsed = kit.registry.parse(path, source);
  const file = { path, language: parsed.language, imports: parsed.imports, units: parsed.units };
  const [implementation] = kit.implementationsOf(file, concern);
  return { file, implementation };
}

describe("the place of the work inside a long unit", () => {
  it("points a CLI's main at the lines that set its logger up", () => {
    const { file, implementation } = implementationOf("cmd/tool/main.go", cliMain(), "structured-logging");
    expect(implementation).toBeDefined();
    const main = file.units.findIndex((unit) => unit.name === "main");
    expect(implementation?.work).toContain(main);
    // Lines 10-13, with two lines of context on each side inside the function (which starts on line 9).
    expect(implementation?.focus).toEqual([{ unit: main, runs: [{ startLine: 9, endLine: 15 }] }]);
  });

  it("leaves a short unit whole", () => {
    const short = cliMain(cliSteps(5));
    const { implementation } = implementationOf("cmd/tool/main.go", short, "structured-logging");
    expect(implementation).toBeDefined();
    expect(implementation?.focus).toBeUndefined();
  });

  it("leaves a unit whole when its evidence runs through most of it", () => {
    // The logger is set up, then every step sets a level of its own: the work is the unit.
    const steps = Array.from({ length: 60 }, (_, i) => `\tstep${i}.SetLevel(log.InfoLevel)`).join("\n");
    const spread = cliMain(`${steps}\n${cliSteps(20)}`);
    const { implementation } = implementationOf("cmd/tool/main.go", spread, "structured-logging");
    expect(implementation).toBeDefined();
    expect(implementation?.focus).toBeUndefined();
  });
});

describe("a long class around the methods doing the work", () => {
  const classOf = (methodStart: number) => [
    makeUnit("ReportJob", { kind: "class", startLine: 1, endLine: 300 }),
    makeUnit("ReportJob.fetchWithRetry", {
      kind: "method",
      parent: "ReportJob",
      startLine: methodStart,
      endLine: methodStart + 30,
    }),
  ];

  it("is placed by the methods, not by its own lines", () => {
    expect(workFocus(classOf(200), new Set([0, 1]), 0, retryDefinition, "typescript")).toEqual([]);
  });

  it("keeps its first line when the methods begin near it", () => {
    expect(workFocus(classOf(12), new Set([0, 1]), 0, retryDefinition, "typescript")).toEqual([
      { startLine: 1, endLine: 1 },
    ]);
  });

  it("is read whole when short, or when no method inside it does the work", () => {
    const short = [makeUnit("Job", { kind: "class", startLine: 1, endLine: 60 }), ...classOf(20).slice(1)];
    expect(workFocus(short, new Set([0, 1]), 0, retryDefinition, "typescript")).toBeUndefined();
    expect(workFocus(classOf(200), new Set([0]), 0, retryDefinition, "typescript")).toBeUndefined();
  });
});
