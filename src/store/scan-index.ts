import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { UserError } from "../shared/index.js";
import { acquireLock, type LockOptions } from "./lock.js";
import { type Db, openDb } from "./sqlite.js";
import { pack, unpack } from "./values.js";

/** A finished scan as kept in the index. */
export interface StoredScan {
  id: number;
  inputKey: string;
  startedAt: string;
  finishedAt: string;
  repos: number;
  files: number;
  /** The scan result, as JSON (validated by whoever reads it). */
  result: unknown;
}

/** The fingerprints of a blob's units, under the scheme that made them. */
export interface PrintEntry {
  blobSha: string;
  kind: string;
  scheme: string;
  prints: unknown;
}

/** A file a finished scan read: where it is, whose it is, and the blob its units are kept under. */
export interface ScanFile {
  repo: string;
  path: string;
  blobSha: string;
  kind: string;
  team: string;
  isTest: boolean;
}

export interface ParsedEntry {
  blobSha: string;
  kind: string;
  outcome: unknown;
}

export interface MatchedEntry {
  blobSha: string;
  kind: string;
  path: string;
  matching: string;
  implementations: unknown;
}

/** What a file looked like when its blob id was computed. */
export interface FileStat {
  absPath: string;
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  blobSha: string;
  recordedMs: number;
}

/** How many finished scans are kept; older ones are dropped when a new one is saved. */
export const KEEP_SCANS = 10;

/**
 * The scan's persistent index: what each file's bytes parse to (by content, so an unchanged file is never
 * parsed twice, wherever it lives), the concern matches on them, each repository's history as last read,
 * and the finished scans. Values are stored with V8's serializer, which keeps typed arrays, Maps and Sets.
 */
export interface ScanIndex {
  readonly file: string;
  getParsed(blobSha: string, kind: string): unknown;
  putParsed(entries: ParsedEntry[]): void;
  getMatched(blobSha: string, kind: string, path: string, matching: string): unknown;
  putMatched(entries: MatchedEntry[]): void;
  getHistory(repo: string, key: string): unknown;
  putHistory(repo: string, key: string, history: unknown): void;
  /** Every recorded file stat under these folders (absolute paths), by absolute path. */
  fileStats(roots: string[]): Map<string, FileStat>;
  putFileStats(stats: FileStat[]): void;
  latestScan(): StoredScan | null;
  /** Which scan is the newest finished one, without reading its result (cheap enough to poll). */
  latestScanId(): { id: number; finishedAt: string } | null;
  /** The newest finished scan computed from exactly these inputs, if any. */
  scanWithInput(inputKey: string): StoredScan | null;
  /** Saves a finished scan and, when given, the files it read (what `lineitem check` compares with). */
  saveScan(scan: Omit<StoredScan, "id">, files?: readonly ScanFile[]): number;
  /**
   * The files a finished scan read; null when the index keeps none for it (written before files were
   * kept), so the caller can say that a new scan would add them.
   */
  scanFiles(scanId: number): ScanFile[] | null;
  /** Which of these blobs have no prints under `scheme` yet. */
  missingPrints(
    keys: readonly { blobSha: string; kind: string }[],
    scheme: string,
  ): { blobSha: string; kind: string }[];
  putPrints(entries: readonly PrintEntry[]): void;
  getPrints(blobSha: string, kind: string, scheme: string): unknown;
  close(): void;
}

export interface OpenIndexOptions extends Partial<LockOptions> {
  /** Read only: no lock, no migration, no writes (reports over the last scan). */
  readonly?: boolean;
}

