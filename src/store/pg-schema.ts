import type { Migration } from "./migrations.js";

/**
 * The org-wide index on PostgreSQL: the same content-addressed units as the SQLite index, plus what
 * `lineitem index` writes per repository (its files, the LSH band keys of its units, the fan-in of its
 * implementations and its history), so that `lineitem report --db` can find copies across every
 * repository with a join instead of holding the org in memory.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    does: "units by content, concern matches, repository snapshots, band keys, fingerprints, fan-in",
    sql: `
      CREATE TABLE parsed_file (
        blob_sha text NOT NULL,
        kind     text NOT NULL,
        outcome  bytea NOT NULL,
        PRIMARY KEY (blob_sha, kind)
      );
      CREATE TABLE matched_file (
        blob_sha text NOT NULL,
        kind     text NOT NULL,
        path     text NOT NULL,
        matching text NOT NULL,
        implementations bytea NOT NULL,
        implementation_count integer NOT NULL,
        PRIMARY KEY (blob_sha, kind, path, matching)
      );
      -- One row per indexed repository: replaced whole, in one transaction, by each lineitem index.
      CREATE TABLE repo (
        name         text PRIMARY KEY,
        kind         text NOT NULL,
        scope        text,
        head         text,
        codeowners   text,
        matching     text NOT NULL,
        include_tests boolean NOT NULL,
        indexed_at   timestamptz NOT NULL,
        skipped      jsonb NOT NULL,
        diagnostics  jsonb NOT NULL,
        history      bytea
      );
      CREATE TABLE repo_file (
        repo         text NOT NULL REFERENCES repo (name) ON DELETE CASCADE,
        path         text NOT NULL,
        blob_sha     text NOT NULL,
        kind         text NOT NULL,
        language     text NOT NULL,
        team         text NOT NULL,
        owner_source text NOT NULL,
        is_test      boolean NOT NULL,
        lines        integer NOT NULL,
        units        integer NOT NULL,
        -- The modules the file imports: its adoptions of golden paths and libraries are found by these.
        modules      text[] NOT NULL,
        PRIMARY KEY (repo, path)
      );
      CREATE INDEX repo_file_by_module ON repo_file USING gin (modules);
      -- Per file: the winnowed fingerprints copied runs are seeded with.
      CREATE TABLE file_print (
        repo text NOT NULL REFERENCES repo (name) ON DELETE CASCADE,
        path text NOT NULL,
        hash bigint NOT NULL
      );
      CREATE INDEX file_print_by_hash ON file_print (hash);
      CREATE INDEX file_print_by_repo ON file_print (repo);
      -- Per unit long enough to be a copy: its stream hash and one key per LSH band.
      CREATE TABLE unit_band (
        repo   text NOT NULL REFERENCES repo (name) ON DELETE CASCADE,
        path   text NOT NULL,
        unit   integer NOT NULL,
        stream text NOT NULL,
        band   smallint NOT NULL,
        key    bigint NOT NULL
      );
      CREATE INDEX unit_band_by_key ON unit_band (band, key);
      CREATE INDEX unit_band_by_repo ON unit_band (repo);
      -- Callers of each implementation in its own repository, counted at index time.
      CREATE TABLE fan_in (
        repo    text NOT NULL REFERENCES repo (name) ON DELETE CASCADE,
        path    text NOT NULL,
        concern text NOT NULL,
        callers integer NOT NULL,
        PRIMARY KEY (repo, path, concern)
      );
    `,
  },
];
