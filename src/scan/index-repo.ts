import { type FoundImplementation, fanIn, groupByConcern } from "../clusters/index.js";
import { loadConcernDefinitions } from "../concerns/index.js";
import { loadConfig } from "../config/index.js";
import { languageOf, type Unit } from "../lang/index.js";
import { DiagnosticLog, UserError } from "../shared/index.js";
import { fileFingerprints, unitBands } from "../similarity/index.js";
import { discoverRepos, type RepoTarget } from "../sources/index.js";
import { connectPg, type MatchedEntry, type ParsedEntry, type PgRepoSnapshot } from "../store/index.js";
import { goldenPackagesOf } from "./assemble.js";
import { similarityOptions } from "./findings.js";
import { type HistoryRequest, readOrgHistory, requestOf } from "./history.js";
import { listOrg, type RepoRead } from "./list-org.js";
import { databaseUrl, goldenPackageNames, matchingKeyOf } from "./org-db.js";
import { createParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import { parseOrg } from "./read-repos.js";
import type { ScannedFile } from "./scanned-file.js";
import { placedUnits } from "./unit-ref.js";
import type { UnitStore } from "./unit-store.js";

export interface IndexRepoOptions {
  paths: string[];
  cwd: string;
  /** postgres://…; default: the config's `database`. */
  db?: string;
  configFile?: string;
  /** The repository's name in the org index (default: its folder's name); one PATH only. */
  name?: string;
  includeTests?: boolean;
  workers?: number;
  onProgress?: ProgressListener;
}

export interface IndexedRepo {
  name: string;
  files: number;
  /** Files read that were parsed now (by content: one blob at two paths is parsed once). */
  parsed: number;
  /** Files read whose units the index already had, by content. */
  reused: number;
  units: number;
  implementations: number;
}

/**
 * `lineitem index REPO --db URL`: reads one repository as a scan would (units, concern matches, teams,
 * history of its implementations' lines), and replaces that repository's snapshot in the org-wide index,
 * with the LSH band keys of its units and the fan-in of its implementations, in one transaction. Runs in
 * the repository's own CI; only what the database does not have yet is parsed.
 */
export async function indexRepos(options: IndexRepoOptions): Promise<IndexedRepo[]> {
  const progress = options.onProgress ?? (() => {});
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: options.paths, cwd: options.cwd });
  const { config } = loaded;
  const includeTests = options.includeTests ?? config.includeTests;
  const log = new DiagnosticLog();
  const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
  const found = await discoverRepos(options.paths, options.cwd, log);
  if (options.name && found.length !== 1) {
    throw new UserError(
      "usage",
      `--name names one repository; ${options.paths.join(" ")} holds ${found.length}.`,
    );
  }
  const targets: RepoTarget[] = options.name
    ? found.map((t) => ({ ...t, name: options.name as string }))
    : found;
  const goldenPackages = goldenPackageNames(config);
  const matchingKey = matchingKeyOf(definitions, goldenPackages);
  const similarity = similarityOptions(config);
  const db = await connectPg(databaseUrl(options.db, config.database));
  const pool = createParsePool(options.workers === undefined ? {} : { workers: options.workers });
  const done: IndexedRepo[] = [];
  try {
    // One repository at a time: memory is bounded by the largest repository, not by the org.
    for (const target of targets) {
      const repoLog = new DiagnosticLog();
      const listing = await listOrg([target], config, { languageOf }, repoLog, progress);
      const keys = listing.entries.flatMap((e) =>
        e.content.ok ? [{ blobSha: e.content.blobSha, kind: e.kind }] : [],
      );
      const known = await db.parsed(keys);
      const knownMatches = await db.matched(
        listing.entries.flatMap((e) =>
          e.content.ok ? [{ blobSha: e.content.blobSha, kind: e.kind, path: e.file.path }] : [],
        ),
        matchingKey,
      );
      const newParsed: ParsedEntry[] = [];
      const newMatched: MatchedEntry[] = [];
      const store: UnitStore = {
        getParsed: (blobSha, kind) => known.get(`${blobSha} ${kind}`),
        putParsed: (entries) => newParsed.push(...entries),
        getMatched: (blobSha, kind, path) => knownMatches.get(`${blobSha} ${kind} ${path}`),
        putMatched: (entries) => newMatched.push(...entries),
      };
      const matching = { definitions, goldenPackages, includeTests, key: matchingKey };
      const [read] = await parseOrg(
        listing,
        { languageOf },
        pool,
        matching,
        config,
        store,
        repoLog,
        progress,
      );
      const repoRead = read as RepoRead;
      const files = includeTests ? repoRead.files : repoRead.files.filter((f) => !f.isTest);
      const implementations: FoundImplementation[] = files.flatMap((file, index) =>
        file.implementations.map((draft) => ({ ...draft, file: index })),
      );
      const bands = files.flatMap((file) =>
        file.units.flatMap((unit, index) => {
          const keys = unitBands(unit.tokens, similarity);
          return keys ? [{ file, path: file.path, unit: index, ...keys }] : [];
        }),
      );
      // Implementations' own lines, and the lines of every unit long enough to be a copy (a cluster the
      // report finds across repositories is counted as a local scan would count it), and every file by
      // name.
      const bandedUnits = new Map<ScannedFile, Unit[]>();
      for (const band of bands) {
        const list = bandedUnits.get(band.file) ?? [];
        list.push(band.file.units[band.unit] as Unit);
        bandedUnits.set(band.file, list);
      }
      const wanted = new Map<string, HistoryRequest[]>([
        [
          target.name,
          [
            ...implementations.map((impl) => {
              const file = files[impl.file] as ScannedFile;
              return requestOf(file.path, placedUnits(impl, file.units));
            }),
            ...files.map((file) => requestOf(file.path, bandedUnits.get(file) ?? [])),
          ],
        ],
      ]);
      progress({ stage: "history", message: `reading the history of ${target.name}` });
      const history = await readOrgHistory([target], wanted, config, repoLog, null);
      // A golden path in this repository is also called through its package name.
      const goldenPackage = goldenPackagesOf(groupByConcern(files, implementations, config.goldenPaths));
      const callers = fanIn(files, implementations, (impl) => goldenPackage.get(impl));
      const kindOf = new Map(listing.entries.map((entry) => [entry.file.path, entry.kind]));
      const snapshot: PgRepoSnapshot = {
        repo: {
          name: target.name,
          kind: target.kind,
          scope: target.scope ?? null,
          head: repoRead.head,
          codeowners: repoRead.codeowners,
          matching: matchingKey,
          includeTests,
          skipped: repoRead.skipped,
          diagnostics: repoLog.entries,
          history: history.repos.get(target.name) ?? null,
        },
        files: repoRead.files.map((file) => ({
          path: file.path,
          blobSha: file.blobSha,
          kind: kindOf.get(file.path) ?? "",
          language: file.language,
          team: file.team,
          ownerSource: file.ownerSource,
          isTest: file.isTest,
          lines: file.lines,
          units: file.units.length,
          modules: [...new Set(file.imports.map((imp) => imp.module))],
        })),
        bands: bands.map(({ path, unit, stream, keys }) => ({ path, unit, stream, keys })),
        prints: files.map((file) => ({
          path: file.path,
          hashes: fileFingerprints(
            file.units.map((unit) => unit.tokens),
            similarity,
          ),
        })),
        fanIn: implementations.map((impl, index) => ({
          path: (files[impl.file] as ScannedFile).path,
          concern: impl.concern,
          callers: callers[index] ?? 0,
        })),
        parsed: newParsed,
        matched: newMatched.map((entry) => ({
          ...entry,
          count: (entry.implementations as unknown[]).length,
        })),
      };
      progress({ stage: "save", message: `writing ${target.name} to ${db.where}` });
      await db.writeSnapshot(snapshot);
      done.push({
        name: target.name,
        files: repoRead.files.length,
        ...parsedAndReused(repoRead.files, newParsed),
        units: snapshot.bands.length,
        implementations: implementations.length,
      });
    }
  } finally {
    await pool.close();
    await db.close();
  }
  return done;
}

/**
 * Of the files read (not those set aside after reading, such as generated code), by content: how many
 * were parsed now, and how many the index already had.
 */
function parsedAndReused(
  files: readonly { blobSha: string }[],
  parsed: readonly ParsedEntry[],
): { parsed: number; reused: number } {
  const now = new Set(parsed.map((entry) => entry.blobSha));
  const read = new Set(files.map((file) => file.blobSha));
  let fresh = 0;
  for (const blob of read) if (now.has(blob)) fresh++;
  return { parsed: fresh, reused: read.size - fresh };
}
