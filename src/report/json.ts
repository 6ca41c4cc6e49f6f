import type { ScanResult } from "../result/index.js";

/** The scan result as the versioned JSON document (schema/scan-result.v1.json). */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
