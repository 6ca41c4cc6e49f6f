import { GitError, git } from "../git/index.js";
import { type FileTouch, type LogDetail, type LogRecord, streamLog } from "./git-log.js";

export interface HistoryOptions {
  /** Identity keys (emails) or name fragments of bots, whose commits are nobody's work. */
  isBot?: (person: string) => boolean;
  /**
   * `names` (the default) reads who touched which file when, following renames; `counts` also reads lines
   * added and deleted, which costs git a diff of every blob (about 12× the time on a 15,000-commit
   * repository), so only ask for it when the counts are used.
   */
  detail?: LogDetail;
}

export interface RepoHistory {
  state: "ok" | "empty" | "shallow";
  /** What was read: `names` when counts were not asked for, or could not be read because objects are missing. */
  detail: LogDetail;
  commits: number;
  /** Touches per current path, newest first; only for the paths asked for. */
  files: Map<string, FileTouch[]>;
}

/** `[bot]` accounts (dependabot, renovate, github-actions) and the usual no-reply robots. */
export function defaultIsBot(person: string): boolean {
  return /\[bot\]|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot)\b/i.test(person);
}

async function repoState(root: string): Promise<"ok" | "empty" | "shallow"> {
  const head = await git(["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: root, okCodes: [1] });
  if (head.code !== 0) return "empty";
  const shallow = await git(["rev-parse", "--is-shallow-repository"], { cwd: root });
  return shallow.stdout.trim() === "true" ? "shallow" : "ok";
}

/**
 * Reads a repository's history in one pass and returns the touches of the `wanted` paths (current
 * names), following renames back through the history so a moved file keeps its past.
 */
export async function readRepoHistory(
  root: string,
  wanted: ReadonlySet<string>,
  options: HistoryOptions = {},
): Promise<RepoHistory> {
  const isBot = options.isBot ?? defaultIsBot;
  const state = await repoState(root);
  const detail = options.detail ?? "names";
  if (state === "empty") return { state, detail, commits: 0, files: new Map() };
  if (detail === "names") return { state, detail, ...(await collect(root, wanted, isBot, "names")) };
  try {
    return { state, detail: "counts", ...(await collect(root, wanted, isBot, "counts")) };
  } catch (error) {
    // A clone with missing objects (a partial clone, a damaged object store) cannot count lines, but git
    // can still say who touched which file when.
    if (!(error instanceof GitError) || !/unable to read|missing|could not read/i.test(error.stderr))
      throw error;
    return { state, detail: "names", ...(await collect(root, wanted, isBot, "names")) };
  }
}

async function collect(
  root: string,
  wanted: ReadonlySet<string>,
  isBot: (person: string) => boolean,
  detail: LogDetail,
): Promise<{ commits: number; files: Map<string, FileTouch[]> }> {
  const files = new Map<string, FileTouch[]>();
  // Newest first: a path seen in an older commit under its old name maps to the name it has today.
  const currentName = new Map<string, string>();
  const resolveName = (path: string) => currentName.get(path) ?? path;
  let commits = 0;
  await streamLog(
    root,
    (record: LogRecord) => {
      commits++;
      const people = record.people.filter((person) => !isBot(person));
      for (const file of record.files) {
        const current = resolveName(file.path);
        if (file.from !== undefined) currentName.set(file.from, current);
        if (people.length === 0 || !wanted.has(current)) continue;
        const touch: FileTouch = {
          sha: record.sha,
          date: record.date,
          people,
          added: file.added,
          deleted: file.deleted,
        };
        const list = files.get(current);
        if (list) list.push(touch);
        else files.set(current, [touch]);
      }
    },
    detail,
  );
  return { commits, files };
}
