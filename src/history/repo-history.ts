import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { GitError, git } from "../git/index.js";
import { type FileTouch, type LogDetail, type LogRecord, streamLog } from "./git-log.js";
import { type CommitMeta, streamPatches } from "./patch-log.js";
import { followRanges, type RangeTouch, type WantedRange } from "./range-history.js";

export interface HistoryOptions {
  /** Identity keys (emails) or name fragments of bots, whose commits are nobody's work. */
  isBot?: (person: string) => boolean;
  /**
   * `names` (the default) reads who touched which file when, following renames; `counts` also reads lines
   * added and deleted, which costs git a diff of every blob (about 12× the time on a 15,000-commit
   * repository), so only ask for it when the counts are used.
   */
  detail?: LogDetail;
  /** Commits charged to nobody: mass reformatting, renames (what an ignore-revs file lists). */
  ignoreRevs?: ReadonlySet<string>;
  /** Line ranges (in today's files) to follow back through history, line by line. */
  ranges?: readonly WantedRange[];
  /** The team that owns a path; when given, each person's commits are tallied per team. */
  teamOf?: (path: string) => string | null;
}

/** What one person did in a repository: the days they committed, and whose files they touched. */
export interface PersonActivity {
  /** The author name after .mailmap, from their latest commit. */
  name: string;
  /** Calendar days (author date, YYYY-MM-DD) with at least one commit. */
  days: Set<string>;
  /** File touches per owning team, to say which team a person works in. */
  teams: Map<string, number>;
}

export interface RepoHistory {
  /** `partial`: git stopped at a damaged object; everything newer than the damage was read. */
  state: "ok" | "empty" | "shallow" | "partial";
  /** For a partial history: git's reason. */
  stopReason?: string;
  /** What was read: `names` when counts were not asked for, or could not be read because objects are missing. */
  detail: LogDetail;
  commits: number;
  /** Touches per current path, newest first; only for the paths asked for. */
  files: Map<string, FileTouch[]>;
  /** Touches per range key, newest first; null when the ranges could not be followed (see `rangeFailure`). */
  ranges: Map<string, RangeTouch[]> | null;
  rangeFailure?: string;
  /** Per identity key, bots left out. */
  people: Map<string, PersonActivity>;
  /** The newest author date of a commit someone is charged for; null when there is none. */
  newest: string | null;
}

/** `[bot]` accounts (dependabot, renovate, github-actions) and the usual no-reply robots. */
export function defaultIsBot(person: string): boolean {
  return /\[bot\]|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot)\b/i.test(person);
}

