/** The programmatic API: scan repositories and get the versioned result. */

export { renderJson, renderTerminal } from "./report/index.js";
export type { ConcernCluster, Implementation, ScanResult, UnnamedCluster } from "./result/index.js";
export { type ScanOptions, scan } from "./scan/index.js";
