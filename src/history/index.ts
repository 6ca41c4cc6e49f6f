export {
  type ChangedFile,
  type CheckRevisions,
  changedFiles,
  changedLines,
  firstChangedLine,
  type LineChanges,
  parseHunks,
  parseNameStatus,
  resolveRevisions,
} from "./change-diff.js";
export { type FileTouch, type LogRecord, streamLog } from "./git-log.js";
export { type LineRange, stepBack } from "./line-ranges.js";
export type { RangeTouch, WantedRange } from "./range-history.js";
export {
  defaultIsBot,
  type HistoryOptions,
  headCommit,
  type PersonActivity,
  type RepoHistory,
  readRepoHistory,
} from "./repo-history.js";
export { type HistorySummary, summarizeTouches, type Touch } from "./summary.js";
