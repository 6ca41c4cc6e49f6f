import { existsSync } from "node:fs";
import type { FileUnits, Unit } from "../lang/index.js";
import { type ScanResult, scanResultSchema } from "../result/index.js";
import { UserError } from "../shared/index.js";
import { type SimilarityOptions, unitBands } from "../similarity/index.js";
import { connectPg, openIndex } from "../store/index.js";
import { reportFromDb } from "./db-report.js";

/** A file of the org whose units a change's new units are compared with. */
export interface OrgFile {
  repo: string;
  path: string;
  team: string;
  units: Unit[];
}

/**
 * What a check looks a change up in: the org's concerns (every implementation, golden paths and their
 * owners: a scan result) and its code, for copies.
 */
export interface OrgView {
  kind: "sqlite" | "postgres";
  where: string;
  scannedAt: string | null;
  result: ScanResult;
  /** Units already kept for a blob, so a changed file the index has seen is not parsed again. */
  getParsed(blobSha: string, kind: string): unknown;
  /**
   * Visits the org's files that may hold copies of these units (all of them, from SQLite; those sharing a
   * band key, from PostgreSQL). Null when the index keeps no list of the org's files.
   */
  candidates: ((units: readonly Uint32Array[], visit: (file: OrgFile) => void) => Promise<void>) | null;
  close(): Promise<void>;
}

export const INDEX_HINT =
  "Build one first: `lineitem scan <org folder>` keeps .lineitem/index.sqlite beside the config (give it to check with --index FILE), or run `lineitem index REPO --db URL` in each repository's CI and check with --db URL.";

/**
 * The last finished scan in a local index, with the files it read: a check compares the change with every
 * one of them by units kept under their blob ids, without listing or reading the org again.
 */
export async function openLocalOrg(file: string, includeTests: boolean): Promise<OrgView> {
  if (!existsSync(file)) {
    throw new UserError(
      "index-missing",
      `${file}: no index here yet, so there is nothing to check against.`,
      INDEX_HINT,
    );
  }
  const index = await openIndex(file, { readonly: true });
  try {
    const stored = index.latestScan();
    if (!stored) {
      throw new UserError("index-empty", `${file}: the index holds no finished scan yet.`, INDEX_HINT);
    }
    const parsed = scanResultSchema.safeParse(stored.result);
    if (!parsed.success) {
      throw new UserError(
        "index-old",
        `${file}: its last scan (${stored.finishedAt}) was written by another version of lineitem.`,
        "Run `lineitem scan` again to bring it up to date.",
      );
    }
    const files = index.scanFiles(stored.id);
    return {
      kind: "sqlite",
      where: file,
      scannedAt: stored.finishedAt,
      result: parsed.data,
      getParsed: (blobSha, kind) => index.getParsed(blobSha, kind),
      candidates: files
        ? async (_units, visit) => {
            for (const row of files) {
              if (row.isTest && !includeTests) continue;
              const outcome = index.getParsed(row.blobSha, row.kind) as { ok: boolean; parsed?: FileUnits };
              if (!outcome?.ok || !outcome.parsed) continue;
              visit({ repo: row.repo, path: row.path, team: row.team, units: outcome.parsed.units });
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
    result,
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
        visit({ repo: row.repo, path: row.path, team: row.team, units: outcome.parsed.units });
      }
    },
    close: () => db.close(),
  };
}
