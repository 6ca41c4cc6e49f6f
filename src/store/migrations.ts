/**
 * The index schema, as numbered migrations. A migration is applied once, in order, in one transaction
 * with the new `user_version`, so an index is always at a version it can name. Never edit a migration
 * that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  does: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    does: "units by content, concern matches by content and path, repository histories, scans",
    sql: `
      -- What a file's bytes parse to, whatever its path or repository: units, imports, problems, or why
      -- it was set aside. kind = extension and adapter version, the only other inputs of a parse.
      CREATE TABLE parsed_file (
        blob_sha TEXT NOT NULL,
        kind     TEXT NOT NULL,
        outcome  BLOB NOT NULL,
        PRIMARY KEY (blob_sha, kind)
      ) WITHOUT ROWID;

      -- The concern implementations found in those units: they also depend on the path (its words) and
      -- on the definitions and golden paths in force (matching = their hash).
      CREATE TABLE matched_file (
        blob_sha TEXT NOT NULL,
        kind     TEXT NOT NULL,
        path     TEXT NOT NULL,
        matching TEXT NOT NULL,
        implementations BLOB NOT NULL,
        PRIMARY KEY (blob_sha, kind, path, matching)
      ) WITHOUT ROWID;

      -- Each repository's history as last read, by the key of what was asked (HEAD, ranges, people rules).
      CREATE TABLE repo_history (
        repo TEXT PRIMARY KEY,
        key  TEXT NOT NULL,
        history BLOB NOT NULL
      ) WITHOUT ROWID;

      -- Complete scans only: a scan is written here in one transaction when it has finished, so a killed
      -- scan leaves the previous one as the latest. input_key says what it was computed from.
      CREATE TABLE scan (
        id          INTEGER PRIMARY KEY,
        input_key   TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        repos       INTEGER NOT NULL,
        files       INTEGER NOT NULL,
        result      BLOB NOT NULL
      );
      CREATE INDEX scan_by_input ON scan (input_key);
    `,
  },
  {
    version: 2,
    does: "each file's stat beside its blob id, so an unchanged file need not be read to be named",
    sql: `
      -- Like git's own index: a file whose size, times and inode are those recorded has the recorded
      -- blob id. Entries recorded within a moment of the file's last change are not trusted (see
      -- recorded_ms), so an edit made in the same clock tick as the scan is never missed.
      CREATE TABLE file_stat (
        abs_path    TEXT PRIMARY KEY,
        size        INTEGER NOT NULL,
        mtime_ns    TEXT NOT NULL,
        ctime_ns    TEXT NOT NULL,
        ino         TEXT NOT NULL,
        blob_sha    TEXT NOT NULL,
        recorded_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    does: "the files each finished scan read, and their units' fingerprints, so a check can look up copies",
    sql: `
      -- One row per file a finished scan read (its units are in parsed_file under blob_sha and kind), so
      -- \`lineitem check\` can compare a change's units with the org's code without listing the org again.
      CREATE TABLE scan_file (
        scan_id  INTEGER NOT NULL,
        repo     TEXT NOT NULL,
        path     TEXT NOT NULL,
        blob_sha TEXT NOT NULL,
        kind     TEXT NOT NULL,
        team     TEXT NOT NULL,
        is_test  INTEGER NOT NULL,
        PRIMARY KEY (scan_id, repo, path)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    does: "each blob's unit fingerprints, so a check compares new code with the org without its units",
    sql: `
      -- Per blob, what its units' copies are found by (stream hash and winnowed fingerprints, made as
      -- scheme says): a check reads these instead of every unit of the org.
      CREATE TABLE unit_print (
        blob_sha TEXT NOT NULL,
        kind     TEXT NOT NULL,
        scheme   TEXT NOT NULL,
        prints   BLOB NOT NULL,
        PRIMARY KEY (blob_sha, kind, scheme)
      ) WITHOUT ROWID;
    `,
  },
];
