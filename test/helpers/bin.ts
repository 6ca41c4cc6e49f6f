import { spawn } from "node:child_process";
import { join } from "node:path";
import { packageRoot } from "../../src/shared/index.js";

/** The built executable (`npm test` builds dist first). */
export const BIN = join(packageRoot, "bin", "lineitem.js");

export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program in a process of its own and keeps what it printed. */
export function runProcess(
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<BinRun> {
  return new Promise((resolve) => {
    const child = spawn(file, args, options);
    let stdout = "";
    let stderr = "";
    // Decoded as a stream: a character of several bytes split between two chunks stays whole.
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the built `lineitem` in a process of its own, as a user's shell would. */
export function runBin(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<BinRun> {
  return runProcess(process.execPath, [BIN, ...args], { env: { ...env, NO_COLOR: "1" } });
}
