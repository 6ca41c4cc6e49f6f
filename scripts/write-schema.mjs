// Regenerates the JSON Schemas under schema/ from the zod schemas in src/result (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { jsonSchemaOf, PUBLISHED_SCHEMAS } from "../dist/result/index.js";

for (const published of PUBLISHED_SCHEMAS) {
  writeFileSync(new URL(`../${published.file}`, import.meta.url), jsonSchemaOf(published));
  console.log(`wrote ${published.file}`);
}
