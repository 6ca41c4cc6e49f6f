import { z } from "zod";
import { scanResultSchema } from "./schema.js";

/** Where the published schema lives in the repository (generated; CI fails if it is stale). */
export const SCAN_RESULT_SCHEMA_FILE = "schema/scan-result.v1.json";

export function jsonSchemaOfScanResult(): string {
  const schema = z.toJSONSchema(scanResultSchema, { target: "draft-2020-12" });
  const document = {
    $id: "https://github.com/lineitem/lineitem/schema/scan-result.v1.json",
    title: "lineitem scan result, version 1",
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
