import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseYamlWithSchema, UserError } from "../shared/index.js";
import { configSchema, type LineitemConfig } from "./schema.js";

export const CONFIG_FILE = "lineitem.config.yaml";

/** Config files are small; anything near this size is a mistake or an attack (a YAML bomb, a wrong file). */
const MAX_CONFIG_BYTES = 1_048_576;

export interface LoadedConfig {
  config: LineitemConfig;
  /** The file read, or undefined when lineitem runs on defaults. */
  file: string | undefined;
  /** Folder that relative paths in the config are resolved against. */
  baseDir: string;
}

/** Parses and validates config text; errors name the file, the line and the key. */
export function parseConfig(text: string, file: string): LineitemConfig {
  return parseYamlWithSchema(
    text,
    file,
    configSchema,
    "config-invalid",
    "See docs/config.md for every key lineitem.config.yaml accepts.",
  );
}

/**
 * Finds and loads the config: an explicit --config file, else lineitem.config.yaml in the single folder
 * being scanned, else in the current folder, else defaults.
 */
export function loadConfig(options: { configFile?: string; scanPaths: string[]; cwd: string }): LoadedConfig {
  const candidates: string[] = [];
  if (options.configFile) {
    const file = resolve(options.cwd, options.configFile);
    if (!existsSync(file)) {
      throw new UserError("config-missing", `config file ${file} does not exist.`);
    }
    candidates.push(file);
  } else {
    const only =
      options.scanPaths.length === 1 ? resolve(options.cwd, options.scanPaths[0] as string) : undefined;
    if (only && existsSync(only) && statSync(only).isDirectory()) candidates.push(join(only, CONFIG_FILE));
    candidates.push(join(options.cwd, CONFIG_FILE));
  }
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) return { config: configSchema.parse({}), file: undefined, baseDir: options.cwd };
  const size = statSync(file).size;
  if (size > MAX_CONFIG_BYTES) {
    throw new UserError(
      "config-too-large",
      `${file}: ${size} bytes is too large for a config file (limit 1 MiB).`,
    );
  }
  return { config: parseConfig(readFileSync(file, "utf8"), file), file, baseDir: dirname(file) };
}
