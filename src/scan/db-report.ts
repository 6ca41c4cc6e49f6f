import type { FoundImplementation } from "../clusters/index.js";
import { importsByPath, loadConcernDefinitions, relativeImportKey } from "../concerns/index.js";
import { loadConfig } from "../config/index.js";
import type { RepoHistory } from "../history/index.js";
import type { FileUnits, LanguageId } from "../lang/index.js";
import { counted, type ScanResult } from "../result/index.js";
import { DiagnosticLog, UserError } from "../shared/index.js";
import type { RepoTarget } from "../sources/index.js";
import { connectPg } from "../store/index.js";
import { findAndAssemble, similarityOptions } from "./findings.js";
import { orgHistoryFrom } from "./history.js";
import type { RepoRead } from "./list-org.js";
import { databaseUrl, goldenPackageNames, matchingKeyOf } from "./org-db.js";
import type { ProgressListener } from "./progress.js";
import type { ScannedFile } from "./scanned-file.js";
import { totalsOfRows } from "./totals.js";

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
  const goldenPackages = goldenPackageNames(config);
  const matchingKey = matchingKeyOf(definitions, goldenPackages);
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
      message: `finding candidate copies across ${counted(repos.length, "repository", "repositories")} in the database`,
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
    progress({ stage: "read", message: `loading the units of ${counted(refs.size, "file")}` });
    const rows = await db.loadFiles(
      [...refs.values()].sort((a, b) => a.repo.localeCompare(b.repo) || a.path.localeCompare(b.path)),
    );
    const filesByRepo = new Map<string, ScannedFile[]>();
    for (const file of rows.flatMap(scannedFileOf)) {
      const list = filesByRepo.get(file.repo) ?? [];
      list.push(file);
      filesByRepo.set(file.repo, list);
    }
    // The modules implementations import, for the defaults they keep apart (the drift table's values):
    // read only for that, not searched for copies or concerns.
    const moduleRefs = importedModuleRefs([...filesByRepo.values()].flat()).filter(
      (ref) => !refs.has(`${ref.repo}\0${ref.path}`),
    );
    const modules = (moduleRefs.length > 0 ? await db.loadFiles(moduleRefs) : [])
      .flatMap(scannedFileOf)
      .filter((file) => includeTests || !file.isTest);
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
      modules,
      totals: totalsOfRows(await db.totals()),
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

type LoadedRow = Awaited<ReturnType<Awaited<ReturnType<typeof connectPg>>["loadFiles"]>>[number];

/** A stored file as the scan reads it; none for a file its parser could not read. */
function scannedFileOf(row: LoadedRow): ScannedFile[] {
  const outcome = row.outcome as { ok: boolean; parsed?: FileUnits } | undefined;
  if (!outcome?.ok || !outcome.parsed) return [];
  return [
    {
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
    },
  ];
}

/** Extensions a relative JavaScript or TypeScript import may leave out, as file or folder index. */
const MODULE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/**
 * Every path the relative imports of the files holding implementations may name: the database keeps
 * files by path, and an import names a module without its extension, or its folder.
 */
function importedModuleRefs(files: ScannedFile[]): { repo: string; path: string }[] {
  const refs = new Map<string, { repo: string; path: string }>();
  for (const file of files) {
    if (file.implementations.length === 0 || !importsByPath(file.language)) continue;
    for (const imp of file.imports) {
      const key = relativeImportKey(file.path, imp.module);
      if (key === null) continue;
      for (const path of MODULE_EXTENSIONS.flatMap((ext) => [`${key}${ext}`, `${key}/index${ext}`])) {
        refs.set(`${file.repo}\0${path}`, { repo: file.repo, path });
      }
    }
  }
  return [...refs.values()];
}
