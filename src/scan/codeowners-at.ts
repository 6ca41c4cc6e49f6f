import { CODEOWNERS_LOCATIONS, type CodeOwners, parseCodeOwners } from "../ownership/index.js";
import { firstFileAt } from "../sources/index.js";

/**
 * A repository's CODEOWNERS as it was at a commit (the first of `locations` that existed then):
 * a trend's past points and a check's head read ownership as it stood there, not as it is checked out.
 */
export async function codeOwnersAt(
  root: string,
  commit: string,
  locations: readonly string[] = CODEOWNERS_LOCATIONS,
): Promise<CodeOwners | undefined> {
  const found = await firstFileAt(root, commit, locations);
  return found ? parseCodeOwners(found.text, found.path) : undefined;
}
