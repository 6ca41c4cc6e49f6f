import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CodeOwners, parseCodeOwners } from "./codeowners.js";

/** Where GitHub and GitLab look for the file, in the order GitHub does (GitLab's own folder last). */
export const CODEOWNERS_LOCATIONS = [
  ".github/CODEOWNERS",
  "CODEOWNERS",
  "docs/CODEOWNERS",
  ".gitlab/CODEOWNERS",
];

export function readCodeOwners(repoRoot: string): CodeOwners | undefined {
  for (const location of CODEOWNERS_LOCATIONS) {
    const file = join(repoRoot, location);
    if (existsSync(file)) return parseCodeOwners(readFileSync(file, "utf8"), location);
  }
  return undefined;
}
