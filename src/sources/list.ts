import { type Dirent, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import picomatch from "picomatch";
import { GitError, git } from "../git/index.js";
import { classifyPath, isTestPath, type SkipReason } from "./classify.js";
import type { RepoTarget } from "./discover.js";

/** A file the scan will read. Content and blob SHA come later, from reading it. */
export interface ListedFile {
  repo: string;
  /** Repository-relative, forward slashes. */
  path: string;
  absPath: string;
  isTest: boolean;
  /** The blob and its size, when listed from a commit's tree rather than from the working tree. */
  blob?: { sha: string; size: number };
}

export interface SkippedFile {
  repo: string;
  path: string;
  reason: SkipReason;
  detail?: string;
}

export interface FileListing {
  files: ListedFile[];
  skipped: SkippedFile[];
  /**
   * Set when git could not list a repository's files (a corrupt index, say): git's reason, in one line.
   * The files were then found by walking the folder, as for a plain folder.
   */
  gitListingFailed?: string;
}

export interface ListOptions {
  include: string[];
  exclude: string[];
  /** Whether a path is in a language lineitem reads; others are counted as `unsupported`. */
  isSupported: (path: string) => boolean;
}

const GIT_MODE_SYMLINK = "120000";
/** `git ls-files --stage`: mode, object id, stage, then a tab before the path. */
const STAGED_RECORD = /^(\d{6}) (?:[0-9a-f]{40}|[0-9a-f]{64}) \d\t/;
const GIT_MODE_SUBMODULE = "160000";

/** One path as listed: git's file mode (or a walk's verdict on it), and what is known of its content. */
export interface PathEntry {
  path: string;
  mode: string;
  detail?: string;
  blob?: { sha: string; size: number };
}

async function gitPaths(target: RepoTarget): Promise<PathEntry[]> {
  const scope = target.scope ? ["--", target.scope] : [];
  // -z keeps file names with newlines, quotes or non-UTF-8 bytes intact.
  // One git process for both: with --stage, a tracked record is "mode object stage<TAB>path" and an
  // untracked one is the bare path (a path that merely looks like a record cannot be one: it would need
  // git's own spacing and a 40- or 64-digit object id before a tab).
  const listed = await git(
    ["ls-files", "-z", "--stage", "--cached", "--others", "--exclude-standard", ...scope],
    {
      cwd: target.root,
    },
  );
  const entries = new Map<string, string>();
  for (const record of listed.stdout.split("\0")) {
    if (!record) continue;
    const staged = STAGED_RECORD.exec(record);
    if (staged) entries.set(record.slice(staged[0].length), staged[1] as string);
    else if (!entries.has(record)) entries.set(record, "100644");
  }
  return [...entries].map(([path, mode]) => {
    // git prints a name's bytes as they are; bytes that are not UTF-8 decode to U+FFFD, a name no file
    // has, so the file is said to have an unreadable name rather than to have vanished.
    if (path.includes("\uFFFD") && !existsSync(join(target.root, path))) {
      return { path, mode: UNREADABLE_FOLDER, detail: "file name is not valid UTF-8" };
    }
    return { path, mode };
  });
}

const WALK_SKIP = new Set([".git", ".hg", ".svn", "node_modules", ".lineitem"]);
const OWN_FOLDER = /(^|\/)\.lineitem\//;
/** Marks a folder the walk could not open (or a name that cannot be read), reported once, not failing the scan. */
const UNREADABLE_FOLDER = "unreadable-folder";
const MAX_DEPTH = 64;

function plainPaths(root: string, scope = ""): PathEntry[] {
  const out: PathEntry[] = [];
  const walk = (rel: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      out.push({ path: rel, mode: UNREADABLE_FOLDER, detail: `nested deeper than ${MAX_DEPTH} folders` });
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (error) {
      out.push({
        path: rel || ".",
        mode: UNREADABLE_FOLDER,
        detail: `folder: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`,
      });
      return;
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) out.push({ path, mode: GIT_MODE_SYMLINK });
      else if (entry.isDirectory()) {
        if (!WALK_SKIP.has(entry.name)) walk(path, depth + 1);
      } else if (entry.isFile()) out.push({ path, mode: "100644" });
    }
  };
  walk(scope, 0);
  return out;
}

/** Lists a repository's files (git's view: tracked plus untracked-but-not-ignored) and sorts out what to read. */
export async function listRepoFiles(target: RepoTarget, options: ListOptions): Promise<FileListing> {
  let entries: PathEntry[];
  let gitListingFailed: string | undefined;
  try {
    entries = target.kind === "git" ? await gitPaths(target) : plainPaths(target.root, target.scope);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    gitListingFailed = error.message;
    entries = plainPaths(target.root, target.scope);
  }
  const { files, skipped } = sortOut(target, entries, options);
  return gitListingFailed === undefined ? { files, skipped } : { files, skipped, gitListingFailed };
}

/**
 * Sorts listed paths into files to read and files set aside with a reason (submodules, symbolic links,
 * excluded, vendored, generated, unsupported …), in path order. Working-tree and past-commit listings
 * share it, so a file is judged the same way whenever it is seen.
 */
export function sortOut(
  target: RepoTarget,
  entries: PathEntry[],
  options: ListOptions,
): { files: ListedFile[]; skipped: SkippedFile[] } {
  const include = options.include.length ? picomatch(options.include, { dot: true }) : () => false;
  const exclude = options.exclude.length ? picomatch(options.exclude, { dot: true }) : () => false;
  const files: ListedFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const { path, mode, detail, blob } of entries.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    // lineitem's own working folder (the index, its lock) is not the org's code, and it changes as a scan
    // runs: never listed, not even as set aside.
    if (OWN_FOLDER.test(path)) continue;
    const skip = (reason: SkipReason) =>
      skipped.push({ repo: target.name, path, reason, ...(detail ? { detail } : {}) });
    if (mode === UNREADABLE_FOLDER) skip("unreadable");
    else if (mode === GIT_MODE_SUBMODULE) skip("submodule");
    else if (mode === GIT_MODE_SYMLINK) skip("symlink");
    else if (exclude(path)) skip("excluded");
    else {
      const reason = include(path) ? null : classifyPath(path);
      if (reason) skip(reason);
      else if (!options.isSupported(path)) skip("unsupported");
      else {
        const absPath = join(target.root, path);
        files.push({ repo: target.name, path, absPath, isTest: isTestPath(path), ...(blob ? { blob } : {}) });
      }
    }
  }
  return { files, skipped };
}
