import { join } from "node:path";
import { type FoundImplementation, groupByConcern, unnamedGroups } from "../clusters/index.js";
import { loadConcernDefinitions } from "../concerns/index.js";
import { loadConfig } from "../config/index.js";
import { languageOf, type Unit } from "../lang/index.js";
import type { ScanResult } from "../result/index.js";
import { DiagnosticLog } from "../shared/index.js";
import { DEFAULT_SIMILARITY } from "../similarity/index.js";
import { discoverRepos, type SkippedFile } from "../sources/index.js";
import { assembleResult } from "./assemble.js";
import { assembleClones } from "./assemble-clones.js";
import { findOrgClones } from "./clones.js";
import { type HistoryRequest, readOrgHistory, requestOf } from "./history.js";
import { createParsePool } from "./parse-pool.js";
import { readRepos } from "./read-repos.js";
import type { ScannedFile } from "./scanned-file.js";

export interface ScanOptions {
  /** Git repositories, folders of repositories, monorepos or plain folders. */
  paths: string[];
  cwd: string;
  configFile?: string;
  /** Overrides the config's includeTests. */
  includeTests?: boolean;
  /** Called at each stage, for progress lines. */
  onProgress?: (message: string) => void;
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
   * Keep complete repository histories by commit under `.lineitem/cache/` beside the config (or in the
   * current folder), so a re-run of an unchanged org reads no history. Off unless asked (the CLI asks).
   */
  cache?: boolean;
}

/** The keys of a config section that were given (zod leaves the others undefined). */
function definedOnly<T extends object>(section: T): Partial<T> {
  return Object.fromEntries(Object.entries(section).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The whole job: repositories in, the scan result (versioned JSON shape) out. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const progress = options.onProgress ?? (() => {});
  const log = new DiagnosticLog();
  const loaded = loadConfig({ configFile: options.configFile, scanPaths: options.paths, cwd: options.cwd });
  const { config } = loaded;
  const includeTests = options.includeTests ?? config.includeTests;
  const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
  const targets = await discoverRepos(options.paths, options.cwd, log);

  const goldenPackages = [
    ...new Set(config.goldenPaths.flatMap((golden) => (golden.package ? [golden.package] : []))),
  ];
  const pool = createParsePool(options.workers === undefined ? {} : { workers: options.workers });
  const matching = { definitions, goldenPackages, includeTests };
  const reads = await readRepos(targets, config, { languageOf }, pool, matching, log, progress).finally(() =>
    pool.close(),
  );
  const allFiles = reads.flatMap((read) => read.files);
  const skipped: SkippedFile[] = reads.flatMap((read) => read.skipped);
  const files = includeTests ? allFiles : allFiles.filter((file) => !file.isTest);

  // Concerns were matched where each file was parsed; here they only get their place in `files`.
  const implementations: FoundImplementation[] = files.flatMap((file, index) =>
    file.implementations.map((draft) => ({ ...draft, file: index })),
  );
  progress(`looking for copies among ${files.reduce((sum, f) => sum + f.units.length, 0)} units`);
  const similarity = { ...DEFAULT_SIMILARITY, ...definedOnly(config.similarity) };
  const clones = findOrgClones(
    files,
    reads,
    implementations,
    { goldenPaths: config.goldenPaths, rules: config.canonical },
    similarity,
  );
  const groups = groupByConcern(files, implementations, config.goldenPaths);
  const memberUnits = new Set(
    implementations.flatMap((impl) => impl.units.map((unit) => `${impl.file}:${unit}`)),
  );
  const unnamed = unnamedGroups(files, clones.unitGroups, (file, unit) => memberUnits.has(`${file}:${unit}`));

  // History is read for the lines of every finding: implementations and members of unnamed clusters.
  const wanted = new Map<string, HistoryRequest[]>();
  const want = (fileIndex: number, units: number[]) => {
    const file = files[fileIndex] as ScannedFile;
    const list = wanted.get(file.repo) ?? [];
    list.push(
      requestOf(
        file.path,
        units.map((u) => file.units[u] as Unit),
      ),
    );
    wanted.set(file.repo, list);
  };
  for (const impl of implementations) want(impl.file, impl.units);
  for (const group of unnamed) for (const member of group.members) want(member.file, member.units);
  progress("reading history");
  const cacheDir = options.cache ? join(loaded.baseDir, ".lineitem", "cache", "history") : null;
  const history = await readOrgHistory(targets, wanted, config, log, cacheDir);

  return assembleResult({
    now: (options.now ?? (() => new Date()))(),
    configFile: loaded.file ?? null,
    includeTests,
    reads,
    allFiles,
    files,
    skipped,
    definitions,
    groups,
    implementations,
    clones: clones.unitGroups,
    cloneSection: assembleClones(clones, files, similarity, options.showBoilerplate ?? false),
    unnamed,
    history,
    ledger: {
      ledger: config.ledger,
      advisor: config.advisor,
      people: options.people ?? false,
      emails: options.emails ?? false,
    },
    diagnostics: log.entries,
  });
}
