export type { FileTouch } from "./git-log.js";
export { defaultIsBot, type HistoryOptions, type RepoHistory, readRepoHistory } from "./repo-history.js";
export { type HistorySummary, summarizeTouches } from "./summary.js";
