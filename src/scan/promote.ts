import { type DraftOptions, draftConcern } from "../concerns/index.js";
import { scanResultSchema } from "../result/index.js";
import { UserError } from "../shared/index.js";

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
  let json: unknown;
  try {
    json = JSON.parse(scanText);
  } catch (error) {
    throw new UserError(
      "scan-json",
      `${scanFile}: not JSON (${(error as Error).message}).`,
      "Pass the file `lineitem scan --json FILE` wrote.",
    );
  }
  const parsed = scanResultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(top level)";
    throw new UserError(
      "scan-json",
      `${scanFile}: not a lineitem scan result: ${where}: ${issue?.message ?? "invalid"}.`,
      "Pass the file `lineitem scan --json FILE` wrote, from this version of lineitem.",
    );
  }
  const work = parsed.data.unnamed.find((cluster) => cluster.id === unnamedId);
  if (!work) {
    const known = parsed.data.unnamed.map((cluster) => `${cluster.id} (${cluster.title})`);
    throw new UserError(
      "unnamed-missing",
      `${scanFile}: no unnamed work with the id "${unnamedId}".`,
      known.length ? `It has: ${known.join(", ")}.` : "That scan found no unnamed work.",
    );
  }
  return draftConcern(work, options);
}
