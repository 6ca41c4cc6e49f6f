export { type ReportFromDbOptions, reportFromDb } from "./db-report.js";
export { type IndexedRepo, type IndexRepoOptions, indexRepos } from "./index-repo.js";
export type { ParseOutcome, ParseTask } from "./parse-file.js";
export { createParsePool, defaultWorkers, type ParsePool, type ParsePoolOptions } from "./parse-pool.js";
export type { ProgressListener, ScanProgress, ScanStage } from "./progress.js";
export { promoteUnnamed } from "./promote.js";
export { defaultIndexFile, type IndexOptions, type ScanOptions, scan } from "./scan.js";
export { readIndexedScan, readStoredScan } from "./stored.js";
export { type TrendOptions, trend } from "./trend-scan.js";
