import {
  type HistorySummary,
  type RepoHistory,
  readRepoHistory,
  summarizeTouches,
} from "../history/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import type { RepoTarget } from "../sources/index.js";

/** git processes reading history at once. */
const HISTORY_CONCURRENCY = 4;

export interface OrgHistory {
  /** Per repository: the state of its history, or "none" for plain folders and failures. */
  states: Map<string, { state: RepoHistory["state"] | "none"; commits: number | null }>;
  /** Summary of a file's history, or null when there is none. */
  summaryOf(repo: string, path: string): HistorySummary | null;
}

/**
 * Reads history only for the files that hold findings: one streaming `git log` per repository, names and
 * renames only (line counts are not shown yet, and cost git a diff of every blob). A repository whose
 * history cannot be read is reported and scanned without it.
 */
export async function readOrgHistory(
  targets: RepoTarget[],
  wanted: Map<string, Set<string>>,
  log: DiagnosticLog,
): Promise<OrgHistory> {
  const states: OrgHistory["states"] = new Map();
  const histories = new Map<string, RepoHistory>();
  const readOne = async (target: RepoTarget): Promise<void> => {
    if (target.kind !== "git") {
      states.set(target.name, { state: "none", commits: null });
      return;
    }
    try {
      const history = await readRepoHistory(target.root, wanted.get(target.name) ?? new Set());
      histories.set(target.name, history);
      states.set(target.name, { state: history.state, commits: history.commits });
      if (history.state === "shallow") {
        log.warn(
          "history-shallow",
          `${target.name} is a shallow clone: authors, commits and first-seen dates are a lower bound.`,
          { repo: target.name },
        );
      } else if (history.state === "empty") {
        log.warn(
          "history-empty",
          `${target.name} has no commits yet: its files are scanned without history.`,
          { repo: target.name },
        );
      }
    } catch (error) {
      states.set(target.name, { state: "none", commits: null });
      log.warn(
        "history-failed",
        `${target.name}: could not read history (${(error as Error).message.split("\n")[0]}); scanned without it.`,
        { repo: target.name },
      );
    }
  };
  // A few repositories at once: each is a git process this thread only waits on. Warnings are sorted
  // back into repository order, so the output does not depend on which git finished first.
  const before = log.entries.length;
  let next = 0;
  const worker = async () => {
    while (next < targets.length) await readOne(targets[next++] as RepoTarget);
  };
  await Promise.all(Array.from({ length: Math.min(HISTORY_CONCURRENCY, targets.length) }, worker));
  const order = new Map(targets.map((target, index) => [target.name, index]));
  const added = log.entries
    .splice(before)
    .sort((a, b) => (order.get(a.repo ?? "") ?? 0) - (order.get(b.repo ?? "") ?? 0));
  log.entries.push(...added);
  return {
    states,
    summaryOf: (repo, path) => summarizeTouches(histories.get(repo)?.files.get(path) ?? []),
  };
}
