import type { CheckResult, CopiesResult, ScanResult, TrendResult } from "../result/index.js";

/**
 * A result as its versioned JSON document: a scan (schema/scan-result.v1.json) or a trend
 * (schema/trend-result.v1.json), a check (schema/check-result.v1.json) or copies
 * (schema/copies-result.v1.json).
 */
export function renderJson(result: ScanResult | TrendResult | CheckResult | CopiesResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
