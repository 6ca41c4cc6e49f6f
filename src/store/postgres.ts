import pg from "pg";
import { UserError } from "../shared/index.js";
import { sayingLostConnections } from "./pg-lost.js";
import { type PgFileRef, type PgFileRow, type PgRepoRow, type PgRepoSnapshot, redactUrl } from "./pg-rows.js";
import { PG_MIGRATIONS } from "./pg-schema.js";
import { inBatches, inTransaction, writeSnapshot } from "./pg-write.js";
import { unpack } from "./values.js";

/**
 * The org-wide index on a PostgreSQL server. Each repository's snapshot is written in one transaction
 * under a lock of its own (pg_advisory_xact_lock), so two CI jobs indexing the same repository queue
 * instead of interleaving, and a job killed half-way leaves the previous snapshot.
 */
export class PgIndex {
  private constructor(
    private readonly pool: pg.Pool,
    readonly where: string,
  ) {}

  static async connect(url: string): Promise<PgIndex> {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
    // An idle client's network error must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const index = new PgIndex(pool, redactUrl(url));
    try {
      await index.migrate();
    } catch (error) {
      await pool.end();
      if (error instanceof UserError) throw error;
      throw new UserError(
        "db-connect",
        `${index.where}: cannot use the database (${(error as Error).message}).`,
        "Check the URL, that the server is running and that the user may create tables.",
      );
    }
    return sayingLostConnections(index, index.where);
  }

