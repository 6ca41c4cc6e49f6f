import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder that holds package.json. Source (src/shared) and build output (dist/shared) sit at the same
 * depth, so the same relative walk works under Vitest and from the installed package.
 */
export const packageRoot: string = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const packageVersion: string = (
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }
).version;
