import { type ConcernDefinition, MATCHING_ENGINE_VERSION } from "../concerns/index.js";
import type { LineitemConfig } from "../config/index.js";
import { UserError } from "../shared/index.js";
import { redactUrl } from "../store/index.js";
import { hashOf } from "./input-key.js";

/** The packages golden paths are published as: importing one is adoption, not a new writing. */
export function goldenPackageNames(config: Pick<LineitemConfig, "goldenPaths">): string[] {
  return [...new Set(config.goldenPaths.flatMap((golden) => (golden.package ? [golden.package] : [])))];
}

/** What concern matches depend on besides a file: the definitions and the golden packages, hashed. */
export function matchingKeyOf(definitions: ConcernDefinition[], goldenPackages: string[]): string {
  return hashOf({ engine: MATCHING_ENGINE_VERSION, definitions, goldenPackages });
}

/** The org-wide index's URL: the one given, else the config's; a user mistake says so, password masked. */
export function databaseUrl(given: string | undefined, configured: string | undefined): string {
  const url = given ?? configured;
  if (!url) {
    throw new UserError(
      "usage",
      "no database: give --db postgres://…, set LINEITEM_DATABASE_URL, or `database:` in lineitem.config.yaml.",
    );
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UserError("usage", `--db ${redactUrl(url)}: not a postgres:// URL.`);
  }
  return url;
}
