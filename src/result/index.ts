export type { CloneGroupJson, CloneMemberJson, Clones } from "./clones-schema.js";
export { jsonSchemaOfScanResult, SCAN_RESULT_SCHEMA_FILE } from "./json-schema.js";
export type {
  Advice,
  Ledger,
  LedgerItem,
  LowHigh,
  PersonShare,
  QuarterFigure,
  TeamShare,
} from "./ledger-schema.js";
export {
  type Adoption,
  type ConcernCluster,
  type HistorySummaryJson,
  type Implementation,
  type ScanResult,
  scanResultSchema,
  type UnitRef,
  type UnnamedCluster,
  type UnnamedMember,
} from "./schema.js";
