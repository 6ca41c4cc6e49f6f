import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { UserError } from "../shared/index.js";

/** Where a command writes, so tests can run the CLI in-process and read what it said. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** The real stderr when there is one: a terminal gets a progress bar instead of lines. */
  stderrStream?: NodeJS.WriteStream;
}

export function useColor(io: CliIo, flag: boolean): boolean {
  if (!flag || "NO_COLOR" in io.env) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTTY;
}

/** A device or a pipe rather than a file or a folder. */
function isSpecialFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/** Writes a file atomically (temp file, then rename), so a killed run never leaves half a report. */
export function writeOutputFile(io: CliIo, file: string, text: string): string {
  const path = resolve(io.cwd, file);
  // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written as it is: renaming a file
  // over it would replace it.
  if (isSpecialFile(path)) {
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw new UserError(
        "output-write",
        `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    return path;
  }
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    // The file being replaced is untouched until the rename: only the half-written copy goes (there is
    // none when the folder could not be made: a file stands where it should be).
    try {
      rmSync(temp, { force: true });
    } catch {
      // ENOTDIR: nothing was written.
    }
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOSPC" || code === "EDQUOT" ? "the disk is full" : (code ?? (error as Error).message);
    throw new UserError(
      "output-write",
      `cannot write ${path}: ${why}; any earlier ${basename(path)} is as it was.`,
    );
  }
  return path;
}
