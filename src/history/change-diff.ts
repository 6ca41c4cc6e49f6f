import { git } from "../git/index.js";
import { UserError } from "../shared/index.js";

/** What a check compares: the commit the change starts from (the merge base) and the one it ends at. */
export interface CheckRevisions {
  base: { ref: string; commit: string };
  head: { ref: string; commit: string; workingTree: boolean };
  mergeBase: string;
}

/** One file the change adds, modifies or renames (deletions are not read: nothing new is in them). */
export interface ChangedFile {
  path: string;
  /** The path before a rename or copy; null when the file kept its path or is new. */
  oldPath: string | null;
  status: "added" | "modified" | "renamed" | "copied";
}

/** The lines of one file's new version the change wrote, and the places where it only removed lines. */
export interface LineChanges {
  /** 1-based inclusive ranges of added or rewritten lines. */
  ranges: [number, number][];
  /** Lines after which lines were only removed: a unit spanning line n and n + 1 was edited. */
  removedAfter: number[];
}

const SHALLOW_HINT =
  "Fetch the base's history: `git fetch --deepen=200 origin <base>` (or `git fetch --unshallow`); in GitHub Actions give actions/checkout `fetch-depth: 0`, in GitLab CI set `GIT_DEPTH: 0`.";

async function commitOf(root: string, ref: string): Promise<string | null> {
  const answer = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], {
    cwd: root,
    okCodes: [1, 128],
  });
  const sha = answer.stdout.trim();
  return answer.code === 0 && sha ? sha : null;
}

/**
 * Resolves --base and --head to commits and finds where the change starts (`git diff base...head` diffs
 * from their merge base, so what the base gained meanwhile is not the change's). Head left out, or naming
 * the checked-out commit, reads the working tree: uncommitted edits are checked too. `isShallow` says
 * whether the clone is shallow, so a missing base is explained by what to fetch.
 */
