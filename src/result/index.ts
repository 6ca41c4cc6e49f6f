export { percentAlike } from "./alike.js";
export {
  type Allowance,
  type CheckFinding,
  type CheckLevel,
  type CheckResult,
  checkResultSchema,
  type ExistingCopy,
  type ParameterDiff,
} from "./check-schema.js";
export type { CloneGroupJson, CloneMemberJson, Clones } from "./clones-schema.js";
export { type CopiesResult, copiesResultSchema } from "./copies-schema.js";
export { counted, grouped } from "./counted.js";
export {
  jsonSchemaOf,
  jsonSchemaOfScanResult,
  PUBLISHED_SCHEMAS,
  type PublishedSchema,
  SCAN_RESULT_SCHEMA_FILE,
} from "./json-schema.js";
export type {
  Advice,
  Ledger,
  LedgerItem,
  LowHigh,
  PersonShare,
  QuarterFigure,
  TeamShare,
} from "./ledger-schema.js";
export { type CodeExcerpt, codeExcerptSchema, GAP_LINE, type ReportData } from "./report-data.js";
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
export {
  type ConcernPoint,
  type ConcernTrend,
  type KillCriteria,
  type KillCriterion,
  type Newcomer,
  type Onboarding,
  type OnboardingCohort,
  type TrendPoint,
  type TrendResult,
  trendResultSchema,
} from "./trend-schema.js";
export { type LineRun, RUN_JOIN_GAP, runsText, unitSpans, whereText, workRuns } from "./work-runs.js";
