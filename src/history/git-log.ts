import { spawn } from "node:child_process";
import { GitError } from "../git/index.js";
import { UserError } from "../shared/index.js";

/** One commit's effect on one file, after following renames to the file's current path. */
export interface FileTouch {
  sha: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  /** Identity keys (lower-cased email after .mailmap) of the author and every `Co-authored-by:`. */
  people: string[];
  /** Lines added and deleted; absent when history was read without counts. */
  added?: number;
  deleted?: number;
}

export interface LogRecord {
  sha: string;
  date: string;
  people: string[];
  /** `path` is the path in that commit; `from` is set on a rename. */
  files: { path: string; from?: string; added?: number; deleted?: number }[];
}

const RECORD = "\x1e";
const FIELD = "\x1f";
const TRAILER = "\x1d";
const FORMAT = `${RECORD}%H${FIELD}%aE${FIELD}%aI${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=${TRAILER})`;

function personKey(email: string): string {
  return email.trim().toLowerCase();
}

function coauthorEmails(trailers: string): string[] {
  return trailers
    .split(TRAILER)
    .map((value) => /<([^>]+)>/.exec(value)?.[1])
    .filter((email): email is string => Boolean(email));
}

/**
 * `counts` asks git for lines added and deleted (`--numstat`), which needs every blob; `names` asks only
 * for the files touched (`--name-status`), which still works when a clone is missing objects.
 */
export type LogDetail = "counts" | "names";

/**
 * Streams `git log -z -M` newest first and hands each commit to `onRecord`. One process per repository,
 * never one per file; memory is bounded by the largest commit. `%aE` applies .mailmap.
 */
export function streamLog(
  root: string,
  onRecord: (record: LogRecord) => void,
  detail: LogDetail = "counts",
  extraArgs: string[] = [],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      "log",
      "-z",
      "--no-merges",
      "-M",
      detail === "counts" ? "--numstat" : "--name-status",
      `--format=${FORMAT}`,
      ...extraArgs,
    ];
    const child = spawn("git", args, { cwd: root });
    let pending = "";
    let record: LogRecord | undefined;
    let renameParts: string[] | undefined;
    let renameCounts: [number, number] = [0, 0];
    // --name-status: a status token (M, A, D, R100, C075) precedes one path, or two for renames and copies.
    let pathsExpected = 0;
    let statusPaths: string[] = [];
    let failure: Error | undefined;
    const stderr: Buffer[] = [];

    const flush = () => {
      if (record) onRecord(record);
      record = undefined;
    };
    const takeToken = (raw: string) => {
      const token = raw.startsWith("\n") ? raw.slice(1) : raw;
      if (renameParts) {
        renameParts.push(token);
        if (renameParts.length === 2 && record) {
          const [from, path] = renameParts as [string, string];
          record.files.push({ path, from, added: renameCounts[0], deleted: renameCounts[1] });
          renameParts = undefined;
        }
        return;
      }
      if (token.startsWith(RECORD)) {
        flush();
        const [sha = "", email = "", date = "", trailers = ""] = token.slice(1).split(FIELD);
        const people = [personKey(email), ...coauthorEmails(trailers).map(personKey)];
        record = { sha, date, people: [...new Set(people)], files: [] };
        return;
      }
      if (!token || !record) return;
      if (detail === "names") {
        if (pathsExpected === 0) {
          pathsExpected = /^[RC]/.test(token) ? 2 : 1;
          statusPaths = [];
          return;
        }
        statusPaths.push(token);
        pathsExpected--;
        if (pathsExpected === 0) {
          const [first = "", second] = statusPaths;
          record.files.push(second === undefined ? { path: first } : { path: second, from: first });
        }
        return;
      }
      const [added = "-", deleted = "-", path = ""] = token.split("\t");
      const counts: [number, number] = [
        added === "-" ? 0 : Number(added),
        deleted === "-" ? 0 : Number(deleted),
      ];
      if (path === "") {
        renameParts = [];
        renameCounts = counts;
      } else record.files.push({ path, added: counts[0], deleted: counts[1] });
    };

    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (failure) return;
      pending += chunk;
      const tokens = pending.split("\0");
      pending = tokens.pop() ?? "";
      try {
        for (const token of tokens) takeToken(token);
      } catch (error) {
        failure = error as Error;
        child.kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      failure =
        error.code === "ENOENT"
          ? new UserError("git-missing", "git is not installed or not on PATH.", "Install git and run again.")
          : error;
    });
    child.on("close", (code) => {
      if (!failure && pending) takeToken(pending);
      if (!failure) flush();
      if (failure) reject(failure);
      else if (code !== 0) reject(new GitError(args, code ?? 1, Buffer.concat(stderr).toString("utf8")));
      else resolve();
    });
  });
}
