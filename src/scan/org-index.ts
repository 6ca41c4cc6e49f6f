import type { FoundImplementation } from "../clusters/index.js";
import { fanIn, groupByConcern } from "../clusters/index.js";
import { loadConcernDefinitions } from "../concerns/index.js";
import { loadConfig } from "../config/index.js";
import type { RepoHistory } from "../history/index.js";
import { type FileUnits, type LanguageId, languageOf, type Unit } from "../lang/index.js";
import type { ScanResult } from "../result/index.js";
import { DiagnosticLog, UserError } from "../shared/index.js";
import { fileFingerprints, unitBands } from "../similarity/index.js";
import { discoverRepos, type RepoTarget } from "../sources/index.js";
import {
  connectPg,
  type MatchedEntry,
  type ParsedEntry,
  type PgIndex,
  type PgRepoSnapshot,
} from "../store/index.js";
import type { OrgTotals } from "./assemble.js";
import { findAndAssemble, similarityOptions } from "./findings.js";
import { type HistoryRequest, orgHistoryFrom, readOrgHistory, requestOf } from "./history.js";
import { hashOf } from "./input-key.js";
import { createParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import { listOrg, parseOrg, type RepoRead } from "./read-repos.js";
import type { ScannedFile } from "./scanned-file.js";
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

function databaseUrl(given: string | undefined, configured: string | undefined): string {
  const url = given ?? configured;
  if (!url) {
    throw new UserError(
      "usage",
      "no database: give --db postgres://…, set LINEITEM_DATABASE_URL, or `database:` in lineitem.config.yaml.",
    );
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UserError(
      "usage",
      `--db ${url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1:***@")}: not a postgres:// URL.`,
    );
  }
  return url;
}

export interface IndexedRepo {
  name: string;
  files: number;
  parsed: number;
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
  const goldenPackages = [...new Set(config.goldenPaths.flatMap((g) => (g.package ? [g.package] : [])))];
  const matchingKey = hashOf({ definitions, goldenPackages });
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
        bandedUnits.set(band.file, [
          ...(bandedUnits.get(band.file) ?? []),
          band.file.units[band.unit] as Unit,
        ]);
      }
      const wanted = new Map<string, HistoryRequest[]>([
        [
          target.name,
          [
            ...implementations.map((impl) => {
              const file = files[impl.file] as ScannedFile;
              return requestOf(
                file.path,
                impl.units.map((u) => file.units[u] as Unit),
              );
            }),
            ...files.map((file) => requestOf(file.path, bandedUnits.get(file) ?? [])),
          ],
        ],
      ]);
      progress({ stage: "history", message: `reading the history of ${target.name}` });
      const history = await readOrgHistory([target], wanted, config, repoLog, null);
      // A golden path in this repository is also called through its package name.
      const goldenPackage = new Map<FoundImplementation, string>();
      for (const group of groupByConcern(files, implementations, config.goldenPaths)) {
        const golden = group.golden === undefined ? undefined : group.implementations[group.golden];
        if (golden && group.goldenPath?.package) goldenPackage.set(golden, group.goldenPath.package);
      }
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
        parsed: newParsed.length,
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

export interface ReportFromDbOptions {
  /** postgres://…; default: the config's `database`. */
  db?: string;
  cwd: string;
  configFile?: string;
  now?: () => Date;
  showBoilerplate?: boolean;
  people?: boolean;
  emails?: boolean;
  onProgress?: ProgressListener;
}

/**
 * `lineitem report --db URL`: the scan result across every repository in the org-wide index. Candidate
 * copies come from a join on LSH band keys inside PostgreSQL; only the files that hold implementations or
 * candidates are loaded, and everything else the result counts (files, lines, teams, fan-in, history) was
 * kept per repository by `lineitem index`. No process ever holds the whole org.
 */
export async function reportFromDb(options: ReportFromDbOptions): Promise<ScanResult> {
  const progress = options.onProgress ?? (() => {});
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: [], cwd: options.cwd });
  const { config } = loaded;
  const log = new DiagnosticLog();
  const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
  const goldenPackages = [...new Set(config.goldenPaths.flatMap((g) => (g.package ? [g.package] : [])))];
  const matchingKey = hashOf({ definitions, goldenPackages });
  const similarity = similarityOptions(config);
  const db = await connectPg(databaseUrl(options.db, config.database));
  try {
    const repos = await db.repos();
    if (repos.length === 0) {
      throw new UserError(
        "index-empty",
        `${db.where}: no repository has been indexed yet.`,
        "Run `lineitem index REPO --db URL` in each repository first.",
      );
    }
    const stale = repos.filter((repo) => repo.matching !== matchingKey).map((repo) => repo.name);
    if (stale.length > 0) {
      throw new UserError(
        "index-definitions",
        `${db.where}: ${stale.join(", ")} ${stale.length === 1 ? "was" : "were"} indexed with other concern definitions or golden paths than this configuration's.`,
        "Index them again with this configuration (lineitem index REPO --db URL --config …), or report with the configuration they used.",
      );
    }
    const includeTests = repos.every((repo) => repo.includeTests);
    progress({
      stage: "copies",
      message: `finding candidate copies across ${repos.length} repositories in the database`,
    });
    // Adoptions are imports of a golden path's package or of a concern's well-known library.
    const adopted = [...new Set([...goldenPackages, ...definitions.flatMap((d) => d.libraries)])];
    const refs = new Map<string, { repo: string; path: string }>();
    for (const ref of [
      ...(await db.candidateFiles(similarity.maxBucket)),
      ...(await db.implementationFiles()),
      ...(await db.importingFiles(adopted)),
    ]) {
      refs.set(`${ref.repo}\0${ref.path}`, ref);
    }
    progress({ stage: "read", message: `loading the units of ${refs.size} files` });
    const rows = await db.loadFiles(
      [...refs.values()].sort((a, b) => a.repo.localeCompare(b.repo) || a.path.localeCompare(b.path)),
    );
    const filesByRepo = new Map<string, ScannedFile[]>();
    for (const row of rows) {
      const outcome = row.outcome as { ok: boolean; parsed?: FileUnits } | undefined;
      if (!outcome?.ok || !outcome.parsed) continue;
      const list = filesByRepo.get(row.repo) ?? [];
      list.push({
        repo: row.repo,
        path: row.path,
        blobSha: row.blobSha,
        team: row.team,
        ownerSource: row.ownerSource as ScannedFile["ownerSource"],
        language: row.language as LanguageId,
        isTest: row.isTest,
        lines: row.lines,
        imports: outcome.parsed.imports,
        units: outcome.parsed.units,
        implementations: row.implementations as ScannedFile["implementations"],
      });
      filesByRepo.set(row.repo, list);
    }
    const reads: RepoRead[] = repos.map((repo) => ({
      // No checkout here: the index ran where the repository lives.
      target: {
        name: repo.name,
        root: "",
        kind: repo.kind as RepoTarget["kind"],
        ...(repo.scope ? { scope: repo.scope } : {}),
      },
      codeowners: repo.codeowners,
      head: repo.head,
      files: filesByRepo.get(repo.name) ?? [],
      skipped: repo.skipped as RepoRead["skipped"],
    }));
    for (const repo of repos) log.entries.push(...(repo.diagnostics as DiagnosticLog["entries"]));
    const histories = new Map<string, RepoHistory>();
    const states: Parameters<typeof orgHistoryFrom>[1] = new Map();
    for (const repo of repos) {
      const history = repo.history as RepoHistory | null;
      if (history) histories.set(repo.name, history);
      states.set(
        repo.name,
        history ? { state: history.state, commits: history.commits } : { state: "none", commits: null },
      );
    }
    const callers = new Map(
      (await db.fanIn()).map((row) => [`${row.repo}\0${row.path}\0${row.concern}`, row.callers]),
    );
    const partial = {
      totals: totalsFrom(await db.totals()),
      folderFiles: await db.folderFiles(includeTests),
      fanIn: (impl: FoundImplementation, file: ScannedFile) =>
        callers.get(`${file.repo}\0${file.path}\0${impl.concern}`) ?? 0,
    };
    return await findAndAssemble({
      reads,
      config,
      configFile: loaded.file ?? null,
      definitions,
      options: {
        includeTests,
        showBoilerplate: options.showBoilerplate ?? false,
        people: options.people ?? false,
        emails: options.emails ?? false,
      },
      now: (options.now ?? (() => new Date()))(),
      log,
      progress,
      history: async () => orgHistoryFrom(histories, states),
      partial,
    });
  } finally {
    await db.close();
  }
}

