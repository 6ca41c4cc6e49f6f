import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import type Database from "better-sqlite3";
import { UserError } from "../shared/index.js";
import { sqlite } from "./sqlite.js";

export interface LockOptions {
  /** How long to wait for another scan to finish before giving up (ms). */
  waitMs: number;
  /** Told once when the lock is held by another process and we start waiting. */
  onWait?: (holder: string) => void;
}

const POLL_MS = 200;
/**
 * The holder writes its note just after it takes the lock, so a scan that finds the lock taken at that
 * moment may find no note yet: it waits this long for one before naming the holder "another process".
 */
const NOTE_WAIT_MS = 1000;
const UNKNOWN_HOLDER = "another process";

function describeHolder(infoPath: string): string {
  try {
    const holder = JSON.parse(readFileSync(infoPath, "utf8")) as {
      pid: number;
      host: string;
      startedAt: string;
    };
    return `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}`;
  } catch {
    return UNKNOWN_HOLDER;
  }
}

/**
 * One writer per index. The lock is an exclusive transaction held open on a small SQLite file beside the
 * index: the operating system's file lock behind it is released the moment the holder exits, however it
 * exits (SIGKILL, a crash, a power cut), so there is never a stale lock to clean up or to race over. Two
 * scans interleaving their work would each wait on the other for minutes; so the second one waits for the
 * first to finish, then goes on, or fails with a message that names the holder (written beside the lock,
 * for messages only).
 */
export async function acquireLock(path: string, options: LockOptions): Promise<() => void> {
  let db: Database.Database;
  try {
    db = new (sqlite())(path);
    db.pragma("busy_timeout = 0");
  } catch (error) {
    throw new UserError(
      "index-unwritable",
      `${path}: cannot create the index lock (${(error as Error).message}).`,
      "Give --index FILE in a folder you can write to, or --no-index.",
    );
  }
  const infoPath = `${path}.holder`;
  const deadline = Date.now() + options.waitMs;
  const tellBy = Date.now() + NOTE_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      db.exec("BEGIN EXCLUSIVE");
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") {
        db.close();
        throw error;
      }
    }
    if (Date.now() >= deadline) {
      db.close();
      throw new UserError(
        "index-busy",
        `${path}: another scan is writing this index (${describeHolder(infoPath)}).`,
        "Wait for it to finish, give --wait SECONDS to wait longer, or give --index a path of its own.",
      );
    }
    if (!told) {
      const holder = describeHolder(infoPath);
      if (holder !== UNKNOWN_HOLDER || Date.now() >= tellBy) {
        options.onWait?.(holder);
        told = true;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    writeFileSync(
      infoPath,
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }),
    );
  } catch {
    // The holder note is for messages only; the lock itself is held.
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      unlinkSync(infoPath);
    } catch {
      // already gone
    }
    db.exec("ROLLBACK");
    db.close();
  };
}
