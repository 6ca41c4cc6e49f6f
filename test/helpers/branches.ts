import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isolatedGitEnv } from "../../src/demo/index.js";

/** One change on a branch: files written (path → content), appended to, or moved. */
export interface BranchChange {
  write?: Record<string, string>;
  append?: Record<string, string>;
  move?: Record<string, string>;
}

/** git in a repository, with no user or system config and a fixed author, committer and date. */
export function gitAt(root: string, args: string[], date = "2026-11-02T10:00:00Z"): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: {
      ...isolatedGitEnv,
      GIT_AUTHOR_NAME: "Sol Reyes",
      GIT_AUTHOR_EMAIL: "sol.reyes@acme.example",
      GIT_COMMITTER_NAME: "Sol Reyes",
      GIT_COMMITTER_EMAIL: "sol.reyes@acme.example",
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

/**
 * Makes a branch from `from` with one commit of these changes (real git: files written, `git mv` for
 * moves), then checks `from` out again, so every branch starts from the same place.
 */
export function makeBranch(root: string, name: string, change: BranchChange, from = "main"): string {
  gitAt(root, ["checkout", "--quiet", "-b", name, from]);
  for (const [path, content] of Object.entries(change.write ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const [path, content] of Object.entries(change.append ?? {})) {
    writeFileSync(join(root, path), readFileSync(join(root, path), "utf8") + content);
  }
  for (const [path, to] of Object.entries(change.move ?? {})) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    renameSync(join(root, path), join(root, to));
  }
  gitAt(root, ["add", "--all"]);
  gitAt(root, ["commit", "--quiet", "-m", `${name}`]);
  const head = gitAt(root, ["rev-parse", "HEAD"]).trim();
  gitAt(root, ["checkout", "--quiet", from]);
  return head;
}
