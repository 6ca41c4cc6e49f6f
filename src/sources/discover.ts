import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { git } from "../git/index.js";
import { type DiagnosticLog, UserError } from "../shared/index.js";

/** One repository (or plain folder) to scan. */
export interface RepoTarget {
  /** Unique within a scan: the folder name, prefixed by its parent's when two repositories share a name. */
  name: string;
  /** Absolute path of the repository's top level (or of the plain folder). */
  root: string;
  kind: "git" | "plain";
  /** Repository-relative folder the scan is limited to, when PATH pointed inside a repository. */
  scope?: string;
}

async function gitTopLevel(dir: string): Promise<string | undefined> {
  const result = await git(["rev-parse", "--show-toplevel"], { cwd: dir, okCodes: [128] });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

function childRepositories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => resolve(dir, entry.name))
    .filter((child) => existsSync(resolve(child, ".git")))
    .sort();
}

/**
 * Turns the PATHs a user gave into repositories: a repository's top level, a folder inside a repository
 * (scoped to it), a folder of repositories (each child with a .git), or a plain folder (read without
 * history, and said so).
 */
export async function discoverRepos(paths: string[], cwd: string, log: DiagnosticLog): Promise<RepoTarget[]> {
  const found: Omit<RepoTarget, "name">[] = [];
  let gitAvailable = true;
  for (const given of paths) {
    const dir = resolve(cwd, given);
    if (!existsSync(dir)) {
      throw new UserError(
        "path-missing",
        `${given}: no such file or folder.`,
        "Pass a git repository, a folder of repositories, or a monorepo.",
      );
    }
    if (!statSync(dir).isDirectory()) {
      throw new UserError(
        "path-not-folder",
        `${given}: is a file, not a folder.`,
        "Pass the repository or folder that contains it.",
      );
    }
    let top: string | undefined;
    if (gitAvailable) {
      try {
        top = await gitTopLevel(dir);
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== "git-missing") throw error;
        gitAvailable = false;
        log.warn(
          "git-missing",
          "git was not found on PATH: every repository is read as a plain folder (.gitignore not applied) and history is skipped.",
        );
      }
    }
    if (!gitAvailable) {
      // Without git nothing can tell a repository from a folder of them but the `.git` entries; the
      // warning above already says why, so no "not a git repository" per PATH.
      const children = existsSync(resolve(dir, ".git")) ? [] : childRepositories(dir);
      if (children.length > 0) for (const child of children) found.push({ root: child, kind: "plain" });
      else found.push({ root: dir, kind: "plain" });
      continue;
    }
    // git names the top level by its real path: a PATH reached through a symbolic link is the same folder.
    const real = realpathSync(dir);
    const children = top === real ? [] : childRepositories(dir);
    if (top === real) found.push({ root: dir, kind: "git" });
    else if (children.length > 0) {
      for (const child of children) found.push({ root: child, kind: "git" });
    } else if (top) {
      found.push({ root: top, kind: "git", scope: relative(top, real).split(sep).join("/") });
    } else {
      found.push({ root: dir, kind: "plain" });
      log.warn(
        "not-a-repository",
        `${given} is not a git repository: scanned as plain files, without history.`,
      );
    }
  }
  const targets = nameTargets(dedupe(found));
  for (const target of targets) if (target.kind === "git") await noteDetachedHead(target, log);
  return targets;
}

/**
 * A detached HEAD (a CI checkout of a commit, a bisect) is read as it is: the files checked out and the
 * history behind that commit. Said once, as a note, so a count that differs from the branch's is explained.
 */
async function noteDetachedHead(target: RepoTarget, log: DiagnosticLog): Promise<void> {
  // On a branch, as .git/HEAD says in the plain layout: no process needed (the usual case, repo after repo).
  if (headIsSymbolic(target.root)) return;
  // Exit 1: HEAD is not a symbolic ref, i.e. detached. An unborn branch (no commits yet) is still symbolic.
  const ref = await git(["symbolic-ref", "--quiet", "HEAD"], { cwd: target.root, okCodes: [1, 128] });
  if (ref.code !== 1) return;
  const head = await git(["rev-parse", "--short", "HEAD"], { cwd: target.root, okCodes: [128] });
  const at = head.code === 0 ? ` at ${head.stdout.trim()}` : "";
  log.info(
    "detached-head",
    `${target.name}: HEAD is detached${at} (not on a branch): its files and history are read as of that commit.`,
    { repo: target.name },
  );
}

function headIsSymbolic(root: string): boolean {
  try {
    return readFileSync(join(root, ".git", "HEAD"), "utf8").startsWith("ref: refs/");
  } catch {
    return false; // a worktree's .git file, or no .git here: git is asked
  }
}

function dedupe(targets: Omit<RepoTarget, "name">[]): Omit<RepoTarget, "name">[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = `${target.root}\0${target.scope ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function nameTargets(targets: Omit<RepoTarget, "name">[]): RepoTarget[] {
  const counts = new Map<string, number>();
  for (const target of targets)
    counts.set(basename(target.root), (counts.get(basename(target.root)) ?? 0) + 1);
  return targets.map((target) => {
    const base = basename(target.root);
    const name = (counts.get(base) ?? 0) > 1 ? `${basename(dirname(target.root))}/${base}` : base;
    return { ...target, name };
  });
}
