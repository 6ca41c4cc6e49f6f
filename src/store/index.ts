export { acquireLock, type LockOptions } from "./lock.js";
export { MIGRATIONS, type Migration } from "./migrations.js";
export { type PgFileRef, type PgFileRow, type PgRepoRow, type PgRepoSnapshot, redactUrl } from "./pg-rows.js";
export type { PgIndex } from "./postgres.js";

/**
 * Connects to the org-wide index on PostgreSQL. The client library is loaded here, on first use, so
 * commands that never touch PostgreSQL do not pay for loading it.
 */
export async function connectPg(url: string): Promise<import("./postgres.js").PgIndex> {
  const { PgIndex } = await import("./postgres.js");
  return PgIndex.connect(url);
}
export {
  type FileStat,
  KEEP_SCANS,
  type MatchedEntry,
  type OpenIndexOptions,
  openIndex,
  type ParsedEntry,
  type PrintEntry,
  type ScanFile,
  type ScanIndex,
  type StoredScan,
} from "./scan-index.js";
export { migrate, openDb } from "./sqlite.js";