/** The commit HEAD names, or null in a repository without commits. */
export async function headCommit(root: string): Promise<string | null> {
  const read = headFromFiles(root);
  if (read !== undefined) return read;
  const head = await git(["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: root, okCodes: [1] });
  return head.code === 0 ? head.stdout.trim() : null;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * HEAD read from the repository's own files (.git/HEAD, its branch's ref, packed-refs), as git would,
 * without starting a process: a re-run of a large org asks this of every repository. Undefined when the
 * layout is anything but the plain one (a worktree, a symbolic ref chain, reftable), and git is asked.
 */
function headFromFiles(root: string): string | null | undefined {
  try {
    const gitDir = join(root, ".git");
    if (!statSync(gitDir).isDirectory() || existsSync(join(gitDir, "reftable"))) return undefined;
    const head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
    if (OBJECT_ID.test(head)) return head;
    const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    const loose = join(gitDir, ref);
    if (existsSync(loose)) {
      const id = readFileSync(loose, "utf8").trim();
      return OBJECT_ID.test(id) ? id : undefined;
    }
    const packed = join(gitDir, "packed-refs");
    if (!existsSync(packed)) return null; // a branch with no commits yet
    for (const line of readFileSync(packed, "utf8").split("\n")) {
      const [id, name] = line.split(" ");
      if (name === ref && id && OBJECT_ID.test(id)) return id;
    }
    return null;
  } catch {
    return undefined;
  }
}

/**
 * Empty, shallow or whole, read from the repository's files where the layout is the plain one (every
 * process started costs a fork of this one, which is large by the time history is read).
 */
async function repoState(root: string): Promise<"ok" | "empty" | "shallow"> {
  if ((await headCommit(root)) === null) return "empty";
  const shallowFile = shallowFromFiles(root);
  if (shallowFile !== undefined) return shallowFile ? "shallow" : "ok";
  const shallow = await git(["rev-parse", "--is-shallow-repository"], { cwd: root });
  return shallow.stdout.trim() === "true" ? "shallow" : "ok";
}

/** A shallow clone lists its cut-off commits in .git/shallow; undefined when .git is not a plain folder. */
function shallowFromFiles(root: string): boolean | undefined {
  try {
    const gitDir = join(root, ".git");
    if (!statSync(gitDir).isDirectory()) return undefined;
    const shallow = join(gitDir, "shallow");
    return existsSync(shallow) && statSync(shallow).size > 0;
  } catch {
    return undefined;
  }
}

/**
 * Reads a repository's history: one streaming `git log` over every commit (who touched which file when,
 * renames followed, each person's active days), then, when line ranges are asked for, one `git log -p -U0`
 * limited to the files that hold them (under every name they had), whose hunks say which commits changed
 * which of those lines. Two processes per repository, never one per file or per commit.
 */
export async function readRepoHistory(
  root: string,
  wanted: ReadonlySet<string>,
  options: HistoryOptions = {},
): Promise<RepoHistory> {
  const isBot = options.isBot ?? defaultIsBot;
  const state = await repoState(root);
  const detail = options.detail ?? "names";
  if (state === "empty")
    return { state, detail, commits: 0, files: new Map(), ranges: null, people: new Map(), newest: null };
  const ranges = options.ranges ?? [];
  const rangePaths = new Set(ranges.map((r) => r.path));
  const context: CollectContext = {
    wanted: new Set([...wanted, ...rangePaths]),
    isBot,
    ignoreRevs: options.ignoreRevs ?? new Set(),
    teamOf: options.teamOf,
  };
  let collected: Collected;
  let read: LogDetail = detail;
  try {
    collected = await collect(root, context, detail);
  } catch (error) {
    // A clone with missing objects (a partial clone, a damaged object store) cannot count lines, but git
    // can still say who touched which file when.
    if (detail === "names" || !(error instanceof GitError) || !DAMAGED.test(error.stderr)) throw error;
    collected = await collect(root, context, "names");
    read = "names";
  }
  // The commits' details serve the patch pass only; the history kept is per file and per range.
  const { meta: _meta, ...kept } = collected;
  const result: RepoHistory = {
    state: collected.stopReason ? "partial" : state,
    detail: read,
    ...kept,
    ranges: null,
  };
  if (ranges.length === 0) return { ...result, ranges: new Map() };
  try {
    const follower = followRanges(ranges, (sha) => context.ignoreRevs.has(sha), isBot);
    const paths = [
      ...new Set([...rangePaths].flatMap((path) => [path, ...(collected.formerNames.get(path) ?? [])])),
    ];
    await streamPatches(root, paths, follower.onCommit, (sha) => collected.meta.get(sha));
    // Every range asked has an entry, touched or not: "followed, nothing changed it" differs from
    // "never asked".
    for (const range of ranges) if (!follower.touches.has(range.key)) follower.touches.set(range.key, []);
    return { ...result, ranges: follower.touches };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return { ...result, rangeFailure: error.stderr.trim().split("\n")[0] || error.message };
  }
}

interface CollectContext {
  wanted: ReadonlySet<string>;
  isBot: (person: string) => boolean;
  ignoreRevs: ReadonlySet<string>;
  teamOf: ((path: string) => string | null) | undefined;
}

interface Collected {
  commits: number;
  files: Map<string, FileTouch[]>;
  people: Map<string, PersonActivity>;
  /** Earlier names of the wanted paths, by their name today. */
  formerNames: Map<string, Set<string>>;
  /** Date, people and subject of every commit that touched a wanted path: what the patch pass charges. */
  meta: Map<string, CommitMeta>;
  newest: string | null;
  /** Set when git stopped at a damaged object after streaming the newer commits. */
  stopReason?: string;
}

/** git's words for an object it cannot read: a damaged store or a partial clone. */
const DAMAGED = /unable to read|missing|could not read|bad object|corrupt|invalid object/i;

async function collect(root: string, context: CollectContext, detail: LogDetail): Promise<Collected> {
  const { wanted, isBot, ignoreRevs, teamOf } = context;
  const files = new Map<string, FileTouch[]>();
  const people = new Map<string, PersonActivity>();
  const formerNames = new Map<string, Set<string>>();
  const meta = new Map<string, CommitMeta>();
  // Newest first: a path seen in an older commit under its old name maps to the name it has today.
  const currentName = new Map<string, string>();
  const resolveName = (path: string) => currentName.get(path) ?? path;
  const teamCache = new Map<string, string | null>();
  const cachedTeam = (path: string) => {
    if (!teamOf) return null;
    if (!teamCache.has(path)) teamCache.set(path, teamOf(path));
    return teamCache.get(path) ?? null;
  };
  let commits = 0;
  let newest: string | null = null;
  let stopReason: string | undefined;
  const streamed = streamLog(
    root,
    (record: LogRecord) => {
      commits++;
      const humans = record.people.filter((person) => !isBot(person));
      const counted = humans.length > 0 && !ignoreRevs.has(record.sha);
      const day = record.date.slice(0, 10);
      if (counted && (newest === null || Date.parse(record.date) > Date.parse(newest))) newest = record.date;
      const activities = counted
        ? humans.map((person, index) => {
            let activity = people.get(person);
            if (!activity) {
              // Newest first: the first name seen is the latest one.
              activity = { name: index === 0 ? record.name : "", days: new Set(), teams: new Map() };
              people.set(person, activity);
            }
            if (!activity.name && index === 0) activity.name = record.name;
            activity.days.add(day);
            return activity;
          })
        : [];
      for (const file of record.files) {
        const current = resolveName(file.path);
        if (file.from !== undefined) {
          currentName.set(file.from, current);
          if (wanted.has(current)) {
            const names = formerNames.get(current) ?? new Set();
            names.add(file.from);
            formerNames.set(current, names);
          }
        }
        if (wanted.has(current) && !meta.has(record.sha)) {
          meta.set(record.sha, { date: record.date, people: record.people, subject: record.subject });
        }
        if (!counted) continue;
        const team = cachedTeam(current);
        if (team)
          for (const activity of activities) activity.teams.set(team, (activity.teams.get(team) ?? 0) + 1);
        if (!wanted.has(current)) continue;
        const touch: FileTouch = {
          sha: record.sha,
          date: record.date,
          people: humans,
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
  try {
    await streamed;
  } catch (error) {
    // git prints commits newest first and each one whole before it moves on, so when it dies on a damaged
    // object, everything newer than the damage has been read: keep it as a lower bound. Only names: a
    // count-reading pass that fails is retried by the caller without counts first.
    if (detail !== "names" || commits === 0 || !(error instanceof GitError) || !DAMAGED.test(error.stderr))
      throw error;
    stopReason = error.stderr.trim().split("\n")[0] || error.message;
  }
  return { commits, files, people, formerNames, meta, newest, ...(stopReason ? { stopReason } : {}) };
}
