import { readFileSync } from "node:fs";
import type { ReportData, ScanResult, TrendResult } from "../result/index.js";
import { readExcerpts, readIndexedScan, readStoredScan, readStoredTrend } from "../scan/index.js";
import { UserError } from "../shared/index.js";

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UserError(
      `${what}-missing`,
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
}

/** A scan from a file `lineitem scan --json` wrote. */
export function scanFromFile(file: string): ScanResult {
  return readStoredScan(readText(file, "scan"), file);
}

/** A trend from a file `lineitem trend --json` wrote. */
export function trendFromFile(file: string): TrendResult {
  return readStoredTrend(readText(file, "trend"), file);
}

/** The last finished scan in an index, with when it finished. */
export async function scanFromIndex(
  file: string,
): Promise<{ scan: ScanResult; finishedAt: string; id: number }> {
  const { result, finishedAt, scanId } = await readIndexedScan(file);
  return { scan: result, finishedAt, id: scanId };
}

/** What the HTML report and the dashboard draw: the scan, the trend if given, and each finding's code. */
export async function reportData(
  scan: ScanResult,
  trend: TrendResult | null,
  source: string,
): Promise<ReportData> {
  return { scan, trend, excerpts: await readExcerpts(scan), source };
}
