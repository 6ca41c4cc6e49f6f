import type { z } from "zod";
import { type ScanResult, scanResultSchema, type TrendResult, trendResultSchema } from "../result/index.js";
import { maskSecretsDeep, UserError } from "../shared/index.js";
import { openIndex, type ScanIndex } from "../store/index.js";

/**
 * A JSON document lineitem wrote, checked against its schema, so a command that reads one fails with the
 * file and the key when it is not one (or is from another version). Its text is masked again: one written
 * by a lineitem that did not yet mask secrets shows none either.
 */
function readStored<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  what: { code: string; noun: string; writer: string },
): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      what.code,
      `${file}: not JSON (${(error as Error).message}).`,
      `Pass the file \`${what.writer}\` wrote.`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(top level)";
    throw new UserError(
      what.code,
      `${file}: not a ${what.noun}: ${where}: ${issue?.message ?? "invalid"}.`,
      `Pass the file \`${what.writer}\` wrote, from this version of lineitem.`,
    );
  }
  return maskSecretsDeep(parsed.data);
}

/** A scan result stored by `lineitem scan --json FILE` (promote, ledger and report read one). */
export function readStoredScan(scanText: string, scanFile: string): ScanResult {
  return readStored(scanText, scanFile, scanResultSchema, {
    code: "scan-json",
    noun: "lineitem scan result",
    writer: "lineitem scan --json FILE",
  });
}

/** A trend stored by `lineitem trend --json FILE`. */
export function readStoredTrend(text: string, file: string): TrendResult {
  return readStored(text, file, trendResultSchema, {
    code: "trend-json",
    noun: "lineitem trend",
    writer: "lineitem trend --json FILE",
  });
}

/**
 * The newest finished scan kept in an open index, checked against `schema` (the whole result, or only the
 * part a command reads); a scan killed half-way never reaches the index, so this is always the last
 * complete one. Masked again, as a stored file is.
 */
export function latestScanIn<T>(
  index: ScanIndex,
  schema: z.ZodType<T>,
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
  return { result: maskSecretsDeep(parsed.data), finishedAt: stored.finishedAt, scanId: stored.id };
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

/** Which finished scan is the newest in an index file, without reading it: null when there is none. */
export async function latestScanId(file: string): Promise<{ id: number; finishedAt: string } | null> {
  const index = await openIndex(file, { readonly: true });
  try {
    return index.latestScanId();
  } finally {
    index.close();
  }
}
