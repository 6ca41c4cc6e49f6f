import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { isolatedGitEnv } from "../../src/demo/index.js";
import { git } from "../../src/git/index.js";
import type { ScanResult } from "../../src/result/index.js";
import { type MeasuredRun, runMeasured } from "./measured.js";
import { retrySource } from "./retry-source.js";

/** A retry helper every concern definition recognises; `name` tells the copies apart. */
export const RETRY = (name = "retry", attempts = 3): string => retrySource(attempts, name);

/** Generous bounds: a hostile input may cost time, never an hour or the machine's memory. */
export const BOUND = { seconds: 60, peakMiB: 1536 };

const gitEnv = {
  ...isolatedGitEnv,
  GIT_AUTHOR_NAME: "Ann Lee",
  GIT_AUTHOR_EMAIL: "ann@example.test",
  GIT_COMMITTER_NAME: "Ann Lee",
  GIT_COMMITTER_EMAIL: "ann@example.test",
  GIT_AUTHOR_DATE: "2024-03-01T10:00:00Z",
  GIT_COMMITTER_DATE: "2024-03-01T10:00:00Z",
};

export function gitIn(root: string, args: string[]): Promise<unknown> {
  // No automatic gc: after a commit of 100,000 objects git starts one in the background, which can still be
  // writing into .git when the test file removes its folder (ENOTEMPTY).
  return git(["-c", "gc.auto=0", ...args], { cwd: root, env: gitEnv });
}

/**
 * A repository built from the working tree with plain git (for names and modes `fast-import` helpers
 * refuse): `files` written (a Buffer name for bytes that are not UTF-8), then `prepare` for anything
 * else, then one commit of everything, at a fixed date by a fixed author.
 */
export async function plainRepo(
  root: string,
  files: Record<string, string | Buffer>,
  prepare?: () => void | Promise<void>,
): Promise<string> {
  mkdirSync(root, { recursive: true });
  await gitIn(root, ["init", "--quiet", "--initial-branch=main", "."]);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  await prepare?.();
  await gitIn(root, ["add", "-A"]);
  await gitIn(root, ["commit", "--quiet", "--allow-empty", "-m", "Hostile input"]);
  return root;
}

/** Scans through the built executable, measured: exit 0, no stack trace, the JSON result. */
export async function scanMeasured(
  paths: string[],
  dir: string,
  extra: string[] = [],
): Promise<{ run: MeasuredRun; result: ScanResult }> {
  const run = await runMeasured(["scan", ...paths, "--json", "-", "--quiet", "--no-index", ...extra], dir);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code, run.stderr).toBe(0);
  expect(run.seconds).toBeLessThan(BOUND.seconds);
  expect(run.peakMiB).toBeLessThan(BOUND.peakMiB);
  return { run, result: JSON.parse(run.stdout) as ScanResult };
}

/** The paths of a concern's implementations in one repository. */
export function implementationPaths(result: ScanResult, repo: string, concern = "retry"): string[] {
  return (result.concerns.find((c) => c.id === concern)?.implementations ?? [])
    .filter((impl) => impl.repo === repo)
    .map((impl) => impl.path)
    .sort();
}

export function reasonOf(result: ScanResult, path: string): string[] {
  return result.skipped.filter((s) => s.path === path).map((s) => s.reason);
}
