export type { ParseOutcome, ParseTask } from "./parse-file.js";
export { createParsePool, defaultWorkers, type ParsePool, type ParsePoolOptions } from "./parse-pool.js";
export { promoteUnnamed } from "./promote.js";
export { type ScanOptions, scan } from "./scan.js";
export { readStoredScan } from "./stored.js";
