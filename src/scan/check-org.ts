import { existsSync } from "node:fs";
import type { FileUnits, Unit } from "../lang/index.js";
import { type ConcernCluster, scanResultSchema } from "../result/index.js";
import { UserError } from "../shared/index.js";
import { printScheme, type SimilarityOptions, unitBands } from "../similarity/index.js";
import { connectPg, openIndex } from "../store/index.js";
import { reportFromDb } from "./db-report.js";
import { latestScanIn } from "./stored.js";
import { printsOf, type StoredPrints } from "./unit-prints.js";

/** A file of the org whose units a change's new units are compared with: their prints, units on demand. */
export interface OrgFile {
  repo: string;
  path: string;
  team: string;
  prints: StoredPrints;
  /** The file's units, read only for a file that holds a copy. */
  units(): Unit[];
}

/**
 * What a check looks a change up in: the org's concerns (every implementation, golden paths and their
 * owners, as a scan result has them) and its code, for copies.
 */
export interface OrgView {
  kind: "sqlite" | "postgres";
  where: string;
  scannedAt: string | null;
  concerns: ConcernCluster[];
  /** Units already kept for a blob, so a changed file the index has seen is not parsed again. */
  getParsed(blobSha: string, kind: string): unknown;
  /**
   * Visits the org's files that may hold copies of these units (all of them, from SQLite; those sharing a
   * band key, from PostgreSQL). Null when the index keeps no list of the org's files.
   */
  candidates: ((units: readonly Uint32Array[], visit: (file: OrgFile) => void) => Promise<void>) | null;
  close(): Promise<void>;
}

const concernsOnly = scanResultSchema.pick({ kind: true, schemaVersion: true, concerns: true });

export const INDEX_HINT =
  "Build one first: `lineitem scan <org folder>` keeps .lineitem/index.sqlite beside the config (give it to check with --index FILE), or run `lineitem index REPO --db URL` in each repository's CI and check with --db URL.";

/**
 * The last finished scan in a local index, with the files it read: a check compares the change with every
 * one of them by units kept under their blob ids, without listing or reading the org again.
 */
export async function openLocalOrg(
  file: string,
  includeTests: boolean,
  similarity: SimilarityOptions,
): Promise<OrgView> {
  if (!existsSync(file)) {
    throw new UserError(
      "index-missing",
      `${file}: no index here yet, so there is nothing to check against.`,
      INDEX_HINT,
    );
  }
  const index = await openIndex(file, { readonly: true });
  try {
    // Only what a check reads is checked against the schema: the whole result of a big org takes longer.
    const latest = latestScanIn(index, concernsOnly, INDEX_HINT);
    const files = index.scanFiles(latest.scanId);
    return {
      kind: "sqlite",
      where: file,
      scannedAt: latest.finishedAt,
      concerns: latest.result.concerns,
      getParsed: (blobSha, kind) => index.getParsed(blobSha, kind),
      candidates: files
        ? async (_units, visit) => {
            const scheme = printScheme(similarity);
            for (const row of files) {
              if (row.isTest && !includeTests) continue;
              const unitsOf = () => {
                const outcome = index.getParsed(row.blobSha, row.kind) as { ok: boolean; parsed?: FileUnits };
                return outcome?.ok && outcome.parsed ? outcome.parsed.units : [];
              };
              const kept = index.getPrints(row.blobSha, row.kind, scheme) as StoredPrints | undefined;
              visit({
                repo: row.repo,
                path: row.path,
                team: row.team,
                // Kept by the scan; computed here only for a blob it kept none of (another scheme).
                prints: kept ?? printsOf(unitsOf(), similarity),
                units: unitsOf,
              });
            }
          }
        : null,
      close: async () => index.close(),
    };
  } catch (error) {
    index.close();
    throw error;
  }
}

/**
 * The org-wide index on PostgreSQL: the concerns as `lineitem report --db` computes them, and copies from
 * the files whose units share an LSH band key (or a whole stream) with the change's.
 */
export async function openPgOrg(
  url: string,
  cwd: string,
  configFile: string | undefined,
  similarity: SimilarityOptions,
): Promise<OrgView> {
  const result = await reportFromDb({ db: url, cwd, ...(configFile ? { configFile } : {}) });
  const db = await connectPg(url);
  return {
    kind: "postgres",
    where: db.where,
    scannedAt: null,
    concerns: result.concerns,
    getParsed: () => undefined,
    candidates: async (units, visit) => {
      const bands: { band: number; key: number }[] = [];
      const streams: string[] = [];
      for (const tokens of units) {
        const found = unitBands(tokens, similarity);
        if (!found) continue;
        streams.push(found.stream);
        found.keys.forEach((key, band) => {
          bands.push({ band, key });
        });
      }
      const refs = await db.filesSharingBands(bands, streams);
      for (const row of await db.loadFiles(refs)) {
        const outcome = row.outcome as { ok: boolean; parsed?: FileUnits } | undefined;
        if (!outcome?.ok || !outcome.parsed) continue;
        const units = outcome.parsed.units;
        visit({
          repo: row.repo,
          path: row.path,
          team: row.team,
          prints: printsOf(units, similarity),
          units: () => units,
        });
      }
    },
    close: () => db.close(),
  };
}
