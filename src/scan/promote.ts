import { type DraftOptions, draftConcern } from "../concerns/index.js";
import { UserError } from "../shared/index.js";
import { readStoredScan } from "./stored.js";

/**
 * Unnamed work → a concern definition to edit and commit: reads a stored scan (`scan --json`), finds the
 * cluster, drafts the YAML. Bad input is a user error that names the file and what is wrong.
 */
export function promoteUnnamed(
  scanText: string,
  scanFile: string,
  unnamedId: string,
  options: DraftOptions = {},
): { id: string; yaml: string } {
  const parsed = readStoredScan(scanText, scanFile);
  const work = parsed.unnamed.find((cluster) => cluster.id === unnamedId);
  if (!work) {
    const known = parsed.unnamed.map((cluster) => `${cluster.id} (${cluster.title})`);
    throw new UserError(
      "unnamed-missing",
      `${scanFile}: no unnamed work with the id "${unnamedId}".`,
      known.length ? `It has: ${known.join(", ")}.` : "That scan found no unnamed work.",
    );
  }
  return draftConcern(work, options);
}
