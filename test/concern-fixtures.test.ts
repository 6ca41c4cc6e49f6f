import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  builtinConcernsDir,
  type ConcernDefinition,
  groupImplementations,
  loadConcernDefinitions,
  scoreFile,
} from "../src/concerns/index.js";
import { createLanguageRegistry, type LanguageRegistry } from "../src/lang/index.js";
import { DiagnosticLog, packageRoot } from "../src/shared/index.js";
import { readConcernFile } from "./helpers/concerns.js";

/**
 * Every built-in concern is held to its fixtures: files in several languages where some unit must match it,
 * and near-misses (code that looks like it and is not) where no unit may. A concern without fixtures fails
 * here, so none ships untested. Fixtures are listed in test/fixtures/concerns/<id>.yaml.
 */
const FIXTURES = join(packageRoot, "test", "fixtures", "concerns");
const builtinIds = readdirSync(builtinConcernsDir)
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.replace(/\.yaml$/, ""))
  .sort();

interface Manifest {
  match?: string[];
  nearMiss?: string[];
}

function manifestOf(id: string): Manifest | undefined {
  const file = join(FIXTURES, `${id}.yaml`);
  return existsSync(file) ? (parseYaml(readFileSync(file, "utf8")) as Manifest) : undefined;
}

let registry: LanguageRegistry;
let definitions: ConcernDefinition[];

beforeAll(async () => {
  registry = await createLanguageRegistry();
  definitions = await loadConcernDefinitions([], packageRoot, new DiagnosticLog());
});

/** The concerns the file implements, scored against every built-in concern and grouped as a scan does. */
function concernsIn(path: string): string[] {
  const file = readConcernFile(registry, path);
  const drafts = groupImplementations(file, scoreFile(file, definitions), definitions);
  return [...new Set(drafts.map((draft) => draft.concern))].sort();
}

it("every built-in regex is safe from catastrophic backtracking (a scan trusts this and skips the check)", async () => {
  // Loaded as the org's own definitions, every regex goes through the checker; one unsafe pattern throws.
  const noBuiltins = mkdtempSync(join(tmpdir(), "lineitem-no-builtins-"));
  const checked = await loadConcernDefinitions(
    [builtinConcernsDir],
    packageRoot,
    new DiagnosticLog(),
    noBuiltins,
  );
  rmSync(noBuiltins, { recursive: true, force: true });
  expect(checked.map((d) => d.id).sort()).toEqual(builtinIds);
}, 60_000);

describe.each(builtinIds)("concern %s", (id) => {
  const manifest = manifestOf(id);

  it("has fixtures: matches in two or more languages, and near-misses", () => {
    expect(manifest, `test/fixtures/concerns/${id}.yaml is missing`).toBeDefined();
    const languages = new Set((manifest?.match ?? []).map((path) => registry.languageOf(path)));
    expect(languages.size, `${id}: match fixtures in ${[...languages].join(", ")}`).toBeGreaterThanOrEqual(2);
    expect(manifest?.nearMiss?.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it.each(manifest?.match ?? [])("matches %s", (path) => {
    expect(concernsIn(path)).toContain(id);
  });

  it.each(manifest?.nearMiss ?? [])("does not match the near-miss %s", (path) => {
    expect(concernsIn(path)).not.toContain(id);
  });
});

describe("what a part of the work is", () => {
  it("leaves the getters of a table of limiters out of the work: they name a limiter, they count nothing", () => {
    const path = "test/fixtures/concerns/rate-limit/LimiterTable.java";
    const file = readConcernFile(registry, path);
    const [draft] = groupImplementations(file, scoreFile(file, definitions), definitions).filter(
      (d) => d.concern === "rate-limit",
    );
    const names = (indexes: number[] | undefined) => (indexes ?? []).map((i) => file.units[i]?.name);
    expect(names(draft?.work)).toContain("LimiterTable.validate");
    expect(names(draft?.work)).not.toContain("LimiterTable.getPinLimiter");
    expect(names(draft?.units)).toContain("LimiterTable.getPinLimiter");
  });
});
