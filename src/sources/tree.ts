import { git } from "../git/index.js";
import type { RepoTarget } from "./discover.js";
import { type FileListing, type ListOptions, type PathEntry, sortOut } from "./list.js";

/** `git ls-tree -l`: mode, type, object id, size (padded; `-` for a submodule), then a tab before the path. */
const TREE_RECORD = /^(\d{6}) (\w+) ([0-9a-f]{40}|[0-9a-f]{64}) +(\d+|-)\t/;

/**
 * A repository's files as they were at a commit: git's tree (one `git ls-tree` process), sorted out as a
 * working-tree listing is, each file with its blob id and size so its content can be taken from the index
 * or read from git's objects without a checkout.
 */
export async function listTreeFiles(
  target: RepoTarget,
  commit: string,
  options: ListOptions,
): Promise<FileListing> {
  const scope = target.scope ? ["--", target.scope] : [];
  const listed = await git(["ls-tree", "-r", "-z", "-l", "--full-tree", commit, ...scope], {
    cwd: target.root,
  });
  const entries: PathEntry[] = [];
  for (const record of listed.stdout.split("\0")) {
    const match = TREE_RECORD.exec(record);
    if (!match) continue;
    const [whole, mode, , sha, size] = match as unknown as [string, string, string, string, string];
    const path = record.slice(whole.length);
    entries.push(size === "-" ? { path, mode } : { path, mode, blob: { sha, size: Number(size) } });
  }
  return sortOut(target, entries, options);
}

/**
 * The commit a repository's main line (first parents from HEAD) was at on a date: the newest one committed
 * at or before it, or null when the repository had no commit yet. Committer dates, as `git log --before`.
 */
export async function commitAt(root: string, date: Date): Promise<string | null> {
  const found = await git(["rev-list", "-1", "--first-parent", `--before=${date.toISOString()}`, "HEAD"], {
    cwd: root,
    okCodes: [128],
  });
  const sha = found.stdout.trim();
  return found.code === 0 && sha ? sha : null;
}

/** A file's text at a commit (a CODEOWNERS file as it was then), or null when the commit has no such file. */
export async function fileAt(root: string, commit: string, path: string): Promise<string | null> {
  const shown = await git(["cat-file", "-p", `${commit}:${path}`], { cwd: root, okCodes: [128] });
  return shown.code === 0 ? shown.stdout : null;
}

/**
 * The first of some paths that exists at a commit, with its text (CODEOWNERS as it was then, from the
 * first of its usual places): one `git ls-tree` and one read, or null when none existed.
 */
export async function firstFileAt(
  root: string,
  commit: string,
  paths: readonly string[],
): Promise<{ path: string; text: string } | null> {
  const listed = await git(["ls-tree", "-z", commit, "--", ...paths], { cwd: root });
  // "<mode> <type> <object>\t<path>": only files (blobs) count, not a folder a path may name.
  const present = new Set(
    listed.stdout
      .split("\0")
      .filter((entry) => entry.split(" ")[1] === "blob")
      .map((entry) => entry.slice(entry.indexOf("\t") + 1)),
  );
  const path = paths.find((candidate) => present.has(candidate));
  if (!path) return null;
  const text = await fileAt(root, commit, path);
  return text === null ? null : { path, text };
}

/** When the commit HEAD names was made (committer date), or null in a repository without commits. */
export async function headCommitDate(root: string): Promise<Date | null> {
  const shown = await git(["log", "-1", "--format=%cI", "HEAD"], { cwd: root, okCodes: [128] });
  const time = Date.parse(shown.stdout.trim());
  return shown.code === 0 && !Number.isNaN(time) ? new Date(time) : null;
}

/** Whether the repository is a shallow clone: its history stops before its first commit. */
export async function isShallow(root: string): Promise<boolean> {
  const answer = await git(["rev-parse", "--is-shallow-repository"], { cwd: root, okCodes: [128] });
  return answer.stdout.trim() === "true";
}