  private async migrate(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('lineitem.migrate'))");
      await client.query(
        "CREATE TABLE IF NOT EXISTS lineitem_schema (version integer PRIMARY KEY, does text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
      );
      const { rows } = await client.query<{ v: number | null }>(
        "SELECT max(version) AS v FROM lineitem_schema",
      );
      const current = rows[0]?.v ?? 0;
      const latest = PG_MIGRATIONS.at(-1)?.version ?? 0;
      if (current > latest) {
        throw new UserError(
          "index-newer",
          `${this.where}: the index was written by a newer lineitem (schema version ${current}; this one knows up to ${latest}).`,
          "Upgrade lineitem.",
        );
      }
      for (const migration of PG_MIGRATIONS) {
        if (migration.version <= current) continue;
        await client.query(migration.sql);
        await client.query("INSERT INTO lineitem_schema (version, does) VALUES ($1, $2)", [
          migration.version,
          migration.does,
        ]);
      }
    });
  }

  /** Which of these (blob, kind) pairs the index has units for, with the units. */
  async parsed(keys: { blobSha: string; kind: string }[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    await inBatches(keys, async (batch) => {
      const { rows } = await this.pool.query<{ blob_sha: string; kind: string; outcome: Buffer }>(
        "SELECT p.blob_sha, p.kind, p.outcome FROM parsed_file p JOIN unnest($1::text[], $2::text[]) AS k(blob_sha, kind) USING (blob_sha, kind)",
        [batch.map((k) => k.blobSha), batch.map((k) => k.kind)],
      );
      for (const row of rows) out.set(`${row.blob_sha} ${row.kind}`, unpack(row.outcome));
    });
    return out;
  }

  /** Concern matches kept for these files under this matching key. */
  async matched(
    keys: { blobSha: string; kind: string; path: string }[],
    matching: string,
  ): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    await inBatches(keys, async (batch) => {
      const { rows } = await this.pool.query<{
        blob_sha: string;
        kind: string;
        path: string;
        implementations: Buffer;
      }>(
        "SELECT m.blob_sha, m.kind, m.path, m.implementations FROM matched_file m JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(blob_sha, kind, path) USING (blob_sha, kind, path) WHERE m.matching = $4",
        [batch.map((k) => k.blobSha), batch.map((k) => k.kind), batch.map((k) => k.path), matching],
      );
      for (const row of rows) out.set(`${row.blob_sha} ${row.kind} ${row.path}`, unpack(row.implementations));
    });
    return out;
  }

  /** Replaces one repository's snapshot: all of it, or (killed, failed) none of it. */
  async writeSnapshot(snapshot: PgRepoSnapshot): Promise<void> {
    await inTransaction(this.pool, (client) => writeSnapshot(client, snapshot));
  }

  async repos(): Promise<PgRepoRow[]> {
    const { rows } = await this.pool.query(
      "SELECT name, kind, scope, head, codeowners, matching, include_tests, indexed_at, skipped, diagnostics, history FROM repo ORDER BY name",
    );
    return rows.map((row) => ({
      name: row.name,
      kind: row.kind,
      scope: row.scope,
      head: row.head,
      codeowners: row.codeowners,
      matching: row.matching,
      includeTests: row.include_tests,
      indexedAt: new Date(row.indexed_at).toISOString(),
      skipped: row.skipped,
      diagnostics: row.diagnostics,
      history: row.history === null ? null : unpack(row.history),
    }));
  }

  /**
   * Candidate generation in the database: files holding a unit that shares an LSH band key with a
   * different unit (at most `maxBucket` distinct units to a key: more is a shape found everywhere), or
   * whose whole stream another unit repeats. Only these files (and those with implementations) are
   * loaded by the report.
   */
  async candidateFiles(maxBucket: number): Promise<PgFileRef[]> {
    const { rows } = await this.pool.query<PgFileRef>(
      `WITH near AS (
         SELECT band, key FROM unit_band GROUP BY band, key
         HAVING count(DISTINCT stream) BETWEEN 2 AND $1
       ), same AS (
         SELECT stream FROM unit_band WHERE band = 0 GROUP BY stream HAVING count(*) >= 2
       )
       SELECT DISTINCT u.repo, u.path FROM unit_band u JOIN near n ON n.band = u.band AND n.key = u.key
       UNION
       SELECT DISTINCT u.repo, u.path FROM unit_band u JOIN same s ON s.stream = u.stream WHERE u.band = 0
       UNION
       SELECT DISTINCT p.repo, p.path FROM file_print p
         JOIN (SELECT hash FROM file_print GROUP BY hash HAVING count(*) BETWEEN 2 AND $1) shared USING (hash)`,
      [maxBucket],
    );
    return rows;
  }

  /**
   * Files holding a unit that shares an LSH band key or a whole stream with these (a change's new units):
   * the org's candidate copies of them, found by the index's own keys without loading the org.
   */
  async filesSharingBands(bands: { band: number; key: number }[], streams: string[]): Promise<PgFileRef[]> {
    if (bands.length === 0 && streams.length === 0) return [];
    const { rows } = await this.pool.query<PgFileRef>(
      `SELECT DISTINCT u.repo, u.path FROM unit_band u
         JOIN unnest($1::smallint[], $2::bigint[]) AS k(band, key) ON k.band = u.band AND k.key = u.key
       UNION
       SELECT DISTINCT u.repo, u.path FROM unit_band u WHERE u.band = 0 AND u.stream = ANY($3::text[])`,
      [bands.map((b) => b.band), bands.map((b) => b.key), streams],
    );
    return rows;
  }

  /** Files importing any of these modules, or a module under one of them (`pkg/sub`). */
  async importingFiles(modules: string[]): Promise<PgFileRef[]> {
    if (modules.length === 0) return [];
    const { rows } = await this.pool.query<PgFileRef>(
      `SELECT f.repo, f.path FROM repo_file f
        WHERE EXISTS (SELECT 1 FROM unnest(f.modules) AS m(module), unnest($1::text[]) AS w(wanted)
                       WHERE m.module = w.wanted OR m.module LIKE w.wanted || '/%')`,
      [modules],
    );
    return rows;
  }

  /** Files with at least one concern implementation under their repository's matching key. */
  async implementationFiles(): Promise<PgFileRef[]> {
    const { rows } = await this.pool.query<PgFileRef>(
      `SELECT f.repo, f.path FROM repo_file f
         JOIN repo r ON r.name = f.repo
         JOIN matched_file m ON m.blob_sha = f.blob_sha AND m.kind = f.kind AND m.path = f.path AND m.matching = r.matching
        WHERE m.implementation_count > 0`,
    );
    return rows;
  }

  /** The rows and stored units of these files, with their implementations under the repository's key. */
  async loadFiles(
    refs: PgFileRef[],
  ): Promise<(PgFileRow & { repo: string; outcome: unknown; implementations: unknown })[]> {
    const out: (PgFileRow & { repo: string; outcome: unknown; implementations: unknown })[] = [];
    await inBatches(refs, async (batch) => {
      const { rows } = await this.pool.query(
        `SELECT f.*, p.outcome, m.implementations FROM repo_file f
           JOIN unnest($1::text[], $2::text[]) AS k(repo, path) USING (repo, path)
           JOIN repo r ON r.name = f.repo
           JOIN parsed_file p ON p.blob_sha = f.blob_sha AND p.kind = f.kind
           LEFT JOIN matched_file m ON m.blob_sha = f.blob_sha AND m.kind = f.kind AND m.path = f.path AND m.matching = r.matching`,
        [batch.map((r) => r.repo), batch.map((r) => r.path)],
      );
      for (const row of rows) {
        out.push({
          repo: row.repo,
          path: row.path,
          blobSha: row.blob_sha,
          kind: row.kind,
          language: row.language,
          team: row.team,
          ownerSource: row.owner_source,
          isTest: row.is_test,
          lines: row.lines,
          units: row.units,
          modules: row.modules,
          outcome: unpack(row.outcome),
          implementations: row.implementations === null ? [] : unpack(row.implementations),
        });
      }
    });
    return out;
  }

  /** Per repository, language, team and test status: files, lines and units (the summary's figures). */
  async totals(): Promise<
    {
      repo: string;
      language: string;
      team: string;
      ownerSource: string;
      isTest: boolean;
      files: number;
      lines: number;
      units: number;
    }[]
  > {
    const { rows } = await this.pool.query(
      `SELECT repo, language, team, owner_source, is_test, count(*)::int AS files, sum(lines)::int AS lines, sum(units)::int AS units
         FROM repo_file GROUP BY repo, language, team, owner_source, is_test ORDER BY repo, language, team, owner_source, is_test`,
    );
    return rows.map((row) => ({
      repo: row.repo,
      language: row.language,
      team: row.team,
      ownerSource: row.owner_source,
      isTest: row.is_test,
      files: row.files,
      lines: row.lines,
      units: row.units,
    }));
  }

  /** Files per folder (`repo/dir`, as the scaffolding rule counts them), tests left out unless asked. */
  async folderFiles(includeTests: boolean): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ folder: string; files: number }>(
      `SELECT repo || '/' || CASE WHEN position('/' in path) = 0 THEN '.' ELSE regexp_replace(path, '/[^/]*$', '') END AS folder,
              count(*)::int AS files
         FROM repo_file WHERE $1 OR NOT is_test GROUP BY 1`,
      [includeTests],
    );
    return new Map(rows.map((row) => [row.folder, row.files]));
  }

  async fanIn(): Promise<{ repo: string; path: string; concern: string; callers: number }[]> {
    const { rows } = await this.pool.query("SELECT repo, path, concern, callers FROM fan_in");
    return rows;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