export async function resolveRevisions(
  root: string,
  repo: string,
  baseRef: string,
  headRef: string | undefined,
  isShallow: (root: string) => Promise<boolean>,
): Promise<CheckRevisions> {
  const [base, head, checkedOut, shallow] = await Promise.all([
    commitOf(root, baseRef),
    commitOf(root, headRef ?? "HEAD"),
    commitOf(root, "HEAD"),
    isShallow(root),
  ]);
  if (!base) {
    if (shallow) {
      throw new UserError(
        "check-shallow",
        `${repo}: the base ${baseRef} is not in this clone, which is shallow (only the newest commits were fetched).`,
        SHALLOW_HINT.replace("<base>", baseRef.replace(/^origin\//, "")),
      );
    }
    throw new UserError(
      "check-base",
      `${repo}: the base ${baseRef} is not a branch, tag or commit of this repository.`,
      "Give --base an existing ref: the branch the change will merge into, e.g. origin/main (in CI, fetch it first: `git fetch origin main`).",
    );
  }
  if (!head) {
    throw new UserError(
      "check-head",
      `${repo}: the head ${headRef ?? "HEAD"} is not a commit of this repository${headRef ? "" : " (it has no commits yet)"}.`,
      "Give --head an existing ref, or leave it out to check the checked-out commit and the working tree.",
    );
  }
  const merged = await git(["merge-base", base, head], { cwd: root, okCodes: [1, 128] });
  const mergeBase = merged.stdout.trim();
  if (merged.code !== 0 || !mergeBase) {
    if (shallow) {
      throw new UserError(
        "check-shallow",
        `${repo}: ${baseRef} and ${headRef ?? "HEAD"} have no common commit in this clone, which is shallow: the history that joins them was not fetched.`,
        SHALLOW_HINT.replace("<base>", baseRef.replace(/^origin\//, "")),
      );
    }
    throw new UserError(
      "check-unrelated",
      `${repo}: ${baseRef} and ${headRef ?? "HEAD"} share no history, so there is no change between them to check.`,
      "Give --base the branch this change was made from.",
    );
  }
  return {
    base: { ref: baseRef, commit: base },
    head: { ref: headRef ?? "HEAD", commit: head, workingTree: head === checkedOut },
    mergeBase,
  };
}

/** `git diff` from the merge base to head (or to the working tree), renames found. */
function diffArgs(revisions: CheckRevisions): string[] {
  return revisions.head.workingTree ? [revisions.mergeBase] : [revisions.mergeBase, revisions.head.commit];
}

const DIFF_FLAGS = ["--no-color", "--no-ext-diff", "--no-textconv", "-M", "--ignore-submodules"];

/** The files the change adds, modifies, renames or copies; deletions and type changes are left out. */
export async function changedFiles(root: string, revisions: CheckRevisions): Promise<ChangedFile[]> {
  const listed = await git(
    ["-c", "core.quotePath=false", "diff", "--name-status", "-z", ...DIFF_FLAGS, ...diffArgs(revisions)],
    { cwd: root },
  );
  return parseNameStatus(listed.stdout);
}

/** `git diff --name-status -z`: a status field, then one path (two for renames and copies), NUL-separated. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split("\0");
  const files: ChangedFile[] = [];
  let at = 0;
  while (at < fields.length) {
    const status = fields[at++] ?? "";
    if (!status) continue;
    const code = status[0];
    if (code === "R" || code === "C") {
      const oldPath = fields[at++] ?? "";
      const path = fields[at++] ?? "";
      files.push({ path, oldPath, status: code === "R" ? "renamed" : "copied" });
    } else {
      const path = fields[at++] ?? "";
      if (code === "A") files.push({ path, oldPath: null, status: "added" });
      else if (code === "M") files.push({ path, oldPath: null, status: "modified" });
    }
  }
  return files;
}

/** The changed lines of these files' new versions, from `git diff -U0` (hunk headers only). */
export async function changedLines(
  root: string,
  revisions: CheckRevisions,
  files: readonly ChangedFile[],
): Promise<Map<string, LineChanges>> {
  if (files.length === 0) return new Map();
  // Both sides of a rename are named, so git still pairs them and diffs the content, not two whole files.
  const paths = [
    ...new Set(files.flatMap((file) => (file.oldPath ? [file.oldPath, file.path] : [file.path]))),
  ];
  const diffed = await git(
    [
      "-c",
      "core.quotePath=false",
      "diff",
      "-U0",
      // The changed source files are text whatever .gitattributes says (`* binary` would hide their lines).
      "--text",
      ...DIFF_FLAGS,
      "--src-prefix=a/",
      "--dst-prefix=b/",
      ...diffArgs(revisions),
      "--",
      ...paths.map((path) => `:(literal)${path}`),
    ],
    { cwd: root },
  );
  return parseHunks(diffed.stdout);
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Each file's changed lines from a `-U0` diff: the new side of each hunk header. A hunk that adds no line
 * (`+12,0`) removed lines after line 12. Paths come from the `+++ b/…` line; a pure rename has no hunks.
 */
export function parseHunks(diff: string): Map<string, LineChanges> {
  const out = new Map<string, LineChanges>();
  let current: LineChanges | null = null;
  for (const line of diff.split("\n")) {
    if (line.startsWith("diff --git ")) {
      current = null;
    } else if (line.startsWith("+++ ")) {
      const target = line.slice(4);
      if (target === "/dev/null") {
        current = null;
        continue;
      }
      const path = target.startsWith("b/") ? target.slice(2) : target;
      current = { ranges: [], removedAfter: [] };
      out.set(path, current);
    } else if (current && line.startsWith("@@")) {
      const match = HUNK.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      if (count > 0) current.ranges.push([start, start + count - 1]);
      else current.removedAfter.push(start);
    }
  }
  return out;
}

/** The first changed line inside [start, end], or null when the change did not touch those lines. */
export function firstChangedLine(
  changes: LineChanges | undefined,
  start: number,
  end: number,
): number | null {
  if (!changes) return null;
  let first: number | null = null;
  for (const [from, to] of changes.ranges) {
    if (to < start || from > end) continue;
    const line = Math.max(from, start);
    if (first === null || line < first) first = line;
  }
  for (const after of changes.removedAfter) {
    // Lines removed between `after` and `after + 1`: inside the unit only when both lines are in it.
    if (after >= start && after + 1 <= end && (first === null || after < first)) first = after;
  }
  return first;
}
