import type { ZodType } from "zod";
import { type ScanResult, scanResultSchema } from "../result/index.js";
import { UserError } from "../shared/index.js";
import { openIndex, type ScanIndex } from "../store/index.js";

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

/**
 * The newest finished scan kept in an open index, checked against `schema` (the whole result, or only the
 * part a command reads); a scan killed half-way never reaches the index, so this is always the last
 * complete one.
 */
export function latestScanIn<T>(
  index: ScanIndex,
  schema: ZodType<T>,
  hint = "Run `lineitem scan` first.",
): { result: T; finishedAt: string; scanId: number } {
  const stored = index.latestScan();
  if (!stored) {
    throw new UserError("index-empty", `${index.file}: the index holds no finished scan yet.`, hint);
  }
  const parsed = schema.safeParse(stored.result);
  if (!parsed.success) {
    throw new UserError(
      "index-old",
      `${index.file}: its last scan (${stored.finishedAt}) was written by another version of lineitem.`,
      "Run `lineitem scan` again to bring it up to date.",
    );
  }
  return { result: parsed.data, finishedAt: stored.finishedAt, scanId: stored.id };
}

/** The newest finished scan kept in an index file, checked against the schema. */
export async function readIndexedScan(
  file: string,
): Promise<{ result: ScanResult; finishedAt: string; scanId: number }> {
  const index = await openIndex(file, { readonly: true });
  try {
    return latestScanIn(index, scanResultSchema);
  } finally {
    index.close();
  }
}
