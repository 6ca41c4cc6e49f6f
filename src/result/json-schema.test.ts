import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../shared/index.js";
import { jsonSchemaOf, PUBLISHED_SCHEMAS } from "./json-schema.js";

describe("published JSON Schemas", () => {
  it.each(PUBLISHED_SCHEMAS.map((published) => [published.file, published] as const))(
    "%s matches the zod schema (run `npm run schema` after changing src/result)",
    (file, published) => {
      const committed = readFileSync(join(packageRoot, file), "utf8");
      expect(committed).toBe(jsonSchemaOf(published));
    },
  );
});
