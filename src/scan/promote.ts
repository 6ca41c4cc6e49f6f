import { type DraftOptions, draftConcern } from "../concerns/index.js";
import type { ScanResult } from "../result/index.js";
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
  return promoteFromScan(readStoredScan(scanText, scanFile), scanFile, unnamedId, options);
}

/** The same, from a scan already read (the dashboard's, from the index); `source` names it in errors. */
export function promoteFromScan(
  parsed: ScanResult,
  source: string,
  unnamedId: string,
  options: DraftOptions = {},
): { id: string; yaml: string } {
  const scanFile = source;
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
