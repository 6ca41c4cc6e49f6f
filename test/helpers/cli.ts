import { main } from "../../src/cli/index.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would call it, and captures what it printed. */
export async function runCli(args: string[], cwd: string = process.cwd()): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    env: { NO_COLOR: "1" },
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}
