export { acquireLock, type LockOptions } from "./lock.js";
export { MIGRATIONS, type Migration } from "./migrations.js";
export {
  type PgFileRef,
  type PgFileRow,
  PgIndex,
  type PgRepoRow,
  type PgRepoSnapshot,
} from "./postgres.js";
export {
  KEEP_SCANS,
  type MatchedEntry,
  type OpenIndexOptions,
  openIndex,
  type ParsedEntry,
  type ScanIndex,
  type StoredScan,
} from "./scan-index.js";
export { migrate, openDb } from "./sqlite.js";
