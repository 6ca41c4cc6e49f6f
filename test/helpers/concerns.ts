import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileDefinition } from "../../src/concerns/compile.js";
import { type ConcernDefinitionInput, definitionSchema } from "../../src/concerns/definition.js";
import {
  type ConcernDefinition,
  groupImplementations,
  loadConcernDefinitions,
  scoreFile,
} from "../../src/concerns/index.js";
import {
  createLanguageRegistry,
  type FileUnits,
  type LanguageId,
  type LanguageRegistry,
  type Unit,
} from "../../src/lang/index.js";
import { DiagnosticLog, packageRoot } from "../../src/shared/index.js";

/** A definition from its YAML shape, validated and compiled as the loader does it. */
export function compileTestDefinition(input: object): ConcernDefinition {
  return compileDefinition(definitionSchema.parse(input) as ConcernDefinitionInput, "x.yaml", () => {});
}

/**
 * A definition read only for its parameters (the drift table): one signal, a bar of 1. `parameters` in
 * their YAML shape, validated as the loader validates them.
 */
export function parameterDefinition(parameters: object[], id = "retry"): ConcernDefinition {
  return compileTestDefinition({
    id,
    title: id,
    noun: `${id} work`,
    description: "d",
    signals: [{ subword: id.split("-")[0], weight: 1 }],
    threshold: 1,
    parameters,
  });
}

/**
 * A small retry definition: retry words, a wait and a loop, all three required. Its YAML shape is exported
 * for a test that needs it with a key changed (not to be confused with retry-source.ts, retry code).
 */
export const retryDefinitionInput = {
  id: "retry",
  title: "Retry",
  noun: "retry logic",
  description: "tries again",
  signals: [
    { id: "word", subword: ["retry", "backoff"], weight: 3 },
    { id: "waits", call: ["sleep", "setTimeout"], weight: 2 },
    { id: "loop", flag: "loop", weight: 1 },
    { id: "named", name: "retry", weight: 1 },
    { id: "random", call: "/^math\\.random$/", weight: 1 },
  ],
  requires: [["word"], ["waits"], ["loop"]],
  threshold: 7,
};

export const retryDefinition = compileTestDefinition(retryDefinitionInput);

/** A TypeScript file of these units, with no imports unless `extra` gives them. */
export const concernFile = (units: Unit[], extra = {}) => ({
  path: "src/lib/x.ts",
  language: "typescript" as const,
  imports: [],
  units,
  ...extra,
});

/** A file of the repository (a fixture) read as a scan reads it, in the shape the concern engine takes. */
export function readConcernFile(
  registry: LanguageRegistry,
  path: string,
): { path: string; language: LanguageId; imports: FileUnits["imports"]; units: Unit[] } {
  const language = registry.languageOf(path);
  if (!language) throw new Error(`${path}: not a language lineitem reads`);
  const parsed = registry.parse(path, readFileSync(join(packageRoot, path), "utf8"));
  return { path, language, imports: parsed.imports, units: parsed.units };
}

/**
 * The language registry and the built-in definitions, as a scan loads them, and the implementations of one
 * built-in concern in a file: what the tests of the built-ins' reading start from.
 */
export async function builtinConcerns() {
  const registry = await createLanguageRegistry();
  const definitions = await loadConcernDefinitions([], packageRoot, new DiagnosticLog());
  const implementationsOf = (file: ReturnType<typeof readConcernFile>, concern: string) => {
    const chosen = definitions.filter((d) => d.id === concern);
    return groupImplementations(file, scoreFile(file, chosen), chosen);
  };
  return { registry, definitions, implementationsOf };
}