export async function openIndex(file: string, options: OpenIndexOptions = {}): Promise<ScanIndex> {
  if (options.readonly) return wrap(openDb(file, { readonly: true }), () => {});
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new UserError(
      "index-unwritable",
      `${dirname(file)}: cannot create the index folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      "Give --index FILE in a folder you can write to, or --no-index.",
    );
  }
  // Taking the lock and opening (migrations) both write: a full disk is said as such there too.
  let release: () => void;
  try {
    release = await acquireLock(`${file}.lock`, {
      waitMs: options.waitMs ?? 0,
      ...(options.onWait ? { onWait: options.onWait } : {}),
    });
  } catch (error) {
    throw diskFull(file, error) ?? error;
  }
  try {
    return wrap(openDb(file), release);
  } catch (error) {
    release();
    throw diskFull(file, error) ?? error;
  }
}

function wrap(db: Db, release: () => void): ScanIndex {
  const q = {
    getParsed: db.prepare("SELECT outcome FROM parsed_file WHERE blob_sha = ? AND kind = ?").pluck(),
    putParsed: db.prepare("INSERT OR REPLACE INTO parsed_file (blob_sha, kind, outcome) VALUES (?, ?, ?)"),
    getMatched: db
      .prepare(
        "SELECT implementations FROM matched_file WHERE blob_sha = ? AND kind = ? AND path = ? AND matching = ?",
      )
      .pluck(),
    putMatched: db.prepare(
      "INSERT OR REPLACE INTO matched_file (blob_sha, kind, path, matching, implementations) VALUES (?, ?, ?, ?, ?)",
    ),
    getHistory: db.prepare("SELECT history FROM repo_history WHERE repo = ? AND key = ?").pluck(),
    putHistory: db.prepare("INSERT OR REPLACE INTO repo_history (repo, key, history) VALUES (?, ?, ?)"),
    latest: db.prepare("SELECT * FROM scan ORDER BY id DESC LIMIT 1"),
    latestId: db.prepare("SELECT id, finished_at AS finishedAt FROM scan ORDER BY id DESC LIMIT 1"),
    statsUnder: db.prepare(
      "SELECT abs_path AS absPath, size, mtime_ns AS mtimeNs, ctime_ns AS ctimeNs, ino, blob_sha AS blobSha, recorded_ms AS recordedMs FROM file_stat WHERE abs_path >= ? AND abs_path < ?",
    ),
    putStat: db.prepare(
      "INSERT OR REPLACE INTO file_stat (abs_path, size, mtime_ns, ctime_ns, ino, blob_sha, recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    byInput: db.prepare("SELECT * FROM scan WHERE input_key = ? ORDER BY id DESC LIMIT 1"),
    insertScan: db.prepare(
      "INSERT INTO scan (input_key, started_at, finished_at, repos, files, result) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    pruneScans: db.prepare("DELETE FROM scan WHERE id <= (SELECT max(id) FROM scan) - ?"),
  };
  // An index opened read-only is not migrated: one written before versions 3 and 4 lacks their tables.
  const hasTable = (name: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  const files = hasTable("scan_file")
    ? {
        put: db.prepare(
          "INSERT OR REPLACE INTO scan_file (scan_id, repo, path, blob_sha, kind, team, is_test) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ),
        prune: db.prepare("DELETE FROM scan_file WHERE scan_id NOT IN (SELECT id FROM scan)"),
        of: db.prepare(
          "SELECT repo, path, blob_sha AS blobSha, kind, team, is_test AS isTest FROM scan_file WHERE scan_id = ?",
        ),
      }
    : null;
  const prints = hasTable("unit_print")
    ? {
        hasPrints: db
          .prepare("SELECT 1 FROM unit_print WHERE blob_sha = ? AND kind = ? AND scheme = ?")
          .pluck(),
        putPrints: db.prepare(
          "INSERT OR REPLACE INTO unit_print (blob_sha, kind, scheme, prints) VALUES (?, ?, ?, ?)",
        ),
        getPrints: db
          .prepare("SELECT prints FROM unit_print WHERE blob_sha = ? AND kind = ? AND scheme = ?")
          .pluck(),
      }
    : null;
  const putParsed = db.transaction((entries: ParsedEntry[]) => {
    for (const e of entries) q.putParsed.run(e.blobSha, e.kind, pack(e.outcome));
  });
  const putMatched = db.transaction((entries: MatchedEntry[]) => {
    for (const e of entries) q.putMatched.run(e.blobSha, e.kind, e.path, e.matching, pack(e.implementations));
  });
  const putFileStats = db.transaction((stats: FileStat[]) => {
    for (const f of stats)
      q.putStat.run(f.absPath, f.size, f.mtimeNs, f.ctimeNs, f.ino, f.blobSha, f.recordedMs);
  });
  const putPrints = db.transaction((entries: readonly PrintEntry[]) => {
    for (const e of entries) prints?.putPrints.run(e.blobSha, e.kind, e.scheme, pack(e.prints));
  });
  const saveScan = db.transaction((scan: Omit<StoredScan, "id">, read: readonly ScanFile[] = []) => {
    const json = Buffer.from(JSON.stringify(scan.result));
    const info = q.insertScan.run(
      scan.inputKey,
      scan.startedAt,
      scan.finishedAt,
      scan.repos,
      scan.files,
      gzipSync(json, { level: 6 }),
    );
    q.pruneScans.run(KEEP_SCANS);
    const id = Number(info.lastInsertRowid);
    if (files) {
      for (const f of read) files.put.run(id, f.repo, f.path, f.blobSha, f.kind, f.team, f.isTest ? 1 : 0);
      files.prune.run();
    }
    return id;
  });
  const toScan = (row: unknown): StoredScan | null => {
    if (row === undefined) return null;
    const r = row as {
      id: number;
      input_key: string;
      started_at: string;
      finished_at: string;
      repos: number;
      files: number;
      result: Buffer;
    };
    return {
      id: r.id,
      inputKey: r.input_key,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      repos: r.repos,
      files: r.files,
      result: JSON.parse(gunzipSync(r.result).toString("utf8")),
    };
  };
  let closed = false;
  const writing = diskGuard(db.name);
  return {
    file: db.name,
    getParsed: (blobSha, kind) => unpack(q.getParsed.get(blobSha, kind) as Buffer | undefined),
    putParsed: writing((entries) => putParsed.immediate(entries)),
    getMatched: (blobSha, kind, path, matching) =>
      unpack(q.getMatched.get(blobSha, kind, path, matching) as Buffer | undefined),
    putMatched: writing((entries) => putMatched.immediate(entries)),
    getHistory: (repo, key) => unpack(q.getHistory.get(repo, key) as Buffer | undefined),
    putHistory: writing((repo, key, history) => {
      q.putHistory.run(repo, key, pack(history));
    }),
    fileStats(roots) {
      const out = new Map<string, FileStat>();
      for (const root of roots) {
        // Every path under `root/`: the range [root/, root0) in byte order ('0' follows '/').
        const prefix = root.endsWith("/") ? root : `${root}/`;
        for (const row of q.statsUnder.all(prefix, `${prefix.slice(0, -1)}0`) as FileStat[])
          out.set(row.absPath, row);
      }
      return out;
    },
    putFileStats: writing((stats) => putFileStats.immediate(stats)),
    latestScan: () => toScan(q.latest.get()),
    latestScanId: () => (q.latestId.get() as { id: number; finishedAt: string } | undefined) ?? null,
    scanWithInput: (inputKey) => toScan(q.byInput.get(inputKey)),
    saveScan: writing((scan, read) => saveScan.immediate(scan, read)),
    scanFiles(scanId) {
      if (!files) return null;
      const rows = files.of.all(scanId) as (Omit<ScanFile, "isTest"> & { isTest: number })[];
      if (rows.length === 0) return null;
      return rows.map((row) => ({ ...row, isTest: row.isTest === 1 }));
    },
    missingPrints(keys, scheme) {
      if (!prints) return [];
      return keys.filter((key) => prints.hasPrints.get(key.blobSha, key.kind, scheme) === undefined);
    },
    putPrints: writing((entries) => {
      if (prints) putPrints.immediate(entries);
    }),
    getPrints: (blobSha, kind, scheme) =>
      prints ? unpack(prints.getPrints.get(blobSha, kind, scheme) as Buffer | undefined) : undefined,
    close() {
      if (closed) return;
      closed = true;
      try {
        // Fold the write-ahead log back into the file, so the index is one file at rest.
        if (!db.readonly) db.pragma("wal_checkpoint(TRUNCATE)");
      } catch (error) {
        // A disk too full to fold the log back loses nothing: the log is the data, and the next open
        // folds it in. Anything else is a real failure.
        if (!DISK_FULL.test(String((error as { code?: unknown }).code ?? ""))) throw error;
      } finally {
        db.close();
        release();
      }
    },
  };
}

/** SQLite's and the system's words for a disk that took no more. */
const DISK_FULL = /^(SQLITE_FULL|SQLITE_IOERR|ENOSPC|EDQUOT)/;

/** A full disk said as such (exit 2), when that is what `error` is; undefined for any other failure. */
function diskFull(file: string, error: unknown): UserError | undefined {
  const code = String((error as { code?: unknown }).code ?? "");
  if (!DISK_FULL.test(code)) return undefined;
  return new UserError(
    "index-disk-full",
    `${file}: the disk is full (${code}); nothing was half-written: the index keeps its last complete scan.`,
    "Free some space, or keep the index elsewhere (--index FILE) or not at all (--no-index).",
  );
}

/**
 * Wraps the index's writes so a full disk is said as such instead of as a crash. The write that failed
 * was one transaction, rolled back by SQLite: the index keeps its last complete scan.
 */
function diskGuard(file: string) {
  return <A extends unknown[], R>(write: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return write(...args);
      } catch (error) {
        throw diskFull(file, error) ?? error;
      }
    };
}
