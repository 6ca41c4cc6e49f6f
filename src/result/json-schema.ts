import { z } from "zod";
import { checkResultSchema } from "./check-schema.js";
import { copiesResultSchema } from "./copies-schema.js";
import { scanResultSchema } from "./schema.js";
import { trendResultSchema } from "./trend-schema.js";

/** A JSON document lineitem writes, and where its published schema lives (generated; CI fails if stale). */
export interface PublishedSchema {
  file: string;
  title: string;
  schema: z.ZodType;
}

export const PUBLISHED_SCHEMAS: readonly PublishedSchema[] = [
  { file: "schema/scan-result.v1.json", title: "lineitem scan result, version 1", schema: scanResultSchema },
  {
    file: "schema/trend-result.v1.json",
    title: "lineitem trend result, version 1",
    schema: trendResultSchema,
  },
  {
    file: "schema/check-result.v1.json",
    title: "lineitem check result, version 1",
    schema: checkResultSchema,
  },
  {
    file: "schema/copies-result.v1.json",
    title: "lineitem copies result, version 1",
    schema: copiesResultSchema,
  },
];

/** Where the scan result's schema lives in the repository. */
export const SCAN_RESULT_SCHEMA_FILE = "schema/scan-result.v1.json";

/** The JSON Schema (draft 2020-12) of one published document, as committed under schema/. */
export function jsonSchemaOf(published: PublishedSchema): string {
  const schema = z.toJSONSchema(published.schema, { target: "draft-2020-12" });
  const document = {
    $id: `https://github.com/lineitem/lineitem/${published.file}`,
    title: published.title,
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function jsonSchemaOfScanResult(): string {
  return jsonSchemaOf(PUBLISHED_SCHEMAS[0] as PublishedSchema);
}
