import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FileTouch, RangeTouch, RepoHistory } from "../history/index.js";

/** Bump when the shape of a cached history or the way it is read changes. */
const CACHE_VERSION = 2;

/**
 * A repository's history is a function of its commits (HEAD) and of what was asked: the files and line
 * ranges, the bots, the ignore-revs, the .mailmap and the ownership rules that say whose files a person
 * touches. All of it goes into the key, so a re-run of an unchanged org reads no history at all, and any
 * change reads it again. (The index issue replaces this with per-repository history cursors.)
 */
export function historyCacheKey(parts: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify({ version: CACHE_VERSION, parts }))
    .digest("hex")
    .slice(0, 32);
}

const safeName = (repo: string) => repo.replace(/[^A-Za-z0-9._-]/g, "_");

interface Stored {
  history: Omit<RepoHistory, "files" | "ranges" | "people"> & {
    files: [string, FileTouch[]][];
    ranges: [string, RangeTouch[]][] | null;
    people: [string, { name: string; days: string[]; teams: [string, number][] }][];
  };
}

export function readCachedHistory(dir: string, repo: string, key: string): RepoHistory | null {
  try {
    const { history: h } = JSON.parse(
      readFileSync(join(dir, `${safeName(repo)}-${key}.json`), "utf8"),
    ) as Stored;
    return {
      ...h,
      files: new Map(h.files),
      ranges: h.ranges ? new Map(h.ranges) : null,
      people: new Map(
        h.people.map(([person, p]) => [
          person,
          { name: p.name, days: new Set(p.days), teams: new Map(p.teams) },
        ]),
      ),
    };
  } catch {
    return null; // absent, unreadable or not in the shape written: read the history again
  }
}

/**
 * Written whole to a temporary file and renamed, so a killed scan leaves the old entry or the new one,
 * never half of one; older entries of the same repository are removed. Only complete histories are
 * kept: a shallow or damaged repository is read again next time, in case it was repaired.
 */
export function writeCachedHistory(dir: string, repo: string, key: string, history: RepoHistory): void {
  if (history.state !== "ok" || history.rangeFailure) return;
  const { state, detail, commits, newest } = history;
  const stored: Stored = {
    history: {
      state,
      detail,
      commits,
      newest,
      files: [...history.files],
      ranges: history.ranges ? [...history.ranges] : null,
      people: [...history.people].map(([person, p]) => [
        person,
        { name: p.name, days: [...p.days], teams: [...p.teams] },
      ]),
    },
  };
  try {
    mkdirSync(dir, { recursive: true });
    const name = `${safeName(repo)}-${key}.json`;
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(stored));
    renameSync(temp, join(dir, name));
    const prefix = `${safeName(repo)}-`;
    for (const old of readdirSync(dir)) {
      if (old !== name && old.startsWith(prefix) && /^[0-9a-f]{32}\.json$/.test(old.slice(prefix.length)))
        rmSync(join(dir, old), { force: true });
    }
  } catch {
    // A cache that cannot be written costs the next run time, nothing else.
  }
}
