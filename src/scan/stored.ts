import { type ScanResult, scanResultSchema } from "../result/index.js";
import { UserError } from "../shared/index.js";

/**
 * A scan result stored by `lineitem scan --json FILE`, checked against the schema, so the commands that
 * read one (promote, ledger) fail with the file and the key when it is not one.
 */
export function readStoredScan(scanText: string, scanFile: string): ScanResult {
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
  return parsed.data;
}
