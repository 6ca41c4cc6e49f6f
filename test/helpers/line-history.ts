import { git } from "../../src/git/index.js";
import { defaultIsBot } from "../../src/history/index.js";

export interface LineHistory {
  authors: number;
  commits: number;
  firstSeen: string;
  lastChanged: string;
}

const RECORD = "\x1e";
const FIELD = "\x1f";

/**
 * What git's own line tracer (`git log -L`, one process per range: fine for a test, too slow for a scan)
 * says changed these lines: the oracle for lineitem's single-pass line history. Merges and bots are left
 * out, co-authors counted, .mailmap applied, as lineitem counts.
 */
export async function lineHistoryFromGit(
  root: string,
  path: string,
  ranges: { startLine: number; endLine: number }[],
): Promise<LineHistory | null> {
  const commits = new Map<string, { date: string; people: string[] }>();
  for (const range of ranges) {
    const out = await git(
      [
        "log",
        "--no-merges",
        `-L${range.startLine},${range.endLine}:${path}`,
        `--format=${RECORD}%H${FIELD}%aE${FIELD}%aI${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=%x1d)`,
      ],
      { cwd: root },
    );
    for (const line of out.stdout.split("\n")) {
      if (!line.startsWith(RECORD)) continue;
      const [sha = "", email = "", date = "", trailers = ""] = line.slice(1).split(FIELD);
      const coauthors = trailers
        .split("\x1d")
        .map((t) => /<([^>]+)>/.exec(t)?.[1])
        .filter((e): e is string => Boolean(e));
      const people = [...new Set([email, ...coauthors].map((e) => e.toLowerCase()))].filter(
        (p) => !defaultIsBot(p),
      );
      if (people.length > 0) commits.set(sha, { date, people });
    }
  }
  if (commits.size === 0) return null;
  const dates = [...commits.values()].map((c) => c.date).sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    authors: new Set([...commits.values()].flatMap((c) => c.people)).size,
    commits: commits.size,
    firstSeen: dates[0] as string,
    lastChanged: dates.at(-1) as string,
  };
}
