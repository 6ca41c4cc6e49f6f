import { join, resolve } from "node:path";
import { type ConcernDefinition, concernDefinitionFiles, loadConcernDefinitions } from "../concerns/index.js";
import { type LineitemConfig, loadConfig } from "../config/index.js";
import type { RepoHistory } from "../history/index.js";
import { languageOf } from "../lang/index.js";
import type { ScanResult } from "../result/index.js";
import { DiagnosticLog, isUserError } from "../shared/index.js";
import { discoverRepos, type RepoTarget } from "../sources/index.js";
import { openIndex, type ScanFile, type ScanIndex } from "../store/index.js";
import { findAndAssemble, similarityOptions } from "./findings.js";
import { type HistoryStore, readOrgHistory } from "./history.js";
import { scanInputKey } from "./input-key.js";
import { listOrg, type OrgListing, type RepoRead } from "./list-org.js";
import { goldenPackageNames, matchingKeyOf } from "./org-db.js";
import { createParsePool } from "./parse-pool.js";
import type { ProgressListener } from "./progress.js";
import { parseOrg } from "./read-repos.js";
import { keepPrints } from "./unit-prints.js";

export interface ScanOptions {
  /** Git repositories, folders of repositories, monorepos or plain folders. */
  paths: string[];
  cwd: string;
  configFile?: string;
  /** Overrides the config's includeTests. */
  includeTests?: boolean;
  /** Hears each stage and how far it is, for a progress bar or progress lines. */
  onProgress?: ProgressListener;
  /** The clock, so tests can pin `generatedAt`. */
  now?: () => Date;
  /** List clone groups judged boilerplate (scaffolding, shapes everywhere) instead of only counting them. */
  showBoilerplate?: boolean;
  /** Worker threads for reading and parsing; default: the machine's cores. */
  workers?: number;
  /** Per-person figures in the ledger (off: teams only). */
  people?: boolean;
  /** Emails beside people's names (off unless asked). */
  emails?: boolean;
  /**
   * Keep the index (units by content, histories by commit, finished scans) so a re-run parses only
   * changed files and reads only changed histories. Off unless asked (the CLI asks).
   */
  index?: IndexOptions;
}

export interface IndexOptions {
  /** The index file; default `.lineitem/index.sqlite` beside the config, or in the current folder. */
  file?: string;
  /** Take nothing from the index (parse everything, read all history again); still write to it. */
  fresh?: boolean;
  /** Wait this long for another scan writing the same index (ms); default 0: fail at once. */
  waitMs?: number;
  /** Told when another scan holds the index and this one starts waiting. */
  onWait?: (holder: string) => void;
}

/** Where the index lives when not given: beside the config, or in the current folder. */
export function defaultIndexFile(baseDir: string): string {
  return join(baseDir, ".lineitem", "index.sqlite");
}

/** The whole job: repositories in, the scan result (versioned JSON shape) out. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const log = new DiagnosticLog();
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: options.paths, cwd: options.cwd });
  const { config } = loaded;
  const includeTests = options.includeTests ?? config.includeTests;
  const definitionFiles = concernDefinitionFiles(config.concerns, loaded.baseDir).map(({ file }) => file);
  const targets = await discoverRepos(options.paths, options.cwd, log);

  const index = options.index ? await openIndexFor(options.index, options.cwd, loaded.baseDir, log) : null;
  try {
    const fresh = options.index?.fresh ?? false;
    const stats = index
      ? { known: fresh ? new Map() : index.fileStats(targets.map((target) => target.root)), fresh: [] }
      : null;
    const listing = await listOrg(targets, config, { languageOf }, log, progress, stats);
    if (index && stats && stats.fresh.length > 0) index.putFileStats(stats.fresh);
    const goldenPackages = goldenPackageNames(config);
    const resultOptions = {
      includeTests,
      showBoilerplate: options.showBoilerplate ?? false,
      people: options.people ?? false,
      emails: options.emails ?? false,
    };
    const inputKey = scanInputKey(listing, { config, definitionFiles, options: resultOptions });
    if (index && !fresh) {
      const previous = index.scanWithInput(inputKey);
      if (previous) {
        progress({
          stage: "save",
          message: `nothing changed since the scan finished ${previous.finishedAt}: its result is reused`,
        });
        // Not checked against the schema again: the same build of lineitem wrote it (the key says so).
        return { ...(previous.result as ScanResult), generatedAt: now().toISOString() };
      }
    }
    const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
    const reading = index && !fresh ? index : index ? writeOnly(index) : null;
    const { result, reads: read } = await computeScan({
      options: resultOptions,
      listing,
      config,
      configFile: loaded.file ?? null,
      definitions,
      targets,
      goldenPackages,
      matchingKey: matchingKeyOf(definitions, goldenPackages),
      workers: options.workers,
      store: reading,
      log,
      progress,
      now: now(),
    });
    if (index) {
      progress({ stage: "save", message: "saving the result in the index" });
      keepPrints(index, listing, read, similarityOptions(config));
      index.saveScan(
        {
          inputKey,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
          repos: result.repos.length,
          files: listing.entries.length,
          result,
        },
        scanFilesOf(listing),
      );
    }
    return result;
  } finally {
    index?.close();
  }
}

/**
 * The index the options ask for. One given by path must open; the default one is a convenience, so a
 * folder that cannot be written (a read-only checkout) costs only the index, with a warning.
 */
