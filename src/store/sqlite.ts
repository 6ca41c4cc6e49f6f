import { createRequire } from "node:module";
import type Database from "better-sqlite3";
import { UserError } from "../shared/index.js";
import { MIGRATIONS, type Migration } from "./migrations.js";

export type Db = Database.Database;

const require = createRequire(import.meta.url);
let loaded: typeof Database | undefined;

/**
 * The SQLite driver, loaded when a command first opens a database: its native module is not loaded by the
 * commands that never touch one (`copies`, `--help`), and every command starts a little sooner.
 */
export function sqlite(): typeof Database {
  loaded ??= require("better-sqlite3") as typeof Database;
  return loaded;
}

/** `PRAGMA application_id`: marks the file as a lineitem index ("LiIx"), so a stranger's database is refused. */
const APPLICATION_ID = 0x4c694978;

/**
 * Opens (creating if need be) the index file and brings its schema up to date.
 *
 * WAL: readers never wait for the writer, and a write is durable once its transaction commits; a process
 * killed at any moment leaves the last committed state (SQLite replays or drops the log on next open).
 * synchronous=NORMAL is safe in WAL against process death; a power cut can lose at most the last
 * transactions, never the file's consistency.
 */
export function openDb(file: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new (sqlite())(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new UserError(
      "index-open",
      `${file}: the index cannot be opened (${(error as Error).message}).`,
      options.readonly ? "Run `lineitem scan` first to create it." : undefined,
    );
  }
  try {
    db.pragma("busy_timeout = 10000");
    if (!options.readonly) {
      // Units are stored a file at a time (about 15 KB each): large pages read them in one piece instead
      // of a chain of overflow pages (twice as fast, measured). Only a new, empty file takes it, before WAL.
      db.pragma("page_size = 65536");
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    checkIdentity(db, file);
    if (!options.readonly) migrate(db, MIGRATIONS);
    else if (versionOf(db) < latestVersion(MIGRATIONS)) {
      throw new UserError(
        "index-old",
        `${file}: the index is at schema version ${versionOf(db)}; this lineitem reads ${latestVersion(MIGRATIONS)}.`,
        "Run `lineitem scan` once to bring it up to date.",
      );
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    const code = (error as { code?: string }).code;
    if (code?.startsWith("SQLITE_READONLY") || code?.startsWith("SQLITE_CANTOPEN")) {
      throw new UserError(
        "index-unwritable",
        `${file}: the index cannot be written (${(error as Error).message}).`,
        "Give --index FILE in a folder you can write to, or --no-index.",
      );
    }
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
      throw new UserError(
        "index-corrupt",
        `${file}: not a readable lineitem index (${(error as Error).message}).`,
        "Move it aside or delete it; the next scan builds a new one.",
      );
    }
    throw error;
  }
}

const versionOf = (db: Db): number => db.pragma("user_version", { simple: true }) as number;
const latestVersion = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;

function checkIdentity(db: Db, file: string): void {
  const id = db.pragma("application_id", { simple: true }) as number;
  if (id === APPLICATION_ID) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
  if (id === 0 && tables.n === 0) return; // a new, empty file: ours to set up
  throw new UserError(
    "index-foreign",
    `${file}: this SQLite file is not a lineitem index.`,
    "Give --index a path of its own.",
  );
}

/** Applies every migration newer than the file, each in its own transaction with its version number. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = versionOf(db);
  if (current > latestVersion(migrations)) {
    throw new UserError(
      "index-newer",
      `${db.name}: the index was written by a newer lineitem (schema version ${current}; this one knows up to ${latestVersion(migrations)}).`,
      "Upgrade lineitem, or give --index a path of its own.",
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