function totalsFrom(rows: Awaited<ReturnType<PgIndex["totals"]>>): OrgTotals {
  const totals: OrgTotals = {
    filesRead: 0,
    testFiles: 0,
    units: 0,
    lines: 0,
    byLanguage: {},
    teams: [],
    filesReadByRepo: new Map(),
  };
  const teams = new Map<string, { repos: Set<string>; files: number; byRepositoryName: boolean }>();
  for (const row of rows) {
    totals.filesRead += row.files;
    if (row.isTest) totals.testFiles += row.files;
    totals.units += row.units;
    totals.lines += row.lines;
    const lang = totals.byLanguage[row.language] ?? { files: 0, lines: 0 };
    totals.byLanguage[row.language] = lang;
    lang.files += row.files;
    lang.lines += row.lines;
    const team = teams.get(row.team) ?? { repos: new Set<string>(), files: 0, byRepositoryName: true };
    team.repos.add(row.repo);
    team.files += row.files;
    team.byRepositoryName &&= row.ownerSource === "fallback";
    teams.set(row.team, team);
    totals.filesReadByRepo.set(row.repo, (totals.filesReadByRepo.get(row.repo) ?? 0) + row.files);
  }
  totals.teams = [...teams]
    .map(([name, t]) => ({
      name,
      repos: [...t.repos].sort(),
      files: t.files,
      byRepositoryName: t.byRepositoryName,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return totals;
}
