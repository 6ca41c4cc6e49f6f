import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LineitemConfig } from "../config/index.js";
import {
  defaultIsBot,
  type HistorySummary,
  headCommit,
  type RangeTouch,
  type RepoHistory,
  readRepoHistory,
  summarizeTouches,
  type Touch,
  type WantedRange,
} from "../history/index.js";
import type { OrgPerson } from "../ledger/index.js";
import { ownerResolver, readCodeOwners } from "../ownership/index.js";
import { unitSpans } from "../result/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import type { RepoTarget } from "../sources/index.js";
import { historyCacheKey } from "./history-cache.js";

/**
 * Where complete histories are kept between scans (the index), by repository and by the key of what was
 * asked; a history is taken back only under the same key.
 */
export interface HistoryStore {
  get(repo: string, key: string): RepoHistory | null;
  put(repo: string, key: string, history: RepoHistory): void;
}

/** git processes reading history at once. */
const HISTORY_CONCURRENCY = 4;

/** Code whose history is wanted: a file, and the line ranges in it (an implementation's units). */
export interface HistoryRequest {
  path: string;
  ranges: { start: number; end: number }[];
}

export interface CodeHistory {
  touches: Touch[];
  attribution: "lines" | "file";
}

export interface OrgHistory {
  /** Per repository: the state of its history, or "none" for plain folders and failures. */
  states: Map<string, { state: RepoHistory["state"] | "none"; commits: number | null }>;
  /** The commits that changed this code: its own lines where they could be followed, else its file. */
  historyOf(repo: string, request: HistoryRequest): CodeHistory;
  summaryOf(repo: string, request: HistoryRequest): HistorySummary | null;
  /** Everyone who committed, across repositories, bots left out. */
  people: OrgPerson[];
  /** The newest author date read: "recent" and "active" count back from it, so a rerun says the same. */
  asOf: string | null;
  /** Each repository's history as read (what an org-wide index keeps). */
  repos: ReadonlyMap<string, RepoHistory>;
}

/**
 * The history request for some units of a file: their own lines, and of a long unit doing a concern's work
 * only the lines where the work is (its `focus`): the commits that changed a service's `Run` elsewhere
 * are the service's upkeep, not the concern's.
 */
export function requestOf(path: string, units: readonly Parameters<typeof unitSpans>[0][]): HistoryRequest {
  return {
    path,
    ranges: units.flatMap(unitSpans).map((run) => ({ start: run.startLine, end: run.endLine })),
  };
}

export const readText = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);

const rangeKey = (path: string, range: { start: number; end: number }) =>
  `${path}#${range.start}-${range.end}`;

