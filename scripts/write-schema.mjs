// Regenerates schema/scan-result.v1.json from the zod schema in src/result (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { jsonSchemaOfScanResult, SCAN_RESULT_SCHEMA_FILE } from "../dist/result/index.js";

writeFileSync(new URL(`../${SCAN_RESULT_SCHEMA_FILE}`, import.meta.url), jsonSchemaOfScanResult());
console.log(`wrote ${SCAN_RESULT_SCHEMA_FILE}`);