export async function openIndexFor(
  options: IndexOptions,
  cwd: string,
  baseDir: string,
  log: DiagnosticLog,
): Promise<ScanIndex | null> {
  const file = options.file ? resolve(cwd, options.file) : defaultIndexFile(baseDir);
  try {
    return await openIndex(file, {
      waitMs: options.waitMs ?? 0,
      ...(options.onWait ? { onWait: options.onWait } : {}),
    });
  } catch (error) {
    if (options.file || !isUserError(error) || error.code !== "index-unwritable") throw error;
    log.warn(
      "index-unwritable",
      `${error.message} Scanned without an index: nothing is kept for the next run.`,
    );
    return null;
  }
}

/** The files a scan read, kept beside its result so `lineitem check` can look up copies of new code. */
function scanFilesOf(listing: OrgListing): ScanFile[] {
  return listing.entries.flatMap((entry) =>
    entry.content.ok
      ? [
          {
            repo: entry.file.repo,
            path: entry.file.path,
            blobSha: entry.content.blobSha,
            kind: entry.kind,
            team: entry.owner.team,
            isTest: entry.file.isTest,
          },
        ]
      : [],
  );
}

/** An index to write to but not read from (--no-cache): everything is computed again, then kept. */
export function writeOnly(index: ScanIndex): ScanIndex {
  return {
    ...index,
    getParsed: () => undefined,
    getMatched: () => undefined,
    getHistory: () => undefined,
  };
}

interface ComputeInput {
  options: { includeTests: boolean; showBoilerplate: boolean; people: boolean; emails: boolean };
  listing: OrgListing;
  config: LineitemConfig;
  configFile: string | null;
  definitions: ConcernDefinition[];
  targets: RepoTarget[];
  goldenPackages: string[];
  matchingKey: string;
  workers: number | undefined;
  store: ScanIndex | null;
  log: DiagnosticLog;
  progress: ProgressListener;
  now: Date;
}

/** lang → concerns, then similarity → clusters → history → ledger over what was read. */
async function computeScan(input: ComputeInput): Promise<{ result: ScanResult; reads: RepoRead[] }> {
  const { config, definitions, log, progress, store } = input;
  const { includeTests } = input.options;
  const pool = createParsePool(input.workers === undefined ? {} : { workers: input.workers });
  const matching = {
    definitions,
    goldenPackages: input.goldenPackages,
    includeTests,
    key: input.matchingKey,
  };
  const reads = await parseOrg(
    input.listing,
    { languageOf },
    pool,
    matching,
    config,
    store,
    log,
    progress,
  ).finally(() => pool.close());
  const historyStore: HistoryStore | null = store
    ? {
        get: (repo, key) => {
          const kept = store.getHistory(repo, key) as RepoHistory | undefined;
          // Taken back only in the shape a scan writes; anything else is read again from git.
          return kept && kept.files instanceof Map && kept.people instanceof Map ? kept : null;
        },
        put: (repo, key, history) => store.putHistory(repo, key, history),
      }
    : null;
  const result = await findAndAssemble({
    reads,
    config,
    configFile: input.configFile,
    definitions,
    options: input.options,
    now: input.now,
    log,
    progress,
    history: (wanted) => readOrgHistory(input.targets, wanted, config, log, historyStore),
  });
  return { result, reads };
}
