import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { UserError } from "../shared/index.js";

export interface GitOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (e.g. 1 from `git rev-parse` outside a repository). */
  okCodes?: number[];
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** git's words for what went wrong that tell a damaged object store (a missing or corrupt object). */
const DAMAGED_OBJECTS =
  /unable to read|is corrupt|bad object|missing (?:blob|tree|commit)|could not read|inflate|loose object|packfile .* cannot be accessed|unable to unpack/i;

/**
 * The one line of git's stderr that says what failed: its `fatal:` line (git prints `error:` lines with
 * details before it), else the last line it printed.
 */
function gitReason(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => line.startsWith("fatal:")) ?? lines.at(-1) ?? "no message";
}

/**
 * Thrown when git itself fails. The message is one line a user can read: the subcommand (not its
 * arguments, which can hold format strings with control characters), the exit code and git's own reason,
 * with what to do when the repository's objects are damaged. `stderr` keeps everything git said.
 */
export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    const damaged = DAMAGED_OBJECTS.test(stderr)
      ? "; the repository has missing or corrupt objects (`git fsck` lists them)"
      : "";
    super(`git ${args[0] ?? ""} failed (exit ${code}): ${gitReason(stderr)}${damaged}`);
    this.name = "GitError";
  }
}

export function gitMissing(): UserError {
  return new UserError(
    "git-missing",
    "git is not installed or not on PATH.",
    "Install git (e.g. `apt-get install git`) and run again.",
  );
}

// Output of a few commands (ls-files of a large monorepo) can reach hundreds of MB, so collect Buffers
// and decode once rather than concatenating strings.
export function git(args: string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? gitMissing() : error);
    });
    child.on("close", (code) => {
      const result = {
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? 1,
      };
      if (result.code === 0 || options.okCodes?.includes(result.code)) resolve(result);
      else reject(new GitError(args, result.code, result.stderr));
    });
    child.stdin.on("error", () => {
      // git may exit before reading all input (e.g. on a bad revision); the close handler reports it.
    });
    child.stdin.end(options.input ?? "");
  });
}

/**
 * Streams git's stdout line by line, so a history of 100,000 commits never sits in memory as one string.
 * Resolves after the last line once git has exited successfully.
 */
export function gitLines(args: string[], options: GitOptions, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: options.cwd, env: options.env ?? process.env });
    const err: Buffer[] = [];
    let failed: Error | undefined;
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      failed = error.code === "ENOENT" ? gitMissing() : error;
    });
    const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on("line", (line) => {
      if (failed) return;
      try {
        onLine(line);
      } catch (error) {
        failed = error as Error;
        child.kill();
      }
    });
    child.on("close", (code) => {
      if (failed) reject(failed);
      else if (code === 0 || options.okCodes?.includes(code ?? 1)) resolve();
      else reject(new GitError(args, code ?? 1, Buffer.concat(err).toString("utf8")));
    });
  });
}
