import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CODEOWNERS_FILES } from "../config/index.js";
import { type CodeOwners, parseCodeOwners } from "./codeowners.js";

/** Where GitHub and GitLab look for the file, in the order GitHub does (GitLab's own folder last). */
export const CODEOWNERS_LOCATIONS: readonly string[] = DEFAULT_CODEOWNERS_FILES;

/** The first of `locations` (the config's `codeowners`) that the repository has, parsed. */
export function readCodeOwners(
  repoRoot: string,
  locations: readonly string[] = CODEOWNERS_LOCATIONS,
): CodeOwners | undefined {
  for (const location of locations) {
    const file = join(repoRoot, location);
    // A configured path may name a folder: only a file is read.
    if (statSync(file, { throwIfNoEntry: false })?.isFile())
      return parseCodeOwners(readFileSync(file, "utf8"), location);
  }
  return undefined;
}