/** Commit names from an ignore-revs file (`git blame --ignore-revs-file` format: one per line, `#` comments). */
export function readIgnoreRevs(root: string, file: string): Set<string> {
  const full = join(root, file);
  if (!existsSync(full)) return new Set();
  return new Set(
    readFileSync(full, "utf8")
      .split("\n")
      .map((line) => line.replace(/#.*/, "").trim().toLowerCase())
      .filter((line) => /^[0-9a-f]{40}$/.test(line)),
  );
}

/** One person per identity key across repositories; their team is where most of their commits land. */
function mergePeople(histories: Iterable<RepoHistory>): OrgPerson[] {
  const merged = new Map<string, { name: string; days: Set<string>; teams: Map<string, number> }>();
  for (const history of histories) {
    for (const [key, activity] of history.people) {
      const person = merged.get(key) ?? { name: "", days: new Set(), teams: new Map() };
      if (!person.name) person.name = activity.name;
      for (const day of activity.days) person.days.add(day);
      for (const [team, count] of activity.teams)
        person.teams.set(team, (person.teams.get(team) ?? 0) + count);
      merged.set(key, person);
    }
  }
  return [...merged]
    .map(([key, person]) => {
      const team = [...person.teams].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
      return { key, name: person.name, team, days: person.days };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Whose commits are nobody's work: `[bot]` accounts and the usual robots, and the config's own bots. */
export function botFilter(config: Pick<LineitemConfig, "history">): (person: string) => boolean {
  const fragments = config.history.bots.map((bot) => bot.toLowerCase());
  return (person) => defaultIsBot(person) || fragments.some((bot) => person.includes(bot));
}

/**
 * Reads history for the code that holds findings: per repository, one streaming `git log` over every
 * commit and one `git log -p` over the files that hold findings, whose diffs say which commits changed the
 * findings' own lines. A repository whose history cannot be read is reported and scanned without it.
 */
export async function readOrgHistory(
  targets: RepoTarget[],
  requests: Map<string, HistoryRequest[]>,
  config: Pick<LineitemConfig, "history" | "teams" | "umbrellaTeams" | "codeowners">,
  log: DiagnosticLog,
  /** Where complete histories are kept by commit, so a re-run reads none; null: none kept. */
  store: HistoryStore | null = null,
): Promise<OrgHistory> {
  const states: OrgHistory["states"] = new Map();
  const histories = new Map<string, RepoHistory>();
  const botFragments = config.history.bots.map((bot) => bot.toLowerCase());
  const isBot = botFilter(config);
  const readOne = async (target: RepoTarget): Promise<void> => {
    if (target.kind !== "git") {
      states.set(target.name, { state: "none", commits: null });
      return;
    }
    try {
      const wanted = requests.get(target.name) ?? [];
      const ranges: WantedRange[] = wanted.flatMap((request) =>
        request.ranges.map((range) => ({ key: rangeKey(request.path, range), path: request.path, ...range })),
      );
      const codeowners = readCodeOwners(target.root, config.codeowners);
      const ownerOf = ownerResolver(target.name, config.teams, codeowners, config.umbrellaTeams);
      const ignoreRevs = readIgnoreRevs(target.root, config.history.ignoreRevsFile);
      const key = store
        ? historyCacheKey({
            head: await headCommit(target.root),
            ranges: ranges.map((r) => r.key).sort(),
            files: wanted.map((request) => request.path).sort(),
            ignoreRevs: [...ignoreRevs].sort(),
            bots: botFragments,
            mailmap: readText(join(target.root, ".mailmap")),
            // The rules as parsed (pattern, owners, section): no second read of the file.
            owners:
              codeowners?.rules.map((rule) => [rule.pattern, rule.owners, rule.section ?? null]) ?? null,
            teams: config.teams,
            umbrellaTeams: config.umbrellaTeams,
          })
        : null;
      const cached = store && key ? store.get(target.root, key) : null;
      const history =
        cached ??
        (await readRepoHistory(target.root, new Set(wanted.map((request) => request.path)), {
          isBot,
          ranges,
          ignoreRevs,
          teamOf: (path) => ownerOf(path).team,
        }));
      // Only complete histories are kept: a shallow or damaged repository is read again next time, in
      // case it was repaired.
      if (!cached && store && key && history.state === "ok" && !history.rangeFailure) {
        store.put(target.root, key, history);
      }
      histories.set(target.name, history);
      states.set(target.name, { state: history.state, commits: history.commits });
      if (history.state === "shallow") {
        log.warn(
          "history-shallow",
          `${target.name} is a shallow clone: authors, commits and first-seen dates are a lower bound.`,
          { repo: target.name },
        );
      } else if (history.state === "partial") {
        log.warn(
          "history-partial",
          `${target.name}: history stops at a damaged object (${history.stopReason}): authors, commits and first-seen dates are a lower bound.`,
          { repo: target.name },
        );
      } else if (history.state === "empty") {
        log.warn(
          "history-empty",
          `${target.name} has no commits yet: its files are scanned without history.`,
          { repo: target.name },
        );
      }
      if (history.rangeFailure) {
        log.warn(
          "history-lines",
          `${target.name}: could not follow changed lines (${history.rangeFailure}); history is counted per file.`,
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

  return orgHistoryFrom(histories, states);
}

/**
 * The org's history from each repository's: what a finding's lines went through (or its file's, where
 * lines were not followed), everyone's activity merged, and the newest commit as "now".
 */
export function orgHistoryFrom(
  histories: Map<string, RepoHistory>,
  states: OrgHistory["states"],
): OrgHistory {
  const historyOf = (repo: string, request: HistoryRequest): CodeHistory => {
    const history = histories.get(repo);
    const keys = request.ranges.map((range) => rangeKey(request.path, range));
    // Lines where every range was followed; a range never asked of git (a finding only a later report
    // found) is counted by its file.
    if (history?.ranges && keys.length > 0 && keys.every((key) => history.ranges?.has(key))) {
      const touches: RangeTouch[] = keys.flatMap((key) => history.ranges?.get(key) ?? []);
      return { touches, attribution: "lines" };
    }
    return { touches: history?.files.get(request.path) ?? [], attribution: "file" };
  };
  const newest = [...histories.values()]
    .map((history) => history.newest)
    .filter((date): date is string => date !== null)
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return {
    states,
    historyOf,
    summaryOf: (repo, request) => {
      const { touches, attribution } = historyOf(repo, request);
      return summarizeTouches(touches, attribution);
    },
    people: mergePeople(histories.values()),
    asOf: newest ?? null,
    repos: histories,
  };
}
