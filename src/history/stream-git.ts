import { spawn } from "node:child_process";
import { GitError, gitMissing } from "../git/index.js";

/**
 * Runs git and hands its stdout to `onToken` split on `separator` (NUL for `-z` output, a newline for
 * patches), so a history of 100,000 commits never sits in memory; `onEnd` runs after the last token.
 * A throw from either stops git and rejects; a missing git binary is a user error.
 */
export function streamGitTokens(
  root: string,
  args: string[],
  separator: string,
  onToken: (token: string) => void,
  onEnd: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: root });
    let pending = "";
    let failure: Error | undefined;
    const stderr: Buffer[] = [];
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (failure) return;
      pending += chunk;
      const tokens = pending.split(separator);
      pending = tokens.pop() ?? "";
      try {
        for (const token of tokens) onToken(token);
      } catch (error) {
        failure = error as Error;
        child.kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      failure = error.code === "ENOENT" ? gitMissing() : error;
    });
    child.on("close", (code) => {
      try {
        if (!failure && pending) onToken(pending);
        if (!failure) onEnd();
      } catch (error) {
        failure = error as Error;
      }
      if (failure) reject(failure);
      else if (code !== 0) reject(new GitError(args, code ?? 1, Buffer.concat(stderr).toString("utf8")));
      else resolve();
    });
  });
}
