import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../shared/index.js";
import { jsonSchemaOfScanResult, SCAN_RESULT_SCHEMA_FILE } from "./json-schema.js";

describe("published JSON Schema", () => {
  it("matches the zod schema (run `npm run schema` after changing src/result/schema.ts)", () => {
    const committed = readFileSync(join(packageRoot, SCAN_RESULT_SCHEMA_FILE), "utf8");
    expect(committed).toBe(jsonSchemaOfScanResult());
  });
});
