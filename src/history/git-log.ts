import { streamGitTokens } from "./stream-git.js";

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
  /** The author's name after .mailmap (shown only when a user asks for people). */
  name: string;
  /** The subject line. */
  subject: string;
  /** `path` is the path in that commit; `from` is set on a rename. */
  files: { path: string; from?: string; added?: number; deleted?: number }[];
}

export const RECORD = "\x1e";
export const FIELD = "\x1f";
export const TRAILER = "\x1d";
const FORMAT = `${RECORD}%H${FIELD}%aE${FIELD}%aI${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=${TRAILER})${FIELD}%aN${FIELD}%s`;

export function personKey(email: string): string {
  return email.trim().toLowerCase();
}

export function coauthorEmails(trailers: string): string[] {
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
  const args = [
    "log",
    "-z",
    "--no-merges",
    "-M",
    detail === "counts" ? "--numstat" : "--name-status",
    `--format=${FORMAT}`,
    ...extraArgs,
  ];
  let record: LogRecord | undefined;
  let renameParts: string[] | undefined;
  let renameCounts: [number, number] = [0, 0];
  // --name-status: a status token (M, A, D, R100, C075) precedes one path, or two for renames and copies.
  let pathsExpected = 0;
  let statusPaths: string[] = [];

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
      const [sha = "", email = "", date = "", trailers = "", name = "", subject = ""] = token
        .slice(1)
        .split(FIELD);
      const people = [personKey(email), ...coauthorEmails(trailers).map(personKey)];
      record = { sha, date, people: [...new Set(people)], name, subject, files: [] };
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

  return streamGitTokens(root, args, "\0", takeToken, flush);
}
