import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { type DiagnosticLog, packageRoot, parseYamlWithSchema, UserError } from "../shared/index.js";
import { compileDefinition, isRegexPattern } from "./compile.js";
import { type ConcernDefinition, type ConcernDefinitionInput, definitionSchema } from "./definition.js";

export const builtinConcernsDir: string = join(packageRoot, "concerns", "builtin");

const MAX_DEFINITION_BYTES = 262_144;
const MAX_REGEX_LENGTH = 200;

function yamlFilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(path, name));
}

type RegexChecker = (pattern: string) => "safe" | "vulnerable" | "unknown";

// recheck decides whether a regex can backtrack catastrophically; it is loaded only when a definition
// actually contains a regex, so the common case pays nothing for it.
async function loadRegexChecker(): Promise<RegexChecker> {
  const { checkSync } = await import("recheck");
  // The automaton checker decides without timing-dependent fuzzing, so a busy machine gets the same
  // verdict as an idle one; patterns it cannot model (backreferences, lookaround) go to the fuzzer with a
  // fixed seed.
  return (pattern) => {
    const exact = checkSync(pattern, "i", { checker: "automaton", timeout: 10_000 }).status;
    return exact !== "unknown" ? exact : checkSync(pattern, "i", { randomSeed: 0, timeout: 10_000 }).status;
  };
}

function readDefinition(file: string): ConcernDefinitionInput {
  const size = statSync(file).size;
  if (size > MAX_DEFINITION_BYTES) {
    throw new UserError("concern-too-large", `${file}: ${size} bytes is too large for a concern definition.`);
  }
  return parseYamlWithSchema(
    readFileSync(file, "utf8"),
    file,
    definitionSchema,
    "concern-invalid",
    "See docs/concerns.md for the format of a concern definition.",
  );
}

/**
 * The definition files a scan reads, built-in first, without reading them: what the index keys a
 * scan's result on (with their bytes), before anything is parsed.
 */
export function concernDefinitionFiles(
  userPaths: string[],
  baseDir: string,
  builtinDir: string = builtinConcernsDir,
): { file: string; builtin: boolean }[] {
  const files = yamlFilesIn(builtinDir).map((file) => ({ file, builtin: true }));
  for (const given of userPaths) {
    const path = resolve(baseDir, given);
    if (!existsSync(path)) {
      throw new UserError("concerns-missing", `concerns: ${given} does not exist (resolved to ${path}).`);
    }
    for (const file of yamlFilesIn(path)) files.push({ file, builtin: false });
  }
  return files;
}

/**
 * Loads the built-in concern definitions and the org's own (files or folders of YAML, from the config).
 * A user definition with a built-in's id replaces it. Regexes are refused if they are long or could
 * backtrack catastrophically.
 */
export async function loadConcernDefinitions(
  userPaths: string[],
  baseDir: string,
  log: DiagnosticLog,
  builtinDir: string = builtinConcernsDir,
): Promise<ConcernDefinition[]> {
  const files = concernDefinitionFiles(userPaths, baseDir, builtinDir);
  const inputs = files.map(({ file, builtin }) => ({ file, builtin, input: readDefinition(file) }));
  const anyRegex = (values: unknown[]) =>
    values.some((v) => [v].flat().some((p) => typeof p === "string" && isRegexPattern(p)));
  // Built-in regexes are checked by the test suite (concern-fixtures.test.ts loads them as user files), so
  // a scan loads the checker (a large library) only for the org's own definitions.
  const hasRegex = inputs.some(
    ({ input, builtin }) =>
      !builtin &&
      (input.signals.some((signal) => anyRegex(Object.values(signal))) ||
        input.parameters.some((parameter) => anyRegex([parameter.match]))),
  );
  const checker = hasRegex ? await loadRegexChecker() : undefined;

  const byId = new Map<string, ConcernDefinition>();
  for (const { file, builtin, input } of inputs) {
    const checkRegex = (pattern: string, where: string) => {
      if (pattern.length > MAX_REGEX_LENGTH) {
        throw new UserError(
          "concern-regex",
          `${file}: ${where}: regex longer than ${MAX_REGEX_LENGTH} characters.`,
        );
      }
      try {
        new RegExp(pattern, "i");
      } catch (error) {
        throw new UserError(
          "concern-regex",
          `${file}: ${where}: not a valid regex: ${(error as Error).message}`,
        );
      }
      if (builtin) return;
      const status = checker?.(pattern);
      if (status !== "safe") {
        throw new UserError(
          "concern-regex",
          `${file}: ${where}: regex /${pattern}/ could backtrack catastrophically (${status ?? "unchecked"}).`,
          "Rewrite it without nested or overlapping repetition, or list the words instead of a regex.",
        );
      }
    };
    let definition: ConcernDefinition;
    try {
      definition = compileDefinition(input, file, checkRegex);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError("concern-invalid", `${file}: ${(error as Error).message}`);
    }
    if (!builtin && byId.has(definition.id)) {
      log.info("concern-override", `${file} replaces the built-in concern "${definition.id}".`);
    } else if (byId.has(definition.id)) {
      throw new UserError("concern-duplicate", `${file}: concern id "${definition.id}" is defined twice.`);
    }
    byId.set(definition.id, definition);
  }
  return [...byId.values()];
}
