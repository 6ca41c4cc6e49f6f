import type pg from "pg";
import type { PgRepoSnapshot } from "./pg-rows.js";
import { pack } from "./values.js";

/** Rows go to PostgreSQL in batches of this many, as arrays unnested server-side. */
export const BATCH = 5000;

/** Hands `items` to `each` in batches of BATCH, one after another. */
export async function inBatches<T>(items: readonly T[], each: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await each(items.slice(i, i + BATCH));
}

/** Runs `work` in one transaction on one client: committed whole, or rolled back and rethrown. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A connection lost mid-transaction is also emitted as an event on the client; unheard, it would end
  // the process. The query under way fails with the same error, which is what the caller hears.
  const ignore = () => {};
  client.on("error", ignore);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.off("error", ignore);
    client.release();
  }
}

/**
 * Inserts `rows` in batches: `sql` takes the `fixed` parameters first ($1…), then one array per column,
 * each column read from a row by its function.
 */
async function insertRows<T>(
  client: pg.PoolClient,
  sql: string,
  rows: readonly T[],
  columns: ((row: T) => unknown)[],
  fixed: unknown[] = [],
): Promise<void> {
  await inBatches(rows, async (batch) => {
    await client.query(sql, [...fixed, ...columns.map((column) => batch.map(column))]);
  });
}

/**
 * One repository's snapshot, inside the caller's transaction: its units and matches (shared by content,
 * kept if already there), then its rows replaced whole. A lock per repository makes a second job for the
 * same repository wait for the first.
 */
export async function writeSnapshot(client: pg.PoolClient, snapshot: PgRepoSnapshot): Promise<void> {
  const r = snapshot.repo;
  await client.query("SELECT pg_advisory_xact_lock(hashtext('lineitem.repo:' || $1))", [r.name]);
  await insertRows(
    client,
    "INSERT INTO parsed_file (blob_sha, kind, outcome) SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[]) ON CONFLICT DO NOTHING",
    snapshot.parsed,
    [(e) => e.blobSha, (e) => e.kind, (e) => pack(e.outcome)],
  );
  await insertRows(
    client,
    "INSERT INTO matched_file (blob_sha, kind, path, matching, implementations, implementation_count) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::int[]) ON CONFLICT DO NOTHING",
    snapshot.matched,
    [
      (e) => e.blobSha,
      (e) => e.kind,
      (e) => e.path,
      (e) => e.matching,
      (e) => pack(e.implementations),
      (e) => e.count,
    ],
  );
  // Deleting the repository's row cascades to its files, bands, fingerprints and fan-in.
  await client.query("DELETE FROM repo WHERE name = $1", [r.name]);
  await client.query(
    "INSERT INTO repo (name, kind, scope, head, codeowners, matching, include_tests, indexed_at, skipped, diagnostics, history) VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10)",
    [
      r.name,
      r.kind,
      r.scope,
      r.head,
      r.codeowners,
      r.matching,
      r.includeTests,
      JSON.stringify(r.skipped),
      JSON.stringify(r.diagnostics),
      r.history === null ? null : pack(r.history),
    ],
  );
  await insertRows(
    client,
    "INSERT INTO repo_file (repo, path, blob_sha, kind, language, team, owner_source, is_test, lines, units, modules) SELECT $1, path, blob_sha, kind, language, team, owner_source, is_test, lines, units, ARRAY(SELECT jsonb_array_elements_text(modules)) FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::int[], $10::int[], $11::jsonb[]) AS t(path, blob_sha, kind, language, team, owner_source, is_test, lines, units, modules)",
    snapshot.files,
    [
      (f) => f.path,
      (f) => f.blobSha,
      (f) => f.kind,
      (f) => f.language,
      (f) => f.team,
      (f) => f.ownerSource,
      (f) => f.isTest,
      (f) => f.lines,
      (f) => f.units,
      (f) => JSON.stringify(f.modules),
    ],
    [r.name],
  );
  await insertRows(
    client,
    "INSERT INTO file_print (repo, path, hash) SELECT $1, * FROM unnest($2::text[], $3::bigint[])",
    snapshot.prints.flatMap((file) => file.hashes.map((hash) => ({ path: file.path, hash }))),
    [(p) => p.path, (p) => p.hash],
    [r.name],
  );
  await insertRows(
    client,
    "INSERT INTO unit_band (repo, path, unit, stream, band, key) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::smallint[], $6::bigint[])",
    snapshot.bands.flatMap((u) => u.keys.map((key, band) => ({ ...u, band, key }))),
    [(b) => b.path, (b) => b.unit, (b) => b.stream, (b) => b.band, (b) => b.key],
    [r.name],
  );
  await insertRows(
    client,
    "INSERT INTO fan_in (repo, path, concern, callers) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])",
    snapshot.fanIn,
    [(x) => x.path, (x) => x.concern, (x) => x.callers],
    [r.name],
  );
}
